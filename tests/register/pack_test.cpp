// clausebook pack (issue 17): a meeting pack for Conway for a meeting in January 2027, opened in
// LibreOffice and read back through pandoc with its tracked changes present.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "support/fixture.hpp"
#include "support/skip.hpp"

namespace fs = std::filesystem;
using clausebook::test::RunResult;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The example repository copied, Conway's policy approved on 10 January 2024 (so due on
// 10 January 2027, by its three-year period), then its wording changed after the approval.
struct ConwayCopy {
    clausebook::test::TempDir dir;
    RunResult run(std::vector<std::string> args) const {
        args.push_back("--root");
        args.push_back(dir.path().string());
        return clausebook::test::run_cli(args);
    }
    ConwayCopy() {
        for (const char* part : {"clausebook.yaml", "templates", "clauses", "schools", "data"})
            fs::copy(clausebook::test::source_dir() / part, dir.path() / part, fs::copy_options::recursive);
        RunResult r = run({"renew", "conway-primary", "social-networking", "--approved", "2024-01-10", "--today", "2026-12-02"});
        INFO(r.out << r.err);
        REQUIRE(r.exit_code == 0);
        fs::path school = dir.path() / "schools/conway-primary.yaml";
        std::string text = clausebook::test::read_file(school);
        auto at = text.find("event_images_not_posted: true");
        REQUIRE(at != std::string::npos);
        text.replace(at, 29, "event_images_not_posted: false");
        clausebook::test::write_file(school, text);
    }
};

}  // namespace

TEST_CASE("pack: every policy due by the meeting, both kinds, and each draft's changes since approval", "[register][pack]") {
    ConwayCopy copy;
    RunResult html = copy.run({"pack", "--school", "conway-primary", "--meeting", "2027-01-20", "--format", "html"});
    INFO(html.err);
    REQUIRE(html.exit_code == 0);
    CHECK(has(html.out, "Policies for the meeting of 20 January 2027: Conway Primary School"));
    CHECK(has(html.out, "2 policies fall due for review by this meeting:"));
    CHECK(has(html.out, "<li>Social Media Policy: review due 10 January 2027, approved 10 January 2024"));
    CHECK(has(html.out, "<li>Child protection and safeguarding policy: review due 17 September 2026"));
    CHECK_FALSE(has(html.out, "Accessibility plan"));  // due in 2028
    CHECK(has(html.out, "with the changes since the text approved on 10 January 2024 shown as tracked changes"));
    CHECK(has(html.out, "<del>"));
    CHECK(has(html.out, "<ins>"));
    // An earlier meeting: the social media policy is not due yet.
    RunResult early = copy.run({"pack", "--school", "conway-primary", "--meeting", "2026-12-10", "--format", "html"});
    CHECK(has(early.out, "1 policy falls due"));
    CHECK_FALSE(has(early.out, "<li>Social Media Policy"));
    RunResult bad = copy.run({"pack", "--school", "conway-primary", "--meeting", "20/01/2027"});
    CHECK(bad.exit_code == 2);
}

TEST_CASE("pack: the Word pack opens in LibreOffice and pandoc reads its tracked changes", "[register][pack][docx]") {
    ConwayCopy copy;
    fs::path docx = copy.dir.path() / "pack.docx";
    RunResult r = copy.run({"pack", "--school", "conway-primary", "--meeting", "2027-01-20", "--output", docx.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CLAUSEBOOK_NEEDS_PROGRAM("pandoc");
    fs::path html = copy.dir.path() / "pack.html";
    std::string cmd = "pandoc --track-changes=all --wrap=none -t html -o " + html.string() + " " + docx.string();
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::string text = clausebook::test::read_file(html);
    CHECK(has(text, "class=\"insertion\""));
    CHECK(has(text, "class=\"deletion\""));
    CHECK(has(text, "Child protection and safeguarding policy: review due 17 September 2026"));
    CLAUSEBOOK_NEEDS_PROGRAM("soffice");
    std::string convert = "cd '" + copy.dir.path().string() + "' && HOME='" + copy.dir.path().string() +
                          "' timeout 180 soffice --headless --norestore --convert-to pdf pack.docx >/dev/null 2>&1";
    CHECK(std::system(convert.c_str()) == 0);
    CHECK(fs::exists(copy.dir.path() / "pack.pdf"));
    CHECK(fs::file_size(copy.dir.path() / "pack.pdf") > 10000);
}
