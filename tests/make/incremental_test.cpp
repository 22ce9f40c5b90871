// Incremental builds (issue 7): a document built before from the same inputs, whose files are
// still as that build left them, is not built again; anything that changes what it is made of,
// or its files, builds it again. The manifest in out/.clausebook/ is a cache: a broken one only
// costs a full build.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>
#include <sys/stat.h>

#include "support/fixture.hpp"

namespace fs = std::filesystem;
using clausebook::test::TestRepo;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The counts of the summary line: "(W written, U unchanged, D up to date)".
struct Counts {
    long written = -1, unchanged = -1, up_to_date = -1;
};

Counts counts(const clausebook::test::RunResult& r) {
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    Counts c;
    auto open = r.out.rfind('(');
    REQUIRE(open != std::string::npos);
    REQUIRE(std::sscanf(r.out.c_str() + open, "(%ld written, %ld unchanged, %ld up to date)", &c.written, &c.unchanged, &c.up_to_date) == 3);
    return c;
}

// Every file below `dir` (the manifest too), relative path -> inode and modification time. A
// file renamed into place gets a new inode even when the clock has not moved on.
std::map<std::string, std::pair<ino_t, long>> stamps(const fs::path& dir) {
    std::map<std::string, std::pair<ino_t, long>> out;
    for (const auto& [path, bytes] : clausebook::test::snapshot(dir)) {
        struct stat st {};
        REQUIRE(::stat((dir / path).c_str(), &st) == 0);
        out[path] = {st.st_ino, st.st_mtim.tv_sec * 1000000000L + st.st_mtim.tv_nsec};
    }
    return out;
}

// The names of the files whose stamp differs between two stamps() (or that one lacks).
std::set<std::string> changed(const std::map<std::string, std::pair<ino_t, long>>& a, const std::map<std::string, std::pair<ino_t, long>>& b) {
    std::set<std::string> out;
    for (const auto& [path, s] : a)
        if (!b.count(path) || b.at(path) != s) out.insert(path);
    for (const auto& [path, s] : b)
        if (!a.count(path)) out.insert(path);
    return out;
}

using clausebook::test::ScopedEnv;

const std::string k_manifest = ".clausebook/manifest";
const std::string k_cache = ".clausebook/schools";

}  // namespace

TEST_CASE("incremental: a second build with no change builds no document and touches no file", "[build][incremental]") {
    TestRepo repo;
    auto first = counts(repo.run({"build"}));
    CHECK(first.written == 11);  // 2 schools x 4 formats, the index and 2 school pages
    CHECK(first.up_to_date == 0);
    REQUIRE(fs::exists(repo.out() / k_manifest));
    auto before = stamps(repo.out());
    auto second = counts(repo.run({"build"}));
    CHECK(second.written == 0);
    CHECK(second.unchanged == 3);  // the index, always made again, and the school pages, skipped
    CHECK(second.up_to_date == 2);
    // The school cache may learn a school file's identity once it has settled, a second after
    // the file was written (make/school_cache.hpp); every other file is untouched.
    auto files = changed(before, stamps(repo.out()));
    files.erase(k_cache);
    CHECK(files.empty());
}

TEST_CASE("incremental: changing one school file builds only that school's documents", "[build][incremental]") {
    TestRepo repo;
    counts(repo.run({"build"}));
    auto before = stamps(repo.out());
    std::string beta = repo.read("schools/beta.yaml");
    auto at = beta.find("Bob Example");
    REQUIRE(at != std::string::npos);
    repo.write("schools/beta.yaml", beta.replace(at, 3, "Bea"));
    auto again = counts(repo.run({"build"}));
    CHECK(again.up_to_date == 1);
    CHECK(again.written == 4);  // beta's four files; the index does not show the headteacher
    CHECK(contains(repo.read("out/beta/social.md"), "Bea Example"));
    auto files = changed(before, stamps(repo.out()));
    CHECK(files == std::set<std::string>{"beta/social.md", "beta/social.html", "beta/social.docx", "beta/social.pdf", k_manifest, k_cache});
}

TEST_CASE("incremental: changing an input every school shares builds every document", "[build][incremental]") {
    TestRepo repo;
    counts(repo.run({"build"}));
    std::string file = "out/alpha/social.md", expect;
    SECTION("a clause file") {
        repo.write("clauses/intro/purpose.md", "---\nid: intro.purpose\ntitle: Purpose\nversion: 1.0.1\n---\nThis policy is short.\n");
        expect = "This policy is short.";
    }
    SECTION("an outline") {
        std::string outline = repo.read("templates/social.yaml");
        repo.write("templates/social.yaml", outline.replace(outline.find("Social Media Policy"), 19, "Online Conduct Policy"));
        expect = "Online Conduct Policy";
    }
    SECTION("clausebook.yaml") {
        repo.write("clausebook.yaml", "trust:\n  name: Other Trust\ndefaults:\n  params:\n    min_age: 15\n");
        expect = "at least 15";
    }
    SECTION("the page stylesheet, which only the web pages use") {
        repo.write("templates/page.css", "body { color: teal; }\n");
        file = "out/alpha/social.html";
        expect = "color: teal";
    }
    auto again = counts(repo.run({"build"}));
    CHECK(again.up_to_date == 0);
    CHECK(contains(repo.read(file), expect));
}

TEST_CASE("incremental: a deleted output file is made again", "[build][incremental]") {
    TestRepo repo;
    counts(repo.run({"build"}));
    std::string html = repo.read("out/alpha/social.html");
    fs::remove(repo.out() / "alpha/social.html");
    auto again = counts(repo.run({"build"}));
    CHECK(again.up_to_date == 1);
    CHECK(again.written == 1);
    CHECK(repo.read("out/alpha/social.html") == html);
    CHECK(counts(repo.run({"build"})).up_to_date == 2);
}

TEST_CASE("incremental: an output file edited by hand is made again", "[build][incremental]") {
    TestRepo repo;
    counts(repo.run({"build"}));
    const fs::path md = repo.out() / "alpha/social.md";
    const std::string original = repo.read("out/alpha/social.md");
    SECTION("to a different size") { clausebook::test::write_file(md, original + "A line the clerk added.\n"); }
    SECTION("to the same size, at a different time") {
        std::string edited = original;
        edited[edited.find("Alpha")] = 'a';
        clausebook::test::write_file(md, edited);
        fs::last_write_time(md, fs::last_write_time(md) - std::chrono::hours(1));
    }
    SECTION("with its time alone changed") { fs::last_write_time(md, fs::last_write_time(md) - std::chrono::hours(1)); }
    auto again = counts(repo.run({"build"}));
    CHECK(again.up_to_date == 1);
    CHECK(repo.read("out/alpha/social.md") == original);
    CHECK(counts(repo.run({"build"})).up_to_date == 2);
}

TEST_CASE("incremental: a damaged or foreign manifest means a full build, never an error", "[build][incremental]") {
    TestRepo repo;
    counts(repo.run({"build"}));
    const std::string good = repo.read("out/" + k_manifest);
    REQUIRE(good.rfind("clausebook manifest 2\n", 0) == 0);
    SECTION("garbage") { repo.write("out/" + k_manifest, std::string(1, '\0') + "\xff not a manifest\n\n\t\t\n"); }
    SECTION("empty") { repo.write("out/" + k_manifest, ""); }
    SECTION("cut short mid-line") { repo.write("out/" + k_manifest, good.substr(0, good.size() - 3)); }
    SECTION("another version") { repo.write("out/" + k_manifest, "clausebook manifest 99" + good.substr(good.find('\n'))); }
    SECTION("a bad number") {
        std::string bad = good;
        // The last line's MTIME-NS, before its clean|warned and approved|draft fields.
        bad.replace(bad.rfind('\t', bad.rfind('\t', bad.rfind('\t') - 1) - 1) + 1, 1, "x");
        repo.write("out/" + k_manifest, bad);
    }
    auto r = repo.run({"build"});
    CHECK(r.err.empty());
    auto again = counts(r);
    CHECK(again.up_to_date == 0);
    CHECK(again.written == 0);  // the same bytes: every file checked, none rewritten
    CHECK(repo.read("out/" + k_manifest) == good);
    CHECK(counts(repo.run({"build"})).up_to_date == 2);
}

TEST_CASE("incremental: --force builds every document again, still rewriting nothing unchanged", "[build][incremental]") {
    TestRepo repo;
    counts(repo.run({"build"}));
    auto before = stamps(repo.out());
    auto forced = counts(repo.run({"build", "--force"}));
    CHECK(forced.up_to_date == 0);
    CHECK(forced.written == 0);
    CHECK(forced.unchanged == 11);  // 2 schools x 4 formats, the index and 2 school pages
    CHECK(changed(before, stamps(repo.out())).empty());
    CHECK(contains(repo.run({"build", "--help"}).out, "--force"));
}

TEST_CASE("incremental: a school with a warning is checked again and warned about on every run", "[build][incremental]") {
    TestRepo repo;
    // Beta's policy is for parents only, so it has no staff section to put this clause in.
    repo.write("schools/beta.yaml",
               repo.read("schools/beta.yaml") + "    local:\n      - { id: local.note, section: staff, title: Note, text: Our own note. }\n");
    for (int run = 0; run < 3; ++run) {
        INFO("run " << run);
        auto r = repo.run({"build"});
        CHECK(contains(r.err, "schools/beta.yaml"));
        CHECK(contains(r.err, "[local-misplaced]"));
        CHECK_FALSE(contains(r.err, "alpha"));
        CHECK(counts(r).up_to_date == (run == 0 ? 0 : 2));  // checked again, but not written again
    }
    std::string manifest = repo.read("out/" + k_manifest);
    CHECK(contains(manifest, "alpha/social.md\t"));
    CHECK(contains(manifest, "\tclean\tdraft\n"));
    CHECK(contains(manifest, "\twarned\tdraft\n"));
}

TEST_CASE("incremental: a build of some schools or formats keeps what it did not build", "[build][incremental]") {
    TestRepo repo;
    SECTION("schools") {
        CHECK(counts(repo.run({"build", "--school", "alpha"})).up_to_date == 0);
        CHECK(counts(repo.run({"build", "--school", "beta"})).up_to_date == 0);
        auto all = counts(repo.run({"build"}));
        CHECK(all.up_to_date == 2);
        CHECK(all.written == 0);
    }
    SECTION("formats") {
        counts(repo.run({"build", "--format", "md"}));
        counts(repo.run({"build", "--format", "html,docx"}));
        counts(repo.run({"build", "--format", "pdf"}));
        auto all = counts(repo.run({"build"}));
        CHECK(all.up_to_date == 2);
        CHECK(all.written == 0);
    }
    SECTION("a school that is gone is dropped from the manifest") {
        counts(repo.run({"build"}));
        repo.remove("schools/beta.yaml");
        CHECK(counts(repo.run({"build"})).up_to_date == 1);
        CHECK_FALSE(contains(repo.read("out/" + k_manifest), "beta/"));
    }
}

TEST_CASE("incremental: a new SOURCE_DATE_EPOCH builds every document again", "[build][incremental]") {
    TestRepo repo;
    {
        ScopedEnv epoch("SOURCE_DATE_EPOCH", "1700000000");
        counts(repo.run({"build"}));
        CHECK(counts(repo.run({"build"})).up_to_date == 2);
    }
    auto before = stamps(repo.out());
    ScopedEnv epoch("SOURCE_DATE_EPOCH", "1800000000");
    CHECK(counts(repo.run({"build"})).up_to_date == 0);
    auto files = changed(before, stamps(repo.out()));
    // The Word documents carry the time; the Markdown and web pages are the same bytes.
    CHECK(files.count("alpha/social.docx"));
    CHECK(files.count("beta/social.docx"));
    CHECK_FALSE(files.count("alpha/social.md"));
    CHECK_FALSE(files.count("beta/social.html"));
}

TEST_CASE("incremental: a school's page is made again only when a row of it changes", "[build][incremental][school-page]") {
    TestRepo repo;
    ScopedEnv epoch("SOURCE_DATE_EPOCH", "1717243200");  // the day the review status is reckoned on
    counts(repo.run({"build"}));
    CHECK(contains(repo.read("out/" + k_manifest), "alpha/index.html\t"));  // recorded like a document's file
    const fs::path alpha = repo.out() / "alpha/index.html";
    const std::string original = repo.read("out/alpha/index.html");
    SECTION("not rendered or read again when nothing it shows has changed") {
        // A copy of the same size and time that the manifest recorded is taken as the page: a
        // build that rendered the page and compared it would put the original back.
        auto time = fs::last_write_time(alpha);
        std::string marked = original;
        marked[marked.find("Alpha")] = 'a';
        clausebook::test::write_file(alpha, marked);
        fs::last_write_time(alpha, time);
        auto before = stamps(repo.out());
        auto again = counts(repo.run({"build"}));
        CHECK(again.written == 0);
        CHECK(again.unchanged == 3);  // the index, made again, and the two pages, not
        CHECK(repo.read("out/alpha/index.html") == marked);
        CHECK(changed(before, stamps(repo.out())).empty());
    }
    SECTION("made again when edited by hand") {
        clausebook::test::write_file(alpha, original + "<!-- edited -->\n");
        auto again = counts(repo.run({"build"}));
        CHECK(again.written == 1);
        CHECK(repo.read("out/alpha/index.html") == original);
    }
    SECTION("made again when a row changes, and only that school's") {
        std::string school = repo.read("schools/alpha.yaml");
        auto at = school.find("approved: 2024-03-01");
        REQUIRE(at != std::string::npos);
        repo.write("schools/alpha.yaml", school.replace(at, 20, "approved: 2024-05-20"));
        auto before = stamps(repo.out());
        counts(repo.run({"build"}));
        CHECK(contains(repo.read("out/alpha/index.html"), "20 May 2024"));
        auto files = changed(before, stamps(repo.out()));
        CHECK(files.count("alpha/index.html"));
        CHECK_FALSE(files.count("beta/index.html"));
    }
    SECTION("made again with --force, which writes it only if its bytes differ") {
        auto time = fs::last_write_time(alpha);
        clausebook::test::write_file(alpha, std::string(original.size(), 'x'));
        fs::last_write_time(alpha, time);
        auto forced = counts(repo.run({"build", "--force"}));
        CHECK(forced.written >= 1);
        CHECK(repo.read("out/alpha/index.html") == original);
    }
}
