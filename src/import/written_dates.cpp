// Dates, school terms and review periods as schools write them (import's facts; docs/import.md).
#include "import/written_dates.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "import/rx.hpp"
#include "util/date.hpp"
#include "util/text.hpp"

namespace clausebook::import {

const char* const k_months =
    "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";

namespace {

int month_number(std::string m) {
    static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    std::transform(m.begin(), m.end(), m.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (int i = 0; i < 12; ++i)
        if (m.compare(0, 3, names[i]) == 0) return i + 1;
    return 0;
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string iso(int y, int m, int d) {
    if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > util::days_in_month(y, m)) return {};
    return std::to_string(y) + "-" + two(m) + "-" + two(d);
}

std::string lower(std::string_view s) { return util::to_lower(s); }

// The forms a date is written in, in the order parse_written_date prefers them: a day before a
// month, a month before a month written as numbers.
struct DateForms {
    rx::Regex iso{R"(\b(\d{4})-(\d{2})-(\d{2})\b)"};
    // "19th January 2015", also "19 th January 2015" (a superscript's text set apart).
    rx::Regex dmy{std::string(R"(\b(\d{1,2})(?:\s?(?:st|nd|rd|th))?(?:\s+of)?\s+)") + k_months + R"(\.?,?\s+(\d{4})\b)", true};
    rx::Regex mdy{std::string(R"(\b)") + k_months + R"(\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b)", true};
    rx::Regex num{R"(\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b)"};
    rx::Regex num_dash{R"(\b(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})\b)"};  // "18-1-18"
    rx::Regex month{std::string(R"(\b)") + k_months + R"(\.?,?\s+(\d{4})\b)", true};
    rx::Regex num_month{R"(\b(\d{1,2})[/.](\d{4})\b)"};  // "09/2025"
};

const DateForms& date_forms() {
    static const DateForms forms;
    return forms;
}

// "Spring 2026", "Autumn term 2024", and a term of a school year: "Spring Term 18/19" is the
// spring of 2019, "Autumn 2024/25" the autumn of 2024.
const rx::Regex& term_pattern() {
    static const rx::Regex k_term(R"(\b(autumn|spring|summer)(?:\s+term)?\s*,?\s*(?:of\s+)?(\d{4}|\d{2})(?:\s*(?:/|-|\xE2\x80\x93)\s*(\d{4}|\d{2}))?\b)", true);
    return k_term;
}

}  // namespace

std::string parse_written_date(const std::string& text, bool* month_only) {
    if (month_only) *month_only = false;
    rx::Match m;
    const DateForms& f = date_forms();
    if (rx::search(text, f.iso, &m)) return iso(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
    if (rx::search(text, f.dmy, &m)) return iso(std::stoi(m[3]), month_number(m[2]), std::stoi(m[1]));
    if (rx::search(text, f.mdy, &m)) return iso(std::stoi(m[3]), month_number(m[1]), std::stoi(m[2]));
    if (rx::search(text, f.num, &m) || rx::search(text, f.num_dash, &m)) {
        int y = std::stoi(m[3]);
        if (y < 100) y += 2000;
        return iso(y, std::stoi(m[2]), std::stoi(m[1]));  // English documents write day/month/year
    }
    if (rx::search(text, f.month, &m)) {
        int y = std::stoi(m[2]), mo = month_number(m[1]);
        if (y < 1990 || y > 2100 || mo == 0) return {};
        if (month_only) *month_only = true;
        return std::to_string(y) + "-" + two(mo);
    }
    if (rx::search(text, f.num_month, &m)) {
        int y = std::stoi(m[2]), mo = std::stoi(m[1]);
        if (y < 1990 || y > 2100 || mo < 1 || mo > 12) return {};
        if (month_only) *month_only = true;
        return std::to_string(y) + "-" + two(mo);
    }
    return {};
}

std::string parse_term_date(const std::string& text) {
    // England's school terms: autumn September to December, spring January to Easter (late March
    // or April), summer Easter to July. A review due in a term is due by the term's last month.
    rx::Match m;
    if (!rx::search(text, term_pattern(), &m)) return {};
    std::string term = lower(m[1]);
    int y = std::stoi(m[2]);
    if (m.matched(3)) {  // a school year, "2018/19": autumn in its first year, spring and summer in its second
        int y2 = std::stoi(m[3]);
        if (y < 100) y += 2000;
        if (y2 < 100) y2 += (y / 100) * 100;
        if (y2 != y + 1) return {};
        if (term != "autumn") y = y2;
    } else if (m[2].size() != 4) {
        return {};  // "Spring 18" alone: too short to be sure it is a year
    }
    if (y < 1990 || y > 2100) return {};
    return std::to_string(y) + (term == "autumn" ? "-12" : term == "spring" ? "-04" : "-07");
}

std::string first_date(const std::string& text, std::size_t* end, bool terms) {
    const DateForms& f = date_forms();
    std::size_t best = std::string::npos, best_end = 0;
    for (const rx::Regex* re : {&f.iso, &f.dmy, &f.mdy, &f.num, &f.num_dash, &f.month, &f.num_month}) {
        rx::Match m;
        if (!rx::search(text, *re, &m)) continue;
        auto at = static_cast<std::size_t>(m.position());
        if (at < best) {
            best = at;
            best_end = at + static_cast<std::size_t>(m.length());
        }
    }
    rx::Match t;
    if (terms && rx::search(text, term_pattern(), &t) && static_cast<std::size_t>(t.position()) < best) {
        std::string d = parse_term_date(t.str());
        if (!d.empty()) {
            if (end) *end = static_cast<std::size_t>(t.position() + t.length());
            return d;
        }
    }
    if (best == std::string::npos) return {};
    if (end) *end = best_end;
    return parse_written_date(text.substr(best, best_end - best));
}

std::string parse_period_words(const std::string& text) {
    std::string t = lower(text);
    static const std::map<std::string, int> k_numbers = {{"one", 1}, {"two", 2},       {"three", 3},   {"four", 4},        {"five", 5},
                                                         {"six", 6}, {"eighteen", 18}, {"twelve", 12}, {"twenty-four", 24}};
    auto number = [&](const std::string& w) {
        if (std::isdigit(static_cast<unsigned char>(w[0]))) return std::stoi(w);
        auto it = k_numbers.find(w);
        return it == k_numbers.end() ? 0 : it->second;
    };
    rx::Match m;
    static const rx::Regex k_months_n(R"(\b(\d{1,2}|six|eighteen|twelve|twenty-four)[\s-]*(?:monthly|months?)\b)");
    static const rx::Regex k_years_n(R"(\b(\d|one|two|three|four|five)[\s-]*(?:yearly|years?|yrs?|year\s+cycle)\b)");
    static const rx::Regex k_one(R"(\b(annual|annually|yearly|every\s+year|each\s+year|once\s+a\s+year|every\s+twelve\s+months)\b)");
    static const rx::Regex k_two(R"(\b(biennial|biennially)\b)");
    static const rx::Regex k_three(R"(\b(triennial|triennially)\b)");
    // "for a 6 month period", "a two year trial": how long something lasts, not how often.
    static const rx::Regex k_span_before(R"((?:\b(?:for|over|during)\s+(?:a|an|the|the\s+first)|\bthe\s+first)\s*$)");
    static const rx::Regex k_span_after(R"(^\s*(?:period|trial|pilot|contract)\b)");
    auto cycle = [&](const rx::Regex& re) {  // the first count that is a cycle, as written ("6", "two")
        for (const auto& f : rx::all(t, re))
            if (!rx::search(f.prefix(), k_span_before) && !rx::search(f.suffix(), k_span_after)) return f.str(1);
        return std::string();
    };
    if (std::string c = cycle(k_months_n); !c.empty()) {
        int n = number(c);
        if (n % 12 == 0 && n > 0) return "P" + std::to_string(n / 12) + "Y";
        if (n > 0) return "P" + std::to_string(n) + "M";
    }
    if (std::string c = cycle(k_years_n); !c.empty()) {
        int n = number(c);
        if (n > 0) return "P" + std::to_string(n) + "Y";
    }
    if (rx::search(t, k_two)) return "P2Y";
    if (rx::search(t, k_three)) return "P3Y";
    if (rx::search(t, k_one)) return "P1Y";
    return {};
}

}  // namespace clausebook::import
