// A repository with two outlines (issue 17): a school builds only the policies it lists, each
// outline types its own parameters, and every command works on it.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/fixture.hpp"

using clausebook::test::RunResult;
using clausebook::test::TestRepo;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("two policies: build makes each school only the policies it lists", "[register][two-policies][build]") {
    TestRepo repo;
    repo.add_second_policy();
    RunResult r = repo.run({"build", "--format", "md"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(std::filesystem::exists(repo.out() / "alpha" / "social.md"));
    CHECK(std::filesystem::exists(repo.out() / "alpha" / "visits.md"));
    CHECK(std::filesystem::exists(repo.out() / "beta" / "social.md"));
    // beta does not list visits: nothing is built for it, and its missing visits_lead is no error.
    CHECK_FALSE(std::filesystem::exists(repo.out() / "beta" / "visits.md"));
    std::string visits = repo.read("out/alpha/visits.md");
    CHECK(has(visits, "Every visit Alpha Primary School makes is planned with Vic Leader."));
    CHECK(has(visits, "Volunteers who help on a visit are briefed beforehand."));
    std::string index = repo.read("out/index.html");
    CHECK(has(index, "Educational Visits Policy"));
    CHECK(index.find("beta/visits") == std::string::npos);
}

TEST_CASE("two policies: a school that lists a policy must give its required parameters", "[register][two-policies][build]") {
    TestRepo repo;
    repo.add_second_policy();
    repo.write("schools/beta.yaml", repo.read("schools/beta.yaml") + "  visits:\n    approved: 2024-01-10\n");
    RunResult r = repo.run({"build", "--format", "md"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "schools/beta.yaml:13:3: error: policy 'visits' needs 'visits_lead'"));
    CHECK(has(r.err, "[missing-param]"));
    CHECK_FALSE(std::filesystem::exists(repo.out() / "beta"));
}

TEST_CASE("two policies: a parameter of one name and two types is typed per outline", "[register][two-policies][load]") {
    TestRepo repo;
    repo.add_second_policy();
    // 'audiences' is a list of [staff, parents] in social and of [staff, pupils, volunteers] in
    // visits. A school-wide value that suits both is fine, and each policy reads it with its type.
    repo.write("schools/alpha.yaml",
               "school:\n  name: Alpha Primary School\n  phase: primary\nparams:\n  headteacher: { name: Ann Example }\n"
               "  audiences: [staff]\npolicies:\n  social:\n    approved: 2024-03-01\n  visits:\n    params:\n      visits_lead: { name: Vic Leader }\n");
    RunResult ok = repo.run({"build", "--format", "md"});
    INFO(ok.err);
    REQUIRE(ok.exit_code == 0);
    CHECK_FALSE(has(repo.read("out/alpha/social.md"), "Conduct of parents"));
    CHECK_FALSE(has(repo.read("out/alpha/visits.md"), "Volunteers"));
    // A school-wide value that suits one declaration only is an error naming the other policy.
    repo.write("schools/alpha.yaml",
               "school:\n  name: Alpha Primary School\n  phase: primary\nparams:\n  headteacher: { name: Ann Example }\n"
               "  audiences: [pupils]\npolicies:\n  social:\n    approved: 2024-03-01\n  visits:\n    params:\n      visits_lead: { name: Vic Leader }\n");
    RunResult bad = repo.run({"build", "--format", "md"});
    CHECK(bad.exit_code == 2);
    CHECK(has(bad.err, "schools/alpha.yaml:6:"));
    CHECK(has(bad.err, "(as policy 'social' declares it)"));
    CHECK(has(bad.err, "give it under policies: social: params: instead"));
    CHECK_FALSE(has(bad.err, "(as policy 'visits' declares it)"));
}

TEST_CASE("two policies: check covers every policy a school keeps and no other", "[register][two-policies][check]") {
    TestRepo repo;
    repo.add_second_policy();
    RunResult r = repo.run({"check", "--format", "json", "--today", "2026-12-01", "--fail-level", "info"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 1);
    // alpha's visits: approved 2023-10-04 + P2Y, overdue since 4 October 2025, at its approved: line.
    CHECK(has(r.out, "overdue since 4 October 2025"));
    CHECK(has(r.out, "\"path\": \"schools/alpha.yaml\", \"line\": 12"));
    CHECK(has(r.out, "\"policy\": \"visits\""));
    CHECK_FALSE(has(r.out, "Educational Visits Policy (Beta First School)"));
    // --policy narrows to one.
    RunResult only = repo.run({"check", "--format", "json", "--today", "2026-12-01", "--policy", "visits", "--fail-level", "info"});
    CHECK_FALSE(has(only.out, "\"policy\": \"social\""));
}

TEST_CASE("two policies: compare and diff need --policy unless one policy is the only choice", "[register][two-policies][compare]") {
    TestRepo repo;
    repo.add_second_policy();
    RunResult none = repo.run({"compare"});
    CHECK(none.exit_code == 2);
    CHECK(has(none.err, "several policies; name one with --policy (social, visits)"));
    RunResult visits = repo.run({"compare", "--policy", "visits", "--format", "csv"});
    INFO(visits.err);
    REQUIRE(visits.exit_code == 0);
    CHECK(has(visits.out, "alpha"));
    CHECK_FALSE(has(visits.out, "beta"));  // beta does not keep it
    // beta keeps only social: named alone, it needs no --policy.
    RunResult beta = repo.run({"compare", "--school", "beta", "--format", "csv"});
    INFO(beta.err);
    CHECK(beta.exit_code == 0);
    RunResult refused = repo.run({"compare", "--school", "beta", "--policy", "visits"});
    CHECK(refused.exit_code == 2);
    CHECK(has(refused.err, "beta does not keep policy 'visits'"));

    // diff: social is the only policy both keep.
    RunResult d = repo.run({"diff", "alpha", "beta"});
    INFO(d.err);
    CHECK(d.exit_code == 1);
    CHECK(has(d.out, "Contact with pupils"));
    RunResult dv = repo.run({"diff", "alpha", "beta", "--policy", "visits"});
    CHECK(dv.exit_code == 2);
    CHECK(has(dv.err, "beta does not keep policy 'visits'"));
    RunResult own = repo.run({"diff", "alpha", "alpha", "--policy", "visits"});
    CHECK(own.exit_code == 0);
    RunResult alpha_alone = repo.run({"diff", "alpha", "alpha"});
    CHECK(alpha_alone.exit_code == 2);
    CHECK(has(alpha_alone.err, "name one with --policy"));
}

TEST_CASE("two policies: renew records the approval of the policy named, and schedule lists each kept one", "[register][two-policies][renew][schedule]") {
    TestRepo repo;
    repo.add_second_policy();
    RunResult s = repo.run({"schedule", "--today", "2024-06-01", "--format", "csv"});
    INFO(s.err);
    REQUIRE(s.exit_code == 0);
    CHECK(has(s.out, "alpha,social,"));
    CHECK(has(s.out, "alpha,visits,Alpha Primary School,Educational Visits Policy,2023-10-04,Full governing board,,P2Y,2025-10-04 (derived)"));
    CHECK(has(s.out, "beta,social,"));
    CHECK_FALSE(has(s.out, "beta,visits"));

    RunResult r = repo.run({"renew", "alpha", "visits", "--approved", "2024-05-15", "--minute", "24/5/2", "--today", "2024-06-01", "--force"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    std::string alpha = repo.read("schools/alpha.yaml");
    CHECK(has(alpha, "  visits:\n    approved: 2024-05-15\n"));
    CHECK(has(alpha, "  social:\n    approved: 2024-03-01\n"));  // the other policy untouched
    CHECK(std::filesystem::exists(repo.root() / "approved" / "alpha" / "visits" / "2024-05-15.md"));
    CHECK_FALSE(std::filesystem::exists(repo.root() / "approved" / "alpha" / "social"));
    RunResult after = repo.run({"schedule", "--today", "2024-06-01", "--format", "csv", "--policy", "visits"});
    CHECK(has(after.out, "alpha,visits,Alpha Primary School,Educational Visits Policy,2024-05-15"));
}
