// util/csv: the one CSV writer of compare and schedule, and its one rule for formula injection.
#include <catch2/catch.hpp>

#include "util/csv.hpp"

using clausebook::util::csv_field;
using clausebook::util::csv_row;

TEST_CASE("csv fields are quoted only when RFC 4180 needs it", "[util][csv]") {
    CHECK(csv_field("plain words") == "plain words");
    CHECK(csv_field("") == "");
    CHECK(csv_field("a, b") == "\"a, b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("cr\rhere") == "\"cr\rhere\"");
}

TEST_CASE("csv cells a spreadsheet would run as a formula get an apostrophe and quotes", "[util][csv]") {
    for (const char* lead : {"=", "+", "-", "@", "\t", "\r"}) {
        std::string cell = std::string(lead) + "HYPERLINK(\"x\")";
        INFO("leading " << static_cast<int>(lead[0]));
        std::string out = csv_field(cell);
        CHECK(out.substr(0, 2) == "\"'");
        CHECK(out.back() == '"');
    }
    CHECK(csv_field("=1+1") == "\"'=1+1\"");
    CHECK(csv_field("\t=1+1") == "\"'\t=1+1\"");
    // A plain negative number is a number, not a formula.
    CHECK(csv_field("-14") == "-14");
    CHECK(csv_field("-2.5") == "-2.5");
    CHECK(csv_field("-") == "\"'-\"");
    CHECK(csv_field("-1+1") == "\"'-1+1\"");
}

TEST_CASE("csv rows end with CRLF and join fields with commas", "[util][csv]") {
    std::string out;
    csv_row(out, {"a", "b,c", "=d"});
    csv_row(out, {});
    CHECK(out == "a,\"b,c\",\"'=d\"\r\n\r\n");
}
