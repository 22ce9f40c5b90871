// A parallel build writes exactly what a single-threaded one does, and a second run over
// unchanged inputs rewrites nothing.
#include <catch2/catch.hpp>

#include <sstream>
#include <sys/stat.h>

#include "make/school_cache.hpp"
#include "support/fixture.hpp"

using clausebook::test::TestRepo;

namespace {

void add_schools(TestRepo& repo, int count) {
    for (int i = 0; i < count; ++i) {
        std::string id = std::to_string(i);
        repo.write("schools/s" + id + ".yaml",
                   "school:\n  name: School " + id + "\n  phase: " + (i % 3 ? "primary" : "first") + "\nparams:\n  headteacher: { name: Head " + id +
                       " }\n  min_age: " + std::to_string(13 + i % 4) + "\npolicies:\n  social:\n    approved: 2024-0" + std::to_string(1 + i % 9) + "-15\n" +
                       (i % 3 ? "" : "    variants: { staff.contact: first-school }\n") + (i % 4 ? "" : "    exclude: [intro.links]\n"));
    }
}

// A manifest's lines without their modification times (the fourth of five fields).
std::vector<std::string> without_times(const std::string& manifest) {
    std::vector<std::string> lines;
    std::istringstream in(manifest);
    for (std::string line; std::getline(in, line);) {
        std::istringstream fields(line);
        std::string kept, field;
        for (int i = 0; std::getline(fields, field, '\t'); ++i)
            if (i != 3) kept += field + "|";
        lines.push_back(kept);
    }
    return lines;
}

}  // namespace

TEST_CASE("a parallel build and a single-threaded build write identical trees", "[build][parallel]") {
    TestRepo repo;
    add_schools(repo, 24);
    auto one = repo.run({"build", "--jobs", "1", "--out", (repo.root() / "out-1").string()});
    INFO(one.err);
    REQUIRE(one.exit_code == 0);
    auto four = repo.run({"build", "--jobs", "4", "--out", (repo.root() / "out-4").string()});
    REQUIRE(four.exit_code == 0);
    auto a = clausebook::test::snapshot(repo.root() / "out-1");
    auto b = clausebook::test::snapshot(repo.root() / "out-4");
    CHECK(a.size() > 50);
    // The manifests record when each file was written, which differs; the rest must not.
    auto manifest_a = without_times(a[".clausebook/manifest"]), manifest_b = without_times(b[".clausebook/manifest"]);
    CHECK(manifest_a.size() > 50);
    CHECK(manifest_a == manifest_b);
    a.erase(".clausebook/manifest");
    b.erase(".clausebook/manifest");
    // The school caches record the index's stamp and when the school files were last changed
    // (settled or not by each run's start); the schools' index rows must be the same.
    auto cache_a = clausebook::make::SchoolCache::parse(a[".clausebook/schools"]), cache_b = clausebook::make::SchoolCache::parse(b[".clausebook/schools"]);
    REQUIRE(cache_a);
    REQUIRE(cache_b);
    REQUIRE(cache_a->schools().size() == 26);
    REQUIRE(cache_a->schools().size() == cache_b->schools().size());
    for (std::size_t i = 0; i < cache_a->schools().size(); ++i) {
        CHECK(cache_a->schools()[i].rows_html == cache_b->schools()[i].rows_html);
        CHECK(cache_a->schools()[i].content == cache_b->schools()[i].content);
        CHECK(cache_a->schools()[i].exists == cache_b->schools()[i].exists);
    }
    a.erase(".clausebook/schools");
    b.erase(".clausebook/schools");
    CHECK(a == b);
}

TEST_CASE("a second build with no changes rewrites no file", "[build][incremental]") {
    TestRepo repo;
    add_schools(repo, 6);
    REQUIRE(repo.run({"build"}).exit_code == 0);
    std::map<std::string, long> mtimes;
    auto files = clausebook::test::snapshot(repo.out());
    for (const auto& [path, bytes] : files) {
        struct stat st {};
        REQUIRE(::stat((repo.out() / path).c_str(), &st) == 0);
        mtimes[path] = st.st_mtim.tv_sec * 1000000000L + st.st_mtim.tv_nsec;
    }
    auto again = repo.run({"build"});
    REQUIRE(again.exit_code == 0);
    // Every document is up to date; the index and the 8 school pages are made again and found
    // unchanged.
    CHECK(again.out.find("Built 0 of 8 documents for 8 schools") != std::string::npos);
    CHECK(again.out.find("(0 written, 9 unchanged, 8 up to date)") != std::string::npos);
    for (const auto& [path, t] : mtimes) {
        struct stat st {};
        REQUIRE(::stat((repo.out() / path).c_str(), &st) == 0);
        INFO(path);
        CHECK(st.st_mtim.tv_sec * 1000000000L + st.st_mtim.tv_nsec == t);
    }
}

TEST_CASE("a parallel build reports problems in school order, and writes nothing", "[build][parallel]") {
    TestRepo repo;
    add_schools(repo, 12);
    repo.write("clauses/intro/purpose.md", "---\nid: intro.purpose\ntitle: Purpose\nversion: 1.0.0\n---\nDeputy: {{deputy.name}}.\n");
    auto r = repo.run({"build", "--jobs", "4"});
    CHECK(r.exit_code == 2);
    CHECK_FALSE(std::filesystem::exists(repo.out()));
    // One missing-value error per school, in the order schools are listed.
    auto first = r.err.find("for Alpha Primary School");
    auto second = r.err.find("for Beta First School");
    auto third = r.err.find("for School 0 ");
    CHECK(first != std::string::npos);
    CHECK(first < second);
    CHECK(second < third);
}

TEST_CASE("a build removes temporary files a killed run left behind, and only old ones", "[build][crash]") {
    TestRepo repo;
    REQUIRE(repo.run({"build"}).exit_code == 0);
    CHECK_FALSE(std::filesystem::exists(repo.out() / ".clausebook" / ("run." + std::to_string(::getpid()))));  // a finished run's marker is gone
    auto old_temp = repo.out() / "alpha" / ".social.md.a1B2c3";
    auto fresh_temp = repo.out() / "alpha" / ".social.html.Zz9Yy8";
    auto not_temp = repo.out() / "alpha" / ".keep";
    clausebook::test::write_file(old_temp, "half a docu");
    clausebook::test::write_file(fresh_temp, "another run, still writing");
    clausebook::test::write_file(not_temp, "a user's file");
    std::filesystem::last_write_time(old_temp, std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
    // What a killed run leaves beside its temporary files: its marker (make/build.cpp, RunMarker),
    // which sends the next run into every school's folder, those of the schools it need not
    // build (alpha and beta, unchanged and in the school cache) too. No process has this id.
    const auto marker = repo.out() / ".clausebook" / "run.999999999";
    clausebook::test::write_file(marker, "");
    REQUIRE(repo.run({"build"}).exit_code == 0);
    CHECK_FALSE(std::filesystem::exists(old_temp));
    CHECK(std::filesystem::exists(fresh_temp));
    CHECK(std::filesystem::exists(not_temp));
    CHECK_FALSE(std::filesystem::exists(marker));  // its run is gone and its folders were visited
}
