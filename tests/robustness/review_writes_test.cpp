// The hostile review of December 2026 (tests/robustness/REVIEW.md), its write-side problems:
// --output and --out never write over the repository's inputs, special files are written in
// place (never replaced), standard output's write errors are exit 3, renew keeps a school file's
// mode and links and writes approved copies only inside the repository, and empty or impossible
// option values are usage errors.
#include <catch2/catch.hpp>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "support/fixture.hpp"
#include "support/skip.hpp"
#include "util/fs.hpp"

namespace fs = std::filesystem;
using clausebook::test::RunResult;
using clausebook::test::snapshot;
using clausebook::test::TempDir;
using clausebook::test::TestRepo;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

mode_t mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::lstat(p.c_str(), &st) == 0);
    return st.st_mode;
}

// Runs the clausebook program with standard output sent to `out_path` (opened for writing) or
// closed when empty; returns the exit code and what it printed on standard error.
std::pair<int, std::string> run_program(const std::vector<std::string>& args, const std::string& out_path, const fs::path& err_file) {
    pid_t pid = ::fork();
    if (pid == 0) {
        if (out_path.empty()) {
            ::close(STDOUT_FILENO);
        } else {
            int fd = ::open(out_path.c_str(), O_WRONLY);
            if (fd < 0) ::_exit(126);
            ::dup2(fd, STDOUT_FILENO);
        }
        std::freopen(err_file.c_str(), "w", stderr);
        std::vector<char*> argv{const_cast<char*>(CLAUSEBOOK_BINARY)};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), clausebook::test::read_file(err_file)};
}

}  // namespace

TEST_CASE("output refuses the repository's input files and folders (H1 info, issue 15)", "[robustness][review]") {
    TestRepo repo;
    auto before = snapshot(repo.root());
    struct Case {
        std::vector<std::string> args;
    };
    std::vector<Case> cases = {
        {{"check", "--output", (repo.root() / "schools/alpha.yaml").string()}},
        {{"check", "--output", (repo.root() / "schools/new-report.txt").string()}},
        {{"schedule", "--output", (repo.root() / "clausebook.yaml").string()}},
        {{"compare", "--output", (repo.root() / "templates/social.yaml").string()}},
        {{"diff", "alpha", "beta", "--output", (repo.root() / "clauses/report.txt").string()}},
        {{"check", "--output", (repo.root() / "data/report.txt").string()}},
        {{"check", "--output", (repo.root() / "approved/report.txt").string()}},
        {{"check", "--output", repo.root().string()}},
    };
    for (const auto& c : cases) {
        RunResult r = repo.run(c.args);
        INFO(c.args[0] << " " << c.args.back() << "\n" << r.err);
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, "never writes over its own inputs"));
        CHECK(has(r.err, "usage: clausebook " + c.args[0]));
    }
    // Through a link: out/report.txt -> ../schools/alpha.yaml names the school file too.
    fs::create_directories(repo.root() / "out");
    fs::create_symlink("../schools/alpha.yaml", repo.root() / "out/report.txt");
    RunResult r = repo.run({"check", "--output", (repo.root() / "out/report.txt").string()});
    CHECK(r.exit_code == 2);
    fs::remove(repo.root() / "out/report.txt");
    fs::remove(repo.root() / "out");
    CHECK(snapshot(repo.root()) == before);
}

TEST_CASE("build --out refuses a folder that is, holds or lies inside an input folder (issue 15)", "[robustness][review]") {
    TestRepo repo;
    auto before = snapshot(repo.root());
    for (std::string out : {"schools", "clauses", "templates", "clauses/sub", ".", "data", "approved/x"}) {
        RunResult r = repo.run({"build", "--out", (repo.root() / out).string()});
        INFO(out << "\n" << r.err);
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, "never writes over its own inputs"));
    }
    CHECK(snapshot(repo.root()) == before);
    // A folder beside the inputs is fine.
    CHECK(repo.run({"build", "--out", (repo.root() / "elsewhere").string()}).exit_code == 0);
    CHECK(fs::exists(repo.root() / "elsewhere/index.html"));
}

TEST_CASE("a committed out link is refused and nothing is written or deleted where it points (M10)", "[robustness][review]") {
    TestRepo repo;
    TempDir outside;
    clausebook::test::write_file(outside.path() / ".victim.abc123", "keep me");
    fs::last_write_time(outside.path() / ".victim.abc123", fs::file_time_type::clock::now() - std::chrono::hours(2));
    fs::create_symlink(outside.path(), repo.root() / "out");
    RunResult r = repo.run({"build"});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "out is a link"));
    auto after = snapshot(outside.path());
    CHECK(after.size() == 1);
    CHECK(after.count(".victim.abc123") == 1);
}

TEST_CASE("output writes a FIFO in place instead of replacing it (H1)", "[robustness][review]") {
    TestRepo repo;
    TempDir dir;
    fs::path fifo = dir.path() / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string received;
    // The reader opens without waiting for a writer and gives up after 20 s, so that a run that
    // replaces the FIFO instead of writing it fails the test instead of hanging it.
    int fd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(fd >= 0);
    std::thread reader([&] {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        char buf[4096];
        while (std::chrono::steady_clock::now() < deadline) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0) continue;
            ssize_t n = ::read(fd, buf, sizeof buf);
            if (n > 0)
                received.append(buf, static_cast<std::size_t>(n));
            else if (n == 0 && !received.empty())
                break;  // the writer closed it
        }
        ::close(fd);
    });
    RunResult r = repo.run({"check", "--today", "2024-06-01", "--format", "json", "--output", fifo.string()});
    reader.join();
    INFO(r.err);
    CHECK(r.exit_code <= 1);
    CHECK(S_ISFIFO(mode_of(fifo)));
    CHECK(has(received, "\"findings\""));
}

TEST_CASE("output to a full device fails with exit 3 and leaves the device node (H1)", "[robustness][review]") {
    TestRepo repo;
    TempDir dir;
    fs::path full = dir.path() / "full";
    // A private copy of /dev/full (char 1,7), so that a regression cannot damage the machine's.
    if (::mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0) CLAUSEBOOK_SKIP("cannot make a device node here (needs root)");
    int probe = ::open(full.c_str(), O_WRONLY);
    if (probe < 0) CLAUSEBOOK_SKIP("device nodes cannot be opened in this container");
    ::close(probe);
    for (std::string cmd : {"check", "schedule", "compare"}) {
        RunResult r = repo.run({cmd, "--today", "2024-06-01", "--output", full.string()});
        INFO(cmd << "\n" << r.err);
        CHECK(r.exit_code == 3);
        CHECK(has(r.err, "No space left on device"));
        CHECK(S_ISCHR(mode_of(full)));
    }
    auto files = snapshot(dir.path());
    CHECK(files.empty());  // no temporary file beside it
}

TEST_CASE("output through a link writes the linked file and keeps the link (H1)", "[robustness][review]") {
    TestRepo repo;
    TempDir dir;
    clausebook::test::write_file(dir.path() / "real.txt", "old");
    fs::create_symlink("real.txt", dir.path() / "link.txt");
    RunResult r = repo.run({"schedule", "--today", "2024-06-01", "--output", (dir.path() / "link.txt").string()});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::is_symlink(dir.path() / "link.txt"));
    CHECK(has(clausebook::test::read_file(dir.path() / "real.txt"), "Alpha Primary School"));

    RunResult folder = repo.run({"schedule", "--output", dir.path().string()});
    CHECK(folder.exit_code == 2);
    CHECK(has(folder.err, "is a folder"));
    fs::create_symlink("missing.txt", dir.path() / "dangling.txt");
    RunResult dangling = repo.run({"schedule", "--output", (dir.path() / "dangling.txt").string()});
    CHECK(dangling.exit_code == 2);
    CHECK(fs::is_symlink(dir.path() / "dangling.txt"));
}

TEST_CASE("a write error on standard output is exit 3 with a message (M13)", "[robustness][review]") {
    TestRepo repo;
    TempDir dir;
    fs::path err = dir.path() / "err.txt";
    if (!fs::exists("/dev/full")) CLAUSEBOOK_SKIP("no /dev/full here");
    std::vector<std::vector<std::string>> commands = {
        {"list", "schools", "--root", repo.root().string()},
        {"check", "--today", "2024-06-01", "--root", repo.root().string()},
        {"compare", "--format", "html", "--root", repo.root().string()},
        {"--help"},
    };
    for (const auto& args : commands) {
        auto [code, text] = run_program(args, "/dev/full", err);
        INFO(args[0] << "\n" << text);
        CHECK(code == 3);
        CHECK(has(text, "cannot write to standard output"));
    }
    auto [code, text] = run_program({"list", "schools", "--root", repo.root().string()}, "", err);
    CHECK(code == 3);
    CHECK(has(text, "cannot write to standard output"));
}

TEST_CASE("empty and impossible option values are usage errors with the usage line (L8, L9)", "[robustness][review]") {
    TestRepo repo;
    auto before = snapshot(repo.root());
    std::vector<std::vector<std::string>> cases = {
        {"build", "--format", ""}, {"build", "--format", ",,,"}, {"build", "--out", ""}, {"check", "--output", ""}, {"schedule", "--output", ""},
    };
    for (const auto& args : cases) {
        RunResult r = repo.run(args);
        INFO(args[0] << " " << args[1] << " '" << args[2] << "'\n" << r.err);
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, "usage: clausebook " + args[0]));
        CHECK(!has(r.err, "internal error"));
    }
    for (const std::string& root : {std::string(), std::string(5000, 'a')}) {
        RunResult r = clausebook::test::run_cli({"build", "--root", root});
        INFO(r.err);
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, "usage: clausebook build"));
        CHECK(!has(r.err, "internal error"));
    }
    RunResult bare = clausebook::test::run_cli({});
    CHECK(bare.exit_code == 2);
    CHECK(has(bare.err, "usage: clausebook COMMAND"));
    RunResult nonsense = clausebook::test::run_cli({"help", "nonsense"});
    CHECK(nonsense.exit_code == 2);
    CHECK(has(nonsense.err, "'nonsense' is not a command"));
    CHECK(has(nonsense.err, "usage: clausebook help"));
    CHECK(snapshot(repo.root()) == before);
}

TEST_CASE("renew keeps the school file's mode and link, and restores both on failure (L5)", "[robustness][review]") {
    TestRepo repo;
    // The school file is a link inside the repository, to a file of mode 0600.
    fs::create_directories(repo.root() / "governance");
    fs::rename(repo.root() / "schools/alpha.yaml", repo.root() / "governance/alpha.yaml");
    fs::create_symlink("../governance/alpha.yaml", repo.root() / "schools/alpha.yaml");
    fs::permissions(repo.root() / "governance/alpha.yaml", fs::perms(0600));
    RunResult r = repo.run({"renew", "alpha", "social", "--approved", "2025-03-01", "--today", "2025-03-02"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(fs::is_symlink(repo.root() / "schools/alpha.yaml"));
    CHECK((mode_of(repo.root() / "governance/alpha.yaml") & 07777) == 0600);
    CHECK(has(repo.read("governance/alpha.yaml"), "approved: 2025-03-01"));

    // A failure after the school file was written (out/ cannot be written: a file stands there)
    // puts it back: same bytes, same mode, the link kept.
    std::string before = repo.read("governance/alpha.yaml");
    fs::remove_all(repo.root() / "out");
    clausebook::test::write_file(repo.root() / "out", "a file where the output folder should be");
    RunResult failed = repo.run({"renew", "alpha", "social", "--approved", "2026-03-01", "--today", "2026-03-02"});
    INFO(failed.err);
    CHECK(failed.exit_code != 0);
    CHECK(repo.read("governance/alpha.yaml") == before);
    CHECK(fs::is_symlink(repo.root() / "schools/alpha.yaml"));
    CHECK((mode_of(repo.root() / "governance/alpha.yaml") & 07777) == 0600);
}

TEST_CASE("renew writes approved copies only into real folders of the repository (L17, L18)", "[robustness][review]") {
    TestRepo repo;
    TempDir outside;
    std::string school_before = repo.read("schools/alpha.yaml");
    SECTION("approved/ is a link out of the repository") { fs::create_symlink(outside.path(), repo.root() / "approved"); }
    SECTION("approved/alpha is a link out of the repository") {
        fs::create_directories(repo.root() / "approved");
        fs::create_symlink(outside.path(), repo.root() / "approved/alpha");
    }
    SECTION("approved is a file") { clausebook::test::write_file(repo.root() / "approved", "not a folder"); }
    RunResult r = repo.run({"renew", "alpha", "social", "--approved", "2025-03-01", "--today", "2025-03-02"});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "nothing was changed"));
    CHECK(snapshot(outside.path()).empty());
    CHECK(repo.read("schools/alpha.yaml") == school_before);
}

TEST_CASE("a newline in a key cannot start a workflow command line (M14)", "[robustness][review]") {
    TestRepo repo;
    repo.write("schools/alpha.yaml", repo.read("schools/alpha.yaml") + "\"x\\n::error file=README.md,line=1::INJECTED\\n\": v\n");
    RunResult r = repo.run({"build"});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "[unknown-key]"));
    CHECK(!has(r.err, "\n::error"));
    CHECK(r.err.rfind("::error", 0) != 0);
}

TEST_CASE("Markdown output shows an image as its description (L2)", "[robustness][review]") {
    TestRepo repo;
    repo.write("schools/alpha.yaml",
               repo.read("schools/alpha.yaml") +
                   "    local:\n      - { id: local.pic, section: intro, title: Pic, text: \"See ![the logo](https://evil.example/track.png) and "
                   "![x](javascript:alert(1)).\" }\n");
    RunResult r = repo.run({"build", "--format", "md", "--school", "alpha"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string md = repo.read("out/alpha/social.md");
    INFO(md);
    CHECK(has(md, "image: the logo"));
    CHECK(!has(md, "evil.example"));
    CHECK(!has(md, "javascript:"));
}

TEST_CASE("schedule csv prefixes cells starting with tab or carriage return (L1)", "[robustness][review]") {
    TestRepo repo;
    std::string school = repo.read("schools/alpha.yaml");
    school.replace(school.find("minute: 24/3/5"), std::string("minute: 24/3/5").size(), "minute: \"\\t=1+1\"");
    repo.write("schools/alpha.yaml", school);
    RunResult r = repo.run({"schedule", "--format", "csv", "--today", "2024-06-01"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(has(r.out, "\"'\t=1+1\""));
}

TEST_CASE("remove_stale_temp_files removes a dead writer's file at once (L16)", "[robustness][review]") {
    TempDir dir;
    // Process ids are below 2^22 on Linux: 99999999 runs nowhere.
    clausebook::test::write_file(dir.path() / ".social.md.99999999.AbC123", "half");
    clausebook::test::write_file(dir.path() / (".social.html." + std::to_string(::getpid()) + ".XyZ789"), "mine, still writing");
    clausebook::test::write_file(dir.path() / ".social.docx.Qw12Er", "no process id: by age");
    auto now = fs::file_time_type::clock::now();
    CHECK(clausebook::util::remove_stale_temp_files(dir.path(), now - std::chrono::minutes(1)) == 1);
    auto left = snapshot(dir.path());
    CHECK(left.count(".social.md.99999999.AbC123") == 0);
    CHECK(left.size() == 2);
}
