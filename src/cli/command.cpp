#include "cli/command.hpp"

#include <set>

#include <iostream>

#include "load/load.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/source_files.hpp"
#include "util/text.hpp"

namespace clausebook::cli {

namespace po = boost::program_options;

std::filesystem::path repository_root(const po::variables_map& vm) {
    if (vm.count("root")) {
        std::filesystem::path root = vm["root"].as<std::string>();
        if (root.empty()) throw util::Usage("--root needs a folder: the repository, where clausebook.yaml is");
        std::error_code ec;
        if (!std::filesystem::is_regular_file(root / "clausebook.yaml", ec)) {
            if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
                throw util::Usage("--root " + root.string().substr(0, 200) + (root.string().size() > 200 ? "..." : "") + ": " + ec.message());
            throw util::Fatal("--root " + root.string() + " has no clausebook.yaml");
        }
        return std::filesystem::absolute(root);
    }
    return load::find_root(std::filesystem::current_path());
}

namespace {

// What clausebook reads: no --output or --out may name these, or lie inside them.
constexpr const char* k_input_folders[] = {"schools", "clauses", "templates", "data", "approved", ".git"};
constexpr const char* k_input_files[] = {"clausebook.yaml"};

std::filesystem::path resolved(const std::filesystem::path& p) {
    std::error_code ec;
    auto r = std::filesystem::weakly_canonical(std::filesystem::absolute(p, ec), ec);
    return ec ? std::filesystem::absolute(p).lexically_normal() : r;
}

}  // namespace

void refuse_input_path(const std::filesystem::path& root, const std::filesystem::path& path, const std::string& option, bool folder) {
    auto target = resolved(path);
    auto real_root = resolved(root);
    auto refuse = [&](const std::string& what) {
        throw util::Usage(option + " " + path.string() + " " + what + "; clausebook never writes over its own inputs: name a path outside them" +
                          (folder ? " (the default is out/)" : " (for example in out/)"));
    };
    for (const char* name : k_input_files)
        if (target == resolved(root / name)) refuse("is the repository's " + std::string(name));
    for (const char* name : k_input_folders) {
        auto input = resolved(root / name);
        if (util::inside_folder(target, input)) refuse("is inside the repository's input folder " + std::string(name) + "/");
        if (folder && util::inside_folder(input, target)) refuse("holds the repository's input folder " + std::string(name) + "/");
    }
    if (!folder && target == real_root) refuse("is the repository's folder");
}

void write_report(const po::variables_map& vm, Io& io, const std::string& bytes) {
    if (!vm.count("output")) {
        io.out << bytes;
        return;
    }
    std::filesystem::path path = vm["output"].as<std::string>();
    if (path.empty()) throw util::Usage("--output needs a file name");
    refuse_input_path(repository_root(vm), path, "--output", false);
    util::write_output(std::filesystem::absolute(path), bytes);
}

void print_diagnostics(const util::Diagnostics& diags, const util::SourceFiles& sources, Io& io) {
    // The first k_max_shown_diagnostics, then a count: 200,000 bad keys must not print (or take
    // the time to format) 200,000 messages.
    std::size_t shown = 0;
    for (const auto& d : diags.items()) {
        if (shown == k_max_shown_diagnostics) break;
        io.err << util::format_diagnostic(d, sources, io.color);
        ++shown;
    }
    if (diags.items().size() > shown)
        io.err << "clausebook: " << diags.items().size() - shown << " more problems not shown (the first " << k_max_shown_diagnostics
               << " are); fix these and run again\n";
    std::size_t errors = diags.error_count();
    if (errors) io.err << "clausebook: " << errors << (errors == 1 ? " error" : " errors") << "; nothing was written\n";
}

namespace {
std::optional<model::Repository> report(model::Repository repo, const util::Diagnostics& diags, Io& io) {
    print_diagnostics(diags, repo.sources, io);
    if (diags.has_errors()) return std::nullopt;
    return repo;
}
}  // namespace

std::optional<model::Repository> load_or_report(const std::filesystem::path& root, Io& io) {
    util::Diagnostics diags;
    model::Repository repo = load::load_repository(root, diags);
    return report(std::move(repo), diags, io);
}

std::optional<model::Repository> load_school_or_report(const std::filesystem::path& root, const std::string& school_id, Io& io) {
    util::Diagnostics diags;
    model::Repository repo = load::load_repository_for_school(root, school_id, diags);
    return report(std::move(repo), diags, io);
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

std::vector<const model::School*> select_schools(const model::Repository& repo, const std::vector<std::string>& ids) {
    return select(repo.schools, ids, "school", [](const model::School& s) { return s.id; });
}

std::vector<const model::Outline*> select_outlines(const model::Repository& repo, const std::vector<std::string>& ids) {
    return select(repo.outlines, ids, "policy", [](const model::Outline& o) { return o.id; });
}

std::vector<std::string> select_policy_ids(const model::Repository& repo, const std::vector<std::string>& ids) {
    std::set<std::string> known_set;
    for (const auto& o : repo.outlines) known_set.insert(o.id);
    for (const auto& s : repo.schools)
        for (const auto& e : s.register_entries) known_set.insert(e.id);
    std::vector<std::string> known(known_set.begin(), known_set.end());
    for (const auto& id : ids)
        if (!known_set.count(id)) {
            std::string hint = util::did_you_mean(id, known);
            throw util::Fatal("there is no policy '" + id + "'; " + (hint.empty() ? "the policies are: " + util::join(known, ", ") : hint));
        }
    return ids;
}

}  // namespace clausebook::cli
