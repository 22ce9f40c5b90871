// out/<school>/index.html, the page a school links from its website (src/write/school_page.cpp),
// and the trust's out/index.html linking to it.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/fixture.hpp"
#include "util/date.hpp"
#include "write/school_page.hpp"

using namespace clausebook;
using namespace clausebook::test;
namespace fs = std::filesystem;

namespace {

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("school page: a row is rendered from a plain row struct, every field escaped, status in words", "[school-page]") {
    write::PolicyRow row;
    row.anchor = "policy-admissions";
    row.title = "Admissions <arrangements> & appeals";
    row.status = "Approved";
    row.approved_on = "3 April 2024";
    row.next_review = "April 2025";
    row.review = "review overdue since April 2025";
    row.review_state = "overdue";
    row.links = {{"PDF", "admissions.pdf"}, {"Web page", "https://example.org/a?b=1&c=2"}};
    std::string html = write::policy_row_html(row);
    CHECK(has(html, "<tr id=\"policy-admissions\"><th scope=\"row\">Admissions &lt;arrangements&gt; &amp; appeals</th>"));
    CHECK(has(html, "<td>Approved</td><td>3 April 2024</td>"));
    CHECK(has(html, "<td class=\"review-overdue\">April 2025<span class=\"review\">review overdue since April 2025</span></td>"));
    CHECK(has(html, "<a href=\"admissions.pdf\">PDF<span class=\"visually-hidden\">: Admissions &lt;arrangements&gt; &amp; appeals</span></a>"));
    CHECK(has(html, "<a href=\"https://example.org/a?b=1&amp;c=2\">Web page"));
    row.links.clear();
    row.status = "Draft for approval";
    html = write::policy_row_html(row);
    CHECK(has(html, "<td class=\"draft\">Draft for approval</td>"));
    CHECK(has(html, "<td>Not published yet</td>"));
}

TEST_CASE("school page: a generated policy's row says its status, dates and review in words and links its PDF and web page", "[school-page]") {
    model::Metadata meta;
    meta.policy_id = "social";
    meta.title = "Social Media Policy";
    meta.approved = util::Date{2024, 3, 1};
    meta.next_review = util::LooseDate{{2025, 3, 1}, false};
    meta.state = model::ApprovalState::approved;
    meta.draft_reason = model::DraftReason::none;
    write::PolicyRow row = write::policy_row(meta, {"md", "html", "docx", "pdf"}, util::Date{2025, 6, 1});
    CHECK(row.anchor == "policy-social");
    CHECK(row.status == "Approved");
    CHECK(row.approved_on == "1 March 2024");
    CHECK(row.next_review == "1 March 2025");
    CHECK(row.review_state == "overdue");
    CHECK(has(row.review, "overdue"));
    REQUIRE(row.links.size() == 2);
    CHECK(row.links[0].label == "PDF");
    CHECK(row.links[0].href == "social.pdf");
    CHECK(row.links[1].label == "Web page");
    CHECK(row.links[1].href == "social.html");
    // A draft's approval date is the previous text's, and says so.
    meta.state = model::ApprovalState::draft;
    meta.draft_reason = model::DraftReason::text_changed;
    row = write::policy_row(meta, {"docx"}, util::Date{2024, 6, 1});
    CHECK(row.status == "Draft for approval");
    CHECK(row.approved_on == "Previous text: 1 March 2024");
    CHECK(row.review.empty());  // due in nine months: nothing to call out
    CHECK(row.links.empty());
}

TEST_CASE("school page: build writes out/<school>/index.html for each school, and out/index.html links to it", "[school-page][build]") {
    TestRepo repo;
    ::setenv("SOURCE_DATE_EPOCH", "1717243200", 1);  // 2024-06-01
    auto r = repo.run({"build", "--format", "html,pdf"});
    ::unsetenv("SOURCE_DATE_EPOCH");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string alpha = repo.read("out/alpha/index.html");
    CHECK(has(alpha, "<html lang=\"en-GB\">"));
    CHECK(has(alpha, "<title>Policies – Alpha Primary School</title>"));
    CHECK(has(alpha, "<caption>The policies of Alpha Primary School, with their status, approval and next review</caption>"));
    CHECK(has(alpha, "<th scope=\"col\">Policy</th><th scope=\"col\">Status</th><th scope=\"col\">Approved on</th><th scope=\"col\">Next review</th>"));
    CHECK(has(alpha, "<tr id=\"policy-social\"><th scope=\"row\">Social Media Policy</th>"));
    CHECK(has(alpha, "<a href=\"social.pdf\">PDF"));
    CHECK(has(alpha, "<a href=\"social.html\">Web page"));
    CHECK(has(alpha, "<a href=\"#policy-social\">Social Media Policy</a>"));  // the contents
    CHECK(has(alpha, "Review dates as of</th><td>1 June 2024</td>"));
    CHECK(fs::exists(repo.out() / "alpha/social.pdf"));
    std::string beta = repo.read("out/beta/index.html");
    CHECK(has(beta, "Beta First School"));
    CHECK(!has(beta, "Alpha Primary School"));
    std::string index = repo.read("out/index.html");
    CHECK(has(index, "<a href=\"alpha/index.html\">Alpha Primary School</a>"));
    CHECK(has(index, "<a href=\"beta/index.html\">Beta First School</a>"));
    CHECK(count(index, "/index.html\"") == 2);
}

TEST_CASE("school page: follows the trust's page template and stylesheet", "[school-page][build]") {
    TestRepo repo;
    repo.write("templates/page.css", "body { font-family: TrustFace; } /* trust-style-marker */\n");
    repo.write("templates/page.html",
               "<!DOCTYPE html>\n<html lang=\"{{lang}}\"><head><meta charset=\"utf-8\"><title>{{title}} | {{school}}</title><style>{{{css}}}</style></head>\n"
               "<body><header class=\"trust-banner\"><p>{{trust}}</p><h1>{{title}}</h1></header><main>{{{body}}}</main></body></html>\n");
    auto r = repo.run({"build", "--format", "html"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string alpha = repo.read("out/alpha/index.html");
    CHECK(has(alpha, "<title>Policies | Alpha Primary School</title>"));
    CHECK(has(alpha, "trust-style-marker"));
    CHECK(has(alpha, "<header class=\"trust-banner\"><p>Test Trust</p><h1>Policies</h1></header>"));
    CHECK(has(alpha, "<tr id=\"policy-social\">"));
}

TEST_CASE("school page: rebuilt only when what it shows changes, and none for a school with no document", "[school-page][build]") {
    TestRepo repo;
    ::setenv("SOURCE_DATE_EPOCH", "1717243200", 1);
    auto first = repo.run({"build", "--format", "docx", "--school", "alpha"});
    REQUIRE(first.exit_code == 0);
    // No PDF or web page yet: the row says so. beta has no document, so no page.
    CHECK(has(repo.read("out/alpha/index.html"), "Not published yet"));
    CHECK(!fs::exists(repo.out() / "beta/index.html"));
    auto second = repo.run({"build", "--format", "html", "--school", "alpha"});
    REQUIRE(second.exit_code == 0);
    CHECK(has(repo.read("out/alpha/index.html"), "<a href=\"social.html\">Web page"));
    auto before = fs::last_write_time(repo.out() / "alpha/index.html");
    auto again = repo.run({"build", "--format", "html", "--school", "alpha"});
    REQUIRE(again.exit_code == 0);
    CHECK(has(again.out, "0 written"));
    CHECK(fs::last_write_time(repo.out() / "alpha/index.html") == before);
    // A new approval date: the document and the school page follow.
    repo.write("schools/alpha.yaml",
               "school:\n  name: Alpha Primary School\n  phase: primary\nparams:\n  headteacher: { name: Ann Example }\n"
               "policies:\n  social:\n    approved: 2024-05-20\n    approved_by: Full governing board\n");
    auto renewed = repo.run({"build", "--format", "html", "--school", "alpha"});
    ::unsetenv("SOURCE_DATE_EPOCH");
    REQUIRE(renewed.exit_code == 0);
    CHECK(has(repo.read("out/alpha/index.html"), "20 May 2024"));
}

TEST_CASE("school page: a policy outline named index is refused, its page's name being taken", "[school-page][build]") {
    TestRepo repo;
    repo.write("templates/index.yaml", repo.read("templates/social.yaml"));
    auto r = repo.run({"build"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "templates/index.yaml"));
    CHECK(has(r.err, "'index' is kept for each school's policies page"));
    CHECK(has(r.err, "[invalid-id]"));
    CHECK(!fs::exists(repo.out()));
}

TEST_CASE("school page: the register's policies are rows too, linking a published document and never a repository path", "[school-page][build]") {
    TestRepo repo;
    std::string alpha = repo.read("schools/alpha.yaml");
    repo.write("schools/alpha.yaml", alpha +
                                         "register:\n"
                                         "  behaviour:\n"
                                         "    title: Behaviour policy\n"
                                         "    category: behaviour\n"
                                         "    approved: 2024-02-01\n"
                                         "    approved_by: Full governing board\n"
                                         "    review_period: P1Y\n"
                                         "    location: https://alpha.example.sch.uk/behaviour.pdf\n"
                                         "  charging:\n"
                                         "    title: Charging and remissions policy\n"
                                         "    category: finance\n"
                                         "    approved: 2023-01-10\n"
                                         "    approved_by: Full governing board\n"
                                         "    review_period: P1Y\n"
                                         "    location: policies/charging.docx\n");
    repo.write("policies/charging.docx", "not read");
    ::setenv("SOURCE_DATE_EPOCH", "1717243200", 1);  // 2024-06-01
    auto r = repo.run({"build", "--format", "html"});
    ::unsetenv("SOURCE_DATE_EPOCH");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string page = repo.read("out/alpha/index.html");
    CHECK(has(page, "<tr id=\"policy-behaviour\"><th scope=\"row\">Behaviour policy</th><td>Approved</td><td>1 February 2024</td>"));
    CHECK(has(page, "<a href=\"https://alpha.example.sch.uk/behaviour.pdf\">Document<span class=\"visually-hidden\">: Behaviour policy</span></a>"));
    CHECK(has(page, "<tr id=\"policy-charging\"><th scope=\"row\">Charging and remissions policy</th>"));
    CHECK(has(page, "Review overdue since 10 January 2024"));
    CHECK(has(page, "<td>Held by the school</td>"));
    CHECK_FALSE(has(page, "policies/charging.docx"));
    CHECK(has(page, "<a href=\"#policy-charging\">Charging and remissions policy</a>"));
}
