#include "cli/command.hpp"

#include <iostream>

#include "load/load.hpp"
#include "util/error.hpp"
#include "util/source_files.hpp"
#include "util/text.hpp"

namespace clausebook::cli {

namespace po = boost::program_options;

std::filesystem::path repository_root(const po::variables_map& vm) {
    if (vm.count("root")) {
        std::filesystem::path root = vm["root"].as<std::string>();
        if (!std::filesystem::is_regular_file(root / "clausebook.yaml"))
            throw util::Fatal("--root " + root.string() + " has no clausebook.yaml");
        return std::filesystem::absolute(root);
    }
    return load::find_root(std::filesystem::current_path());
}

void print_diagnostics(const util::Diagnostics& diags, const util::SourceFiles& sources, Io& io) {
    for (const auto& d : diags.items()) io.err << util::format_diagnostic(d, sources, io.color);
    std::size_t errors = diags.error_count();
    if (errors) io.err << "clausebook: " << errors << (errors == 1 ? " error" : " errors") << "; nothing was written\n";
}

std::optional<load::Repository> load_or_report(const std::filesystem::path& root, Io& io) {
    util::Diagnostics diags;
    load::Repository repo = load::load_repository(root, diags);
    if (diags.has_errors()) {
        print_diagnostics(diags, repo.sources, io);
        return std::nullopt;
    }
    print_diagnostics(diags, repo.sources, io);
    return repo;
}

namespace {
template <class T, class IdOf>
std::vector<const T*> select(const std::vector<T>& all, const std::vector<std::string>& ids, const char* what, IdOf id_of) {
    std::vector<const T*> out;
    if (ids.empty()) {
        for (const auto& x : all) out.push_back(&x);
        return out;
    }
    std::vector<std::string> known;
    for (const auto& x : all) known.push_back(id_of(x));
    for (const auto& id : ids) {
        const T* found = nullptr;
        for (const auto& x : all)
            if (id_of(x) == id) found = &x;
        if (!found) {
            std::string hint = util::did_you_mean(id, known);
            throw util::Fatal(std::string("there is no ") + what + " '" + id + "'; " +
                              (hint.empty() ? std::string("the ") + what + "s are: " + util::join(known, ", ") : hint));
        }
        out.push_back(found);
    }
    return out;
}
}  // namespace

std::vector<const load::School*> select_schools(const load::Repository& repo, const std::vector<std::string>& ids) {
    return select(repo.schools, ids, "school", [](const load::School& s) { return s.id; });
}

std::vector<const load::Outline*> select_outlines(const load::Repository& repo, const std::vector<std::string>& ids) {
    return select(repo.outlines, ids, "policy", [](const load::Outline& o) { return o.id; });
}

}  // namespace clausebook::cli
