// Crash safety (issue 8, DESIGN.md "Guarantees"): a build killed with SIGKILL at any moment
// leaves every file in out/ either as its previous complete version or as its new complete
// version. A large generated repository is built as a child process and killed at random
// moments, its inputs switched between two states between kills; every file is then compared
// with the complete outputs of both states, built separately.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <csignal>
#include <random>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "make/manifest.hpp"
#include "make/school_cache.hpp"
#include "support/fixture.hpp"
#include "support/skip.hpp"

namespace fs = std::filesystem;
using clausebook::test::snapshot;
using clausebook::test::TempDir;

namespace {

// Runs ARGS; its standard error goes to `err` (kept for the failure message), else nowhere.
pid_t spawn(const std::vector<std::string>& args, const std::string& err = "/dev/null") {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = ::fork();
    if (pid == 0) {
        std::freopen("/dev/null", "w", stdout);
        std::freopen(err.c_str(), "w", stderr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// A temporary file left by a killed write: ".NAME.XXXXXX" (util::write_file_atomic).
bool is_temp_file(const std::string& relative) {
    auto name = fs::path(relative).filename().string();
    return name.size() > 8 && name[0] == '.' && name[name.size() - 7] == '.';
}

// The build's own bookkeeping (out/.clausebook/manifest and schools): it records when each file
// was written, so it is not compared with a complete build's, only required to be whole; and a
// run's marker (run.<pid>, empty), which a killed run leaves.
bool is_bookkeeping(const std::string& relative, const std::string& bytes) {
    if (relative.rfind(".clausebook/", 0) != 0) return false;
    INFO(relative);
    if (relative == ".clausebook/schools")
        CHECK(clausebook::make::SchoolCache::parse(bytes));
    else if (relative.rfind(".clausebook/run.", 0) == 0)
        CHECK(bytes.empty());
    else
        CHECK(clausebook::make::Manifest::parse(bytes));
    return true;
}

// The two input states: every clause of the library with and without an added sentence, so
// that every school's documents differ between them.
struct States {
    std::vector<std::pair<fs::path, std::string>> clauses;
    void set(bool second) const {
        for (const auto& [path, text] : clauses) clausebook::test::write_file(path, second ? text + "\nThis sentence was added between two builds.\n" : text);
    }
};

States make_states(const fs::path& repo) {
    States s;
    for (auto& e : fs::recursive_directory_iterator(repo / "clauses"))
        if (e.is_regular_file() && e.path().extension() == ".md" && e.path().filename() != "README.md")
            s.clauses.emplace_back(e.path(), clausebook::test::read_file(e.path()));
    REQUIRE_FALSE(s.clauses.empty());
    return s;
}

}  // namespace

TEST_CASE("a build killed at random moments leaves every output old-complete or new-complete", "[robustness][crash]") {
#ifndef CLAUSEBOOK_GENERATOR
    CLAUSEBOOK_SKIP("bench/generate_schools is not built (CLAUSEBOOK_BENCH=OFF)");
#else
    TempDir tmp;
    fs::path repo = tmp.path() / "repo";
    std::string gen =
        std::string(CLAUSEBOOK_GENERATOR) + " --from " + clausebook::test::source_dir().string() + " --to " + repo.string() + " --count 80 >/dev/null";
    REQUIRE(std::system(gen.c_str()) == 0);
    const std::string binary = CLAUSEBOOK_BINARY;
    // Every format but the PDF: every file is written the same way (util::write_file_atomic),
    // and with the PDF's layout this test took 484 s instead of 30 s on a loaded machine, near
    // its 600 s limit.
    auto build = [&](const fs::path& root) { return spawn({binary, "build", "--root", root.string(), "--format", "md,html,docx"}); };
    States states = make_states(repo);

    // The complete outputs of both states, and how long a build takes.
    std::map<std::string, std::string> complete[2];
    auto started = std::chrono::steady_clock::now();
    for (int k : {1, 0}) {
        states.set(k == 1);
        REQUIRE(wait_for(build(repo)) == 0);
        complete[k] = snapshot(repo / "out");
    }
    auto full = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started) / 2;
    REQUIRE(complete[0].size() > 50);
    REQUIRE(complete[0] != complete[1]);

    std::uint32_t seed = std::random_device{}();
    INFO("seed " << seed << ", a full build takes " << full.count() / 1000 << " ms");
    std::mt19937 rng(seed);
    // Every other kill falls late in the build, where the files are written.
    std::uniform_int_distribution<long> anywhen(0, full.count() * 6 / 5), late(full.count() * 3 / 5, full.count() * 11 / 10);
    int kills = 0, finished = 0;
    std::size_t temp_files = 0;
    const int k_rounds = 30;
    for (int round = 0; round < k_rounds; ++round) {
        states.set(rng() % 2 == 1);
        pid_t pid = build(repo);
        std::this_thread::sleep_for(std::chrono::microseconds(round % 2 ? late(rng) : anywhen(rng)));
        ::kill(pid, SIGKILL);
        int rc = wait_for(pid);
        if (rc == 128 + SIGKILL)
            ++kills;
        else if (rc == 0)
            ++finished;
        else
            FAIL("a build exited with " << rc);
        for (const auto& [path, bytes] : snapshot(repo / "out")) {
            if (is_temp_file(path)) {
                ++temp_files;
                continue;
            }
            if (is_bookkeeping(path, bytes)) continue;
            INFO("round " << round << ": " << path);
            auto a = complete[0].find(path), b = complete[1].find(path);
            bool whole = (a != complete[0].end() && a->second == bytes) || (b != complete[1].end() && b->second == bytes);
            REQUIRE(whole);
        }
    }
    // Whatever the kills left behind, one more build completes the new state exactly.
    states.set(true);
    fs::path err = tmp.path() / "last-build.err";
    int last = wait_for(spawn({binary, "build", "--root", repo.string(), "--format", "md,html,docx"}, err.string()));
    INFO("the last build said: " << clausebook::test::read_file(err));
    REQUIRE(last == 0);
    std::size_t left = 0;
    for (const auto& [path, bytes] : snapshot(repo / "out")) {
        if (is_temp_file(path)) {
            ++left;
            continue;
        }
        if (is_bookkeeping(path, bytes)) continue;
        INFO(path);
        CHECK(complete[1].count(path) == 1);
        CHECK(complete[1][path] == bytes);
    }
    // The killed runs' temporary files are gone too, also from the folders of schools the last
    // build did not need to build: the killed runs' markers sent it into every folder.
    CHECK(left == 0);
    std::cout << "crash safety: " << k_rounds << " rounds, " << kills << " builds killed, " << finished << " finished first, " << temp_files
              << " temporary files seen, " << left << " left after the final build; no partial file\n";
#endif
}
