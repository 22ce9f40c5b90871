// Issue 13: draft or approved as a fact. A policy is approved only when its text equals the
// newest approved copy and that copy is dated the stated approval; every format says "draft"
// otherwise, check reports why, and renew takes the marks away.
#include <catch2/catch.hpp>

#include "support/fixture.hpp"
#include "write/docx_reader.hpp"

using clausebook::test::RunResult;
using clausebook::test::TestRepo;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const std::string k_alpha_draft = "Draft for approval \u2014 replaces the policy approved on 1 March 2024";

void build(const TestRepo& repo, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"build", "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = repo.run(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
}

clausebook::test::DocxPackage docx(const TestRepo& repo, const std::string& school = "alpha") {
    return clausebook::test::read_docx(repo.read("out/" + school + "/social.docx"));
}

// The index's row for `school_name`, from its <tr> to its </tr>.
std::string index_row(const TestRepo& repo, const std::string& school_name) {
    std::string index = repo.read("out/index.html");
    auto at = index.find("<td>" + school_name + "</td>");
    REQUIRE(at != std::string::npos);
    return index.substr(at, index.find("</tr>", at) - at);
}

RunResult check_json(const TestRepo& repo, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"check", "--format", "json", "--today", "2024-06-01", "--fail-level", "info"};
    args.insert(args.end(), extra.begin(), extra.end());
    return repo.run(args);
}

bool found(const RunResult& r, const std::string& rule) { return has(r.out, "\"rule\": \"" + rule + "\""); }

// Alpha's only library clause without a school override, reworded in the library.
void reword_library(TestRepo& repo) {
    repo.write("clauses/intro/purpose.md",
               "---\nid: intro.purpose\ntitle: Purpose\naudience: [staff, parents]\nversion: 1.1.0\n---\n"
               "This policy sets out how {{school.name}} expects everyone to use social media, now with new duties.\n");
}

}  // namespace

TEST_CASE("with no approved copy the policy is a draft in the Markdown, HTML and DOCX", "[approval][draft]") {
    TestRepo repo;
    build(repo);
    std::string md = repo.read("out/alpha/social.md");
    CHECK(has(md, "# Social Media Policy\n\n> **" + k_alpha_draft + ".** The board has not approved this text.\n"));
    // The status is the cover's first row, and its header: no empty header row.
    CHECK(has(md, "| Status | " + k_alpha_draft + " |\n| --- | --- |\n| School | Alpha Primary School |"));
    CHECK_FALSE(has(md, "| | |"));
    CHECK(has(md, "| Previous text approved on | 1 March 2024 |"));
    CHECK(has(md, "| Previous text approved by | Full governing board |"));
    CHECK_FALSE(has(md, "| Approved on |"));

    std::string html = repo.read("out/alpha/social.html");
    CHECK(has(html, "<title>DRAFT: Social Media Policy"));
    CHECK(has(html, "<div class=\"draft-banner\" role=\"note\" aria-label=\"Status\">\n<p><strong>" + k_alpha_draft +
                        ".</strong> The board has not approved this text."));
    CHECK(has(html, "<th scope=\"row\">Status</th><td>" + k_alpha_draft + "</td>"));
    CHECK(has(html, "<th scope=\"row\">Previous text approved on</th><td>1 March 2024</td>"));
    CHECK_FALSE(has(html, "<th scope=\"row\">Approved on</th>"));
    // Print keeps the banner and repeats a line on every page.
    auto print = html.find("@media print {");
    REQUIRE(print != std::string::npos);
    CHECK(has(html.substr(print), ".draft-banner { display: block;"));
    CHECK(has(html.substr(print), "body.draft { page: draft; }"));
    CHECK(has(html.substr(print), "@page draft { @top-center { content: \"DRAFT FOR APPROVAL"));
    CHECK(has(html, "<body class=\"draft\">"));
    CHECK_FALSE(has(html, ".changes.html"));  // no approved copy: no redline to link to

    auto pkg = docx(repo);
    const std::string& document = pkg.parts.at("word/document.xml");
    auto notice = document.find("<w:pStyle w:val=\"DraftNotice\"/>");
    REQUIRE(notice != std::string::npos);
    CHECK(notice < document.find("<w:pStyle w:val=\"Title\"/>"));  // above the title
    CHECK(has(document, k_alpha_draft + ". The board has not approved this text."));
    for (const char* header : {"word/header1.xml", "word/header2.xml"}) {
        INFO(header);
        CHECK(has(pkg.parts.at(header), "<w:pStyle w:val=\"DraftNotice\"/>"));
        CHECK(has(pkg.parts.at(header), k_alpha_draft));
    }
    CHECK(has(pkg.parts.at("docProps/core.xml"), "<cp:contentStatus>Draft for approval</cp:contentStatus>"));
    CHECK(has(pkg.parts.at("word/styles.xml"), "w:styleId=\"DraftNotice\""));

    std::string row = index_row(repo, "Alpha Primary School");
    CHECK(has(row, "<span class=\"draft\">Draft for approval</span>"));
    CHECK(has(row, "Previous text: 1 March 2024"));
}

TEST_CASE("a policy never approved says there is no approved version on record", "[approval][draft]") {
    TestRepo repo;
    // Listed with nothing under it: the school keeps the policy, and has recorded no approval.
    repo.write(
        "schools/alpha.yaml",
        "school:\n  name: Alpha Primary School\n  phase: primary\nparams:\n  headteacher: { name: Ann Example, role: Headteacher }\npolicies:\n  social:\n");
    build(repo, {"--format", "md,docx"});
    std::string md = repo.read("out/alpha/social.md");
    CHECK(has(md, "| Status | Draft for approval \u2014 no approved version on record |"));
    CHECK_FALSE(has(md, "approved on"));
    CHECK(has(docx(repo).parts.at("word/header1.xml"), "Draft for approval \u2014 no approved version on record"));
    // Nothing claims an approval, so there is nothing unknown to report.
    CHECK_FALSE(found(check_json(repo, {"--school", "alpha"}), "approved-text-unknown"));
    CHECK(found(check_json(repo, {"--school", "beta"}), "approved-text-unknown"));  // beta states one
}

TEST_CASE("compare's status row says draft in every format", "[approval][draft][compare]") {
    TestRepo repo;
    for (const char* format : {"text", "md", "html", "csv"}) {
        INFO(format);
        RunResult r = repo.run({"compare", "--format", format, "--today", "2024-06-01"});
        REQUIRE(r.exit_code == 0);
        CHECK(has(r.out, "Status"));
        CHECK(has(r.out, k_alpha_draft));
        CHECK(has(r.out, "1 March 2024 (previous text)"));
    }
    RunResult json = repo.run({"compare", "--format", "json", "--today", "2024-06-01"});
    CHECK(has(json.out, "\"status\": \"draft\", \"status_text\": \"" + k_alpha_draft + "\""));
}

TEST_CASE("check approved-text-unknown: an approval date with no approved copy, at the approved line", "[approval][check]") {
    TestRepo repo;
    RunResult r = repo.run({"check", "--today", "2024-06-01", "--school", "alpha", "--fail-level", "warning"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(has(r.out,
              "schools/alpha.yaml:8:15: warning: Social Media Policy (Alpha Primary School) records an approval on 1 March 2024, but there is "
              "no copy of the text approved then (approved/alpha/social/2024-03-01.md)"));
    CHECK(has(r.out, "[approved-text-unknown]"));
    // Its severity is set like any other rule's.
    repo.write("clausebook.yaml", repo.read("clausebook.yaml") + "check:\n  severity:\n    approved-text-unknown: error\n");
    RunResult e = repo.run({"check", "--today", "2024-06-01", "--school", "alpha"});
    CHECK(e.exit_code == 1);
    CHECK(has(e.out, "schools/alpha.yaml:8:15: error: Social Media Policy (Alpha Primary School) records an approval"));
    // Clean once the approved text is on record.
    repo.approve("alpha", "social", "2024-03-01");
    RunResult clean = check_json(repo, {"--school", "alpha"});
    CHECK_FALSE(found(clean, "approved-text-unknown"));
    CHECK_FALSE(found(clean, "approved-text-changed"));
}

TEST_CASE("check approved-text-unknown: the newest copy is of another day than the stated approval", "[approval][check]") {
    TestRepo repo;
    repo.approve("alpha", "social", "2023-02-01");
    RunResult r = repo.run({"check", "--today", "2024-06-01", "--school", "alpha", "--fail-level", "warning"});
    CHECK(has(r.out,
              "schools/alpha.yaml:8:15: warning: Social Media Policy (Alpha Primary School) records an approval on 1 March 2024, but the "
              "newest approved copy (approved/alpha/social/2023-02-01.md) is of 1 February 2023, not that day"));
    build(repo, {"--format", "md"});
    CHECK(has(repo.read("out/alpha/social.md"), "| Status | " + k_alpha_draft + " |"));
}

TEST_CASE("the approved copy settles the status: same text approved, formatting ignored, changed text a draft", "[approval]") {
    TestRepo repo;
    repo.approve("alpha", "social", "2024-03-01");
    build(repo);
    std::string md = repo.read("out/alpha/social.md");
    CHECK(has(md, "# Social Media Policy\n\n| Status | Approved |\n| --- | --- |\n"));
    CHECK(has(md, "| Approved on | 1 March 2024 |"));
    CHECK_FALSE(has(md, "DRAFT"));
    CHECK_FALSE(has(md, "> **"));
    CHECK_FALSE(has(md, "Draft for approval"));
    CHECK_FALSE(has(repo.read("out/alpha/social.html"), "class=\"draft-banner\""));
    CHECK(has(index_row(repo, "Alpha Primary School"), "Approved \u00b7"));
    // beta has no copy: still a draft.
    CHECK(has(repo.read("out/beta/social.md"), "> **Draft for approval"));

    SECTION("an edited copy is an input: the next build, without --force, makes the document a draft") {
        std::string copy = repo.read("approved/alpha/social/2024-03-01.md");
        auto at = copy.find("expects");
        REQUIRE(at != std::string::npos);
        repo.write("approved/alpha/social/2024-03-01.md", copy.substr(0, at) + "requires" + copy.substr(at + 7));
        build(repo);
        CHECK(has(repo.read("out/alpha/social.md"), "| Status | " + k_alpha_draft + " |"));
        CHECK(found(check_json(repo, {"--school", "alpha"}), "approved-text-changed"));
    }
    SECTION("formatting alone (spaces and line breaks in the text) does not make a draft") {
        std::string copy = repo.read("approved/alpha/social/2024-03-01.md");
        auto at = copy.find("This policy explains how");
        REQUIRE(at != std::string::npos);
        auto end = copy.find('\n', at);
        std::string para = copy.substr(at, end - at), loose;
        for (char c : para) loose += c == ' ' ? std::string("  ") : std::string(1, c);
        loose.replace(loose.find("  expects"), 2, "\n");  // a soft line break
        repo.write("approved/alpha/social/2024-03-01.md", copy.substr(0, at) + loose + copy.substr(end));
        build(repo);
        CHECK(has(repo.read("out/alpha/social.md"), "| Status | Approved |"));
    }
    SECTION("a copy without one of the clauses, or with two in another order, is another text") {
        std::string copy = repo.read("approved/alpha/social/2024-03-01.md");
        auto first = copy.find("\n### 1.1 ");
        auto second = copy.find("\n### 1.2 ");
        auto after = copy.find("\n## 2 ");
        REQUIRE(first != std::string::npos);
        REQUIRE(second != std::string::npos);
        REQUIRE(after != std::string::npos);
        std::string one = copy.substr(first, second - first), two = copy.substr(second, after - second);
        SECTION("removed") { repo.write("approved/alpha/social/2024-03-01.md", copy.substr(0, first) + two + copy.substr(after)); }
        SECTION("swapped") { repo.write("approved/alpha/social/2024-03-01.md", copy.substr(0, first) + two + one + copy.substr(after)); }
        build(repo, {"--format", "md"});
        CHECK(has(repo.read("out/alpha/social.md"), "| Status | " + k_alpha_draft + " |"));
    }
    SECTION("a changed clause makes a draft, reported by check at the approved line, with a redline the page links to") {
        const std::string original = repo.read("clauses/intro/purpose.md");
        reword_library(repo);
        build(repo);
        std::string now = repo.read("out/alpha/social.md");
        CHECK(has(now, "| Status | " + k_alpha_draft + " |"));
        std::string html = repo.read("out/alpha/social.html");
        CHECK(has(html, "<a href=\"social.changes.html\">What has changed since the approved text</a>"));
        std::string changes = repo.read("out/alpha/social.changes.html");
        CHECK(has(changes, "now with new duties"));
        CHECK(has(changes, "alpha@approved (2024-03-01)"));
        CHECK(has(docx(repo).parts.at("word/document.xml"), "see social.changes.html beside this document, or run: clausebook diff alpha --since-approval"));
        RunResult r = repo.run({"check", "--today", "2024-06-01", "--school", "alpha", "--fail-level", "warning"});
        CHECK(has(r.out,
                  "schools/alpha.yaml:8:15: warning: Social Media Policy (Alpha Primary School) differs from the text the board approved on "
                  "1 March 2024 (approved/alpha/social/2024-03-01.md): the board has not seen this text"));
        CHECK(has(r.out, "[approved-text-changed]"));
        CHECK_FALSE(has(r.out, "[approved-text-unknown]"));
        RunResult diff = repo.run({"diff", "alpha", "--since-approval"});
        CHECK(diff.exit_code == 1);
        CHECK(has(diff.out, "1 clause changed, 0 added, 0 removed"));
        // Put back: approved again, and the stale redline is gone.
        repo.write("clauses/intro/purpose.md", original);
        build(repo);
        CHECK(has(repo.read("out/alpha/social.md"), "| Status | Approved |"));
        CHECK_FALSE(std::filesystem::exists(repo.out() / "alpha/social.changes.html"));
        CHECK_FALSE(has(repo.read("out/alpha/social.html"), "changes.html"));
    }
}

TEST_CASE("renew keeps the approved rendering and the rebuilt documents show the approval with no draft marks", "[approval][renew]") {
    TestRepo repo;
    reword_library(repo);
    build(repo);
    CHECK(has(repo.read("out/alpha/social.md"), "> **Draft for approval"));
    RunResult r = repo.run({"renew", "alpha", "social", "--approved", "2024-06-01", "--today", "2024-06-02"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    std::string copy = repo.read("approved/alpha/social/2024-06-01.md");
    CHECK_FALSE(has(copy, "DRAFT"));
    CHECK_FALSE(has(copy, "> **"));
    CHECK_FALSE(has(copy, "Draft for approval"));
    CHECK(has(copy, "| Status | Approved |"));
    CHECK(has(copy, "| Approved on | 1 June 2024 |"));

    std::string md = repo.read("out/alpha/social.md");
    CHECK(has(md, "| Status | Approved |"));
    CHECK(has(md, "| Approved on | 1 June 2024 |"));
    CHECK_FALSE(has(md, "DRAFT"));
    CHECK_FALSE(has(md, "> **"));
    std::string html = repo.read("out/alpha/social.html");
    CHECK_FALSE(has(html, "class=\"draft-banner\""));
    CHECK_FALSE(has(html, "<body class=\"draft\">"));
    CHECK(has(html, "<th scope=\"row\">Approved on</th><td>1 June 2024</td>"));
    auto pkg = docx(repo);
    CHECK_FALSE(has(pkg.parts.at("word/document.xml"), "DraftNotice"));
    CHECK_FALSE(has(pkg.parts.at("word/header1.xml"), "DraftNotice"));
    CHECK_FALSE(has(pkg.parts.at("word/header2.xml"), "DraftNotice"));
    CHECK(has(pkg.parts.at("docProps/core.xml"), "<cp:contentStatus>Approved</cp:contentStatus>"));
    CHECK(has(index_row(repo, "Alpha Primary School"), "Approved \u00b7"));
    CHECK_FALSE(repo.run({"diff", "alpha", "--since-approval"}).exit_code);
    RunResult c = repo.run({"compare", "--format", "json", "--today", "2024-06-02"});
    CHECK(has(c.out, "\"id\": \"alpha\""));
    CHECK(has(c.out, "\"status\": \"approved\""));
    RunResult chk = check_json(repo, {"--school", "alpha", "--today", "2024-06-02"});
    CHECK_FALSE(found(chk, "approved-text-changed"));
    CHECK_FALSE(found(chk, "approved-text-unknown"));
}

TEST_CASE("the index takes a document's status from the manifest when a build skips it", "[approval][incremental]") {
    TestRepo repo;
    repo.approve("alpha", "social", "2024-03-01");
    build(repo);
    RunResult again = repo.run({"build"});
    REQUIRE(again.exit_code == 0);
    CHECK(has(again.out + again.err, "up to date"));
    CHECK(has(index_row(repo, "Alpha Primary School"), "Approved \u00b7"));
    CHECK(has(index_row(repo, "Beta First School"), "Draft for approval"));
    CHECK(has(repo.read("out/.clausebook/manifest"), "alpha/social.md\t"));
    CHECK(has(repo.read("out/.clausebook/manifest"), "\tapproved\n"));
}
