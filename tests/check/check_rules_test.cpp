// Each check rule: a fixture that triggers it and one that does not (issue 5).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/fixture.hpp"

using clausebook::test::RunResult;
using clausebook::test::TestRepo;

namespace {

// A day on which the test repository's two schools are clean: alpha's derived review
// (2024-03-01 + P1Y) and beta's stated 2026-01 are both months away.
const char* k_clean_day = "2024-06-01";

RunResult check_json(const TestRepo& repo, const char* today = k_clean_day) {
    return repo.run({"check", "--format", "json", "--today", today, "--fail-level", "info"});
}

bool found(const RunResult& r, const std::string& rule) { return r.out.find("\"rule\": \"" + rule + "\"") != std::string::npos; }

const std::string k_alpha_head = "school:\n  name: Alpha Primary School\n  phase: primary\nparams:\n  headteacher: { name: Ann Example, role: Headteacher }\n";

}  // namespace

TEST_CASE("check: the test repository is clean on a day before any review, once its approved texts are on record", "[check]") {
    TestRepo repo;
    // Both schools state an approval with no copy of the approved text: only that is reported.
    auto unknown = check_json(repo);
    CHECK(unknown.out.find("\"summary\": {\"error\": 0, \"warning\": 2, \"info\": 0, \"failing\": 2}") != std::string::npos);
    CHECK(found(unknown, "approved-text-unknown"));
    repo.approve("alpha", "social", "2024-03-01");
    repo.approve("beta", "social", "2023-01-11");
    auto r = check_json(repo);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)["findings"] == nlohmann::json::array());
}

TEST_CASE("check review-missing: no next review and no approval to derive one from", "[check]") {
    TestRepo repo;
    CHECK_FALSE(found(check_json(repo), "review-missing"));
    repo.write("schools/alpha.yaml", k_alpha_head + "policies:\n  social:\n    approved_by: Full governing board\n");
    auto r = check_json(repo);
    CHECK(found(r, "review-missing"));
    CHECK(r.out.find("\"path\": \"schools/alpha.yaml\", \"line\": 7") != std::string::npos);
    CHECK(r.exit_code == 1);
}

TEST_CASE("check review-overdue: at the line of next_review, and a month means its last day", "[check]") {
    TestRepo repo;
    // beta: next_review 2026-01, so due by 31 January 2026.
    CHECK_FALSE(found(repo.run({"check", "--format", "json", "--today", "2026-01-31", "--school", "beta"}), "review-overdue"));
    auto r = repo.run({"check", "--today", "2026-02-01", "--school", "beta"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("schools/beta.yaml:11:18: error: review of Social Media Policy (Beta First School) overdue since January 2026") != std::string::npos);
    CHECK(r.out.find("[review-overdue]") != std::string::npos);
    // alpha's date is derived (2024-03-01 + P1Y): reported at approved.
    auto a = repo.run({"check", "--today", "2025-03-02", "--school", "alpha"});
    CHECK(a.out.find("schools/alpha.yaml:8:15: error: review of Social Media Policy (Alpha Primary School) overdue since 1 March 2025 (approved 1 March 2024 + "
                     "1 year)") != std::string::npos);
}

TEST_CASE("check review-due-soon: within --due-within days", "[check]") {
    TestRepo repo;
    CHECK_FALSE(found(repo.run({"check", "--format", "json", "--today", "2025-11-01", "--school", "beta", "--due-within", "60"}), "review-due-soon"));
    auto r = repo.run({"check", "--format", "json", "--today", "2025-12-15", "--school", "beta", "--fail-level", "warning"});
    CHECK(found(r, "review-due-soon"));
    CHECK(r.exit_code == 1);
    auto quiet = repo.run({"check", "--today", "2025-12-15", "--school", "beta"});
    CHECK(quiet.exit_code == 0);  // a warning does not fail at the default level
}

TEST_CASE("check review-period-mismatch: stated next review against approved + period", "[check]") {
    TestRepo repo;
    CHECK_FALSE(found(check_json(repo), "review-period-mismatch"));
    repo.write("schools/beta.yaml", repo.read("schools/beta.yaml").replace(repo.read("schools/beta.yaml").find("2026-01"), 7, "2025-06"));
    auto r = check_json(repo);
    CHECK(found(r, "review-period-mismatch"));
    CHECK(r.out.find("which gives 2026-01") != std::string::npos);
}

TEST_CASE("check approval-missing and approval-in-future", "[check]") {
    TestRepo repo;
    auto clean = check_json(repo);
    CHECK_FALSE(found(clean, "approval-missing"));
    CHECK_FALSE(found(clean, "approval-in-future"));
    repo.write("schools/alpha.yaml", k_alpha_head + "policies:\n  social:\n    next_review: 2025-01\n");
    CHECK(found(check_json(repo), "approval-missing"));
    repo.write("schools/alpha.yaml", k_alpha_head + "policies:\n  social:\n    approved: 2024-07-01\n");
    auto r = check_json(repo);
    CHECK(found(r, "approval-in-future"));
    CHECK(r.exit_code == 1);
}

TEST_CASE("check required-clause-missing: excluded without a replacement", "[check]") {
    TestRepo repo;
    // intro.links is optional: excluding it is fine.
    repo.write("schools/alpha.yaml", k_alpha_head + "policies:\n  social:\n    approved: 2024-03-01\n    exclude: [intro.links]\n");
    CHECK_FALSE(found(check_json(repo), "required-clause-missing"));
    repo.write("schools/alpha.yaml", k_alpha_head + "policies:\n  social:\n    approved: 2024-03-01\n    exclude: [parents.conduct]\n");
    auto r = check_json(repo);
    CHECK(found(r, "required-clause-missing"));
    CHECK(r.out.find("\"line\": 9, \"column\": 15") != std::string::npos);
    // A local clause in its place is a replacement.
    repo.write("schools/alpha.yaml", k_alpha_head +
                                         "policies:\n  social:\n    approved: 2024-03-01\n    exclude: [parents.conduct]\n"
                                         "    local:\n      - { id: local.conduct, after: parents.conduct, title: Conduct, text: Our own rules. }\n");
    CHECK_FALSE(found(check_json(repo), "required-clause-missing"));
}

TEST_CASE("check unknown-reference: reported as a finding, not a load error", "[check]") {
    TestRepo repo;
    CHECK_FALSE(found(check_json(repo), "unknown-reference"));
    repo.write("schools/alpha.yaml", k_alpha_head +
                                         "policies:\n  social:\n    approved: 2024-03-01\n    exclude: [parents.condcut]\n"
                                         "    variants: { staff.contact: infant }\n");
    auto r = check_json(repo);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(found(r, "unknown-reference"));
    CHECK(r.out.find("did you mean 'parents.conduct'?") != std::string::npos);
    CHECK(r.out.find("has no variant 'infant'") != std::string::npos);
    // build still refuses the same file.
    CHECK(repo.run({"build"}).exit_code == 2);
}

TEST_CASE("check placeholder-unresolved: bracketed gaps, {{tags}} in values, missing values", "[check]") {
    TestRepo repo;
    CHECK_FALSE(found(check_json(repo), "placeholder-unresolved"));
    repo.write("schools/alpha.yaml", k_alpha_head +
                                         "policies:\n  social:\n    approved: 2024-03-01\n"
                                         "    params:\n      linked: [\"{{school.name}} behaviour policy\"]\n"
                                         "    overrides:\n      parents.conduct: |\n        Parents contact [name of school] first.\n");
    auto r = check_json(repo);
    CHECK(found(r, "placeholder-unresolved"));
    CHECK(r.out.find("'[name of school]' in the school's wording for 'parents.conduct'") != std::string::npos);
    CHECK(r.out.find("\"line\": 13, \"column\": 25") != std::string::npos);
    CHECK(r.out.find("'{{school.name}}' in parameter 'linked'") != std::string::npos);
    // An optional value used outside a section has no value for this school.
    repo.write("clauses/intro/purpose.md", "---\nid: intro.purpose\ntitle: Purpose\nversion: 1.0.0\n---\nAsk {{deputy.name}}.\n");
    auto m = check_json(repo);
    CHECK(m.out.find("'deputy.name' has no value for Alpha Primary School") != std::string::npos);
}

TEST_CASE("check param-out-of-range: per school, at the value", "[check]") {
    TestRepo repo;
    CHECK_FALSE(found(check_json(repo), "param-out-of-range"));
    repo.write("schools/alpha.yaml", k_alpha_head + "  min_age: 10\npolicies:\n  social:\n    approved: 2024-03-01\n");
    auto r = check_json(repo);
    CHECK(found(r, "param-out-of-range"));
    INFO(r.out);
    CHECK(r.out.find("'min_age' is 10, outside the range policy 'social' allows") != std::string::npos);
    CHECK(r.err.find("param-out-of-range") == std::string::npos);  // reported once, as a finding
}

TEST_CASE("check stale-reference: from data/stale-references.yaml, in the library and schools' wording", "[check]") {
    TestRepo repo;
    repo.write("data/stale-references.yaml", clausebook::test::read_file(clausebook::test::source_dir() / "data/stale-references.yaml"));
    CHECK_FALSE(found(check_json(repo), "stale-reference"));
    repo.write("clauses/parents/conduct.md",
               "---\nid: parents.conduct\ntitle: Conduct\nversion: 1.0.0\n---\n"
               "Pupils must be at least {{min_age}}. We follow Keeping Children Safe in Education 2025 and\n"
               "Working Together to Safeguard Children 2018, and post on X (formerly Twitter) and Twitter.\n");
    repo.write("schools/alpha.yaml", k_alpha_head +
                                         "policies:\n  social:\n    approved: 2024-03-01\n"
                                         "    local:\n      - id: local.calls\n        section: parents\n        title: Calls\n        text: |\n"
                                         "          Parents may not Skype staff, and records follow the Data Protection Act 1998.\n");
    auto r = repo.run({"check", "--today", k_clean_day, "--fail-level", "info"});
    INFO(r.out << r.err);
    CHECK(r.out.find("clauses/parents/conduct.md:7:1: warning: 'Working Together to Safeguard Children 2018'") != std::string::npos);
    CHECK(r.out.find("clauses/parents/conduct.md:7:83: warning: 'Twitter'") != std::string::npos);
    CHECK(r.out.find("Keeping Children Safe in Education 2025") == r.out.find("Keeping Children Safe in Education 2025 instead"));
    CHECK(r.out.find("schools/alpha.yaml:14:27: warning: 'Skype'") != std::string::npos);
    CHECK(r.out.find("'Data Protection Act 1998' in local clause 'local.calls'") != std::string::npos);
    CHECK(r.out.find("X (formerly Twitter)'") == std::string::npos);
}

TEST_CASE("check stale-reference: an outdated kcsie_edition parameter, and a bad pattern is bad input", "[check]") {
    TestRepo repo;
    std::string outline = repo.read("templates/social.yaml");
    outline.insert(outline.find("params:\n") + 8, "  kcsie_edition: { type: string, default: \"2025\" }\n");
    repo.write("templates/social.yaml", outline);
    repo.write("data/stale-references.yaml", clausebook::test::read_file(clausebook::test::source_dir() / "data/stale-references.yaml"));
    repo.write("schools/alpha.yaml", k_alpha_head + "  kcsie_edition: \"2025\"\npolicies:\n  social:\n    approved: 2024-03-01\n");
    CHECK_FALSE(found(check_json(repo), "stale-reference"));
    repo.write("schools/alpha.yaml", k_alpha_head + "  kcsie_edition: \"2019\"\npolicies:\n  social:\n    approved: 2024-03-01\n");
    auto r = repo.run({"check", "--today", k_clean_day, "--fail-level", "warning"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("schools/alpha.yaml:6:18: warning: 'kcsie_edition' is 2019: Keeping Children Safe in Education") != std::string::npos);

    repo.write("data/stale-references.yaml", "references:\n  - what: x\n    pattern: '(unclosed'\n    replaced_by: y\n");
    auto bad = check_json(repo);
    CHECK(bad.exit_code == 2);
    CHECK(bad.out.empty());
    CHECK(bad.err.find("data/stale-references.yaml:3:14: error: '(unclosed' is not a valid regular expression") != std::string::npos);
}

TEST_CASE("check school-name-inconsistent: the name misspelt in the school's own wording", "[check]") {
    TestRepo repo;
    repo.write("schools/alpha.yaml", k_alpha_head +
                                         "policies:\n  social:\n    approved: 2024-03-01\n"
                                         "    overrides:\n      parents.conduct: Alpha Primary School asks parents to be kind.\n");
    CHECK_FALSE(found(check_json(repo), "school-name-inconsistent"));
    repo.write("schools/alpha.yaml", k_alpha_head +
                                         "policies:\n  social:\n    approved: 2024-03-01\n"
                                         "    overrides:\n      parents.conduct: Alpha Primery School asks parents to be kind.\n");
    auto r = check_json(repo);
    CHECK(found(r, "school-name-inconsistent"));
    CHECK(r.out.find("'Alpha Primery School' in the school's wording for 'parents.conduct'") != std::string::npos);
}

TEST_CASE("check kcsie-edition-outdated: an edition older than the one in force on --today, by data/kcsie-editions.yaml", "[check][kcsie]") {
    TestRepo repo;
    repo.write(
        "data/kcsie-editions.yaml",
        "editions:\n  - edition: \"2024\"\n    in_force: 2024-09-01\n  - edition: \"2025\"\n    in_force: 2025-09-01\n    source: https://www.gov.uk/\n");
    repo.write("clausebook.yaml", "trust:\n  name: Test Trust\ndefaults:\n  params:\n    min_age: 13\n    kcsie_edition: \"2024\"\n");
    std::string outline = repo.read("templates/social.yaml");
    auto at = outline.find("  linked:");
    REQUIRE(at != std::string::npos);
    repo.write("templates/social.yaml", outline.substr(0, at) + "  kcsie_edition: { type: string, default: \"2024\" }\n" + outline.substr(at));
    // In force on 1 June 2025: 2024, which the trust's default follows.
    CHECK_FALSE(found(repo.run({"check", "--format", "json", "--today", "2025-06-01", "--fail-level", "info"}), "kcsie-edition-outdated"));
    // From 1 September 2025 the 2025 edition is: reported where the value is set.
    auto r = repo.run({"check", "--today", "2025-09-01", "--school", "alpha", "--fail-level", "warning"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("clausebook.yaml:6:20: warning: Social Media Policy (Alpha Primary School) follows Keeping Children Safe in Education 2024, "
                     "but the 2025 edition has been in force since 1 September 2025 (data/kcsie-editions.yaml)") != std::string::npos);
    CHECK(r.out.find("(data/kcsie-editions.yaml) [kcsie-edition-outdated]") != std::string::npos);
    CHECK(r.out.find("review the policy against the 2025 edition and set kcsie_edition: \"2025\"; see https://www.gov.uk/") != std::string::npos);
    // A school that follows the current edition is clean; its own value is what counts.
    repo.write("schools/alpha.yaml", repo.read("schools/alpha.yaml") + "    params: { kcsie_edition: \"2025\" }\n");
    auto clean = repo.run({"check", "--format", "json", "--today", "2025-09-01", "--school", "alpha", "--fail-level", "info"});
    INFO(clean.out << clean.err);
    CHECK_FALSE(found(clean, "kcsie-edition-outdated"));
    // A school's own outdated value is reported at its own line.
    std::string beta = repo.read("schools/beta.yaml");
    auto p = beta.find("params: { audiences: [parents] }");
    REQUIRE(p != std::string::npos);
    repo.write("schools/beta.yaml", beta.substr(0, p) + "params: { audiences: [parents], kcsie_edition: \"2024\" }\n");
    auto b = repo.run({"check", "--today", "2025-09-01", "--school", "beta", "--fail-level", "warning"});
    CHECK(b.out.find("schools/beta.yaml:") != std::string::npos);
    CHECK(b.out.find("[kcsie-edition-outdated]") != std::string::npos);
}

TEST_CASE("check kcsie-edition-outdated: the repository's list is dated, and asserts no edition after 2025", "[check][kcsie]") {
    std::string list = clausebook::test::read_file(clausebook::test::source_dir() / "data/kcsie-editions.yaml");
    CHECK(list.find("edition: \"2024\"\n    in_force: 2024-09-01") != std::string::npos);
    CHECK(list.find("edition: \"2025\"\n    in_force: 2025-09-01") != std::string::npos);
    CHECK(list.find("\"2026\"") == std::string::npos);
    // The example repository follows 2025, the edition in force in December 2026 by the list.
    auto r = clausebook::test::run_example({"check", "--format", "json", "--today", "2026-12-02", "--fail-level", "info"});
    CHECK_FALSE(found(r, "kcsie-edition-outdated"));
}

TEST_CASE("check: a bad data/kcsie-editions.yaml is bad input, at its line and column", "[check][kcsie]") {
    TestRepo repo;
    repo.write("data/kcsie-editions.yaml", "editions:\n  - edition: latest\n    in_force: 2025-09-01\n  - edition: \"2024\"\n");
    auto r = repo.run({"check", "--today", "2025-09-01"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("data/kcsie-editions.yaml:2:14: error: 'edition' must name the edition's year, such as \"2025\" [invalid-value]") != std::string::npos);
    CHECK(r.err.find("data/kcsie-editions.yaml:4:") != std::string::npos);  // in_force missing
    repo.write("data/kcsie-editions.yaml", "editions: 2025\n");
    auto w = repo.run({"check", "--today", "2025-09-01"});
    CHECK(w.exit_code == 2);
    CHECK(w.err.find("data/kcsie-editions.yaml:1:11: error: 'editions' must be a list of entries") != std::string::npos);
}
