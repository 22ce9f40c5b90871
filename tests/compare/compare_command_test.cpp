// clausebook compare on the example repository (five real schools) and on small hand-made
// repositories: statuses, metadata, counts, and each report format.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "cli/cli.hpp"
#include "support/fixture.hpp"
#include "support/skip.hpp"

using clausebook::test::run_example;
using clausebook::test::RunResult;
using clausebook::test::TestRepo;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The JSON text of the cell for `school` in the row of `clause` (up to the end of its line).
std::string cell(const std::string& json, const std::string& clause, const std::string& school) {
    std::size_t row = json.find("{\"clause\": \"" + clause + "\"");
    if (row == std::string::npos) return {};
    std::size_t at = json.find("\"" + school + "\": ", row);
    return at == std::string::npos ? std::string() : json.substr(at, json.find('\n', at) - at);
}

}  // namespace

TEST_CASE("compare shows each example school's audiences, local clauses and review status", "[compare]") {
    RunResult r = run_example({"compare", "--today", "2025-06-01"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string& t = r.out;
    // Beckstone covers parents only: no staff clauses; St Peter's covers staff: no parent clauses.
    CHECK(has(t, "  staff.personal-use               n/a               same             same"));
    CHECK(has(t, "  parents.positive-use             same              same             n/a "));
    // Local clauses are listed under the school that has them, not as rows every school has a cell in.
    CHECK(has(t, "Local clauses (only the school named has them)\n"));
    CHECK(has(t, "  conway-primary               "));
    CHECK(has(t, "Handing in phones (local.phones-handed-in), in '"));
    CHECK(has(t, "conway-primary: 52 same"));
    CHECK(has(t, "review overdue since April 2022"));
    CHECK(has(t, "beckstone-primary: "));
    CHECK(has(t, "no review date"));
    CHECK(has(t, "variant first-school"));
    // St Wenn: posting concerns online is "never" the right way; the model says "rarely".
    CHECK(has(t, "venting_online = never (trust default: rarely)"));
    CHECK(has(t, "[-rarely-]{+never+}"));
    CHECK_FALSE(has(t, "\x1b["));  // no colour when not a terminal
}

TEST_CASE("compare JSON has one row per outline clause, one column per school and each school's local clauses", "[compare]") {
    RunResult r = run_example({"compare", "--format", "json", "--today", "2025-06-01"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string& j = r.out;
    std::vector<std::string> schools{"beckstone-primary", "conway-primary", "st-peters-ce-primary", "st-wenn", "wimborne-first"};
    std::size_t rows_at = j.find("\"rows\": [");
    REQUIRE(rows_at != std::string::npos);
    std::size_t rows = 0;
    for (std::size_t at = j.find("{\"clause\": ", rows_at); at != std::string::npos; at = j.find("{\"clause\": ", at + 1)) ++rows;
    CHECK(rows == 66);  // the outline's clauses; local clauses are the schools' own
    std::string schools_part = j.substr(0, rows_at);
    std::size_t locals = 0;
    for (std::size_t at = schools_part.find("{\"clause\": \"local."); at != std::string::npos; at = schools_part.find("{\"clause\": \"local.", at + 1))
        ++locals;
    CHECK(locals == 6);
    for (const auto& s : schools) CHECK(has(cell(j, "intro.purpose", s), "\"status\": \"same\""));
    CHECK(has(cell(j, "staff.personal-use", "beckstone-primary"), "\"status\": \"missing\""));
    CHECK(has(cell(j, "staff.personal-use", "beckstone-primary"), "\"why\": \"not-applicable\""));
    CHECK(has(cell(j, "parents.positive-use", "st-peters-ce-primary"), "\"why\": \"not-applicable\""));
    auto school_entry = [&](const std::string& id) {
        std::size_t at = schools_part.find("{\"id\": \"" + id + "\"");
        return at == std::string::npos ? std::string() : schools_part.substr(at, schools_part.find('\n', at) - at);
    };
    CHECK(has(school_entry("conway-primary"), "\"local\": [{\"clause\": \"local.code-origin\""));
    CHECK(has(school_entry("conway-primary"), "{\"clause\": \"local.phones-handed-in\", \"title\": \"Handing in phones\""));
    CHECK(has(school_entry("st-wenn"), "\"local\": []"));
    CHECK_FALSE(has(j, "null}"));  // no cell for a school that lacks a row's clause
    CHECK(has(cell(j, "staff.contact-with-pupils", "wimborne-first"), "\"variant\": \"first-school\""));
    CHECK(has(cell(j, "parents.inappropriate-use", "st-wenn"), "\"params\": [{\"name\": \"venting_online\", \"value\": \"never\", \"default\": \"rarely\"}]"));
    CHECK(has(j, "\"id\": \"conway-primary\", \"name\": \"Conway Primary School\""));
    CHECK(has(j, "\"review_status\": \"overdue\""));
    CHECK(has(j, "\"review_status\": \"missing\""));
}

TEST_CASE("compare marks reworded clauses with a similarity and a redline, and required gaps", "[compare]") {
    TestRepo repo;
    repo.write("schools/alpha.yaml",
               "school:\n  name: Alpha Primary School\nparams:\n  headteacher: { name: Ann Example }\n"
               "policies:\n  social:\n    approved: 2025-01-10\n    exclude: [intro.purpose, intro.links]\n"
               "    overrides:\n      parents.conduct: \"Pupils must be at least {{min_age}} to hold any account at all.\"\n");
    RunResult r = repo.run({"compare", "--format", "json", "--today", "2025-06-01"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(has(cell(r.out, "parents.conduct", "alpha"), "\"status\": \"reworded\""));
    CHECK(has(cell(r.out, "parents.conduct", "alpha"), "{\"op\": \"insert\", \"text\": \"any\"}"));
    CHECK(has(cell(r.out, "intro.purpose", "alpha"), "\"gap\": true"));
    CHECK(has(cell(r.out, "intro.links", "alpha"), "\"gap\": false, \"why\": \"excluded\""));
    CHECK(has(cell(r.out, "parents.conduct", "beta"), "\"status\": \"params\""));
    CHECK(has(r.out, "\"review_status\": \"fine\""));  // alpha: approved 2025-01-10 + P1Y
    CHECK(has(r.out, "\"review_status\": \"due-soon\"") == false);
    RunResult text = repo.run({"compare", "--today", "2025-06-01"});
    CHECK(has(text.out, "alpha: 1 same, 1 reworded, 1 left out, 1 gap; next review 10 January 2026"));
    CHECK(has(text.out, "reworded 8"));
    RunResult soon = repo.run({"compare", "--format", "json", "--today", "2025-12-20"});
    CHECK(has(soon.out, "\"review_status\": \"due-soon\", \"review_days\": 21"));
}

TEST_CASE("compare CSV has a column per school and neutralises formulas", "[compare]") {
    TestRepo repo;
    repo.write("schools/alpha.yaml",
               "school:\n  name: \"=HYPERLINK(1)\"\nparams:\n  headteacher: { name: Ann Example }\n"
               "policies:\n  social:\n    approved_by: \"@board, +1 -2\"\n");
    RunResult r = repo.run({"compare", "--format", "csv", "--today", "2025-06-01"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(has(r.out, "clause,title,section,required,alpha,alpha detail,beta,beta detail\r\n"));
    CHECK(has(r.out, "[Approved by],,,,\"'@board, +1 -2\","));
    CHECK(has(r.out, "intro.purpose,Purpose,Introduction,yes,same,"));
    CHECK(has(r.out, "[local clauses],,,,0 local,,0 local,\r\n"));
    CHECK_FALSE(has(r.out, ",=HYPERLINK"));
    CHECK_FALSE(has(r.out, ",@board"));
}

TEST_CASE("compare Markdown and HTML reports are complete and self-contained", "[compare]") {
    RunResult md = run_example({"compare", "--format", "md", "--today", "2025-06-01"});
    REQUIRE(md.exit_code == 0);
    CHECK(has(md.out, "| Review status | missing | overdue by 1128 days |"));
    CHECK(has(md.out, "~~rarely~~**never**"));
    RunResult html = run_example({"compare", "--format", "html", "--today", "2025-06-01"});
    REQUIRE(html.exit_code == 0);
    const std::string& h = html.out;
    CHECK(has(h, "<th scope=\"col\">Beckstone Primary School<br><small>beckstone-primary</small></th>"));
    CHECK(has(h, "id=\"only-diff\""));
    CHECK(has(h, "<details><summary>params</summary>"));
    CHECK(has(h, "<del>rarely</del><ins>never</ins>"));
    CHECK(has(h, "class=\"r-overdue\""));
    CHECK(has(h, "position: sticky"));
    CHECK(has(h, "@media print"));
    CHECK_FALSE(has(h, "http://"));
    CHECK_FALSE(has(h, "https://"));
    CHECK_FALSE(has(h, "src="));
}

TEST_CASE("compare rejects unknown schools, policies and formats with a suggestion", "[compare]") {
    TestRepo repo;
    RunResult r = repo.run({"compare", "--school", "alpah"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "did you mean 'alpha'"));
    CHECK(r.out.empty());
    r = repo.run({"compare", "--policy", "socail"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "did you mean 'social'"));
    r = repo.run({"compare", "--format", "jsno"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "did you mean 'json'"));
    r = repo.run({"compare", "--today", "2025-02-30"});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
}

TEST_CASE("compare stops on bad input with the file, line and column, and prints no report", "[compare]") {
    TestRepo repo;
    repo.write("clauses/parents/conduct.md", "---\nid: parents.conduct\ntitle: Conduct\nversion: 1.0.0\n---\nAt least {{min_agee}}.\n");
    RunResult r = repo.run({"compare"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "clauses/parents/conduct.md:6:"));
    CHECK(r.out.empty());
}

TEST_CASE("the HTML report loads in headless Chromium without console errors", "[compare][chromium]") {
    CLAUSEBOOK_NEEDS_PROGRAM("chromium");
    clausebook::test::TempDir dir;
    std::string cmd = "'" + (clausebook::test::source_dir() / "scripts" / "check_compare_html.sh").string() + "' '" CLAUSEBOOK_BINARY "' '" +
                      (dir.path() / "compare.png").string() + "' >/dev/null 2>&1";
    CHECK(std::system(cmd.c_str()) == 0);
    CHECK(std::filesystem::file_size(dir.path() / "compare.png") > 10000);
}
