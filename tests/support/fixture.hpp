// Test support: a throwaway repository on disk, the CLI run in-process against it, and
// snapshots of a folder's files to prove what a run did or did not write.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clausebook::test {

// A temporary folder, removed when the object goes.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

struct RunResult {
    int exit_code = 0;
    std::string out;
    std::string err;
};

// A small, valid repository: one outline (templates/social.yaml), a handful of clauses and
// two schools. Tests change or add files to provoke one behaviour each.
class TestRepo {
public:
    TestRepo();  // writes the minimal valid repository
    const std::filesystem::path& root() const { return m_dir.path(); }
    std::filesystem::path out() const { return root() / "out"; }

    void write(const std::string& relative, const std::string& content);
    void remove(const std::string& relative);
    std::string read(const std::string& relative) const;

    // Keeps `school`'s `policy` as approved on `date` (YYYY-MM-DD): writes
    // approved/<school>/<policy>/<date>.md, the text as it reads once approved (what renew
    // keeps), without touching the school file.
    void approve(const std::string& school, const std::string& policy, const std::string& date);

    // Runs `clausebook ARGS... --root ROOT` in-process.
    RunResult run(std::vector<std::string> args) const;

    // Makes it a two-policy repository (issue 17): a second, small outline templates/visits.yaml
    // (one clause, its own required parameter `visits_lead`, and `audiences` declared with other
    // values than social's), kept by alpha only. beta keeps social alone and gives no visits_lead.
    void add_second_policy();

private:
    TempDir m_dir;
};

// Sets (or, given nullopt, unsets) an environment variable for one scope, then puts back what
// was there. Time-zone changes take effect at once (tzset).
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::optional<std::string>& value);
    ~ScopedEnv();
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

// Runs `clausebook ARGS...` in-process, capturing what it prints.
RunResult run_cli(const std::vector<std::string>& args);
// Runs `clausebook ARGS... --root SOURCE_DIR` on the example repository (read only).
RunResult run_example(std::vector<std::string> args);

// The example repository built once per test process into a temporary folder, in `formats`
// ("md", "md,html", ...): every file written, relative path -> bytes, and what the build said.
struct ExampleBuild {
    TempDir dir;
    std::map<std::string, std::string> files;
    int exit_code = 0;
    std::string err;
};
const ExampleBuild& example_build(const std::string& formats);

// Every regular file below `dir`, relative path -> bytes.
std::map<std::string, std::string> snapshot(const std::filesystem::path& dir);

std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, const std::string& content);

// The project's source tree (for the example repository and ../shared).
std::filesystem::path source_dir();
std::filesystem::path shared_dir();

}  // namespace clausebook::test
