// Every diagnostic the load stage gives for a bad input file: its exact place and rule, and
// that a failing run leaves out/ exactly as it was.
#include <catch2/catch.hpp>

#include "support/fixture.hpp"

using clausebook::test::RunResult;
using clausebook::test::TestRepo;

namespace {

// Builds once so out/ has content, breaks the repository with `change`, builds again and
// checks the run failed with exit 2 and left out/ byte-for-byte as it was.
template <class Change>
RunResult fail_build(TestRepo& repo, Change change) {
    REQUIRE(repo.run({"build"}).exit_code == 0);
    auto before = clausebook::test::snapshot(repo.out());
    REQUIRE_FALSE(before.empty());
    change(repo);
    RunResult r = repo.run({"build"});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(clausebook::test::snapshot(repo.out()) == before);
    CHECK(r.err.find("nothing was written") != std::string::npos);
    return r;
}

bool has(const RunResult& r, const std::string& location_and_rule) { return r.err.find(location_and_rule) != std::string::npos; }

// "path:line:col: error: ...[rule]" on one line.
bool has_diag(const RunResult& r, const std::string& location, const std::string& rule) {
    std::size_t at = 0;
    while ((at = r.err.find(location + ": error: ", at)) != std::string::npos) {
        auto end = r.err.find('\n', at);
        if (r.err.substr(at, end - at).find("[" + rule + "]") != std::string::npos) return true;
        at = end;
    }
    return false;
}

}  // namespace

TEST_CASE("invalid YAML is reported at the parser's position", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) { t.write("schools/alpha.yaml", "school:\n  name: [Alpha\npolicies: {}\n"); });
    INFO(r.err);
    CHECK(has(r, "schools/alpha.yaml:3:"));
    CHECK(has(r, "[yaml-syntax]"));
}

TEST_CASE("a tab in indentation gets a hint", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) { t.write("schools/alpha.yaml", "school:\n\tname: Alpha\n"); });
    INFO(r.err);
    CHECK(has(r, "[yaml-syntax]"));
    CHECK(has(r, "YAML indents with spaces only"));
}

TEST_CASE("a duplicate key is an error at its second occurrence", "[diagnostics]") {
    TestRepo repo;
    auto r =
        fail_build(repo, [](TestRepo& t) { t.write("schools/alpha.yaml", "school:\n  name: Alpha\n  name: Alpha Primary\nparams:\n  headteacher: Ann\n"); });
    INFO(r.err);
    CHECK(has_diag(r, "schools/alpha.yaml:3:3", "duplicate-key"));
    // The source line and a caret under the key.
    CHECK(has(r, "      name: Alpha Primary\n      ^\n"));
}

TEST_CASE("a missing required field names the map that lacks it", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) { t.write("schools/alpha.yaml", "school:\n  phase: primary\nparams:\n  headteacher: Ann\n"); });
    INFO(r.err);
    CHECK(has_diag(r, "schools/alpha.yaml:2:3", "missing-field"));
    CHECK(has(r, "has no 'name'"));
}

TEST_CASE("a value of the wrong type is reported where it is written", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) {
        t.write("schools/alpha.yaml",
                "school:\n  name: Alpha\nparams:\n  headteacher: Ann\n  min_age: thirteen\npolicies:\n  social:\n    approved_by: [a, b]\n");
    });
    INFO(r.err);
    CHECK(has_diag(r, "schools/alpha.yaml:5:12", "wrong-type"));
    CHECK(has_diag(r, "schools/alpha.yaml:8:18", "wrong-type"));
}

TEST_CASE("an impossible date is an error naming the month's length", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) {
        t.write("schools/alpha.yaml", "school:\n  name: Alpha\nparams:\n  headteacher: Ann\npolicies:\n  social:\n    approved: 2019-02-30\n");
    });
    INFO(r.err);
    CHECK(has_diag(r, "schools/alpha.yaml:7:15", "invalid-date"));
    CHECK(has(r, "February 2019 has 28 days"));
}

TEST_CASE("an unknown clause id in an outline suggests the close one", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) {
        std::string outline = t.read("templates/social.yaml");
        outline.replace(outline.find("      - staff.contact\n"), 22, "      - staff.contacts\n");
        t.write("templates/social.yaml", outline);
    });
    INFO(r.err);
    CHECK(has_diag(r, "templates/social.yaml:23:9", "unknown-clause"));
    CHECK(has(r, "did you mean 'staff.contact'?"));
}

TEST_CASE("an unknown clause id in a school file is an error", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) {
        t.write("schools/alpha.yaml",
                "school:\n  name: Alpha\nparams:\n  headteacher: Ann\npolicies:\n  social:\n    exclude: [intro.link]\n"
                "    variants: { staff.contct: first-school }\n");
    });
    INFO(r.err);
    CHECK(has_diag(r, "schools/alpha.yaml:7:15", "unknown-clause"));
    CHECK(has(r, "did you mean 'intro.links'?"));
    CHECK(has_diag(r, "schools/alpha.yaml:8:17", "unknown-clause"));
}

TEST_CASE("an unknown variant lists the clause's variants", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) {
        t.write("schools/alpha.yaml",
                "school:\n  name: Alpha\nparams:\n  headteacher: Ann\npolicies:\n  social:\n    variants: { staff.contact: first-schol }\n");
    });
    INFO(r.err);
    CHECK(has_diag(r, "schools/alpha.yaml:7:32", "unknown-variant"));
    CHECK(has(r, "did you mean 'first-school'?"));
}

TEST_CASE("a duplicate clause id names both files", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) { t.write("clauses/zz/copy.md", "---\nid: intro.purpose\ntitle: Copy\nversion: 1.0.0\n---\nText.\n"); });
    INFO(r.err);
    CHECK(has_diag(r, "clauses/zz/copy.md:2:5", "duplicate-clause"));
    CHECK(has(r, "also defined in clauses/intro/purpose.md:2"));
}

TEST_CASE("an unknown parameter in a clause is found on a branch no school takes", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) {
        // No school gives `deputy`, so this section is never rendered; it is still checked.
        t.write("clauses/intro/purpose.md",
                "---\nid: intro.purpose\ntitle: Purpose\nversion: 1.0.0\n---\nAbout {{school.name}}.\n"
                "{{#deputy}}Ask {{deputy.nmae}} or {{headteachr.name}}.{{/deputy}}\n");
    });
    INFO(r.err);
    CHECK(has_diag(r, "clauses/intro/purpose.md:7:16", "unknown-param"));
    CHECK(has(r, "'deputy' has no field 'nmae'"));
    CHECK(has(r, "did you mean 'name'?"));
    CHECK(has_diag(r, "clauses/intro/purpose.md:7:35", "unknown-param"));
    CHECK(has(r, "did you mean 'headteacher'?"));
}

TEST_CASE("an unterminated Mustache section points at where it opens", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) {
        t.write("clauses/intro/purpose.md", "---\nid: intro.purpose\ntitle: Purpose\nversion: 1.0.0\n---\nLine one.\nSee {{#deputy}}the deputy.\n");
    });
    INFO(r.err);
    CHECK(has_diag(r, "clauses/intro/purpose.md:7:5", "mustache-syntax"));
    CHECK(has(r, "section 'deputy' is never closed"));
}

TEST_CASE("a mismatched closing tag names the open section", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) {
        t.write("clauses/intro/purpose.md", "---\nid: intro.purpose\ntitle: Purpose\nversion: 1.0.0\n---\n{{#deputy}}x{{/linked}}\n");
    });
    INFO(r.err);
    CHECK(has_diag(r, "clauses/intro/purpose.md:6:13", "mustache-syntax"));
    CHECK(has(r, "does not match the open section 'deputy'"));
}

TEST_CASE("a placeholder in a school's own wording is checked at its line in the school file", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) {
        t.write("schools/alpha.yaml",
                "school:\n  name: Alpha\nparams:\n  headteacher: Ann\npolicies:\n  social:\n    overrides:\n"
                "      parents.conduct: |\n        Our own words.\n        Ask {{head.name}} first.\n");
    });
    INFO(r.err);
    CHECK(has_diag(r, "schools/alpha.yaml:10:13", "unknown-param"));
}

TEST_CASE("ids that are not safe file names are refused", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) {
        t.write("clauses/intro/evil.md", "---\nid: ../x\ntitle: Evil\nversion: 1.0.0\n---\nText.\n");
        t.write("schools/Bad School.yaml", "school:\n  name: Bad\n");
        t.write("schools/con.yaml", "school:\n  name: Con\n");
    });
    INFO(r.err);
    CHECK(has_diag(r, "clauses/intro/evil.md:2:5", "invalid-id"));
    CHECK(has(r, "schools/Bad School.yaml: error: the file name gives the school id, and 'Bad School' has capital letters"));
    CHECK(has(r, "schools/con.yaml: error: the file name gives the school id, and 'con' is a reserved device name"));
}

TEST_CASE("a local clause cannot be placed after a clause that does not exist", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) {
        t.write("schools/alpha.yaml",
                "school:\n  name: Alpha\nparams:\n  headteacher: Ann\npolicies:\n  social:\n    local:\n"
                "      - id: local.phones\n        after: parents.conduc\n        title: Phones\n        text: Phones go to the office.\n");
    });
    INFO(r.err);
    CHECK(has_diag(r, "schools/alpha.yaml:9:16", "unknown-clause"));
}

TEST_CASE("an empty file is an error, not an empty policy", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) {
        t.write("schools/alpha.yaml", "");
        t.write("clauses/intro/links.md", "\n\n");
    });
    INFO(r.err);
    CHECK(has_diag(r, "schools/alpha.yaml:1:1", "empty-file"));
    CHECK(has_diag(r, "clauses/intro/links.md:1:1", "empty-file"));
}

TEST_CASE("a file that is not UTF-8 is reported at the first bad byte", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) {
        // Latin-1 "é" in "Beta Caf\xe9" on line 2.
        t.write("schools/beta.yaml", "school:\n  name: Beta Caf\xe9\n");
    });
    INFO(r.err);
    CHECK(has_diag(r, "schools/beta.yaml:2:17", "not-utf8"));
    CHECK(has(r, "save it as UTF-8"));
}

TEST_CASE("an unknown key suggests the key that was meant", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) {
        t.write("schools/alpha.yaml", "school:\n  name: Alpha\nparams:\n  headteacher: Ann\npolicies:\n  social:\n    aproved: 2024-01-01\n");
    });
    INFO(r.err);
    CHECK(has_diag(r, "schools/alpha.yaml:7:5", "unknown-key"));
    CHECK(has(r, "did you mean 'approved'?"));
}

TEST_CASE("a required parameter no school gives is an error at the school", "[diagnostics]") {
    TestRepo repo;
    // Only for a policy the school keeps (lists under policies:): one it does not list asks nothing of it.
    auto r = fail_build(repo, [](TestRepo& t) { t.write("schools/alpha.yaml", "school:\n  name: Alpha\npolicies:\n  social:\n"); });
    INFO(r.err);
    CHECK(has(r, "[missing-param]"));
    CHECK(has(r, "needs 'headteacher'"));
}

TEST_CASE("every problem of a run is reported together", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) {
        t.write("schools/alpha.yaml", "school:\n  name: Alpha\nparams:\n  headteacher: Ann\npolicies:\n  social:\n    approved: 2019-13-01\n");
        t.write("schools/beta.yaml", "school:\n  name: Beta\n  name: Beta\nparams:\n  headteacher: Bob\n");
        t.write("clauses/intro/purpose.md", "---\nid: intro.purpose\ntitle: Purpose\nversion: 1.0.0\n---\n{{nope}}\n");
    });
    INFO(r.err);
    CHECK(has_diag(r, "schools/alpha.yaml:7:15", "invalid-date"));
    CHECK(has_diag(r, "schools/beta.yaml:3:3", "duplicate-key"));
    CHECK(has_diag(r, "clauses/intro/purpose.md:6:1", "unknown-param"));
    CHECK(has(r, "3 errors; nothing was written"));
}

TEST_CASE("an optional value a school does not give cannot be printed bare", "[diagnostics]") {
    TestRepo repo;
    auto r = fail_build(repo, [](TestRepo& t) {
        t.write("clauses/intro/purpose.md", "---\nid: intro.purpose\ntitle: Purpose\nversion: 1.0.0\n---\nThe deputy is {{deputy.name}}.\n");
    });
    INFO(r.err);
    CHECK(has_diag(r, "clauses/intro/purpose.md:6:15", "missing-value"));
    CHECK(has(r, "wrap this text in {{#deputy}}"));
}
