#include "load/load.hpp"

#include <algorithm>
#include <cctype>

#include "load/linker.hpp"
#include "load/loaders.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/parallel.hpp"

namespace clausebook::load {

using namespace model;  // load produces the model (model/repository.hpp)

namespace fs = std::filesystem;

fs::path find_root(const fs::path& start) {
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec);
    while (!dir.empty()) {
        if (fs::is_regular_file(dir / "clausebook.yaml", ec)) return dir;
        if (dir == dir.root_path()) break;
        dir = dir.parent_path();
    }
    throw util::Fatal("no clausebook.yaml found in " + fs::absolute(start, ec).string() +
                      " or any folder above it; run clausebook inside a policy repository, or name it with --root DIR");
}

namespace {

// Limits (issue 8). A country's worth of schools (about 22,000) is well inside both.
constexpr std::size_t k_max_files_per_folder = 100'000;
constexpr std::uintmax_t k_max_total_bytes = 1024ull * 1024u * 1024u;

bool ends_with_icase(const std::string& name, std::string_view suffix) {
    if (name.size() <= suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(name[name.size() - suffix.size() + i])) != suffix[i]) return false;
    return true;
}

// Whether each register entry whose location is a path names a regular file inside the
// repository (followed through links, which must not leave it). Nothing is read.
void locate_register_documents(Repository& repo, const fs::path& root) {
    std::error_code ec;
    const fs::path canonical_root = fs::canonical(root, ec);
    for (auto& school : repo.schools)
        for (auto& e : school.register_entries) {
            if (!e.location || e.location->value.rfind("https://", 0) == 0) continue;
            std::error_code ec2;
            fs::path real = fs::canonical(root / e.location->value, ec2);
            auto rel = ec2 ? fs::path() : fs::relative(real, canonical_root, ec2);
            e.location_found = !ec2 && !rel.empty() && *rel.begin() != ".." && fs::is_regular_file(real, ec2);
        }
}

struct InputFile {
    fs::path full;
    std::string display;  // relative to the root, with '/'
};

// The files below `dir` whose names end in `ext`, sorted; recursive when asked. Files that
// lead outside the repository through a link are reported and left out.
// With `only`, just the entry of that name (the one school an import reads).
std::vector<InputFile> list_inputs(const fs::path& root, const std::string& dir, const std::string& ext, bool recursive, util::Diagnostics& diags,
                                   const std::string* only = nullptr) {
    std::vector<InputFile> out;
    std::error_code ec;
    fs::path base = root / dir;
    if (!fs::is_directory(base, ec)) return out;
    fs::path canonical_root = fs::canonical(root, ec);
    auto inside = [&](const fs::path& real) {
        std::error_code ec2;
        auto rel = fs::relative(real, canonical_root, ec2);
        return !ec2 && !rel.empty() && *rel.begin() != "..";
    };
    // The folder itself may be a link out of the repository; below it, the iterators do not
    // follow links to folders, so only an entry that is itself a link needs resolving (which
    // saves a realpath per file: tens of thousands of system calls for 22,000 schools).
    bool base_inside = inside(fs::canonical(base, ec));
    auto consider = [&](const fs::directory_entry& e) {
        std::error_code ec2;
        std::string name = e.path().filename().string();
        if (only && name != *only) return;
        // Lexically: fs::relative would follow a link and name its target instead.
        std::string display = e.path().lexically_relative(root).generic_string();
        bool link = e.is_symlink(ec2);
        if (name.size() <= ext.size() || name.compare(name.size() - ext.size(), ext.size(), ext) != 0) {
            // A school or outline file with another spelling of .yaml would silently drop out of
            // every command and check.
            if (!recursive && name[0] != '.' && (ends_with_icase(name, ext) || ends_with_icase(name, ".yml")) && ext == ".yaml")
                diags.error({display, 0, 0}, "unreadable", "this file is not read: only names ending in '.yaml' (lower case) are",
                            "rename it to end in .yaml, or move it out of " + dir + "/");
            else if (recursive && link && !inside(fs::canonical(e.path(), ec2)))
                diags.error({display, 0, 0}, "outside-repository", "this folder is a link out of the repository; clausebook does not read it",
                            "copy the clauses into the repository instead of linking to them");
            return;
        }
        if (name == "README.md" || name[0] == '.') return;
        fs::path real = link || !base_inside ? fs::canonical(e.path(), ec2) : fs::path();
        if ((link || !base_inside) && ec2) {
            diags.error({display, 0, 0}, "unreadable", "this file is a link that leads nowhere (" + ec2.message() + ")",
                        "point the link at a file of the repository, or remove it");
            return;
        }
        if ((link || !base_inside) && !inside(real)) {
            diags.error({display, 0, 0}, "outside-repository", "this file is a link to " + real.string() + ", outside the repository",
                        "copy the file into the repository instead of linking to it");
            return;
        }
        if (e.is_directory(ec2)) {
            if (!recursive) diags.error({display, 0, 0}, "unreadable", "this is a folder, not a file, although its name ends in " + ext, "rename or remove it");
            return;
        }
        if (!e.is_regular_file(ec2)) {
            diags.error({display, 0, 0}, "unreadable", "this is not a regular file (a FIFO, a device or a socket)", "replace it with a file");
            return;
        }
        if (out.size() == k_max_files_per_folder) {
            diags.error(
                {dir, 0, 0}, "too-many-files",
                "this folder holds more than " + std::to_string(k_max_files_per_folder) + " input files (the limit for one folder); the rest are not read",
                "split the repository, or remove files that are not part of it");
        }
        if (out.size() >= k_max_files_per_folder) return;
        out.push_back({e.path(), display});
    };
    if (recursive) {
        for (auto it = fs::recursive_directory_iterator(base, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
            consider(*it);
    } else {
        for (auto it = fs::directory_iterator(base, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) consider(*it);
    }
    std::sort(out.begin(), out.end(), [](const InputFile& a, const InputFile& b) { return a.display < b.display; });
    return out;
}

std::string stem(const InputFile& f, const std::string& ext) {
    std::string name = f.full.filename().string();
    return name.substr(0, name.size() - ext.size());
}

class Reader {
public:
    Reader(const fs::path& root, util::Diagnostics& diags) : m_root(fs::canonical(root, m_ec)), m_diags(diags) {}

    std::optional<std::string> read(const InputFile& f) { return accept(f, util::read_file(f.full)); }

    // Reads the school files `files` in order, as read() would one by one, and parses each: a file
    // is read and parsed on one thread, on every core, a batch at a time; once the run-size limit
    // is passed, later files are not read at all. Reading problems come first, in file order,
    // then each file's parse, in file order (the order reading them all, then parsing them all,
    // gives); a file refused by the limit is not parsed.
    void read_schools(Repository& repo, const std::vector<InputFile>& files, util::Diagnostics& diags) {
        constexpr std::size_t k_batch = 512;
        std::vector<std::pair<ParsedSchool, SchoolText>> kept;
        kept.reserve(files.size());
        std::vector<util::ReadResult> batch;
        std::vector<ParsedSchool> parsed;
        for (std::size_t start = 0; start < files.size() && !m_over; start += k_batch) {
            std::size_t n = std::min(k_batch, files.size() - start);
            batch.assign(n, {});
            parsed.assign(n, {});
            util::parallel_for(n, util::default_jobs(), [&](std::size_t i) {
                const InputFile& f = files[start + i];
                batch[i] = util::read_file(f.full);
                if (batch[i].text) parsed[i] = parse_school_file(repo, stem(f, ".yaml"), f.display, *batch[i].text);
            });
            for (std::size_t i = 0; i < n; ++i) {
                const InputFile& f = files[start + i];
                if (auto text = accept(f, std::move(batch[i])))
                    kept.emplace_back(std::move(parsed[i]), SchoolText{stem(f, ".yaml"), f.display, std::move(*text)});
            }
        }
        repo.schools.reserve(repo.schools.size() + kept.size());
        for (auto& [school, text] : kept) add_parsed_school(repo, std::move(school), std::move(text), diags);
    }

private:
    std::optional<std::string> accept(const InputFile& f, util::ReadResult r) {
        if (!r.text) {
            m_diags.error({f.display, 0, 0}, r.error.find("limit") != std::string::npos ? "file-too-large" : "unreadable",
                          "cannot read this file: it " + r.error,
                          r.error.find("limit") != std::string::npos ? "an input file is a few kilobytes of text: is this the right file?" : "");
            return std::nullopt;
        }
        m_total += r.text->size();
        if (m_total > k_max_total_bytes) {
            if (!m_over)
                m_diags.error({f.display, 0, 0}, "too-many-files",
                              "the repository's input files together pass " + std::to_string(k_max_total_bytes >> 20) +
                                  " MiB here (the limit for one run); this and later files are not read");
            m_over = true;
            return std::nullopt;
        }
        return r.text;
    }

public:
    // clausebook.yaml is read by name, not found by listing: it too must not lead outside.
    std::optional<std::string> read_config(const fs::path& root) {
        InputFile cfg{root / "clausebook.yaml", "clausebook.yaml"};
        std::error_code ec;
        fs::path real = fs::canonical(cfg.full, ec);
        auto rel = fs::relative(real, m_root, ec);
        if (ec || rel.empty() || *rel.begin() == "..") {
            m_diags.error({cfg.display, 0, 0}, "outside-repository", "clausebook.yaml is a link to " + real.string() + ", outside the repository",
                          "copy the file into the repository instead of linking to it");
            return std::nullopt;
        }
        return read(cfg);
    }

private:
    std::error_code m_ec;
    fs::path m_root;
    util::Diagnostics& m_diags;
    std::uintmax_t m_total = 0;
    bool m_over = false;
};

// The newest approved copy in `dir` (approved/<school>/<policy>/), dated before `before` when
// given: its date and path. A copy is a regular file named <YYYY-MM-DD>.md; other files are not.
std::optional<std::pair<util::Date, fs::path>> newest_copy(const fs::path& dir, const std::optional<util::Date>& before) {
    std::optional<std::pair<util::Date, fs::path>> best;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::error_code ec2;
        if (!it->is_regular_file(ec2) || it->path().extension() != ".md") continue;
        auto date = util::parse_date(it->path().stem().string());
        if (date && (!before || *date < *before) && (!best || best->first < *date)) best = std::make_pair(*date, it->path());
    }
    return best;
}

// The newest approved copy of each school's policy, by the date in its name. Read with the other
// inputs' limits.
void load_approved_copies(Repository& repo, Reader& reader) {
    std::error_code ec;
    fs::path base = repo.root / "approved";
    if (!fs::is_directory(base, ec)) return;
    for (const auto& school : repo.schools)
        for (const auto& outline : repo.outlines) {
            auto best = newest_copy(base / school.id / outline.id, std::nullopt);
            if (!best) continue;
            std::string display = "approved/" + school.id + "/" + outline.id + "/" + best->second.filename().string();
            if (auto text = reader.read({best->second, display}))
                repo.approved.emplace(school.id + "/" + outline.id, ApprovedCopy{display, best->first, std::move(*text)});
        }
}

}  // namespace

namespace {

// Every school, or with `only_school` just that one (if its file exists); with `vouch`, the
// schools it vouches for as stubs, unread.
Repository load(const fs::path& root, util::Diagnostics& diags, const std::string* only_school, const SchoolVouch* vouch = nullptr) {
    Repository repo;
    repo.root = root;
    Reader reader(root, diags);
    for (const auto& f : list_inputs(root, "templates", ".yaml", false, diags))
        if (auto text = reader.read(f)) load_outline(repo, stem(f, ".yaml"), f.display, *text, diags);
    if (auto text = reader.read_config(root)) load_config(repo, "clausebook.yaml", *text, diags);
    for (const auto& f : list_inputs(root, "clauses", ".md", true, diags))
        if (auto text = reader.read(f)) load_clause(repo, f.display, *text, diags);
    const std::string only_file = only_school ? *only_school + ".yaml" : std::string();
    auto school_files = list_inputs(root, "schools", ".yaml", false, diags, only_school ? &only_file : nullptr);
    if (vouch) {
        std::vector<const std::vector<std::string_view>*> vouched(school_files.size(), nullptr);
        util::parallel_for(school_files.size(), util::default_jobs(),
                           [&](std::size_t i) { vouched[i] = (*vouch)(stem(school_files[i], ".yaml"), school_files[i].display, school_files[i].full); });
        std::vector<InputFile> unread;
        for (std::size_t i = 0; i < school_files.size(); ++i) {
            if (!vouched[i]) {
                unread.push_back(std::move(school_files[i]));
                continue;
            }
            School stub;
            stub.id = stem(school_files[i], ".yaml");
            stub.path = school_files[i].display;
            stub.cached = true;
            for (auto id : *vouched[i]) stub.policies.emplace_back().policy_id = id;
            repo.schools.push_back(std::move(stub));
        }
        school_files = std::move(unread);
    }
    reader.read_schools(repo, school_files, diags);
    load_approved_copies(repo, reader);
    locate_register_documents(repo, root);
    link_repository(repo, diags);
    return repo;
}

}  // namespace

Repository load_repository(const fs::path& root, util::Diagnostics& diags) { return load(root, diags, nullptr); }

Repository load_repository_cached(const fs::path& root, util::Diagnostics& diags, const SchoolVouch& vouch) { return load(root, diags, nullptr, &vouch); }

Repository load_repository_for_school(const fs::path& root, const std::string& school_id, util::Diagnostics& diags) { return load(root, diags, &school_id); }

std::optional<std::string> read_optional_file(const fs::path& root, const std::string& relative, std::string_view without_it, util::Diagnostics& diags) {
    auto file = util::read_repository_file(root, relative);
    if (file.text || file.missing) return std::move(file.text);
    diags.error({relative, 0, 0}, file.rule, "cannot read this file: it " + file.error,
                file.rule == "outside-repository" ? "copy the file into the repository instead of linking to it"
                                                  : "make it a regular file of at most 4 MiB, or remove it to " + std::string(without_it));
    return std::nullopt;
}

void reload_school(Repository& repo, const std::string& id, const std::string& path, const std::string& text, util::Diagnostics& diags) {
    repo.schools.erase(std::remove_if(repo.schools.begin(), repo.schools.end(), [&](const School& s) { return s.id == id; }), repo.schools.end());
    load_school(repo, id, path, text, diags);
    std::sort(repo.schools.begin(), repo.schools.end(), [](const School& a, const School& b) { return a.id < b.id; });
    if (const School* school = repo.school(id)) link_school(repo, *school, diags);
}

std::optional<ApprovedCopy> load_previous_approved_copy(const Repository& repo, const std::string& school_id, const std::string& policy_id,
                                                        const util::Date& before) {
    auto best = newest_copy(repo.root / "approved" / school_id / policy_id, before);
    if (!best) return std::nullopt;
    std::string display = "approved/" + school_id + "/" + policy_id + "/" + best->second.filename().string();
    auto file = util::read_repository_file(repo.root, display);
    return ApprovedCopy{display, best->first, file.text ? *file.text : std::string()};
}

}  // namespace clausebook::load
