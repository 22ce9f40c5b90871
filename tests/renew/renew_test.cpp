// clausebook renew: only the intended values of the school file change, the approved copy is
// kept, check then passes, and the refusals (issue 5).
#include <catch2/catch.hpp>

#include "renew/clause_changes.hpp"
#include "renew/yaml_edit.hpp"
#include "support/fixture.hpp"

using clausebook::test::TestRepo;

namespace {

// A copy of the example repository's inputs in a TestRepo's folder.
void copy_example(TestRepo& repo) {
    namespace fs = std::filesystem;
    for (const char* dir : {"clauses", "templates", "schools"}) fs::remove_all(repo.root() / dir);
    for (const char* dir : {"clauses", "templates", "schools", "data"})
        for (const auto& e : fs::recursive_directory_iterator(clausebook::test::source_dir() / dir))
            if (e.is_regular_file()) repo.write(fs::relative(e.path(), clausebook::test::source_dir()).generic_string(), clausebook::test::read_file(e.path()));
    repo.write("clausebook.yaml", clausebook::test::read_file(clausebook::test::source_dir() / "clausebook.yaml"));
}

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("renew changes only the intended values of a commented school file", "[renew]") {
    TestRepo repo;
    copy_example(repo);
    const std::string before = repo.read("schools/conway-primary.yaml");
    auto r = repo.run({"renew", "conway-primary", "social-networking", "--approved", "2026-11-12", "--by", "Full governing board", "--minute", "26/11/4",
                       "--today", "2026-11-21"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    std::string expected = before;
    expected = replace_once(expected, "    approved: 2019-04-03            # also", "    approved: 2026-11-12            # also");
    expected = replace_once(expected, "    approved_by: Steve Piper, on behalf of the governing body\n",
                            "    approved_by: Full governing board\n    minute: 26/11/4\n");
    expected = replace_once(expected, "    next_review: 2022-04            # \"Next", "    next_review: 2029-11-12         # \"Next");
    CHECK(repo.read("schools/conway-primary.yaml") == expected);
    CHECK(r.out.find("approved: 2019-04-03 -> 2026-11-12") != std::string::npos);
    CHECK(r.out.find("minute: (added) -> 26/11/4") != std::string::npos);
    // The approved copy, and the rebuilt documents.
    std::string copy = repo.read("approved/conway-primary/social-networking/2026-11-12.md");
    CHECK(copy.find("| Approved on | 12 November 2026 |") != std::string::npos);
    CHECK(copy.find("| Minute | 26/11/4 |") != std::string::npos);
    CHECK(repo.read("out/conway-primary/social-networking.md") == copy);
    // check then passes for that policy (the school's register has its own findings: tests/register/).
    auto check = repo.run({"check", "--today", "2026-11-21", "--school", "conway-primary", "--policy", "social-networking"});
    INFO(check.out);
    CHECK(check.exit_code == 0);

    // A second renewal reports what changed since the first approved copy.
    repo.write("clauses/safeguarding/statement.md", replace_once(repo.read("clauses/safeguarding/statement.md"), "takes seriously", "takes very seriously"));
    auto again = repo.run({"renew", "conway-primary", "social-networking", "--approved", "2026-11-20", "--today", "2026-11-21"});
    INFO(again.out << again.err);
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("Since the copy approved on 2026-11-12: 2 clauses changed") != std::string::npos);
    CHECK(again.out.find("changed: 2.1 Our commitment to safeguarding") != std::string::npos);
}

TEST_CASE("renew refuses a date in the future or before the recorded approval, changing nothing", "[renew]") {
    TestRepo repo;
    auto files = clausebook::test::snapshot(repo.root());
    auto future = repo.run({"renew", "alpha", "social", "--approved", "2024-06-02", "--today", "2024-06-01"});
    CHECK(future.exit_code == 2);
    CHECK(future.err.find("--approved 2024-06-02 is after today (2024-06-01)") != std::string::npos);
    auto earlier = repo.run({"renew", "alpha", "social", "--approved", "2024-02-01", "--today", "2024-06-01"});
    CHECK(earlier.exit_code == 2);
    CHECK(earlier.err.find("schools/alpha.yaml:8:15: error: --approved 2024-02-01 is earlier than the approval recorded here (2024-03-01) [renew-refused]") !=
          std::string::npos);
    CHECK(repo.run({"renew", "alpah", "social", "--approved", "2024-05-01", "--today", "2024-06-01"}).err.find("did you mean 'alpha'?") != std::string::npos);
    CHECK(repo.run({"renew", "alpha", "social", "--approved", "2024-05-01", "--period", "3 years", "--today", "2024-06-01"}).exit_code == 2);
    CHECK(clausebook::test::snapshot(repo.root()) == files);
}

TEST_CASE("renew keeps CRLF line endings and adds missing keys with the file's indentation", "[renew]") {
    TestRepo repo;
    std::string crlf =
        "school:\r\n    name: Beta First School\r\n    phase: first\r\nparams:\r\n    headteacher: { name: Bob Example }\r\n"
        "policies:\r\n    social:   # the only policy\r\n        title: Social media\r\n        review_period: P3Y\r\n"
        "        next_review: 2026-01\r\n        params: { audiences: [parents] }\r\n";
    repo.write("schools/beta.yaml", crlf);
    auto r = repo.run({"renew", "beta", "social", "--approved", "2025-12-10", "--minute", "25/12/2", "--period", "P2Y", "--today", "2026-01-01"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(repo.read("schools/beta.yaml") ==
          "school:\r\n    name: Beta First School\r\n    phase: first\r\nparams:\r\n    headteacher: { name: Bob Example }\r\n"
          "policies:\r\n    social:   # the only policy\r\n        title: Social media\r\n        approved: 2025-12-10\r\n        minute: 25/12/2\r\n"
          "        review_period: P2Y\r\n        next_review: 2027-12-10\r\n        params: { audiences: [parents] }\r\n");
    CHECK(repo.run({"check", "--today", "2026-01-01", "--school", "beta"}).exit_code == 0);
}

TEST_CASE("renew of a policy the school file does not mention yet", "[renew]") {
    TestRepo repo;
    repo.write("schools/beta.yaml", "school:\n  name: Beta First School\nparams:\n  headteacher: Bob Example\npolicies:\n  other: {}\n");
    repo.write("templates/other.yaml",
               "title: Other\nparams:\n  headteacher: { type: person }\n  deputy: { type: person }\nsections:\n  - id: intro\n    title: Intro\n    clauses: "
               "[intro.purpose]\n");
    auto r = repo.run({"renew", "beta", "social", "--approved", "2025-12-10", "--today", "2026-01-01"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(repo.read("schools/beta.yaml") ==
          "school:\n  name: Beta First School\nparams:\n  headteacher: Bob Example\npolicies:\n  social:\n    approved: 2025-12-10\n  other: {}\n");
}

TEST_CASE("yaml_scalar quotes only what YAML would misread", "[renew]") {
    using clausebook::renew::yaml_scalar;
    CHECK(yaml_scalar("Full governing board") == "Full governing board");
    CHECK(yaml_scalar("26/11/4") == "26/11/4");
    CHECK(yaml_scalar("Governors: full board") == "\"Governors: full board\"");
    CHECK(yaml_scalar("yes") == "\"yes\"");
    CHECK(yaml_scalar("Board #2") == "\"Board #2\"");
    CHECK(yaml_scalar("say \"hi\"") == "\"say \\\"hi\\\"\"");
}

TEST_CASE("clause_changes: added, removed, changed, and repeated titles matched in order", "[renew]") {
    using clausebook::renew::clause_changes;
    std::string older = "# T\n\n## 1 A\n\n### 1.1 One\n\nsame\n\n### 1.2 Photos\n\nx\n\n## 2 B\n\n### 2.1 Photos\n\ny\n\n### 2.2 Gone\n\nz\n";
    std::string newer = "# T\n\n## 1 A\n\n### 1.1 One\n\nsame\n\n### 1.2 Photos\n\nx\n\n## 2 B\n\n### 2.1 Photos\n\ny2\n\n### 2.2 New\n\nw\n";
    auto c = clause_changes(older, newer);
    REQUIRE(c.size() == 3);
    CHECK((c[0].kind == clausebook::renew::ClauseChange::Kind::changed && c[0].number == "2.1"));
    CHECK((c[1].kind == clausebook::renew::ClauseChange::Kind::added && c[1].title == "New"));
    CHECK((c[2].kind == clausebook::renew::ClauseChange::Kind::removed && c[2].title == "Gone"));
}
