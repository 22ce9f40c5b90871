#include <catch2/catch.hpp>

#include "util/date.hpp"

using namespace clausebook::util;

TEST_CASE("dates parse strictly and say why they fail", "[date]") {
    CHECK(parse_date("2019-04-03") == Date{2019, 4, 3});
    CHECK(parse_date("2024-02-29"));
    std::string why;
    CHECK_FALSE(parse_date("2019-02-30", &why));
    CHECK(why.find("February 2019 has 28 days") != std::string::npos);
    CHECK_FALSE(parse_date("2019-13-01", &why));
    CHECK(why.find("no month 13") != std::string::npos);
    CHECK_FALSE(parse_date("3/4/2019", &why));
    CHECK_FALSE(parse_date("2022-04", &why));
    CHECK(why.find("names a month") != std::string::npos);
}

TEST_CASE("a review month means the end of that month", "[date]") {
    auto d = parse_loose_date("2022-04");
    REQUIRE(d);
    CHECK(d->month_only);
    CHECK(d->date == Date{2022, 4, 30});
    CHECK(to_long(*d) == "April 2022");
    CHECK(to_iso(*d) == "2022-04");
}

TEST_CASE("review periods are ISO 8601 durations", "[date]") {
    CHECK(parse_duration("P3Y") == Duration{3, 0, 0});
    CHECK(parse_duration("P1Y6M") == Duration{1, 6, 0});
    CHECK(parse_duration("P2W") == Duration{0, 0, 14});
    CHECK_FALSE(parse_duration("3 years"));
    CHECK_FALSE(parse_duration("P0Y"));
    CHECK_FALSE(parse_duration("PM"));
    CHECK_FALSE(parse_duration("P1M1Y"));
    CHECK(to_words(Duration{1, 6, 0}) == "1 year 6 months");
    CHECK(to_words(Duration{3, 0, 0}) == "3 years");
}

TEST_CASE("adding a period clamps to the end of the month", "[date]") {
    CHECK(add(Date{2019, 4, 3}, Duration{3, 0, 0}) == Date{2022, 4, 3});
    CHECK(add(Date{2024, 1, 31}, Duration{0, 1, 0}) == Date{2024, 2, 29});
    CHECK(add(Date{2024, 2, 29}, Duration{1, 0, 0}) == Date{2025, 2, 28});
    CHECK(add(Date{2024, 12, 30}, Duration{0, 0, 3}) == Date{2025, 1, 2});
    CHECK(date_from_epoch_days(days_from_epoch(Date{2026, 11, 21})) == Date{2026, 11, 21});
    CHECK(to_long(Date{2019, 4, 3}) == "3 April 2019");
}
