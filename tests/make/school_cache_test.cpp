// The school cache (make/school_cache.hpp, out/.clausebook/schools): a build of the whole
// repository does not read a school file that has not changed since the last build, and reuses
// its rows of out/index.html. It is only an optimisation: whatever changed, and whatever state the
// cache is in, the outputs are byte for byte those of a build without it.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>
#include <fcntl.h>
#include <sys/stat.h>

#include "load/load.hpp"
#include "make/school_cache.hpp"
#include "support/fixture.hpp"

namespace fs = std::filesystem;
using clausebook::test::TestRepo;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const std::string k_cache = "out/.clausebook/schools";

// Every output file but the build's bookkeeping.
std::map<std::string, std::string> outputs(const fs::path& dir) {
    auto files = clausebook::test::snapshot(dir);
    std::erase_if(files, [](const auto& f) { return f.first.rfind(".clausebook/", 0) == 0; });
    return files;
}

// The outputs of the repository's incremental build equal those of a build from nothing.
void same_as_full_build(const TestRepo& repo) {
    fs::path fresh = repo.root().parent_path() / (repo.root().filename().string() + "-fresh");
    fs::remove_all(fresh);
    auto r = repo.run({"build", "--out", fresh.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto a = outputs(repo.out()), b = outputs(fresh);
    fs::remove_all(fresh);
    REQUIRE(b.size() >= 6);
    // (A removed school's files stay in out/, with or without the cache.)
    for (const auto& [path, bytes] : b) {
        INFO(path);
        CHECK(a[path] == bytes);
    }
}

// Sets the file's modification time back to `mtime` (what a careless tool does after an edit).
void set_mtime(const fs::path& file, const struct timespec& mtime) {
    struct timespec times[2] = {mtime, mtime};
    REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
}

struct stat stat_of(const fs::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st;
}

clausebook::test::RunResult build(const TestRepo& repo) {
    auto r = repo.run({"build"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    return r;
}

}  // namespace

TEST_CASE("school cache: a build records every clean school, and the next build finds each still holds", "[build][school-cache]") {
    TestRepo repo;
    build(repo);
    auto cache = clausebook::make::SchoolCache::read(repo.out());
    REQUIRE(cache.schools().size() == 2);
    const auto* alpha = cache.find("alpha");
    REQUIRE(alpha);
    CHECK(alpha->path == "schools/alpha.yaml");
    CHECK(alpha->policies == std::vector<std::string_view>{"social"});
    CHECK(alpha->part);
    CHECK(contains(std::string(alpha->rows_html), "Alpha Primary School"));
    auto manifest = clausebook::make::Manifest::read(repo.out());
    std::vector<const clausebook::write::Format*> all;
    for (const auto& f : clausebook::write::formats()) all.push_back(&f);
    CHECK(clausebook::make::record_holds(*alpha, repo.root() / "schools/alpha.yaml", manifest, repo.out(), all));

    // And the load leaves a school it vouches for unread: a stub with its policies' ids.
    clausebook::util::Diagnostics diags;
    auto loaded = clausebook::load::load_repository_cached(
        repo.root(), diags, [&](const std::string& id, const std::string&, const fs::path&) { return id == "alpha" ? &alpha->policies : nullptr; });
    CHECK(diags.items().empty());
    REQUIRE(loaded.school("alpha"));
    CHECK(loaded.school("alpha")->cached);
    CHECK(loaded.school("alpha")->keeps("social"));
    CHECK(loaded.school("alpha")->name.empty());  // not read
    CHECK_FALSE(loaded.school("beta")->cached);
    CHECK(loaded.school("beta")->name == "Beta First School");
}

TEST_CASE("school cache: a school file edited with its size and modification time put back is read and built again", "[build][school-cache]") {
    TestRepo repo;
    SECTION("edited within a second of the build that recorded it (compared by its bytes)") {}
    SECTION("edited after its identity settled (compared by its change time first)") {
        // A file changed a second or more before a run began is known by its identity alone.
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    }
    build(repo);
    const fs::path beta = repo.root() / "schools/beta.yaml";
    const auto before = stat_of(beta);
    std::string text = repo.read("schools/beta.yaml");
    auto at = text.find("Bob Example");
    REQUIRE(at != std::string::npos);
    repo.write("schools/beta.yaml", text.replace(at, 3, "Bea"));  // the same size
    set_mtime(beta, before.st_mtim);
    REQUIRE(stat_of(beta).st_size == before.st_size);
    REQUIRE(stat_of(beta).st_mtim.tv_nsec == before.st_mtim.tv_nsec);
    build(repo);
    CHECK(contains(repo.read("out/beta/social.md"), "Bea Example"));
    same_as_full_build(repo);
}

TEST_CASE("school cache: a changed school name reaches the index, whose other rows come from the cache", "[build][school-cache]") {
    TestRepo repo;
    build(repo);
    std::string text = repo.read("schools/beta.yaml");
    auto at = text.find("Beta First School");
    REQUIRE(at != std::string::npos);
    repo.write("schools/beta.yaml", text.replace(at, 17, "Beta Free School"));
    auto r = build(repo);
    CHECK(contains(r.out, "Built 1 of 2 documents"));
    CHECK(contains(repo.read("out/index.html"), "Beta Free School"));
    CHECK(contains(repo.read("out/index.html"), "Alpha Primary School"));
    same_as_full_build(repo);
}

TEST_CASE("school cache: a shared input, a removed or new school builds as without the cache", "[build][school-cache]") {
    TestRepo repo;
    build(repo);
    SECTION("a clause every school uses") {
        repo.write("clauses/intro/purpose.md", "---\nid: intro.purpose\ntitle: Purpose\nversion: 1.0.1\n---\nThis policy is short.\n");
        auto r = build(repo);
        CHECK(contains(r.out, "Built 2 of 2 documents"));
        CHECK(contains(repo.read("out/alpha/social.md"), "This policy is short."));
    }
    SECTION("the trust's name, which only the index and the school pages show") {
        std::string config = repo.read("clausebook.yaml");
        auto at = config.find("name: ");
        REQUIRE(at != std::string::npos);
        repo.write("clausebook.yaml", config.insert(at + 6, "New "));
    }
    SECTION("the formats asked for") { REQUIRE(repo.run({"build", "--format", "md"}).exit_code == 0); }
    SECTION("a school removed") {
        repo.remove("schools/beta.yaml");
        build(repo);
        CHECK_FALSE(contains(repo.read("out/index.html"), "Beta First School"));
        CHECK(clausebook::make::SchoolCache::read(repo.out()).schools().size() == 1);
    }
    SECTION("a school added") {
        repo.write("schools/gamma.yaml",
                   "school:\n  name: Gamma School\n  phase: primary\nparams:\n  headteacher: { name: Gill Example }\n  min_age: 13\n"
                   "policies:\n  social:\n    approved: 2024-02-01\n");
        build(repo);
        CHECK(contains(repo.read("out/index.html"), "Gamma School"));
        CHECK(clausebook::make::SchoolCache::read(repo.out()).schools().size() == 3);
    }
    build(repo);
    same_as_full_build(repo);
}

TEST_CASE("school cache: a deleted or edited output is made again", "[build][school-cache]") {
    TestRepo repo;
    build(repo);
    // A document, a school's page, the index.
    const std::string file = GENERATE(as<std::string>(), "out/alpha/social.md", "out/alpha/index.html", "out/index.html");
    const bool deleted = GENERATE(true, false);
    INFO(file << (deleted ? " deleted" : " edited"));
    std::string bytes = repo.read(file);
    if (deleted)
        fs::remove(repo.root() / file);
    else
        repo.write(file, "edited by hand\n");
    build(repo);
    CHECK(repo.read(file) == bytes);
    same_as_full_build(repo);
}

TEST_CASE("school cache: a damaged, truncated or foreign cache is ignored, never an error", "[build][school-cache]") {
    TestRepo repo;
    build(repo);
    const std::string good = repo.read(k_cache);
    REQUIRE(clausebook::make::SchoolCache::parse(good));
    // beta changes, so the index is made again, from alpha's cached rows if the cache is used.
    std::string text = repo.read("schools/beta.yaml");
    repo.write("schools/beta.yaml", text.replace(text.find("Beta First School"), 17, "Beta Free School"));
    std::string bad;
    SECTION("a row of alpha's altered") {
        auto at = good.find("Alpha Primary School</");
        REQUIRE(at != std::string::npos);
        bad = good;
        bad[at] = 'Z';
    }
    SECTION("truncated") { bad = good.substr(0, good.size() * 2 / 3); }
    SECTION("its last line lost") { bad = good.substr(0, good.rfind('\n', good.size() - 2) + 1); }
    SECTION("empty") {}
    SECTION("another version") { bad = "clausebook school cache 0\n" + good.substr(good.find('\n') + 1); }
    SECTION("not a cache") { bad = std::string(1000, '\t'); }
    CHECK_FALSE(clausebook::make::SchoolCache::parse(bad));
    repo.write(k_cache, bad);
    build(repo);
    CHECK_FALSE(contains(repo.read("out/index.html"), "Zlpha"));
    same_as_full_build(repo);
    // And the next build writes a whole cache again.
    CHECK(clausebook::make::SchoolCache::parse(repo.read(k_cache)));
}

TEST_CASE("school cache: a school with a problem is not recorded", "[build][school-cache]") {
    TestRepo repo;
    std::string text = repo.read("schools/beta.yaml");
    std::string rule;
    SECTION("a warning from reading its file") {
        repo.write("schools/beta.yaml", text.replace(text.find("min_age: 14"), 11, "min_age: 19"));
        rule = "[param-out-of-range]";
    }
    SECTION("a warning from assembling its document") {
        // Beta's policy is for parents only, so it has no staff section to put this clause in.
        repo.write("schools/beta.yaml", text + "    local:\n      - { id: local.note, section: staff, title: Note, text: Our own note. }\n");
        rule = "[local-misplaced]";
    }
    for (int run = 0; run < 2; ++run) {
        INFO("run " << run);
        auto r = repo.run({"build"});
        REQUIRE(r.exit_code == 0);
        CHECK(contains(r.err, rule));  // read, and warned about, on every run
        auto cache = clausebook::make::SchoolCache::read(repo.out());
        CHECK(cache.find("alpha"));
        CHECK_FALSE(cache.find("beta"));
    }
}

TEST_CASE("school cache: a build of some schools or policies neither uses nor writes it", "[build][school-cache]") {
    TestRepo repo;
    build(repo);
    const std::string cache = repo.read(k_cache);
    std::string text = repo.read("schools/alpha.yaml");
    repo.write("schools/alpha.yaml", text.replace(text.find("Alpha Primary School"), 20, "Alpha Infant School!"));
    auto r = repo.run({"build", "--school", "alpha"});
    REQUIRE(r.exit_code == 0);
    CHECK(repo.read(k_cache) == cache);
    CHECK(contains(repo.read("out/index.html"), "Alpha Infant School!"));
    build(repo);
    same_as_full_build(repo);
}
