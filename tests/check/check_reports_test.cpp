// check's settings (severity, waivers, --fail-level), exit codes and report formats, and the
// example repository's expected findings (issue 5, "What it must show").
#include <cstdlib>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "check/report/report.hpp"
#include "cli/cli.hpp"
#include "util/json.hpp"
#include "support/fixture.hpp"
#include "support/skip.hpp"

using clausebook::test::run_example;
using clausebook::test::RunResult;
using clausebook::test::TestRepo;

namespace {

std::size_t count_of(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

const std::string k_overdue_beta =
    "school:\n  name: Beta First School\n  phase: first\nparams:\n  headteacher: { name: Bob Example }\n  min_age: 14\n"
    "policies:\n  social:\n    approved: 2023-01-11\n    review_period: P3Y\n    next_review: 2026-01\n    params: { audiences: [parents] }\n";

}  // namespace

TEST_CASE("check on the example repository: three overdue, two without a review date", "[check][example]") {
    // The generated policy; the register entries have a test of their own (tests/register/).
    auto r = run_example({"check", "--today", "2026-11-21", "--policy", "social-networking"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("schools/conway-primary.yaml:17:18: error: review of Social Media Policy (Conway Primary School) overdue since April 2022") !=
          std::string::npos);
    CHECK(r.out.find("schools/wimborne-first.yaml:20:18: error: review of Social Networking Policy (Wimborne First School) overdue since January 2020") !=
          std::string::npos);
    CHECK(r.out.find("(St Peter's CE Primary School) overdue since March 2023") != std::string::npos);
    CHECK(r.out.find("(St Wenn School) has no review date") != std::string::npos);
    CHECK(r.out.find("(Beckstone Primary School) has no review date") != std::string::npos);
    CHECK(count_of(r.out, "[review-overdue]") == 3);
    CHECK(count_of(r.out, "[review-missing]") == 2);
    // Before each review date, none is overdue.
    auto early = run_example({"check", "--today", "2019-12-31", "--format", "json"});
    CHECK(early.out.find("\"rule\": \"review-overdue\"") == std::string::npos);
    CHECK(run_example({"check", "--today", "2020-02-01", "--format", "json"}).out.find("overdue since January 2020") != std::string::npos);
    CHECK(run_example({"check", "--today", "2020-02-01", "--format", "json"}).out.find("overdue since April 2022") == std::string::npos);
}

TEST_CASE("check --list-rules comes from the rules table", "[check]") {
    auto r = run_example({"check", "--list-rules"});
    CHECK(r.exit_code == 0);
    for (const char* id : {"review-missing", "review-overdue", "review-due-soon", "review-period-mismatch", "approval-missing", "approval-in-future",
                           "required-clause-missing", "unknown-reference", "placeholder-unresolved", "param-out-of-range", "stale-reference",
                           "school-name-inconsistent", "statutory-policy-missing", "statutory-review-period", "approval-level", "approval-level-unclear"})
        CHECK(r.out.find(id) != std::string::npos);
}

TEST_CASE("check severity settings in clausebook.yaml, validated with positions", "[check]") {
    TestRepo repo;
    repo.write("schools/beta.yaml", k_overdue_beta);
    CHECK(repo.run({"check", "--today", "2026-11-21"}).exit_code == 1);
    repo.write("clausebook.yaml", repo.read("clausebook.yaml") + "check:\n  severity:\n    review-overdue: warning\n");
    auto r = repo.run({"check", "--today", "2026-11-21"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("warning: review of Social Media Policy (Beta First School) overdue") != std::string::npos);
    CHECK(repo.run({"check", "--today", "2026-11-21", "--fail-level", "warning"}).exit_code == 1);
    repo.write("clausebook.yaml", repo.read("clausebook.yaml") + "    review-overdeu: info\n    review-missing: fatal\n");
    auto bad = repo.run({"check", "--today", "2026-11-21"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.out.empty());
    CHECK(bad.err.find("clausebook.yaml:9:5: error: 'review-overdeu' in check.severity is not a check rule [unknown-rule]") != std::string::npos);
    CHECK(bad.err.find("did you mean 'review-overdue'?") != std::string::npos);
    CHECK(bad.err.find("clausebook.yaml:10:21: error: 'fatal' is not a severity") != std::string::npos);
}

TEST_CASE("check waivers: one rule, one policy, a written reason, shown in reports", "[check]") {
    TestRepo repo;
    std::string waived = k_overdue_beta + "    waive:\n      review-overdue: The board deferred the review to its March 2027 meeting (minute 26/10/3).\n";
    repo.write("schools/beta.yaml", waived);
    auto r = repo.run({"check", "--today", "2026-11-21", "--school", "beta"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("waived: review of Social Media Policy (Beta First School) overdue") != std::string::npos);
    CHECK(r.out.find("The board deferred the review") != std::string::npos);
    CHECK(r.out.find("1 waived") != std::string::npos);
    auto sarif = repo.run({"check", "--today", "2026-11-21", "--format", "sarif", "--school", "beta"});
    nlohmann::json suppression;
    const nlohmann::json parsed = nlohmann::json::parse(sarif.out);
    for (const auto& result : parsed["runs"][0]["results"])
        if (result["ruleId"] == "review-overdue" && result.contains("suppressions")) suppression = result["suppressions"][0];
    REQUIRE(suppression.is_object());
    CHECK(suppression["kind"] == "inSource");
    CHECK(suppression["status"] == "accepted");
    CHECK(suppression["justification"].get<std::string>().rfind("The board deferred", 0) == 0);
    auto junit = repo.run({"check", "--today", "2026-11-21", "--format", "junit"});
    CHECK(junit.out.find("<skipped message=\"waived by the school\">") != std::string::npos);

    repo.write("schools/beta.yaml", k_overdue_beta + "    waive:\n      review-overdue:\n");
    auto no_reason = repo.run({"check", "--today", "2026-11-21"});
    CHECK(no_reason.exit_code == 2);
    CHECK(no_reason.err.find("schools/beta.yaml:14:7: error: waiving 'review-overdue' needs a written reason [waiver-without-reason]") != std::string::npos);
    repo.write("schools/beta.yaml", k_overdue_beta + "    waive:\n      review-overdu: because\n");
    auto unknown = repo.run({"check", "--today", "2026-11-21"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("schools/beta.yaml:14:7: error: 'review-overdu' in waive: is not a check rule") != std::string::npos);
}

TEST_CASE("check usage errors exit 2 with nothing on standard output", "[check]") {
    TestRepo repo;
    for (std::vector<std::string> args : {std::vector<std::string>{"check", "--today", "2026-02-30"},
                                          {"check", "--format", "xml"},
                                          {"check", "--fail-level", "fatal"},
                                          {"check", "--school", "gamma"}}) {
        auto r = repo.run(args);
        INFO(args[1] << " " << args[2] << ": " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
    }
    CHECK(repo.run({"check", "--school", "alhpa"}).err.find("did you mean 'alpha'?") != std::string::npos);
}

TEST_CASE("check --format junit validates against the JUnit schema", "[check][junit]") {
    TestRepo repo;
    repo.write("schools/beta.yaml", k_overdue_beta);
    auto r = repo.run({"check", "--today", "2026-11-21", "--format", "junit", "--output", (repo.root() / "report.xml").string()});
    CHECK(r.exit_code == 1);
    std::string xml = repo.read("report.xml");
    CHECK(xml.find("<testsuite name=\"beta/social\"") != std::string::npos);
    CHECK(xml.find("<testcase name=\"review-overdue\" classname=\"clausebook.beta.social\" time=\"0\">\n      <failure") != std::string::npos);
    CHECK(xml.find("<testcase name=\"review-missing\" classname=\"clausebook.alpha.social\" time=\"0\" />") != std::string::npos);
    CLAUSEBOOK_NEEDS_PROGRAM("xmllint");
    std::string cmd = "xmllint --noout --schema " + (clausebook::test::source_dir() / "tests/data/junit/JUnit.xsd").string() + " " +
                      (repo.root() / "report.xml").string() + " 2>" + (repo.root() / "xmllint.txt").string();
    int rc = std::system(cmd.c_str());
    INFO(repo.read("xmllint.txt"));
    CHECK(rc == 0);
    // And the example repository's report too.
    auto ex = run_example({"check", "--today", "2026-11-21", "--format", "junit", "--output", (repo.root() / "example.xml").string()});
    CHECK(ex.exit_code == 1);
    std::string cmd2 = "xmllint --noout --schema " + (clausebook::test::source_dir() / "tests/data/junit/JUnit.xsd").string() + " " +
                       (repo.root() / "example.xml").string() + " 2>/dev/null";
    CHECK(std::system(cmd2.c_str()) == 0);
}

TEST_CASE("check --format sarif has what GitHub code scanning requires", "[check][sarif]") {
    auto r = run_example({"check", "--today", "2026-11-21", "--format", "sarif"});
    const std::string& s = r.out;
    CHECK(s.find("\"version\": \"2.1.0\"") != std::string::npos);
    CHECK(s.find("\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\"") != std::string::npos);
    const nlohmann::json sarif = nlohmann::json::parse(s);
    const auto& run = sarif["runs"].at(0);
    CHECK(run["tool"]["driver"]["name"] == "clausebook");
    const auto& rules = run["tool"]["driver"]["rules"];
    REQUIRE(rules.size() >= 2);
    CHECK(rules[1]["id"] == "review-overdue");
    CHECK(rules[1]["name"] == "ReviewOverdue");
    CHECK(rules[1]["shortDescription"]["text"].is_string());
    const nlohmann::json* overdue = nullptr;
    for (const auto& result : run["results"])
        if (result["ruleId"] == "review-overdue" && result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "schools/conway-primary.yaml")
            overdue = &result;
    REQUIRE(overdue);
    CHECK((*overdue)["ruleIndex"] == 1);
    CHECK((*overdue)["level"] == "error");
    CHECK((*overdue)["message"]["text"].get<std::string>().rfind("review of Social Media Policy (Conway", 0) == 0);
    CHECK((*overdue)["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
    CHECK((*overdue)["locations"][0]["physicalLocation"]["region"] == nlohmann::json{{"startLine", 17}, {"startColumn", 18}});
    for (const auto& result : run["results"]) CHECK(result["partialFingerprints"]["clausebookFinding/v1"].get<std::string>().size() == 16);
    // Stable: another day, same fingerprints.
    auto later = run_example({"check", "--today", "2027-01-05", "--format", "sarif"});
    auto fp = [](const std::string& text) {
        auto at = text.find("clausebookFinding/v1");
        return text.substr(at, 45);
    };
    CHECK(fp(s) == fp(later.out));
    if (clausebook::test::have_program("python3")) {
        TestRepo tmp;
        tmp.write("r.sarif", s);
        std::string cmd =
            "python3 -c \"import json,sys; d=json.load(open(sys.argv[1])); "
            "assert all(x['locations'][0]['physicalLocation']['region']['startLine']>=1 for x in d['runs'][0]['results'])\" " +
            (tmp.root() / "r.sarif").string();
        CHECK(std::system(cmd.c_str()) == 0);
    }
}

TEST_CASE("check --format github: workflow commands, chosen automatically under GitHub Actions", "[check]") {
    TestRepo repo;
    repo.write("schools/beta.yaml", k_overdue_beta);
    auto r = repo.run({"check", "--today", "2026-11-21", "--format", "github"});
    CHECK(r.out.find("::error file=schools/beta.yaml,line=11,col=18,title=review-overdue::review of Social Media Policy (Beta First School) overdue since "
                     "January 2026") != std::string::npos);
    CHECK(r.out.find("%0A") != std::string::npos);
    ::setenv("GITHUB_ACTIONS", "true", 1);
    auto automatic = repo.run({"check", "--today", "2026-11-21"});
    ::unsetenv("GITHUB_ACTIONS");
    CHECK(automatic.out.find("::error file=schools/beta.yaml") != std::string::npos);
}

TEST_CASE("check --format json lists settings and findings", "[check]") {
    TestRepo repo;
    repo.write("schools/beta.yaml", k_overdue_beta);
    auto r = repo.run({"check", "--today", "2026-11-21", "--format", "json"});
    CHECK(r.out.find("\"failed\": true") != std::string::npos);
    CHECK(r.out.find("{\"rule\": \"review-overdue\", \"severity\": \"error\", \"path\": \"schools/beta.yaml\", \"line\": 11, \"column\": 18, \"school\": "
                     "\"beta\", \"policy\": \"social\"") != std::string::npos);
}

TEST_CASE("check --format json writes each finding as json_line writes the object of its fields", "[check]") {
    // The JSON report appends findings straight into its output: these pin its bytes to the
    // layout and escaping every other JSON report has (util/json.hpp).
    using clausebook::util::Json;
    using namespace clausebook::check;
    Report r;
    Finding a;
    a.rule = "review-overdue";
    a.pos = {"schools/st-peter\xE2\x80\x99s.yaml", 11, 18};
    a.school_id = "beta";
    a.policy_id = "social";
    a.message = "review of \"Social\" (Beta) overdue\\since\ttoday \x01 caf\xC3";
    a.hint = "run: clausebook renew beta social";
    a.key = "k";
    a.waiver = "the board said \"wait\"";
    a.waiver_pos = {"schools/beta.yaml", 14, 7};
    Finding b;
    b.rule = "stale-reference";
    b.severity = clausebook::util::Severity::warning;
    b.pos = {"clauses/a.md", 0, 0};
    b.message = "plain";
    b.hint = "a \\ in \"quotes\"";
    r.findings = {a, b};
    std::string out = report::write_json(r, clausebook::util::SourceFiles{});
    for (const Finding& f : r.findings) {
        Json waived = nullptr;
        if (f.waiver) waived = Json{{"reason", *f.waiver}, {"at", report::location_text(f.waiver_pos)}};
        auto or_null = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
        Json j{{"rule", f.rule},
               {"severity", clausebook::util::severity_name(f.severity)},
               {"path", f.pos.path},
               {"line", f.pos.line},
               {"column", f.pos.col},
               {"school", or_null(f.school_id)},
               {"policy", or_null(f.policy_id)},
               {"message", f.message},
               {"hint", f.hint},
               {"fingerprint", report::fingerprint(f)},
               {"waived", std::move(waived)}};
        CHECK(out.find("\n    " + clausebook::util::json_line(j)) != std::string::npos);
    }
    CHECK_NOTHROW(Json::parse(out));
}
