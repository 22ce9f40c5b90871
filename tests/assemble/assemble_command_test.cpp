// What a built policy contains: variants, overrides, local clauses, cross-references,
// numbering, escaping, and the same bytes every time.
#include <catch2/catch.hpp>

#include "support/fixture.hpp"

using clausebook::test::TestRepo;

namespace {
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("variants, overrides and local clauses are placed and numbered", "[assemble]") {
    TestRepo repo;
    repo.write("schools/alpha.yaml",
               "school:\n  name: Alpha Primary School\nparams:\n  headteacher: { name: Ann Example }\n"
               "policies:\n  social:\n"
               "    variants: { staff.contact: first-school }\n"
               "    exclude: [intro.links]\n"
               "    overrides:\n      parents.conduct: { title: Our rules for parents, text: \"Parents of {{school.name}} post kindly.\" }\n"
               "    local:\n"
               "      - id: local.phones\n        after: intro.purpose\n        title: Phones\n        text: Phones are handed in at the office.\n"
               "      - id: local.end\n        section: parents\n        title: Last word\n        text: Thank you.\n");
    auto r = repo.run({"build", "--school", "alpha"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string md = repo.read("out/alpha/social.md");
    INFO(md);
    CHECK(contains(md, "### 1.1 Purpose"));
    CHECK(contains(md, "### 1.2 Phones\n\nPhones are handed in at the office."));
    CHECK_FALSE(contains(md, "Related policies"));
    CHECK(contains(md, "### 2.1 Contact with pupils\n\nStaff never contact a pupil by phone, email or social media."));
    CHECK(contains(md, "### 3.1 Our rules for parents\n\nParents of Alpha Primary School post kindly."));
    CHECK(contains(md, "### 3.2 Last word"));
    std::string html = repo.read("out/alpha/social.html");
    CHECK(contains(html, "class=\"clause clause-local\" id=\"local.phones\""));
    CHECK(contains(html, "class=\"clause clause-override\" id=\"parents.conduct\""));
    CHECK(contains(html, "class=\"clause clause-variant\" id=\"staff.contact\""));
}

TEST_CASE("cross-references get the number the clause has in this school's policy", "[assemble]") {
    TestRepo repo;
    auto r = repo.run({"build"});
    REQUIRE(r.exit_code == 0);
    std::string md = repo.read("out/alpha/social.md");
    CHECK(contains(md, "See section 3.1 (Conduct of parents)."));
    std::string html = repo.read("out/alpha/social.html");
    CHECK(contains(html, "See <a href=\"#parents.conduct\">section 3.1 (Conduct of parents)</a>."));
}

TEST_CASE("lists from parameters render once per item", "[assemble]") {
    TestRepo repo;
    REQUIRE(repo.run({"build"}).exit_code == 0);
    std::string md = repo.read("out/alpha/social.md");
    INFO(md);
    CHECK(contains(md, "  - the Behaviour policy\n  - the Complaints policy\n"));
    std::string html = repo.read("out/alpha/social.html");
    CHECK(contains(html, "<li>the Behaviour policy</li>"));
}

TEST_CASE("parameter values cannot inject Markdown or HTML", "[assemble][escaping]") {
    TestRepo repo;
    repo.write("schools/alpha.yaml",
               "school:\n  name: \"<script>alert(1)</script> *Star* [x](javascript:y) & Co\"\n"
               "params:\n  headteacher: { name: \"# Not a heading\" }\npolicies:\n  social:\n");
    auto r = repo.run({"build"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string html = repo.read("out/alpha/social.html");
    CHECK_FALSE(contains(html, "<script>"));
    CHECK_FALSE(contains(html, "href=\"javascript"));
    CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt; *Star* [x](javascript:y) &amp; Co expects"));
    CHECK(contains(html, "# Not a heading is responsible"));
    std::string md = repo.read("out/alpha/social.md");
    CHECK(contains(md, "\\<script\\>"));
}

TEST_CASE("raw HTML in a clause is shown as text unless the repository allows it", "[assemble][escaping]") {
    TestRepo repo;
    repo.write("clauses/parents/conduct.md",
               "---\nid: parents.conduct\ntitle: Conduct\nversion: 1.0.0\n---\nBe <b>kind</b>. [Bad](javascript:alert(1)) [Good](https://example.org)\n");
    auto r = repo.run({"build"});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.err, "clauses/parents/conduct.md:6:4: warning: raw HTML in a clause is shown as text"));
    CHECK(contains(r.err, "[unsafe-link]"));
    std::string html = repo.read("out/alpha/social.html");
    CHECK(contains(html, "Be &lt;b&gt;kind&lt;/b&gt;."));
    CHECK(contains(html, "Bad <a href=\"https://example.org\">Good</a>"));
    std::string md = repo.read("out/alpha/social.md");
    CHECK(contains(md, "Be \\<b\\>kind\\</b\\>. Bad [Good](https://example.org)"));
    repo.write("clausebook.yaml", "trust:\n  name: Test Trust\nsettings:\n  allow_raw_html: true\n");
    REQUIRE(repo.run({"build"}).exit_code == 0);
    CHECK(contains(repo.read("out/alpha/social.html"), "Be <b>kind</b>."));
}

TEST_CASE("tables in clauses become HTML tables with a header row", "[assemble][html]") {
    TestRepo repo;
    repo.write("clauses/intro/links.md",
               "---\nid: intro.links\ntitle: Related policies\nversion: 1.0.0\n---\n| Policy | Owner |\n| --- | --- |\n| Behaviour | Head |\n");
    REQUIRE(repo.run({"build"}).exit_code == 0);
    CHECK(
        contains(repo.read("out/alpha/social.html"),
                 "<table>\n<thead>\n<tr><th>Policy</th><th>Owner</th></tr>\n</thead>\n<tbody>\n<tr><td>Behaviour</td><td>Head</td></tr>\n</tbody>\n</table>"));
}

TEST_CASE("the HTML page is self-contained, British English, with a linked contents list", "[assemble][html]") {
    TestRepo repo;
    REQUIRE(repo.run({"build"}).exit_code == 0);
    std::string html = repo.read("out/alpha/social.html");
    CHECK(contains(html, "<html lang=\"en-GB\">"));
    CHECK(contains(html, "<a href=\"#section-intro\"><span class=\"num\">1</span> Introduction</a>"));
    CHECK(contains(html, "<section class=\"policy-section\" id=\"section-intro\">"));
    CHECK(contains(html, "<a href=\"#intro.purpose\"><span class=\"num\">1.1</span> Purpose</a>"));
    CHECK(contains(html, "@media print"));
    // No approved copy is on record: the 2024 approval is the previous text's (issue 13).
    CHECK(contains(html, "<th scope=\"row\">Status</th><td>Draft for approval \u2014 replaces the policy approved on 1 March 2024</td>"));
    CHECK(contains(html, "<th scope=\"row\">Previous text approved on</th><td>1 March 2024</td>"));
    CHECK(contains(html, "<th scope=\"row\">Next review</th><td>1 March 2025</td>"));
    CHECK_FALSE(contains(html, "src=\"http"));
    CHECK_FALSE(contains(html, "<link"));
}

TEST_CASE("a trust's own page template replaces the built-in one", "[assemble][html]") {
    TestRepo repo;
    repo.write("templates/page.html", "<html lang=\"{{lang}}\"><title>{{title}}</title><body>{{{body}}}</body></html>\n");
    REQUIRE(repo.run({"build"}).exit_code == 0);
    CHECK(contains(repo.read("out/alpha/social.html"), "<html lang=\"en-GB\"><title>Social Media Policy</title><body>"));
    // This template has no draft banner, and alpha's policy is a draft (no approved copy): the
    // banner goes at the top of the text all the same.
    CHECK(contains(repo.read("out/alpha/social.html"),
                   "<body><div class=\"draft-banner\" role=\"note\" aria-label=\"Status\"><p><strong>Draft for approval \u2014 replaces the policy "
                   "approved on 1 March 2024.</strong> The board has not approved this text.</p></div>\n<section"));
    repo.approve("alpha", "social", "2024-03-01");
    REQUIRE(repo.run({"build"}).exit_code == 0);
    CHECK(contains(repo.read("out/alpha/social.html"), "<html lang=\"en-GB\"><title>Social Media Policy</title><body><section"));
    repo.write("templates/page.html", "<html>{{titel}}</html>\n");
    auto r = repo.run({"build"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "templates/page.html:1:7: error: 'titel' is not a parameter of this policy [unknown-param]"));
}

TEST_CASE("the index lists every school's policy with its dates", "[assemble][index]") {
    TestRepo repo;
    REQUIRE(repo.run({"build"}).exit_code == 0);
    std::string index = repo.read("out/index.html");
    // No approved copy is on record: the 2024 approval is the previous text's (issue 13).
    CHECK(contains(index, "<td>Alpha Primary School</td><td>Social Media Policy</td><td>Previous text: 1 March 2024</td>"));
    CHECK(contains(index, "<td>January 2026</td>"));
    CHECK(contains(index, "href=\"beta/social.html\""));
}

TEST_CASE("the index links only to documents that exist", "[assemble][index]") {
    TestRepo repo;
    REQUIRE(repo.run({"build", "--format", "md"}).exit_code == 0);
    std::string index = repo.read("out/index.html");
    CHECK(contains(index, "href=\"alpha/social.md\""));
    CHECK_FALSE(contains(index, "href=\"alpha/social.html\""));
    // A later partial build keeps links to what the earlier one wrote.
    REQUIRE(repo.run({"build", "--format", "html", "--school", "beta"}).exit_code == 0);
    index = repo.read("out/index.html");
    CHECK(contains(index, "href=\"alpha/social.md\""));
    CHECK(contains(index, "href=\"beta/social.html\""));
    CHECK_FALSE(contains(index, "href=\"alpha/social.html\""));
}

TEST_CASE("two builds give byte-identical files and the second rewrites nothing", "[assemble][determinism]") {
    TestRepo repo;
    auto first = repo.run({"build"});
    REQUIRE(first.exit_code == 0);
    auto a = clausebook::test::snapshot(repo.out());
    auto second = repo.run({"build"});
    REQUIRE(second.exit_code == 0);
    CHECK(contains(second.out, "(0 written, "));
    CHECK(clausebook::test::snapshot(repo.out()) == a);
}

TEST_CASE("the school, policy and format options narrow the build, and unknown ids are usage errors", "[build]") {
    TestRepo repo;
    auto r = repo.run({"build", "--school", "beta", "--format", "md"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto files = clausebook::test::snapshot(repo.out());
    CHECK(files.count("beta/social.md"));
    CHECK_FALSE(files.count("beta/social.html"));
    CHECK_FALSE(files.count("alpha/social.md"));
    auto bad = repo.run({"build", "--school", "alhpa"});
    CHECK(bad.exit_code == 2);
    CHECK(contains(bad.err, "there is no school 'alhpa'; did you mean 'alpha'?"));
    auto fmt = repo.run({"build", "--format", "htm"});
    CHECK(fmt.exit_code == 2);
    CHECK(contains(fmt.err, "did you mean 'html'?"));
}
