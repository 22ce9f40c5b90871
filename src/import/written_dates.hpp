// Dates, school terms and review periods as schools write them: the facts reader's (facts.cpp)
// and the other import steps' that read a date a person typed.
#pragma once

#include <cstddef>
#include <string>

namespace clausebook::import {

// The month names a date may be written with, as a regular-expression alternation (a group).
extern const char* const k_months;

// A date as written ("3rd April 2019", "03/04/2019", "April 3, 2019", "2019-04-03") as ISO, or
// a month ("April 2022") as YYYY-MM; empty when there is none.
std::string parse_written_date(const std::string& text, bool* month_only = nullptr);
// A review due in a school term ("Spring 2026", "Autumn term 2024"): the term's last month,
// "2026-04" (autumn: December, spring: April, summer: July); empty when `text` names no term.
std::string parse_term_date(const std::string& text);
// The date written first in `text`, whatever its form (parse_written_date prefers a day to a
// month wherever each stands); with `terms`, a school term too ("Spring 2015 ... Oct 2014" gives
// 2015-04). `end` is set to where that date's words end.
std::string first_date(const std::string& text, std::size_t* end = nullptr, bool terms = false);
// A review period in words ("3 yearly", "annually", "every two years", "biennial") as ISO 8601.
std::string parse_period_words(const std::string& text);

}  // namespace clausebook::import
