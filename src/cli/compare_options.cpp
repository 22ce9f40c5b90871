#include "cli/compare_options.hpp"

#include <iostream>
#include <unistd.h>

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/text.hpp"

namespace clausebook::cli {

namespace po = boost::program_options;

const model::Outline& pick_outline(const model::Repository& repo, const po::variables_map& vm, const std::vector<const model::School*>& schools) {
    std::vector<std::string> ids;
    for (const auto& o : repo.outlines) ids.push_back(o.id);
    if (vm.count("policy")) {
        std::string id = vm["policy"].as<std::string>();
        if (const model::Outline* o = repo.outline(id)) {
            for (const auto* s : schools)
                if (!s->keeps(o->id)) throw util::Fatal(s->id + " does not keep policy '" + id + "' (" + s->path + " does not list it under policies:)");
            return *o;
        }
        for (const auto& s : repo.schools)
            if (s.register_entry(id))
                throw util::Fatal(
                    "'" + id + "' is a register entry, a policy clausebook does not write: there is no text to compare; the policies clausebook writes are: " +
                    util::join(ids, ", "));
        std::string hint = util::did_you_mean(id, ids);
        throw util::Fatal("there is no policy '" + id + "'; " + (hint.empty() ? "the policies are: " + util::join(ids, ", ") : hint));
    }
    if (repo.outlines.empty()) throw util::Fatal("the repository has no policy outlines under templates/");
    // The only policy, or else the only one the schools named all keep.
    std::vector<const model::Outline*> candidates;
    for (const auto& o : repo.outlines) {
        bool kept = true;
        for (const auto* s : schools) kept = kept && s->keeps(o.id);
        if (kept) candidates.push_back(&o);
    }
    if (repo.outlines.size() == 1) return repo.outlines.front();
    if (candidates.size() == 1 && !schools.empty()) return *candidates.front();
    throw util::Fatal("the repository has several policies; name one with --policy (" + util::join(ids, ", ") + ")");
}

std::string format_option(const po::variables_map& vm, const std::vector<std::string>& names, const std::string& fallback) {
    if (!vm.count("format")) return fallback;
    std::string f = vm["format"].as<std::string>();
    for (const auto& n : names)
        if (n == f) return f;
    std::string hint = util::did_you_mean(f, names);
    throw util::Fatal("--format: '" + f + "' is not a format; " + (hint.empty() ? "the formats are: " + util::join(names, ", ") : hint));
}

bool color_output(const po::variables_map& vm, const Io& io) {
    if (vm.count("output") || io.env.no_color) return false;
    return &io.out == &std::cout && ::isatty(STDOUT_FILENO) == 1;
}

void emit_report(const po::variables_map& vm, Io& io, const std::string& bytes) { write_report(vm, io, bytes); }

}  // namespace clausebook::cli
