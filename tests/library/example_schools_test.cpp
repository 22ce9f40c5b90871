// The example repository builds, and each school's policy carries its own facts.
#include <catch2/catch.hpp>

#include "cli/cli.hpp"
#include "support/fixture.hpp"
#include "write/docx_reader.hpp"

#include <sstream>

namespace {

const clausebook::test::ExampleBuild& built() { return clausebook::test::example_build("md,html"); }

const std::string& md(const std::string& school) { return built().files.at(school + "/social-networking.md"); }
bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the example repository builds all five schools cleanly", "[library][example]") {
    INFO(built().err);
    REQUIRE(built().exit_code == 0);
    CHECK(built().err.empty());  // not even a warning
    for (const char* school : {"st-wenn", "beckstone-primary", "conway-primary", "wimborne-first", "st-peters-ce-primary"}) {
        INFO(school);
        CHECK(built().files.count(std::string(school) + "/social-networking.md"));
        CHECK(built().files.count(std::string(school) + "/social-networking.html"));
    }
    CHECK(built().files.count("index.html"));
    for (const auto& [path, text] : built().files) {
        INFO(path);
        CHECK_FALSE(has(text, "{{"));
        CHECK_FALSE(has(text, "[name of school]"));
    }
}

TEST_CASE("Conway: a draft replacing the text Steve Piper approved on 3 April 2019, review due April 2022", "[library][example]") {
    const auto& m = md("conway-primary");
    // No approved copy is on record, so the 2019 approval is the previous text's (issue 13).
    CHECK(has(m, "| Status | Draft for approval \u2014 replaces the policy approved on 3 April 2019 |"));
    CHECK(has(m, "| Previous text approved on | 3 April 2019 |"));
    CHECK_FALSE(has(m, "| Approved on |"));
    CHECK(has(m, "Steve Piper"));
    CHECK(has(m, "| Next review | April 2022 |"));
    CHECK(has(m, "Greenwich"));
    CHECK(has(m, "office"));  // phones handed in at the office
}

TEST_CASE("Wimborne: a draft replacing the text approved under minute 17/1/16/4, first-school rule, review January 2020", "[library][example]") {
    const auto& m = md("wimborne-first");
    CHECK(has(m, "| Previous approval minute | 17/1/16/4 |"));
    CHECK(has(m, "| Previous text approved on | 11 January 2017 |"));
    CHECK(has(m, "| Status | Draft for approval \u2014 replaces the policy approved on 11 January 2017 |"));
    CHECK_FALSE(has(m, "| Approved on |"));
    CHECK(has(m, "| Next review | January 2020 |"));
    CHECK(has(m, "| Review period | 3 years |"));
    CHECK(has(built().files.at("wimborne-first/social-networking.html"), "clause-variant\" id=\"staff.contact-with-pupils\""));
    CHECK(has(m, "Dorset"));
}

TEST_CASE("St Wenn: Grace Smith named as designated safeguarding lead, and no dates invented", "[library][example]") {
    const auto& m = md("st-wenn");
    CHECK(has(m, "Grace Smith"));
    CHECK(has(m, "| Status | Draft for approval \u2014 no approved version on record |"));
    CHECK_FALSE(has(m, "approved on"));
    CHECK(has(m, "| Next review | Not set |"));
}

TEST_CASE("Beckstone: a parents-only policy that states the services' minimum age, with no age rule of its own", "[library][example]") {
    const auto& m = md("beckstone-primary");
    CHECK_FALSE(has(m, "## 3 Staff"));
    CHECK_FALSE(has(m, "Staff and volunteers"));
    CHECK(has(m, "Parents and carers"));
    CHECK(has(m, "under 13"));
    CHECK_FALSE(has(m, "age of 14"));
    CHECK(has(m, "| Next review | Not set |"));
}

TEST_CASE("St Peter's: a staff policy with its vision and remote teaching", "[library][example]") {
    const auto& m = md("st-peters-ce-primary");
    CHECK_FALSE(has(m, "Parents and carers\n"));
    CHECK(has(m, "God-given gifts"));
    CHECK(has(m, "Teams"));
    CHECK(has(m, "| Next review | March 2023 |"));
}

// Issue 13: none of the five example schools has an approved copy on record, so every school's
// policy says "Draft" in every format; check says why for the two that state an approval date;
// and renew, in a throwaway copy of the example, takes the marks away.
TEST_CASE("example: every school's policy is a draft in every format", "[library][example][approval]") {
    clausebook::test::TempDir out;
    auto r = clausebook::test::run_example({"build", "--out", out.path().string(), "--quiet"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string index = clausebook::test::read_file(out.path() / "index.html");
    for (const char* school : {"st-wenn", "beckstone-primary", "conway-primary", "wimborne-first", "st-peters-ce-primary"}) {
        INFO(school);
        auto base = out.path() / school / "social-networking";
        std::string m = clausebook::test::read_file(base.string() + ".md");
        CHECK(has(m, "> **Draft for approval \u2014 "));
        CHECK(has(m, "| Status | Draft for approval \u2014 "));
        CHECK_FALSE(has(m, "| | |"));
        std::string html = clausebook::test::read_file(base.string() + ".html");
        CHECK(has(html, "<div class=\"draft-banner\""));
        CHECK(has(html, "<p><strong>Draft for approval \u2014 "));
        auto pkg = clausebook::test::read_docx(clausebook::test::read_file(base.string() + ".docx"));
        CHECK(has(pkg.parts.at("word/document.xml"), ". The board has not approved this text."));
        CHECK(has(pkg.parts.at("word/header1.xml"), "Draft for approval \u2014 "));
        // The review clause says so in the text too: no approval claimed for this text.
        CHECK(has(m, "This text is a draft for the board's approval"));
        CHECK_FALSE(has(m, "This policy was approved"));
        CHECK_FALSE(has(m, "Its review period"));
    }
    CHECK(has(md("conway-primary"), "it replaces the policy approved by Steve Piper, on behalf of the governing body on 3 April 2019"));
    // Five rows, every one a draft.
    std::size_t drafts = 0;
    for (auto at = index.find("<span class=\"draft\">Draft for approval</span>"); at != std::string::npos;
         at = index.find("<span class=\"draft\">Draft for approval</span>", at + 1))
        ++drafts;
    CHECK(drafts == 5);
    auto compare = clausebook::test::run_example({"compare", "--format", "json", "--today", "2026-12-02"});
    std::size_t compare_drafts = 0;
    for (auto at = compare.out.find("\"status\": \"draft\", \"status_text\""); at != std::string::npos;
         at = compare.out.find("\"status\": \"draft\", \"status_text\"", at + 1))
        ++compare_drafts;
    CHECK(compare_drafts == 5);
}

TEST_CASE("example: check reports approved-text-unknown for the schools that state an approval date", "[library][example][approval]") {
    auto r = clausebook::test::run_example({"check", "--today", "2026-12-02", "--fail-level", "info"});
    INFO(r.out);
    CHECK(has(r.out, "(Conway Primary School) records an approval on 3 April 2019"));
    CHECK(has(r.out, "schools/conway-primary.yaml:14:15: warning: "));
    CHECK(has(r.out, "schools/wimborne-first.yaml:14:15: warning: "));
    std::size_t count = 0;
    for (auto at = r.out.find("[approved-text-unknown]"); at != std::string::npos; at = r.out.find("[approved-text-unknown]", at + 1)) ++count;
    CHECK(count == 2);
    CHECK_FALSE(has(r.out, "[approved-text-changed]"));
}

TEST_CASE("example: after renew, in a throwaway copy, the school's documents show the approval with no draft marks", "[library][example][approval]") {
    namespace fs = std::filesystem;
    clausebook::test::TempDir copy;
    for (const char* part : {"clausebook.yaml", "templates", "clauses", "schools", "data"})
        fs::copy(clausebook::test::source_dir() / part, copy.path() / part, fs::copy_options::recursive);
    auto run = [&](std::vector<std::string> args) {
        args.push_back("--root");
        args.push_back(copy.path().string());
        return clausebook::test::run_cli(args);
    };
    REQUIRE(run({"build", "--quiet"}).exit_code == 0);
    auto renewed = run({"renew", "conway-primary", "social-networking", "--approved", "2026-11-18", "--by", "Full governing board", "--minute", "26/11/4",
                        "--today", "2026-12-02"});
    INFO(renewed.out << renewed.err);
    REQUIRE(renewed.exit_code == 0);
    auto base = copy.path() / "out/conway-primary/social-networking";
    std::string m = clausebook::test::read_file(base.string() + ".md");
    CHECK(has(m, "| Status | Approved |"));
    CHECK(has(m, "| Approved on | 18 November 2026 |"));
    CHECK(has(m, "This policy was approved by Full governing board on 18 November 2026 (minute 26/11/4)."));
    CHECK_FALSE(has(m, "DRAFT"));
    CHECK_FALSE(has(m, "Draft for approval"));
    CHECK_FALSE(has(clausebook::test::read_file(base.string() + ".html"), "class=\"draft-banner\""));
    auto pkg = clausebook::test::read_docx(clausebook::test::read_file(base.string() + ".docx"));
    CHECK_FALSE(has(pkg.parts.at("word/document.xml"), "DraftNotice"));
    CHECK_FALSE(has(pkg.parts.at("word/header1.xml"), "DraftNotice"));
    auto check = run({"check", "--today", "2026-12-02", "--school", "conway-primary", "--fail-level", "info"});
    CHECK_FALSE(has(check.out, "[approved-text-unknown]"));
    CHECK_FALSE(has(check.out, "[approved-text-changed]"));
    // Another school, not renewed, is still a draft.
    CHECK(has(clausebook::test::read_file(copy.path() / "out/wimborne-first/social-networking.md"), "> **Draft for approval"));
}
