// The bad-input corpus (issue 8): every folder under tests/corpus/ is one case, run against the
// small valid repository of tests/support (see tests/corpus/README.md for the case format).
// For each case: the exit code, every expected `location [rule]` in the messages, no internal
// error, every positioned message carrying a rule, and out/ byte-for-byte unchanged when the run
// failed. CLAUSEBOOK_UPDATE_CORPUS=1 rewrites each case's `expected` from what the run did;
// CLAUSEBOOK_CORPUS_SHOW=1 prints every case's messages, to read them as a user would.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <unistd.h>

#include "support/fixture.hpp"

namespace fs = std::filesystem;
using clausebook::test::RunResult;
using clausebook::test::TestRepo;

namespace {

const char* const k_case_files[] = {"cmd", "expected", "setup", "README.md"};

std::vector<std::string> split_words(const std::string& line) {
    std::vector<std::string> words;
    std::string cur;
    bool quoted = false, any = false;
    for (char c : line) {
        if (c == '"') {
            quoted = !quoted;
            any = true;
        } else if (!quoted && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            if (any) words.push_back(cur);
            cur.clear();
            any = false;
        } else {
            cur += c;
            any = true;
        }
    }
    if (any) words.push_back(cur);
    return words;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        if (!l.empty() && l[0] != '#') out.push_back(l);
    return out;
}

// "path[:line[:col]]: severity: message [rule]" lines of stderr, as "path:line:col [rule]".
std::vector<std::string> diagnostics_in(const std::string& err) {
    static const std::regex k_diag(R"(^([^ ].*?): (error|warning|info): .*\[([a-z0-9-]+)\]$)");
    std::vector<std::string> out;
    std::istringstream in(err);
    for (std::string l; std::getline(in, l);) {
        std::smatch m;
        if (std::regex_match(l, m, k_diag) && m[1] != "clausebook") out.push_back(m[1].str() + " [" + m[3].str() + "]");
    }
    return out;
}

struct Env {
    std::vector<std::string> names;
    ~Env() {
        for (const auto& n : names) ::unsetenv(n.c_str());
    }
};

// Applies one `setup` line to the repository. Returns an error text for an unknown directive.
std::string apply_setup(const std::vector<std::string>& w, const TestRepo& repo, Env& env) {
    const fs::path root = repo.root();
    if (w[0] == "remove" && w.size() == 2) {
        fs::remove_all(root / w[1]);
    } else if (w[0] == "big" && w.size() == 3) {  // big PATH MEBIBYTES: a comment-only YAML file
        std::ofstream out(root / w[1], std::ios::binary);
        std::string line = "# " + std::string(1022, 'x') + "\n";
        for (long i = 0, n = std::stol(w[2]) * 1024; i < n; ++i) out << line;
    } else if (w[0] == "symlink" && w.size() == 3) {  // symlink PATH TARGET (TARGET absolute or relative to PATH)
        fs::remove(root / w[1]);
        fs::create_directories((root / w[1]).parent_path());
        fs::create_symlink(w[2], root / w[1]);
    } else if (w[0] == "fifo" && w.size() == 2) {  // fifo PATH: a named pipe nobody writes to
        fs::remove(root / w[1]);
        if (::mkfifo((root / w[1]).c_str(), 0644) != 0) return "cannot make a FIFO at " + w[1];
    } else if (w[0] == "mkdir" && w.size() == 2) {  // mkdir PATH: an empty folder
        fs::create_directories(root / w[1]);
    } else if (w[0] == "copy" && w.size() == 3) {  // copy FROM TO, inside the repository
        fs::copy_file(root / w[1], root / w[2], fs::copy_options::overwrite_existing);
    } else if (w[0] == "readonly" && w.size() == 2) {
        // Root ignores permission bits; the write hook then stands in for the refusal.
        for (auto& e : fs::recursive_directory_iterator(root / w[1]))
            if (e.is_directory())
                fs::permissions(e.path(), fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write, fs::perm_options::remove);
        fs::permissions(root / w[1], fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write, fs::perm_options::remove);
        if (::geteuid() == 0) {
            ::setenv("CLAUSEBOOK_FAULT_WRITE", "EACCES", 1);
            env.names.push_back("CLAUSEBOOK_FAULT_WRITE");
        }
    } else if (w[0] == "env" && w.size() == 3) {
        ::setenv(w[1].c_str(), w[2].c_str(), 1);
        env.names.push_back(w[1]);
    } else if (w[0] == "base" && w.size() == 2 && w[1] == "none") {
        for (auto& e : fs::directory_iterator(root)) fs::remove_all(e.path());
    } else {
        return "unknown setup line: " + w[0];
    }
    return {};
}

struct Outcome {
    bool passed = true;
    std::string why;
    void fail(const std::string& w) {
        passed = false;
        why += "  " + w + "\n";
    }
};

Outcome run_case(const fs::path& dir, bool update) {
    Outcome o;
    TestRepo repo;
    std::string setup = fs::exists(dir / "setup") ? clausebook::test::read_file(dir / "setup") : "";
    bool whole = setup.find("base none") != std::string::npos;
    if (!whole && repo.run({"build"}).exit_code != 0) o.fail("the base repository does not build");
    // The case's files, over the base repository.
    for (auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        fs::path rel = fs::relative(e.path(), dir);
        if (std::find(std::begin(k_case_files), std::end(k_case_files), rel.generic_string()) != std::end(k_case_files)) continue;
        if (whole) continue;  // copied after `base none` below
        fs::create_directories((repo.root() / rel).parent_path());
        fs::copy_file(e.path(), repo.root() / rel, fs::copy_options::overwrite_existing);
    }
    Env env;
    for (const auto& line : lines_of(setup)) {
        auto w = split_words(line);
        if (w.empty()) continue;
        std::string problem = apply_setup(w, repo, env);
        if (!problem.empty()) o.fail(problem);
        if (w[0] == "base")
            for (auto& e : fs::recursive_directory_iterator(dir)) {
                fs::path rel = fs::relative(e.path(), dir);
                if (!e.is_regular_file() || std::find(std::begin(k_case_files), std::end(k_case_files), rel.generic_string()) != std::end(k_case_files))
                    continue;
                fs::create_directories((repo.root() / rel).parent_path());
                fs::copy_file(e.path(), repo.root() / rel, fs::copy_options::overwrite_existing);
            }
    }
    auto before = clausebook::test::snapshot(repo.out());
    auto args = split_words(clausebook::test::read_file(dir / "cmd"));
    // "{root}" in a command is the repository's folder (a document import reads from there), and
    // in messages it stands for it again, so that `expected` does not hold a temporary path.
    const std::string root = repo.root().string();
    for (auto& a : args)
        for (std::size_t at; (at = a.find("{root}")) != std::string::npos;) a.replace(at, 6, root);
    // Commands that write into the repository itself (import, adopt) must leave all of it as it
    // was when they fail, not only out/.
    const bool writes_repository = !args.empty() && (args[0] == "import" || args[0] == "adopt");
    auto before_all = writes_repository ? clausebook::test::snapshot(repo.root()) : std::map<std::string, std::string>{};
    RunResult r = repo.run(args);
    auto found = diagnostics_in(r.err);
    for (auto& d : found)
        if (d.rfind(root, 0) == 0) d = "{root}" + d.substr(root.size());
    if (std::getenv("CLAUSEBOOK_CORPUS_SHOW")) std::cout << "=== " << dir.filename().string() << " (exit " << r.exit_code << ")\n" << r.err << "\n";

    if (update) {
        std::ostringstream exp;
        exp << "exit " << r.exit_code << "\n";
        for (const auto& d : found) exp << d << "\n";
        for (const auto& l : lines_of(fs::exists(dir / "expected") ? clausebook::test::read_file(dir / "expected") : ""))
            if (l.rfind("says ", 0) == 0) exp << l << "\n";
        std::ofstream(dir / "expected", std::ios::binary) << exp.str();
    }
    for (const auto& l : lines_of(clausebook::test::read_file(dir / "expected"))) {
        if (l.rfind("exit ", 0) == 0) {
            if (std::to_string(r.exit_code) != l.substr(5)) o.fail("exit code " + std::to_string(r.exit_code) + ", expected " + l.substr(5));
        } else if (l.rfind("says ", 0) == 0) {
            if (r.err.find(l.substr(5)) == std::string::npos) o.fail("the messages do not say: " + l.substr(5));
        } else if (std::find(found.begin(), found.end(), l) == found.end()) {
            o.fail("no message at " + l);
        }
    }
    if (r.err.find("internal error") != std::string::npos) o.fail("an internal error");
    // Every message about a file names a rule; only run-level failures ("clausebook: error:") do not.
    std::istringstream err(r.err);
    for (std::string l; std::getline(err, l);)
        if ((l.find(": error: ") != std::string::npos || l.find(": warning: ") != std::string::npos) && l[0] != ' ' && l.rfind("clausebook", 0) != 0 &&
            l.back() != ']')
            o.fail("a message without a rule: " + l);
    if (r.exit_code != 0 && clausebook::test::snapshot(repo.out()) != before) o.fail("out/ changed although the run failed");
    if (writes_repository && r.exit_code != 0 && clausebook::test::snapshot(repo.root()) != before_all)
        o.fail("the repository changed although the run failed");
    if (!o.passed) o.why += "  stderr:\n" + r.err;
    return o;
}

}  // namespace

TEST_CASE("bad-input corpus", "[corpus]") {
    fs::path corpus = clausebook::test::source_dir() / "tests" / "corpus";
    bool update = std::getenv("CLAUSEBOOK_UPDATE_CORPUS") != nullptr;
    const char* only = std::getenv("CLAUSEBOOK_CORPUS_CASE");
    std::vector<fs::path> cases;
    for (auto& e : fs::directory_iterator(corpus))
        if (e.is_directory() && (!only || e.path().filename() == only)) cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= (only ? 1u : 40u));
    std::size_t passed = 0;
    for (const auto& c : cases) {
        Outcome o = run_case(c, update);
        if (o.passed)
            ++passed;
        else
            FAIL_CHECK("case " << c.filename().string() << ":\n" << o.why);
    }
    std::cout << "bad-input corpus: " << cases.size() << " cases, " << passed << " passed" << (update ? " (expected files rewritten)" : "") << "\n";
    CHECK(passed == cases.size());
}
