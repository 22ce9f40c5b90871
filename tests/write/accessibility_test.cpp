// Every HTML page clausebook writes, checked for accessibility in a real browser:
// tests/js/axe_check.mjs opens each page in Debian's headless Chromium (puppeteer-core), runs
// axe-core at WCAG 2.2 AA (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) and tabs through
// it, asking every control it reaches to show a focus indicator (and, for clausebook's own pages,
// axe's best-practice rules: landmarks, one main landmark, one h1). The pages: out/index.html, each
// policy page, each school's policies page, a draft's changes page, and the compare (an outline's
// and a register policy's), schedule and diff reports. One test proves the check fails a page with known faults.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "support/fixture.hpp"
#include "support/skip.hpp"
#include "write/pdf_support.hpp"

using namespace clausebook::test;
namespace fs = std::filesystem;

namespace {

fs::path js_dir() { return source_dir() / "tests/js"; }

// Runs the checker on `pages`: its exit status (0 all pass, 1 a page fails, 2 could not check)
// and what it printed. clausebook's own pages are held to axe's best-practice rules too
// (landmarks, one main, one h1), beyond WCAG's.
pdf::Shell check_pages(const std::vector<fs::path>& pages, bool best_practice = true) {
    std::string cmd = "node " + pdf::quoted(js_dir() / "axe_check.mjs") + (best_practice ? " --best-practice" : "");
    for (const auto& p : pages) cmd += " " + pdf::quoted(p);
    pdf::Shell r = pdf::shell(cmd);
    if (WIFEXITED(r.status)) r.status = WEXITSTATUS(r.status);
    return r;
}

// Every .html file below `dir`.
std::vector<fs::path> html_files(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".html") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

// node and Chromium are installed by scripts/setup.sh, and the npm packages by its npm ci.
#define CLAUSEBOOK_NEEDS_AXE()                                                                                                                      \
    do {                                                                                                                                            \
        CLAUSEBOOK_NEEDS_PROGRAM("node");                                                                                                           \
        CLAUSEBOOK_NEEDS_PROGRAM("chromium");                                                                                                       \
        if (!fs::exists(js_dir() / "node_modules/axe-core") || !fs::exists(js_dir() / "node_modules/puppeteer-core"))                               \
            CLAUSEBOOK_SKIP("program not installed: tests/js/node_modules/axe-core and puppeteer-core (scripts/setup.sh runs npm ci in tests/js)"); \
    } while (0)

TEST_CASE("axe-core finds no WCAG 2.2 AA violation on the example's policy pages, index and school pages", "[accessibility][chromium]") {
    CLAUSEBOOK_NEEDS_AXE();
    const ExampleBuild& b = example_build("html,pdf");
    INFO(b.err);
    REQUIRE(b.exit_code == 0);
    std::vector<fs::path> pages = html_files(b.dir.path());
    std::size_t school_pages = 0, policy_pages = 0;
    for (const auto& p : pages) {
        if (p.filename() == "index.html" && p.parent_path() != b.dir.path())
            ++school_pages;
        else if (p.filename() != "index.html")
            ++policy_pages;
    }
    CHECK(fs::exists(b.dir.path() / "index.html"));
    CHECK(school_pages == 5);
    CHECK(policy_pages >= 5);
    pdf::Shell r = check_pages(pages);
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK(r.out.find(std::to_string(pages.size()) + " of " + std::to_string(pages.size()) + " pages pass") != std::string::npos);
}

TEST_CASE("axe-core finds no WCAG 2.2 AA violation on the compare, schedule and diff reports", "[accessibility][chromium]") {
    CLAUSEBOOK_NEEDS_AXE();
    TempDir dir;
    auto out = [&](const char* name) { return (dir.path() / name).string(); };
    REQUIRE(run_example({"compare", "--format", "html", "--today", "2025-06-01", "--output", out("compare.html")}).exit_code == 0);
    // A register policy's status rows (no text): on this day Conway's review is overdue,
    // Beckstone's due soon and St Peter's has no entry (a statutory gap).
    REQUIRE(run_example({"compare", "--policy", "send", "--format", "html", "--today", "2027-05-01", "--output", out("compare-register.html")}).exit_code == 0);
    REQUIRE(run_example({"schedule", "--format", "html", "--today", "2025-06-01", "--output", out("schedule.html")}).exit_code == 0);
    // diff exits 1 when the two differ, as these do.
    REQUIRE(run_example({"diff", "conway-primary", "wimborne-first", "--format", "html", "--output", out("diff.html")}).exit_code == 1);
    REQUIRE(run_example({"diff", "conway-primary", "wimborne-first", "--format", "html-side", "--output", out("diff-side.html")}).exit_code == 1);
    pdf::Shell r = check_pages({out("compare.html"), out("compare-register.html"), out("schedule.html"), out("diff.html"), out("diff-side.html")});
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK(r.out.find("5 of 5 pages pass") != std::string::npos);
}

TEST_CASE("axe-core finds no WCAG 2.2 AA violation on a draft's page and its changes page", "[accessibility][chromium]") {
    CLAUSEBOOK_NEEDS_AXE();
    TestRepo repo;
    repo.approve("alpha", "social", "2024-03-01");
    // The text changed since: a draft, with a redline against the approved copy.
    repo.write("clauses/intro/purpose.md",
               "---\nid: intro.purpose\ntitle: Purpose\naudience: [staff, parents]\nversion: 1.0.1\n---\n"
               "This policy says how the school keeps everyone safe online, and what it expects of staff and parents.\n");
    auto b = repo.run({"build", "--format", "html", "--school", "alpha"});
    INFO(b.err);
    REQUIRE(b.exit_code == 0);
    REQUIRE(fs::exists(repo.out() / "alpha/social.changes.html"));
    pdf::Shell r =
        check_pages({repo.out() / "alpha/social.html", repo.out() / "alpha/social.changes.html", repo.out() / "alpha/index.html", repo.out() / "index.html"});
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK(r.out.find("4 of 4 pages pass") != std::string::npos);
}

TEST_CASE("the accessibility check reports a page with known faults: contrast, no language, an image without text, no focus", "[accessibility][chromium]") {
    CLAUSEBOOK_NEEDS_AXE();
    TempDir dir;
    write_file(dir.path() / "bad.html",
               "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Faults</title>"
               "<style>p { color: #aaaaaa; } a:focus { outline: none; }</style></head>\n"
               "<body><main><h1>Faults</h1><p>Pale grey text on white.</p><img src=\"data:,\"><p><a href=\"#x\">A link</a></p></main></body></html>\n");
    write_file(dir.path() / "good.html",
               "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Fine</title></head>\n"
               "<body><main><h1>Fine</h1><p>Dark text. <a href=\"#x\">A link</a></p></main></body></html>\n");
    pdf::Shell r = check_pages({dir.path() / "bad.html", dir.path() / "good.html"}, false);
    INFO(r.out);
    CHECK(r.status == 1);
    CHECK(r.out.find("FAIL " + (dir.path() / "bad.html").string()) != std::string::npos);
    CHECK(r.out.find("ok " + (dir.path() / "good.html").string()) != std::string::npos);
    CHECK(r.out.find("violation color-contrast") != std::string::npos);
    CHECK(r.out.find("violation html-has-lang") != std::string::npos);
    CHECK(r.out.find("violation image-alt") != std::string::npos);
    CHECK(r.out.find("focus: a[href=\"#x\"] \"A link\" shows no focus indicator") != std::string::npos);
    CHECK(r.out.find("1 of 2 pages pass") != std::string::npos);
}
