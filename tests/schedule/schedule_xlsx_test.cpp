// schedule --format xlsx: the workbook's structure read from its parts, and the workbook read
// back by LibreOffice cell by cell (every sheet to CSV, as stored and as shown), with a picture
// of the first sheet left in the build tree for a person to look at.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sys/wait.h>
#include <fstream>
#include <iostream>
#include <sstream>

#include "support/fixture.hpp"
#include "support/skip.hpp"
#include "write/docx_reader.hpp"

namespace fs = std::filesystem;
using clausebook::test::TestRepo;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Beta's review is overdue on 2026-11-21; alpha's (derived, 2025-03-01) too; gamma has no date.
void add_gamma(TestRepo& repo) {
    repo.write("schools/gamma.yaml",
               "school:\n  name: \"Gamma [Junior]: School / Annexe with a very long name indeed\"\n"
               "params:\n  headteacher: { name: Cy Example }\n"
               "policies:\n  social:\n    approved_by: Headteacher\n");
}

std::vector<std::vector<std::string>> read_csv(const fs::path& p) {
    std::vector<std::vector<std::string>> rows;
    std::ifstream in(p);
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::string cell;
        bool quoted = false;
        for (char c : line) {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                cells.push_back(std::exchange(cell, {}));
            else
                cell += c;
        }
        cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

}  // namespace

TEST_CASE("schedule --format xlsx: a sheet for the trust and one per school, dates as dates, filters and a frozen header", "[schedule][xlsx]") {
    TestRepo repo;
    add_gamma(repo);
    // A temporary folder of this test's own: the check below that none is left behind must not
    // see the workbook another process (a test beside this one) is writing at the same moment.
    const fs::path scratch = repo.root() / "scratch";
    fs::create_directories(scratch);
    clausebook::test::ScopedEnv tmpdir("TMPDIR", scratch.string());
    auto out = repo.root() / "reviews.xlsx";
    auto r = repo.run({"schedule", "--format", "xlsx", "--today", "2026-11-21", "--output", out.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto pkg = clausebook::test::read_docx(clausebook::test::read_file(out));
    const std::string& workbook = pkg.parts["xl/workbook.xml"];
    CHECK(has(workbook, "<sheet name=\"All schools\""));
    CHECK(has(workbook, "<sheet name=\"Alpha Primary School\""));
    CHECK(has(workbook, "<sheet name=\"Beta First School\""));
    // Excel's sheet-name rules: no []:/, at most 31 characters.
    CHECK(has(workbook, "<sheet name=\"Gamma Junior School  Annexe wit\""));
    const std::string& all = pkg.parts["xl/worksheets/sheet1.xml"];
    CHECK(has(all, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
    CHECK(has(all, "<autoFilter ref=\"A1:J4\"/>"));
    CHECK(has(all, "<conditionalFormatting sqref=\"H2:H4\">"));
    CHECK(has(all, "<formula>$I2=\"overdue\"</formula>"));
    CHECK(has(all, "<col min=\"1\" max=\"1\""));
    // The same schedule gives the same bytes.
    auto again = repo.root() / "again.xlsx";
    REQUIRE(repo.run({"schedule", "--format", "xlsx", "--today", "2026-11-21", "--output", again.string()}).exit_code == 0);
    CHECK(clausebook::test::read_file(out) == clausebook::test::read_file(again));
    // No temporary folder is left behind.
    CHECK(fs::is_empty(scratch));
}

TEST_CASE("schedule --format xlsx is read back by LibreOffice cell by cell", "[schedule][xlsx][client]") {
    CLAUSEBOOK_NEEDS_PROGRAM("soffice");
    TestRepo repo;
    add_gamma(repo);
    auto out = repo.root() / "reviews.xlsx";
    REQUIRE(repo.run({"schedule", "--format", "xlsx", "--today", "2026-11-21", "--output", out.string()}).exit_code == 0);
    // Every sheet to its own CSV (the last option, -1), first as stored, then as shown.
    auto convert = [&](const char* folder, const char* shown) {
        fs::path dir = repo.root() / folder;
        fs::create_directories(dir);
        std::string cmd = "cd '" + dir.string() + "' && HOME='" + dir.string() +
                          "' timeout 180 soffice --headless --norestore --convert-to "
                          "'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true," +
                          shown + ",false,false,-1' '" + out.string() + "' >/dev/null 2>&1";
        REQUIRE(std::system(cmd.c_str()) == 0);
        return dir;
    };
    fs::path stored = convert("stored", "false");
    auto trust = read_csv(stored / "reviews-All schools.csv");
    REQUIRE(trust.size() == 4);
    CHECK(trust[0] == std::vector<std::string>{"School", "Policy", "Approved", "Approved by", "Minute", "Review period", "Next review", "Status", "Status code",
                                               "Days until due"});
    // Sorted by due date: alpha (derived 1 March 2025), beta (end of January 2026), gamma (none).
    CHECK(trust[1] == std::vector<std::string>{"Alpha Primary School", "Social Media Policy", "03/01/2024", "Full governing board", "24/3/5", "1 year",
                                               "03/01/2025", "overdue since 1 March 2025", "overdue", "-630"});
    CHECK(trust[2] == std::vector<std::string>{"Beta First School", "Social Media Policy", "01/11/2023", "", "", "3 years", "01/31/2026",
                                               "overdue since January 2026", "overdue", "-294"});
    CHECK(trust[3][0] == "Gamma [Junior]: School / Annexe with a very long name indeed");
    CHECK(trust[3][3] == "Headteacher");
    CHECK(trust[3][7] == "no review date");
    CHECK(trust[3][8] == "no-date");
    CHECK(trust[3][9].empty());
    auto beta = read_csv(stored / "reviews-Beta First School.csv");
    REQUIRE(beta.size() == 2);
    CHECK(beta[1] == trust[2]);
    // As shown: the dates carry the workbook's date format, so they were stored as dates.
    fs::path shown = convert("shown", "true");
    auto seen = read_csv(shown / "reviews-All schools.csv");
    REQUIRE(seen.size() == 4);
    CHECK(seen[1][2] == "1 Mar 2024");
    CHECK(seen[2][6] == "31 Jan 2026");

    // A picture of the workbook for a person to look at: LibreOffice prints it to PDF and
    // pdftoppm draws the first page, left in the build tree.
    CLAUSEBOOK_NEEDS_PROGRAM("pdftoppm");
    fs::path pictures = fs::path(CLAUSEBOOK_BINARY).parent_path() / "test-pictures";
    fs::create_directories(pictures);
    std::string cmd = "cd '" + repo.root().string() + "' && HOME='" + repo.root().string() + "' timeout 180 soffice --headless --norestore --convert-to pdf '" +
                      out.string() + "' >/dev/null 2>&1 && pdftoppm -png -r 60 -f 1 -l 1 -singlefile reviews.pdf '" + (pictures / "reviews").string() + "'";
    CHECK(std::system(cmd.c_str()) == 0);
    CHECK(fs::file_size(pictures / "reviews.png") > 1000);
    std::cout << "schedule workbook picture: " << (pictures / "reviews.png").string() << "\n";
}

TEST_CASE("schedule --format xlsx refuses to write a binary file to a terminal", "[schedule][xlsx]") {
    CLAUSEBOOK_NEEDS_PROGRAM("script");
    TestRepo repo;
    // In-process, standard output is a string stream: the workbook's bytes come through.
    auto piped = repo.run({"schedule", "--format", "xlsx", "--today", "2026-11-21"});
    CHECK(piped.exit_code == 0);
    CHECK(piped.out.substr(0, 2) == "PK");
    // The real program on a terminal (script(1) gives it one) refuses, and says what to do.
    auto log = repo.root() / "tty.txt";
    std::string cmd = "script -qec \"'" CLAUSEBOOK_BINARY "' schedule --format xlsx --today 2026-11-21 --root '" + repo.root().string() + "'\" /dev/null > '" +
                      log.string() + "' 2>&1";
    int status = std::system(cmd.c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 2);
    std::string said = clausebook::test::read_file(log);
    INFO(said);
    CHECK(has(said, "--format xlsx writes a binary file: give --output FILE"));
    CHECK_FALSE(has(said, "PK"));
}

TEST_CASE("schedule --format xlsx gives a sheet to each of 250 schools, and past that the trust's sheet alone", "[schedule][xlsx]") {
    auto sheets = [](TestRepo& repo) {
        auto out = repo.root() / "reviews.xlsx";
        auto r = repo.run({"schedule", "--format", "xlsx", "--today", "2026-11-21", "--output", out.string()});
        REQUIRE(r.exit_code == 0);
        auto pkg = clausebook::test::read_docx(clausebook::test::read_file(out));
        const std::string& workbook = pkg.parts["xl/workbook.xml"];
        std::size_t n = 0;
        for (auto at = workbook.find("<sheet "); at != std::string::npos; at = workbook.find("<sheet ", at + 1)) ++n;
        return n;
    };
    TestRepo repo;  // alpha and beta, plus 248 more: 250 schools
    for (int i = 0; i < 248; ++i)
        repo.write("schools/s" + std::to_string(i) + ".yaml", "school:\n  name: School " + std::to_string(i) + "\nparams:\n  headteacher: { name: Head " +
                                                                  std::to_string(i) + " }\npolicies:\n  social:\n");
    CHECK(sheets(repo) == 251);
    repo.write("schools/s248.yaml", "school:\n  name: School 248\nparams:\n  headteacher: { name: Head }\npolicies:\n  social:\n");
    CHECK(sheets(repo) == 1);
}
