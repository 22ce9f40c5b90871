// Calendar dates and ISO 8601 durations, as policies use them: approval dates to the day,
// review dates to the day or to the month ("April 2022" means the end of April 2022).
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace clausebook::util {

struct Date {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;  // 1..31
    auto operator<=>(const Date&) const = default;
};

// A date as written in a file: a day (2019-04-03) or a month (2022-04).
struct LooseDate {
    Date date;  // for a month: its last day
    bool month_only = false;
    auto operator<=>(const LooseDate&) const = default;
};

struct Duration {
    int years = 0;
    int months = 0;
    int days = 0;
    bool operator==(const Duration&) const = default;
    bool empty() const { return years == 0 && months == 0 && days == 0; }
};

int days_in_month(int year, int month);

// Parses YYYY-MM-DD; on failure returns nullopt and sets `why` (e.g. "2019-02-30 is not a day: February 2019 has 28 days").
std::optional<Date> parse_date(std::string_view s, std::string* why = nullptr);
// Parses YYYY-MM-DD or YYYY-MM.
std::optional<LooseDate> parse_loose_date(std::string_view s, std::string* why = nullptr);
// Parses an ISO 8601 calendar duration: P3Y, P18M, P1Y6M, P2W, P30D (no time part).
std::optional<Duration> parse_duration(std::string_view s, std::string* why = nullptr);

// `d` plus `p`; a day past the end of the target month becomes its last day (31 Jan + P1M = 28/29 Feb).
Date add(const Date& d, const Duration& p);
// Days since 1970-01-01 (negative before).
long days_from_epoch(const Date& d);
Date date_from_epoch_days(long days);

std::string to_iso(const Date& d);  // 2019-04-03
std::string to_iso(const LooseDate& d);  // 2019-04-03 or 2022-04
std::string to_long(const Date& d);  // 3 April 2019
std::string to_long(const LooseDate& d);  // 3 April 2019 or April 2022
std::string to_iso(const Duration& p);  // P3Y
std::string to_words(const Duration& p);  // 3 years, 1 year 6 months

// Today's date in UTC, from the system clock.
Date today_utc();

}  // namespace clausebook::util
