// clausebook schedule: order, CSV, the HTML timeline and the RFC 5545 calendar, parsed by a real
// calendar library (ical.js, installed under tests/js by scripts/setup.sh).
#include <cstdlib>
#include <sstream>

#include <catch2/catch.hpp>

#include "cli/cli.hpp"
#include "support/fixture.hpp"
#include "support/skip.hpp"

using clausebook::test::run_example;
using clausebook::test::RunResult;
using clausebook::test::TestRepo;

namespace {

std::vector<std::string> crlf_lines(const std::string& s) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        auto end = s.find("\r\n", pos);
        REQUIRE(end != std::string::npos);
        out.push_back(s.substr(pos, end - pos));
        pos = end + 2;
    }
    return out;
}

// A school whose name needs escaping in ICS and quoting in CSV, with a long UTF-8 title to fold.
void add_awkward_school(TestRepo& repo) {
    repo.write("schools/gamma.yaml",
               "school:\n  name: \"St Mary's, St John's; and Ælfric's Federated Church of England Primary School\"\n"
               "params:\n  headteacher: { name: Cat Example }\npolicies:\n  social:\n"
               "    title: Politique des médias sociaux — réseaux, téléphones, photographies, vidéos et messagerie\n"
               "    approved: 2024-05-20\n    approved_by: \"Governors: full board\"\n");
}

}  // namespace

TEST_CASE("schedule on the example: sorted by due date, no date last", "[schedule]") {
    auto r = run_example({"schedule", "--today", "2026-11-21"});
    CHECK(r.exit_code == 0);
    auto w = r.out.find("Wimborne First School"), c = r.out.find("Conway Primary School"), p = r.out.find("St Peter's CE Primary School"),
         b = r.out.find("Beckstone Primary School"), s = r.out.find("St Wenn School");
    CHECK(w < c);
    CHECK(c < p);
    CHECK(p < b);
    CHECK(p < s);
    CHECK(r.out.find("overdue since January 2020") != std::string::npos);
}

TEST_CASE("schedule --format csv: header, CRLF, quoting", "[schedule]") {
    TestRepo repo;
    add_awkward_school(repo);
    auto r = repo.run({"schedule", "--today", "2024-06-01", "--format", "csv"});
    REQUIRE(r.exit_code == 0);
    auto lines = crlf_lines(r.out);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "School id,Policy id,School,Policy,Approved,Approved by,Minute,Review period,Next review,Status,Status code,Days until due");
    CHECK(r.out.find("\"St Mary's, St John's; and Ælfric's Federated Church of England Primary School\"") != std::string::npos);
    CHECK(lines[1].rfind("alpha,social,Alpha Primary School,Social Media Policy,2024-03-01,Full governing board,24/3/5,P1Y,2025-03-01 (derived),due 1 March "
                         "2025,scheduled,273",
                         0) == 0);
}

TEST_CASE("schedule --format html: a timeline with overdue, due-soon and today's line", "[schedule]") {
    TestRepo repo;
    auto r = repo.run({"schedule", "--today", "2026-01-15", "--format", "html"});
    REQUIRE(r.exit_code == 0);
    const std::string& h = r.out;
    CHECK(h.find("<svg class=\"timeline\"") != std::string::npos);
    CHECK(h.find("<circle class=\"overdue\"") != std::string::npos);  // alpha, derived 2025-03-01
    CHECK(h.find("<circle class=\"due-soon\"") != std::string::npos);  // beta, 2026-01
    CHECK(h.find("fill=\"#c62828\"") != std::string::npos);
    CHECK(h.find("<line class=\"today\"") != std::string::npos);
    CHECK(h.find("Today, 15 January 2026") != std::string::npos);
    CHECK(h.find("<td class=\"overdue\">overdue since 1 March 2025</td>") != std::string::npos);
}

TEST_CASE("schedule --format ics: RFC 5545 lines, folding, escaping, deterministic", "[schedule][ics]") {
    TestRepo repo;
    add_awkward_school(repo);
    auto r = repo.run({"schedule", "--today", "2024-06-01", "--format", "ics"});
    REQUIRE(r.exit_code == 0);
    auto lines = crlf_lines(r.out);
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    bool folded = false;
    for (const auto& l : lines) {
        CHECK(l.size() <= 75);
        folded = folded || (!l.empty() && l[0] == ' ');
    }
    CHECK(folded);
    CHECK(r.out.find("VERSION:2.0\r\n") != std::string::npos);
    CHECK(r.out.find("PRODID:-//clausebook//clausebook ") != std::string::npos);
    CHECK(r.out.find("UID:social.alpha@clausebook\r\nDTSTAMP:20240601T000000Z\r\nDTSTART;VALUE=DATE:20250301\r\nDTEND;VALUE=DATE:20250302\r\n") !=
          std::string::npos);
    CHECK(r.out.find("St Mary's\\, St John's\\; and") != std::string::npos);
    CHECK(r.out.find("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P21D\r\n") != std::string::npos);
    CHECK(repo.run({"schedule", "--today", "2024-06-01", "--format", "ics"}).out == r.out);
    ::setenv("SOURCE_DATE_EPOCH", "1717243200", 1);  // 2024-06-01T12:00:00Z
    auto epoch = repo.run({"schedule", "--format", "ics"});
    ::unsetenv("SOURCE_DATE_EPOCH");
    CHECK(epoch.out.find("DTSTAMP:20240601T120000Z\r\n") != std::string::npos);
}

TEST_CASE("schedule --format ics is read back by ical.js, every event intact", "[schedule][ics][client]") {
    auto js = clausebook::test::source_dir() / "tests/js";
    CLAUSEBOOK_NEEDS_PROGRAM("node");
    if (!std::filesystem::exists(js / "node_modules/ical.js"))
        CLAUSEBOOK_SKIP("program not installed: tests/js/node_modules/ical.js (scripts/setup.sh runs npm ci in tests/js)");
    TestRepo repo;
    add_awkward_school(repo);
    auto r = repo.run({"schedule", "--today", "2024-06-01", "--format", "ics", "--output", (repo.root() / "s.ics").string()});
    REQUIRE(r.exit_code == 0);
    std::string cmd = "node " + (js / "parse_ics.mjs").string() + " " + (repo.root() / "s.ics").string() + " > " + (repo.root() / "s.json").string() + " 2>&1";
    int rc = std::system(cmd.c_str());
    std::string json = repo.read("s.json");
    INFO(json);
    REQUIRE(rc == 0);
    auto count = [&](const std::string& what) {
        std::size_t n = 0;
        for (auto at = json.find(what); at != std::string::npos; at = json.find(what, at + 1)) ++n;
        return n;
    };
    CHECK(count("\"uid\":") == 3);
    CHECK(json.find("\"version\": \"2.0\"") != std::string::npos);
    CHECK(json.find("\"uid\": \"social.alpha@clausebook\",\n   \"summary\": \"Review due: Social Media Policy (Alpha Primary School)\"") != std::string::npos);
    CHECK(json.find("\"start\": \"2025-03-01\",\n   \"end\": \"2025-03-02\",\n   \"allDay\": true") != std::string::npos);
    CHECK(json.find("\"start\": \"2026-01-31\"") != std::string::npos);  // beta: a month means its last day
    CHECK(json.find("\"summary\": \"Review due: Politique des médias sociaux — réseaux, téléphones, photographies, vidéos et messagerie "
                    "(St Mary's, St John's; and Ælfric's Federated Church of England Primary School)\"") != std::string::npos);
    CHECK(json.find("Last approved: 20 May 2024 by Governors: full board.") != std::string::npos);
    CHECK(count("\"trigger\": \"-P21D\"") == 3);
    CHECK(count("\"dtstamp\": \"2024-06-01T00:00:00Z\"") == 3);
}
