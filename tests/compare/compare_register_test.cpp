// compare --policy <register id> (issue 17): a policy clausebook does not write, school by
// school: whether each keeps it, its approval and review, where the document is, and a school
// the statutory list or the trust requires to keep it with no entry as a gap. Every format.
#include <catch2/catch.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "support/fixture.hpp"

using clausebook::test::RunResult;
using clausebook::test::TestRepo;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const char* k_list =
    "checked: 2026-12-02\n"
    "policies:\n"
    "  - id: child-protection\n"
    "    title: Safeguarding and child protection policy\n"
    "    applies_to: [maintained, academy]\n"
    "    review: annually\n"
    "    review_set: required\n"
    "    approval: [board]\n"
    "    confirmed: true\n"
    "  - id: equality-objectives\n"
    "    title: Equality information and objectives\n"
    "    applies_to: [maintained]\n"
    "    review: every-4-years\n"
    "    confirmed: true\n"
    "  - id: funding-agreement\n"
    "    title: Funding agreement\n"
    "    applies_to: [academy]\n"
    "    review: board\n"
    "    confirmed: true\n";

// alpha keeps child-protection (next review 1 February 2025), behaviour (overdue since
// 20 January 2024) and lettings; beta, a maintained school, keeps none of them.
const char* k_alpha =
    "school:\n"
    "  name: Alpha Primary School\n"
    "  phase: primary\n"
    "  type: maintained\n"
    "params:\n"
    "  headteacher: { name: Ann Example }\n"
    "policies:\n"
    "  social:\n"
    "    approved: 2024-03-01\n"
    "register:\n"
    "  child-protection:\n"
    "    title: Child protection policy\n"
    "    category: safeguarding\n"
    "    approved: 2024-02-01\n"
    "    approved_by: Full governing board\n"
    "    minute: 24/2/3\n"
    "    review_period: P1Y\n"
    "    location: https://alpha.example.sch.uk/cp.pdf\n"
    "    owner: Designated safeguarding lead\n"
    "  behaviour:\n"
    "    title: Behaviour policy\n"
    "    category: behaviour\n"
    "    approved: 2023-01-20\n"
    "    approved_by: Headteacher\n"
    "    review_period: P1Y\n"
    "  lettings:\n"
    "    title: Lettings policy\n"
    "    category: premises\n";

const char* k_beta =
    "school:\n"
    "  name: Beta First School\n"
    "  phase: first\n"
    "  type: maintained\n"
    "params:\n"
    "  headteacher: { name: Bob Example }\n"
    "policies:\n"
    "  social:\n"
    "    approved: 2023-01-11\n";

// The test repository with the statutory list above and alpha's and beta's files.
void add_register(TestRepo& repo) {
    repo.write("data/statutory-policies.yaml", k_list);
    repo.write("schools/alpha.yaml", k_alpha);
    repo.write("schools/beta.yaml", k_beta);
}

// compare --policy POLICY --format FORMAT, reviews as of 1 June 2024 unless MORE gives --today.
RunResult compare(const TestRepo& repo, const std::string& policy, const std::string& format, std::vector<std::string> more = {}) {
    std::vector<std::string> args{"compare", "--policy", policy, "--format", format};
    if (std::find(more.begin(), more.end(), "--today") == more.end()) args.insert(args.end(), {"--today", "2024-06-01"});
    args.insert(args.end(), more.begin(), more.end());
    return repo.run(args);
}

// The JSON entry of school `id` in a compare report.
nlohmann::json school(const nlohmann::json& report, const std::string& id) {
    for (const auto& s : report.at("schools"))
        if (s.at("id") == id) return s;
    return nullptr;
}

}  // namespace

TEST_CASE("compare a register policy: a kept entry's status rows, and a statutory gap", "[compare][register]") {
    TestRepo repo;
    add_register(repo);
    RunResult r = compare(repo, "child-protection", "text");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(has(r.out, "Child protection policy (child-protection, a register entry: clausebook does not write it): 2 schools"));
    CHECK(has(r.out,
              "alpha  Alpha Primary School\n"
              "  Kept           kept\n"
              "  Required       yes, by the DfE's list, for a maintained school\n"
              "  Policy title   Child protection policy\n"
              "  Category       safeguarding\n"
              "  Approved on    1 February 2024\n"
              "  Approved by    Full governing board\n"
              "  Minute         24/2/3\n"
              "  Review period  1 year\n"
              "  Next review    1 February 2025 (approved + period)\n"
              "  Review status  fine\n"
              "  Location       https://alpha.example.sch.uk/cp.pdf\n"
              "  Owner          Designated safeguarding lead\n"));
    // beta is maintained and has no entry: what check calls statutory-policy-missing.
    CHECK(has(r.out,
              "beta  Beta First School\n"
              "  Kept           missing: statutory\n"
              "  Required       yes, by the DfE's list, for a maintained school\n\n"));
    CHECK(has(r.out, "alpha: kept; next review 1 February 2025\n"));
    CHECK(has(r.out, "beta: missing: statutory; required by the DfE's list, for a maintained school\n"));
    // No clause rows: there is no text.
    CHECK_FALSE(has(r.out, "intro.purpose"));
    CHECK_FALSE(has(r.out, "clause "));
    RunResult checked = repo.run({"check", "--today", "2024-06-01", "--school", "beta"});
    CHECK(has(checked.out, "[statutory-policy-missing]"));
}

TEST_CASE("compare a register policy: an overdue entry, a school that does not keep it, and --school", "[compare][register]") {
    TestRepo repo;
    add_register(repo);
    RunResult r = compare(repo, "behaviour", "text");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(has(r.out, "  Next review    20 January 2024 (approved + period)\n  Review status  overdue by 133 days\n"));
    CHECK(has(r.out, "  Minute         not recorded\n"));
    CHECK(has(r.out, "  Location       not recorded\n"));
    CHECK(has(r.out, "alpha: kept; review overdue since 20 January 2024\n"));
    // Not on the statutory list: beta does not keep it, and that is no gap.
    CHECK(has(r.out, "beta  Beta First School\n  Kept           not kept\n  Required       no\n\n"));
    CHECK(has(r.out, "beta: not kept\n"));
    // A due-soon review and a missing review date, in words.
    RunResult soon = compare(repo, "child-protection", "text", {"--today", "2025-01-10"});
    INFO(soon.err);
    CHECK(has(soon.out, "  Review status  due soon, in 22 days\n"));
    RunResult none = compare(repo, "lettings", "text");
    CHECK(has(none.out, "  Next review    not set\n  Review status  missing review date\n"));
    CHECK(has(none.out, "alpha: kept; no review date\n"));
    // --school narrows the columns; a school that does not keep it is still shown.
    RunResult beta = compare(repo, "behaviour", "text", {"--school", "beta"});
    INFO(beta.err);
    REQUIRE(beta.exit_code == 0);
    CHECK(has(beta.out, ": 1 school, "));
    CHECK_FALSE(has(beta.out, "alpha"));
}

TEST_CASE("compare a register policy: an entry that covers it, and a trust's required policy", "[compare][register]") {
    TestRepo repo;
    add_register(repo);
    repo.write("schools/beta.yaml", std::string(k_beta) +
                                        "register:\n  safeguarding:\n    title: Safeguarding policy\n    category: safeguarding\n"
                                        "    approved: 2023-09-01\n    review_period: P1Y\n    covers: [child-protection]\n");
    RunResult r = compare(repo, "child-protection", "text");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(has(r.out, "  Kept           kept, in 'Safeguarding policy' (safeguarding)\n"));
    CHECK(has(r.out, "  Review status  fine\n"));
    CHECK_FALSE(has(r.out, "missing: statutory"));

    // clausebook.yaml's check.require makes lettings required of every school: beta has a gap.
    repo.write("clausebook.yaml",
               "trust:\n  name: Test Trust\ndefaults:\n  params:\n    min_age: 13\ncheck:\n  require:\n    - id: lettings\n      title: Lettings policy\n");
    RunResult lettings = compare(repo, "lettings", "text");
    INFO(lettings.err);
    REQUIRE(lettings.exit_code == 0);
    CHECK(has(lettings.out, "beta: missing: statutory; required by the trust (clausebook.yaml check.require)\n"));
    CHECK(has(lettings.out, "alpha  Alpha Primary School\n  Kept           kept\n  Required       yes, by the trust (clausebook.yaml check.require)\n"));
}

TEST_CASE("compare a statutory policy no school keeps: every school a gap, or not kept", "[compare][register]") {
    TestRepo repo;
    add_register(repo);
    RunResult r = compare(repo, "equality-objectives", "text");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // The title comes from the statutory list when no school has an entry.
    CHECK(has(r.out, "Equality information and objectives (equality-objectives, a register entry"));
    CHECK(has(r.out, "alpha: missing: statutory"));
    CHECK(has(r.out, "beta: missing: statutory"));
    // For academies only: two maintained schools need not keep it.
    RunResult academy = compare(repo, "funding-agreement", "json");
    INFO(academy.err);
    REQUIRE(academy.exit_code == 0);
    auto j = nlohmann::json::parse(academy.out);
    CHECK(school(j, "alpha").at("kept") == "not-kept");
    CHECK(school(j, "beta").at("kept") == "not-kept");
    CHECK(school(j, "beta").at("required_by").is_null());
}

TEST_CASE("compare a register policy in every format: status rows, no clause rows", "[compare][register]") {
    TestRepo repo;
    add_register(repo);

    RunResult json = compare(repo, "behaviour", "json");
    INFO(json.err);
    REQUIRE(json.exit_code == 0);
    auto j = nlohmann::json::parse(json.out);
    CHECK(j.at("kind") == "register");
    CHECK(j.at("policy") == "behaviour");
    CHECK(j.at("title") == "Behaviour policy");
    CHECK(j.at("rows").empty());
    auto alpha = school(j, "alpha");
    CHECK(alpha.at("kept") == "kept");
    CHECK(alpha.at("approved") == "2023-01-20");
    CHECK(alpha.at("approved_by") == "Headteacher");
    CHECK(alpha.at("minute").is_null());
    CHECK(alpha.at("review_period") == "P1Y");
    CHECK(alpha.at("next_review") == "2024-01-20");
    CHECK(alpha.at("review_status") == "overdue");
    CHECK(alpha.at("review_days") == 133);
    CHECK(alpha.at("category") == "behaviour");
    CHECK(school(j, "beta").at("kept") == "not-kept");
    CHECK_FALSE(school(j, "beta").contains("approved"));
    auto gap = nlohmann::json::parse(compare(repo, "child-protection", "json").out);
    CHECK(school(gap, "beta").at("kept") == "missing-statutory");
    CHECK(school(gap, "beta").at("label") == "missing: statutory");
    CHECK(school(gap, "alpha").at("location") == "https://alpha.example.sch.uk/cp.pdf");
    CHECK(school(gap, "alpha").at("owner") == "Designated safeguarding lead");
    // An outline's report says its kind too.
    CHECK(nlohmann::json::parse(repo.run({"compare", "--format", "json", "--today", "2024-06-01"}).out).at("kind") == "outline");

    RunResult csv = compare(repo, "child-protection", "csv");
    REQUIRE(csv.exit_code == 0);
    CHECK(has(csv.out, "clause,title,section,required,alpha,alpha detail,beta,beta detail\r\n"));
    CHECK(has(csv.out, "[Kept],,,,kept,,missing: statutory,\r\n"));
    CHECK(has(csv.out, "[Review status],,,,fine,,,\r\n"));
    CHECK(has(csv.out, "[Approved by],,,,Full governing board,,,\r\n"));
    CHECK(has(csv.out, "[summary],,,,kept; next review 1 February 2025,,"));
    CHECK_FALSE(has(csv.out, "[local clauses]"));
    CHECK_FALSE(has(csv.out, "intro.purpose"));

    RunResult md = compare(repo, "child-protection", "md");
    REQUIRE(md.exit_code == 0);
    CHECK(has(md.out, "# Child protection policy: schools compared\n"));
    CHECK(has(md.out, "|  | Alpha Primary School | Beta First School |\n| --- | --- | --- |\n| Kept | kept | missing: statutory |\n"));
    CHECK(has(md.out, "| Review status | fine |  |\n"));
    CHECK(has(md.out, "- **Beta First School**: **missing: statutory; required by the DfE's list, for a maintained school**\n"));
    CHECK_FALSE(has(md.out, "## Clauses"));

    RunResult html = compare(repo, "behaviour", "html");
    REQUIRE(html.exit_code == 0);
    const std::string& h = html.out;
    CHECK(has(h, "<caption>Behaviour policy, school by school: a column for each school, a row for each fact of its register entry</caption>"));
    CHECK(has(h, "<th scope=\"col\">Alpha Primary School<br><small>alpha</small></th>"));
    CHECK(has(h, "<tr><th scope=\"row\">Kept</th><td class=\"s-same\">kept</td><td class=\"s-missing\">not kept</td></tr>"));
    CHECK(has(h, "<tr><th scope=\"row\">Review status</th><td class=\"r-overdue\">overdue by 133 days</td><td></td></tr>"));
    CHECK(has(h, "<tfoot><tr><th scope=\"row\">Summary</th><td>kept; review overdue since 20 January 2024</td><td>not kept</td></tr></tfoot>"));
    CHECK_FALSE(has(h, "id=\"only-diff\""));  // no clause rows to filter
    CHECK_FALSE(has(h, "<script>"));
    CHECK(has(compare(repo, "child-protection", "html").out, "<td class=\"s-gap\">missing: statutory</td>"));
}

TEST_CASE("compare --policy that is no outline, register entry or statutory policy is a usage error naming the choices", "[compare][register]") {
    TestRepo repo;
    add_register(repo);
    RunResult near = compare(repo, "letings", "text");
    CHECK(near.exit_code == 2);
    CHECK(near.out.empty());
    CHECK(has(near.err, "there is no policy 'letings'; did you mean 'lettings'?"));
    RunResult far = compare(repo, "zzz-nothing", "text");
    CHECK(far.exit_code == 2);
    CHECK(has(far.err,
              "there is no policy 'zzz-nothing'; the policies are: social; register entries and statutory policies: behaviour, "
              "child-protection, equality-objectives, funding-agreement, lettings"));
    // Without --policy, compare is an outline's, as before.
    RunResult plain = repo.run({"compare", "--today", "2024-06-01"});
    INFO(plain.err);
    CHECK(plain.exit_code == 0);
    CHECK(has(plain.out, "Social Media Policy: 2 schools against Test Trust's model wording"));
}
