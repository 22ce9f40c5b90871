// renew and the hostile review of December 2026 (tests/robustness/REVIEW.md): values over
// several lines, byte-order marks and CRLF, control characters and null-like words in --by and
// --minute, and dates or periods far out of range.
#include <catch2/catch.hpp>

#include "support/fixture.hpp"

using clausebook::test::RunResult;
using clausebook::test::TestRepo;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("renew refuses a value written over several lines (M6)", "[renew][review]") {
    TestRepo repo;
    std::string school = repo.read("schools/alpha.yaml");
    std::string multi = school;
    multi.replace(multi.find("approved_by: Full governing board"), std::string("approved_by: Full governing board").size(),
                  "approved_by: Full\n      governing board");
    repo.write("schools/alpha.yaml", multi);
    REQUIRE(repo.run({"build"}).exit_code == 0);  // the file is valid: approved_by reads "Full governing board"
    RunResult r = repo.run({"renew", "alpha", "social", "--approved", "2025-03-01", "--by", "New Body", "--today", "2025-03-02"});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "schools/alpha.yaml:9:18"));
    CHECK(has(r.err, "goes on to the next line"));
    CHECK(repo.read("schools/alpha.yaml") == multi);
}

TEST_CASE("renew keeps a byte-order mark and CRLF line ends (M7)", "[renew][review]") {
    for (bool crlf : {false, true}) {
        TestRepo repo;
        std::string school = repo.read("schools/alpha.yaml");
        school.insert(school.find("    approved:"), "    # the board's own comment\n");
        if (crlf) {
            std::string with;
            for (char c : school) with += c == '\n' ? std::string("\r\n") : std::string(1, c);
            school = with;
        }
        school = "\xEF\xBB\xBF" + school;
        repo.write("schools/alpha.yaml", school);
        RunResult r = repo.run({"renew", "alpha", "social", "--approved", "2025-03-01", "--by", "New Body", "--today", "2025-03-02"});
        INFO("crlf " << crlf << "\n" << r.err);
        REQUIRE(r.exit_code == 0);
        std::string after = repo.read("schools/alpha.yaml");
        CHECK(after.rfind("\xEF\xBB\xBF", 0) == 0);
        CHECK(has(after, crlf ? "    approved: 2025-03-01\r\n" : "    approved: 2025-03-01\n"));
        CHECK(has(after, "approved_by: New Body"));
        CHECK(has(after, "# the board's own comment"));
        CHECK((after.find("\r\n") != std::string::npos) == crlf);
    }
}

TEST_CASE("renew refuses control characters, far dates and periods past 2200 (L6, L7)", "[renew][review]") {
    TestRepo repo;
    std::string before = repo.read("schools/alpha.yaml");
    std::vector<std::vector<std::string>> refused = {
        {"--by", "Gov\rEND"},     {"--by", "\r"},        {"--minute", "26/11\x1b[2J"}, {"--by", "Gov\x7f"},       {"--by", "Gov\xE2\x80\xA8X"},
        {"--minute", "\xC2\x85"}, {"--period", "P200Y"}, {"--today", "2199-12-31"},    {"--today", "1989-12-31"},
    };
    for (const auto& extra : refused) {
        std::vector<std::string> args = {"renew", "alpha", "social", "--approved", "2025-03-01"};
        args.insert(args.end(), extra.begin(), extra.end());
        if (extra[0] != "--today") args.insert(args.end(), {"--today", "2025-03-02"});
        RunResult r = repo.run(args);
        INFO(extra[0] << " " << extra[1] << "\n" << r.err);
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, "usage: clausebook renew"));
        CHECK(repo.read("schools/alpha.yaml") == before);
    }
    RunResult past = repo.run({"renew", "alpha", "social", "--approved", "1985-03-01", "--today", "2025-03-02"});
    CHECK(past.exit_code == 2);
    CHECK(has(past.err, "before 1990"));
    // --force takes a far date all the same.
    RunResult forced = repo.run({"renew", "alpha", "social", "--approved", "2025-03-01", "--today", "2199-12-31", "--force"});
    INFO(forced.err);
    CHECK(forced.exit_code == 0);
}

TEST_CASE("renew quotes null-like words so that they read back as written (L7)", "[renew][review]") {
    for (std::string by : {"Null", "NULL", "null", "~", "Yes", "OFF"}) {
        TestRepo repo;
        RunResult r = repo.run({"renew", "alpha", "social", "--approved", "2025-03-01", "--by", by, "--today", "2025-03-02"});
        INFO(by << "\n" << r.err);
        REQUIRE(r.exit_code == 0);
        CHECK(has(repo.read("schools/alpha.yaml"), "approved_by: \"" + by + "\""));
        RunResult csv = repo.run({"schedule", "--format", "csv", "--today", "2025-03-02"});
        CHECK(has(csv.out, "," + by + ","));
    }
}

TEST_CASE("renew edits the right bytes after letters of several bytes, and refuses a one-line entry", "[renew]") {
    // The YAML reader's positions are byte offsets: Welsh and curly quotes before the edited value
    // must not shift the edit.
    TestRepo repo;
    std::string school = repo.read("schools/alpha.yaml");
    school.replace(school.find("name: Alpha Primary School"), std::string("name: Alpha Primary School").size(),
                   "name: \"Ysgol Gynradd Ŵy’r Alpha \xF0\x9F\x8F\xAB\"  # “the school’s own name”");
    school.insert(school.find("    approved:"), "    # Cymeradwywyd gan y corff llywodraethu — approved by the board\n");
    repo.write("schools/alpha.yaml", school);
    RunResult r =
        repo.run({"renew", "alpha", "social", "--approved", "2025-03-01", "--by", "Bwrdd – Full board", "--minute", "25/3/1", "--today", "2025-03-02"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string expected = school;
    expected.replace(expected.find("approved: 2024-03-01"), std::string("approved: 2024-03-01").size(), "approved: 2025-03-01");
    expected.replace(expected.find("approved_by: Full governing board"), std::string("approved_by: Full governing board").size(),
                     "approved_by: Bwrdd – Full board");
    expected.replace(expected.find("minute: 24/3/5"), std::string("minute: 24/3/5").size(), "minute: 25/3/1");
    CHECK(repo.read("schools/alpha.yaml").substr(0, expected.size()) == expected);

    // A policy entry written in flow style cannot be edited line by line: refused at its position.
    std::string flow = repo.read("schools/alpha.yaml");
    std::size_t at = flow.find("  social:\n");
    REQUIRE(at != std::string::npos);
    flow = flow.substr(0, at) + "  social: { approved: 2024-03-01, approved_by: Board }\n";
    repo.write("schools/alpha.yaml", flow);
    r = repo.run({"renew", "alpha", "social", "--approved", "2025-03-01", "--by", "Board", "--today", "2025-03-02"});
    CHECK(r.exit_code != 0);
    CHECK(has(r.err, "is written on one line ({...})"));
    CHECK(repo.read("schools/alpha.yaml") == flow);
}
