#include "util/date.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <chrono>
#include <charconv>

namespace clausebook::util {

namespace {

constexpr std::array<const char*, 12> k_month_names = {"January", "February", "March",     "April",   "May",      "June",
                                                       "July",    "August",   "September", "October", "November", "December"};

bool parse_digits(std::string_view s, int& out) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc{} && p == s.data() + s.size();
}

void set(std::string* why, std::string text) {
    if (why) *why = std::move(text);
}

std::string plural(int n, const char* unit) { return std::to_string(n) + " " + unit + (n == 1 ? "" : "s"); }

}  // namespace

// The calendar arithmetic is <chrono>'s (year_month_day, sys_days); Date is the plain struct the
// rest of the program compares, prints and hashes.
namespace {

namespace ch = std::chrono;

ch::year_month_day to_chrono(const Date& d) { return ch::year{d.year} / ch::month{static_cast<unsigned>(d.month)} / ch::day{static_cast<unsigned>(d.day)}; }

Date from_chrono(const ch::year_month_day& d) {
    return Date{static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())), static_cast<int>(static_cast<unsigned>(d.day()))};
}

}  // namespace

int days_in_month(int year, int month) {
    return static_cast<int>(static_cast<unsigned>((ch::year{year} / ch::month{static_cast<unsigned>(month)} / ch::last).day()));
}

std::optional<Date> parse_date(std::string_view s, std::string* why) {
    auto loose = parse_loose_date(s, why);
    if (!loose) return std::nullopt;
    if (loose->month_only) {
        set(why, "'" + std::string(s) + "' names a month; a full date YYYY-MM-DD is needed here");
        return std::nullopt;
    }
    return loose->date;
}

std::optional<LooseDate> parse_loose_date(std::string_view s, std::string* why) {
    const std::string shown(s);
    if (!(s.size() == 7 || s.size() == 10) || s[4] != '-' || (s.size() == 10 && s[7] != '-')) {
        set(why, "'" + shown + "' is not a date: write YYYY-MM-DD (or YYYY-MM for a month)");
        return std::nullopt;
    }
    LooseDate out;
    Date& d = out.date;
    if (!parse_digits(s.substr(0, 4), d.year) || !parse_digits(s.substr(5, 2), d.month) || (s.size() == 10 && !parse_digits(s.substr(8, 2), d.day))) {
        set(why, "'" + shown + "' is not a date: write YYYY-MM-DD (or YYYY-MM for a month)");
        return std::nullopt;
    }
    if (d.year < 1900 || d.year > 2200) {
        set(why, "'" + shown + "': the year " + std::to_string(d.year) + " is outside 1900-2200");
        return std::nullopt;
    }
    if (d.month < 1 || d.month > 12) {
        set(why, "'" + shown + "' is not a date: there is no month " + std::to_string(d.month));
        return std::nullopt;
    }
    if (s.size() == 7) {
        out.month_only = true;
        d.day = days_in_month(d.year, d.month);
        return out;
    }
    int dim = days_in_month(d.year, d.month);
    if (d.day < 1 || d.day > dim) {
        set(why, "'" + shown + "' is not a date: " + k_month_names[static_cast<std::size_t>(d.month - 1)] + " " + std::to_string(d.year) + " has " +
                     std::to_string(dim) + " days");
        return std::nullopt;
    }
    return out;
}

std::optional<Duration> parse_duration(std::string_view s, std::string* why) {
    const std::string shown(s);
    auto fail = [&]() -> std::optional<Duration> {
        set(why, "'" + shown + "' is not a review period: write an ISO 8601 duration such as P1Y, P3Y, P18M or P1Y6M");
        return std::nullopt;
    };
    if (s.size() < 3 || s[0] != 'P') return fail();
    Duration p;
    std::size_t i = 1;
    char last_unit = 0;
    static constexpr std::string_view k_order = "YMWD";
    while (i < s.size()) {
        std::size_t j = i;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
        if (j == i || j >= s.size()) return fail();
        int n = 0;
        if (!parse_digits(s.substr(i, j - i), n) || n > 1000) return fail();
        char unit = s[j];
        auto pos = k_order.find(unit);
        if (pos == std::string_view::npos || (last_unit && pos <= k_order.find(last_unit))) return fail();
        if (unit == 'Y')
            p.years = n;
        else if (unit == 'M')
            p.months = n;
        else if (unit == 'W')
            p.days += 7 * n;
        else
            p.days += n;
        last_unit = unit;
        i = j + 1;
    }
    if (p.empty()) {
        set(why, "'" + shown + "' is a review period of zero length");
        return std::nullopt;
    }
    return p;
}

long days_from_epoch(const Date& d) { return static_cast<long>(ch::sys_days{to_chrono(d)}.time_since_epoch().count()); }

Date date_from_epoch_days(long days) { return from_chrono(ch::year_month_day{ch::sys_days{ch::days{days}}}); }

Date add(const Date& d, const Duration& p) {
    // Whole months first, then the day clamped to the target month's last (31 Jan + P1M is the
    // last day of February), then days.
    ch::year_month ym = ch::year{d.year} / ch::month{static_cast<unsigned>(d.month)} + ch::months{p.years * 12 + p.months};
    ch::day last = (ym / ch::last).day();
    ch::day day{static_cast<unsigned>(d.day)};
    ch::sys_days out{ym / std::min(day, last)};
    return from_chrono(ch::year_month_day{out + ch::days{p.days}});
}

std::string to_iso(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::string to_iso(const LooseDate& d) {
    if (!d.month_only) return to_iso(d.date);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.date.year, d.date.month);
    return buf;
}

std::string to_long(const Date& d) { return std::to_string(d.day) + " " + k_month_names[static_cast<std::size_t>(d.month - 1)] + " " + std::to_string(d.year); }

std::string to_long(const LooseDate& d) {
    if (!d.month_only) return to_long(d.date);
    return std::string(k_month_names[static_cast<std::size_t>(d.date.month - 1)]) + " " + std::to_string(d.date.year);
}

std::string to_iso(const Duration& p) {
    std::string out = "P";
    if (p.years) out += std::to_string(p.years) + "Y";
    if (p.months) out += std::to_string(p.months) + "M";
    if (p.days) out += std::to_string(p.days) + "D";
    return out;
}

std::string to_words(const Duration& p) {
    std::string out;
    auto add_part = [&](int n, const char* unit) {
        if (!n) return;
        if (!out.empty()) out += " ";
        out += plural(n, unit);
    };
    add_part(p.years, "year");
    add_part(p.months, "month");
    add_part(p.days, "day");
    return out;
}

Date today_utc() { return from_chrono(ch::year_month_day{ch::floor<ch::days>(ch::system_clock::now())}); }

}  // namespace clausebook::util
