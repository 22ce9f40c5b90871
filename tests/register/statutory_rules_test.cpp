// The statutory list's three rules (issue 17): statutory-policy-missing, statutory-review-period
// and approval-level, each triggered and clean, and a trust's own required policies.
#include <catch2/catch.hpp>

#include "check/statutory_list.hpp"
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
    "  - id: careers\n"
    "    title: Careers guidance\n"
    "    applies_to: [maintained, academy]\n"
    "    phase: [secondary]\n"
    "    review: board\n"
    "    confirmed: false\n"
    "    note: phases not read on the DfE page\n";

std::string alpha(const std::string& register_entries, const std::string& type = "maintained") {
    return "school:\n  name: Alpha Primary School\n  phase: primary\n  type: " + type +
           "\nparams:\n  headteacher: { name: Ann Example }\npolicies:\n  social:\n    approved: 2024-03-01\n" + register_entries;
}

const std::string k_cp =
    "register:\n  child-protection:\n    title: Child protection policy\n    category: safeguarding\n"
    "    approved: 2024-02-01\n    approved_by: Full governing board\n    review_period: P1Y\n";

RunResult check(const TestRepo& repo) { return repo.run({"check", "--today", "2024-06-01", "--school", "alpha", "--fail-level", "info"}); }

}  // namespace

TEST_CASE("statutory-policy-missing: a statutory policy for the school's type with no entry", "[register][statutory][check]") {
    TestRepo repo;
    repo.write("data/statutory-policies.yaml", k_list);
    repo.write("schools/alpha.yaml", alpha(""));
    RunResult r = check(repo);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(has(r.out,
              "schools/alpha.yaml:1:1: error: Alpha Primary School has no entry for 'Safeguarding and child protection policy', which the DfE lists as "
              "statutory for a maintained school [statutory-policy-missing]"));
    CHECK_FALSE(has(r.out, "Careers guidance"));  // secondary only: alpha is primary
    // Clean once the register has it, or when the school's type is not on the entry.
    repo.write("schools/alpha.yaml", alpha(k_cp));
    CHECK_FALSE(has(check(repo).out, "[statutory-policy-missing]"));
    repo.write("schools/alpha.yaml", alpha("", "independent"));
    CHECK_FALSE(has(check(repo).out, "[statutory-policy-missing]"));
    repo.write("schools/alpha.yaml", alpha("", "academy"));
    CHECK(has(check(repo).out, "which the DfE lists as statutory for an academy school [statutory-policy-missing]"));
    // An entry of another id that covers it.
    repo.write("schools/alpha.yaml",
               alpha("register:\n  safeguarding:\n    title: Safeguarding policy\n    category: safeguarding\n    covers: [child-protection]\n"));
    CHECK_FALSE(has(check(repo).out, "[statutory-policy-missing]"));
    // JUnit gives the missing policy a test case of its own.
    repo.write("schools/alpha.yaml", alpha(""));
    RunResult junit = repo.run({"check", "--today", "2024-06-01", "--school", "alpha", "--format", "junit"});
    CHECK(has(junit.out, "clausebook.alpha.child-protection"));
}

TEST_CASE("statutory-review-period: a review period longer than the DfE sets", "[register][statutory][check]") {
    TestRepo repo;
    repo.write("data/statutory-policies.yaml", k_list);
    std::string three = k_cp;
    three.replace(three.find("P1Y"), 3, "P3Y");
    repo.write("schools/alpha.yaml", alpha(three));
    RunResult r = check(repo);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(has(r.out,
              "schools/alpha.yaml:16:20: error: Child protection policy (Alpha Primary School) is reviewed every 3 years, longer than the 1 year the DfE's "
              "list sets for 'Safeguarding and child protection policy' [statutory-review-period]"));
    repo.write("schools/alpha.yaml", alpha(k_cp));
    CHECK_FALSE(has(check(repo).out, "[statutory-review-period]"));
    // Waived with a reason: reported, not failing.
    repo.write(
        "schools/alpha.yaml",
        alpha(three + "    waive:\n      statutory-review-period: The board reviews it with the local authority's model every three years (minute 24/2/3).\n"));
    RunResult waived = repo.run({"check", "--today", "2024-06-01", "--school", "alpha"});
    CHECK(has(waived.out, "waived"));
    CHECK_FALSE(has(waived.out, "error: Child protection policy (Alpha Primary School) is reviewed every 3 years"));
}

TEST_CASE("approval-level: approved by a level the DfE does not allow", "[register][statutory][check]") {
    TestRepo repo;
    repo.write("data/statutory-policies.yaml", k_list);
    std::string committee = k_cp;
    committee.replace(committee.find("Full governing board"), 20, "Curriculum committee");
    repo.write("schools/alpha.yaml", alpha(committee));
    RunResult r = check(repo);
    INFO(r.out << r.err);
    CHECK(has(r.out,
              "schools/alpha.yaml:15:18: warning: Child protection policy (Alpha Primary School) was approved by 'Curriculum committee' (a committee), but the "
              "DfE's list allows approval of 'Safeguarding and child protection policy' by the board only [approval-level]"));
    repo.write("schools/alpha.yaml", alpha(k_cp));
    CHECK_FALSE(has(check(repo).out, "[approval-level]"));
}

TEST_CASE("approval-level reads approved_by as a clerk writes it", "[register][statutory][check]") {
    using clausebook::check::approval_level_of;
    using clausebook::model::ApprovalLevel;
    for (const char* board : {"Full Governing Body", "FGB", "full governing board", "The governors", "Trust board", "LGB", "Board of trustees",
                              "Headteacher, on behalf of the governing body", "GB (minute 4)", "Full governing body (signed by the Chair of Governors)"}) {
        INFO(board);
        CHECK(approval_level_of(board) == ApprovalLevel::board);
    }
    for (const char* committee : {"Curriculum committee", "Resources sub-committee", "C&S cttee", "Finance Committee of the FGB"}) {
        INFO(committee);
        CHECK(approval_level_of(committee) == ApprovalLevel::committee);
    }
    for (const char* head : {"Headteacher", "Head teacher", "Head", "HT", "Principal", "Steve Piper, headteacher", "Head of School", "Acting Headteacher",
                             "Executive Principal"}) {
        INFO(head);
        CHECK(approval_level_of(head) == ApprovalLevel::headteacher);
    }
    for (const char* unclear : {"SLT", "Chair's action", "CEO", "Mrs Smith", "Ahead of schedule", "Chair of Governors", "Chair of the Governing Body",
                                "Deputy Headteacher", "Deputy head", "Assistant Head", "Vice Principal", "DHT"}) {
        INFO(unclear);
        CHECK_FALSE(approval_level_of(unclear));
    }

    // Written as the clerk does, "FGB" is the board's approval: no finding where the list asks for the board.
    TestRepo repo;
    repo.write("data/statutory-policies.yaml", k_list);
    std::string fgb = k_cp;
    fgb.replace(fgb.find("Full governing board"), 20, "FGB");
    repo.write("schools/alpha.yaml", alpha(fgb));
    CHECK_FALSE(has(check(repo).out, "[approval-level"));
    std::string cttee = k_cp;
    cttee.replace(cttee.find("Full governing board"), 20, "Curriculum cttee");
    repo.write("schools/alpha.yaml", alpha(cttee));
    CHECK(has(check(repo).out, "was approved by 'Curriculum cttee' (a committee), but the DfE's list allows approval of"));
}

TEST_CASE("approval-level-unclear: an approved_by naming no level, where the list restricts the level", "[register][statutory][check]") {
    TestRepo repo;
    repo.write("data/statutory-policies.yaml", k_list);
    std::string slt = k_cp;
    slt.replace(slt.find("Full governing board"), 20, "SLT");
    repo.write("schools/alpha.yaml", alpha(slt));
    RunResult r = check(repo);
    INFO(r.out << r.err);
    CHECK(has(r.out,
              "schools/alpha.yaml:15:18: info: Child protection policy (Alpha Primary School) was approved by 'SLT', which names no approval level "
              "clausebook reads (board, committee or headteacher), and the DfE's list allows approval of 'Safeguarding and child protection policy' by "
              "the board only [approval-level-unclear]"));
    CHECK(has(r.out, "write approved_by as the minutes name the body"));
    CHECK_FALSE(has(r.out, "[approval-level]"));
    // Info: check still passes at the default fail level.
    CHECK(repo.run({"check", "--today", "2024-06-01", "--school", "alpha", "--policy", "child-protection"}).exit_code == 0);
    // A readable level is approval-level's to judge, not this rule's.
    repo.write("schools/alpha.yaml", alpha(k_cp));
    CHECK_FALSE(has(check(repo).out, "[approval-level-unclear]"));
    // A policy whose level the list does not restrict: an unreadable approver is no finding.
    repo.write("schools/alpha.yaml",
               alpha("register:\n  lettings:\n    title: Lettings policy\n    category: premises\n    approved: 2024-01-10\n    approved_by: SLT\n"
                     "    review_period: P1Y\n"));
    CHECK_FALSE(has(check(repo).out, "[approval-level-unclear]"));
    // Nor where the list allows every level: whoever approved it, no level is ruled out.
    std::string every = k_list;
    every.replace(every.find("approval: [board]"), 17, "approval: [board, committee, headteacher]");
    repo.write("data/statutory-policies.yaml", every);
    repo.write("schools/alpha.yaml", alpha(slt));
    CHECK_FALSE(has(check(repo).out, "[approval-level-unclear]"));
}

TEST_CASE("check.require: a trust adds its own required policies", "[register][statutory][check]") {
    TestRepo repo;
    repo.write("clausebook.yaml",
               repo.read("clausebook.yaml") +
                   "check:\n  require:\n    - id: lettings\n      title: Lettings policy\n      review_period: P2Y\n      applies_to: [maintained]\n");
    repo.write("schools/alpha.yaml", alpha(""));
    RunResult r = check(repo);
    INFO(r.out << r.err);
    CHECK(has(r.out, "has no entry for 'Lettings policy', which the trust requires (clausebook.yaml) [statutory-policy-missing]"));
    repo.write("schools/alpha.yaml",
               alpha("register:\n  lettings:\n    title: Lettings policy\n    category: premises\n    approved: 2024-01-10\n    review_period: P3Y\n"));
    RunResult longer = check(repo);
    CHECK_FALSE(has(longer.out, "[statutory-policy-missing]"));
    CHECK(has(longer.out, "is reviewed every 3 years, longer than the 2 years the trust requires (clausebook.yaml) [statutory-review-period]"));
}
