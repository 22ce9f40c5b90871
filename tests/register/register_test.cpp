// Register entries (issue 17): the policies a school keeps that clausebook does not write, read,
// checked, scheduled, renewed and listed in out/index.html like the generated ones.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/fixture.hpp"

using clausebook::test::RunResult;
using clausebook::test::TestRepo;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// alpha with two register entries; the behaviour policy (line 20 on) is overdue after 20 January 2024.
const std::string k_alpha_register =
    "school:\n"
    "  name: Alpha Primary School\n"
    "  phase: primary\n"
    "  type: maintained\n"
    "params:\n"
    "  headteacher: { name: Ann Example, role: Headteacher }\n"
    "policies:\n"
    "  social:\n"
    "    approved: 2024-03-01\n"
    "    approved_by: Full governing board\n"
    "register:\n"
    "  child-protection:\n"
    "    title: Child protection and safeguarding policy\n"
    "    category: safeguarding\n"
    "    approved: 2025-09-17\n"
    "    approved_by: Full governing board\n"
    "    minute: 25/9/3\n"
    "    review_period: P1Y\n"
    "    location: https://alpha.example.sch.uk/policies/child-protection.pdf\n"
    "    owner: Designated safeguarding lead\n"
    "  behaviour:\n"
    "    title: Behaviour policy\n"
    "    category: behaviour\n"
    "    approved: 2023-01-20\n"
    "    approved_by: Headteacher\n"
    "    review_period: P1Y\n"
    "    location: policies/behaviour.pdf\n";

}  // namespace

TEST_CASE("register: schedule lists register entries beside generated policies", "[register][schedule]") {
    TestRepo repo;
    repo.write("schools/alpha.yaml", k_alpha_register);
    RunResult r = repo.run({"schedule", "--today", "2024-06-01", "--format", "csv"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(has(r.out,
              "alpha,behaviour,Alpha Primary School,Behaviour policy,2023-01-20,Headteacher,,P1Y,2024-01-20 (derived),overdue since 20 January 2024,overdue"));
    CHECK(has(r.out, "alpha,child-protection,Alpha Primary School,Child protection and safeguarding policy,2025-09-17,Full governing board,25/9/3,P1Y"));
    CHECK(has(r.out, "alpha,social,"));
    // --policy names a register entry as well as an outline.
    RunResult one = repo.run({"schedule", "--today", "2024-06-01", "--format", "csv", "--policy", "behaviour"});
    REQUIRE(one.exit_code == 0);
    CHECK(has(one.out, "alpha,behaviour,"));
    CHECK_FALSE(has(one.out, "alpha,social,"));
    RunResult xlsx = repo.run({"schedule", "--today", "2024-06-01", "--format", "xlsx", "--output", (repo.root() / "reviews.xlsx").string()});
    CHECK(xlsx.exit_code == 0);
}

TEST_CASE("register: check finds an overdue register entry at its file, line and column", "[register][check]") {
    TestRepo repo;
    repo.write("schools/alpha.yaml", k_alpha_register);
    RunResult r = repo.run({"check", "--today", "2024-06-01", "--school", "alpha"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(has(r.out,
              "schools/alpha.yaml:24:15: error: review of Behaviour policy (Alpha Primary School) overdue since 20 January 2024 (approved 20 January 2023 + 1 "
              "year)"));
    CHECK(has(r.out, "clausebook renew alpha behaviour --approved YYYY-MM-DD"));
    // An approval after today, on a register entry: approval-in-future at its line.
    CHECK(has(r.out, "schools/alpha.yaml:15:15: error: approved 17 September 2025, which is after today"));
    // Register entries have no text: no approved-copy findings for them.
    RunResult json = repo.run({"check", "--format", "json", "--today", "2026-01-01", "--policy", "child-protection", "--fail-level", "info"});
    CHECK_FALSE(has(json.out, "\"rule\": \"approved-text-unknown\""));
}

TEST_CASE("register: out/index.html lists register entries with where their document is", "[register][index]") {
    TestRepo repo;
    repo.write("schools/alpha.yaml", k_alpha_register);
    RunResult r = repo.run({"build", "--format", "md"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string index = repo.read("out/index.html");
    CHECK(has(index, "Child protection and safeguarding policy <small class=\"register\">(safeguarding, kept outside clausebook)</small>"));
    CHECK(has(index, "<a href=\"https://alpha.example.sch.uk/policies/child-protection.pdf\">"));
    CHECK(has(index, "<code>policies/behaviour.pdf</code>"));
    CHECK_FALSE(std::filesystem::exists(repo.out() / "alpha" / "behaviour.md"));  // nothing is written for it
}

TEST_CASE("register: renew records a register entry's approval in place", "[register][renew]") {
    TestRepo repo;
    repo.write("schools/alpha.yaml", k_alpha_register);
    RunResult r = repo.run({"renew", "alpha", "behaviour", "--approved", "2024-05-15", "--by", "Full governing board", "--today", "2024-06-01", "--force"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(has(r.out, "register entry 'behaviour'"));
    std::string alpha = repo.read("schools/alpha.yaml");
    CHECK(has(alpha, "  behaviour:\n    title: Behaviour policy\n    category: behaviour\n    approved: 2024-05-15\n    approved_by: Full governing board\n"));
    CHECK(has(alpha, "  child-protection:\n    title: Child protection and safeguarding policy\n    category: safeguarding\n    approved: 2025-09-17\n"));
    CHECK_FALSE(std::filesystem::exists(repo.root() / "approved" / "alpha" / "behaviour"));
    RunResult after = repo.run({"check", "--format", "json", "--today", "2024-06-01", "--policy", "behaviour", "--fail-level", "error"});
    CHECK_FALSE(has(after.out, "\"rule\": \"review-overdue\""));
}

TEST_CASE("register: check on the example finds exactly what is wrong in the five schools' registers", "[register][check][example]") {
    auto r = clausebook::test::run_example({"check", "--today", "2026-11-21", "--fail-level", "info", "--format", "json"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 1);
    auto count = [&](const std::string& part) {
        std::size_t n = 0;
        for (auto at = r.out.find(part); at != std::string::npos; at = r.out.find(part, at + 1)) ++n;
        return n;
    };
    // Three register entries overdue, one statutory policy missing, one approved at a level the list does not allow;
    // the rest of the findings are the social networking policy's own (tests/check/check_reports_test.cpp).
    CHECK(count("\"rule\": \"review-overdue\"") == 6);
    CHECK(count("\"rule\": \"statutory-policy-missing\"") == 1);
    CHECK(count("\"rule\": \"approval-level\"") == 1);
    CHECK(count("\"rule\": \"statutory-review-period\"") == 0);
    CHECK(count("\"rule\": \"review-due-soon\"") == 0);
    CHECK(count("\"rule\": \"approval-in-future\"") == 0);
    RunResult text = clausebook::test::run_example({"check", "--today", "2026-11-21", "--fail-level", "info"});
    CHECK(has(text.out,
              "schools/conway-primary.yaml:110:15: error: review of Child protection and safeguarding policy (Conway Primary School) overdue since 17 "
              "September 2026"));
    CHECK(has(text.out, "schools/wimborne-first.yaml:70:15: error: review of Accessibility plan (Wimborne First School) overdue since 14 June 2026"));
    CHECK(
        has(text.out, "schools/st-wenn.yaml:115:15: error: review of Data protection policy and privacy notices (St Wenn School) overdue since 20 March 2026"));
    CHECK(has(text.out,
              "schools/st-peters-ce-primary.yaml:67:1: error: St Peter's CE Primary School has no entry for 'Special educational needs and disability policy "
              "and information report'"));
    CHECK(has(text.out,
              "schools/beckstone-primary.yaml:84:18: warning: Child protection and safeguarding policy (Beckstone Primary School) was approved by "
              "'Safeguarding committee' (a committee)"));
}

TEST_CASE("register-location-missing: a register entry's document path with no file in the repository", "[register][check]") {
    TestRepo repo;
    repo.write("schools/alpha.yaml", k_alpha_register);
    // Line 27: the behaviour entry's location, a path where nothing is committed yet.
    RunResult r = repo.run({"check", "--today", "2024-02-01", "--school", "alpha", "--fail-level", "info"});
    INFO(r.out << r.err);
    CHECK(has(r.out,
              "schools/alpha.yaml:27:15: warning: Behaviour policy (Alpha Primary School) is kept at 'policies/behaviour.pdf', but the repository has no such "
              "file [register-location-missing]"));
    CHECK(r.out.find("child-protection.pdf', but") == std::string::npos);  // an https address is not judged

    // The file committed: clean. A link to a file outside the repository does not count.
    repo.write("policies/behaviour.pdf", "%PDF-1.7\n");
    RunResult clean = repo.run({"check", "--today", "2024-02-01", "--school", "alpha", "--fail-level", "info"});
    CHECK(clean.out.find("[register-location-missing]") == std::string::npos);
    clausebook::test::TempDir elsewhere;
    clausebook::test::write_file(elsewhere.path() / "behaviour.pdf", "%PDF-1.7\n");
    std::filesystem::remove(repo.root() / "policies/behaviour.pdf");
    std::filesystem::create_symlink(elsewhere.path() / "behaviour.pdf", repo.root() / "policies/behaviour.pdf");
    RunResult linked = repo.run({"check", "--today", "2024-02-01", "--school", "alpha", "--fail-level", "info"});
    CHECK(linked.out.find("[register-location-missing]") != std::string::npos);
}
