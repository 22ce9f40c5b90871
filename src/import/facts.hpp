// Facts a policy states about itself (title, school, approval, minute, review dates and period,
// named people, local authority, the minimum platform age), found in the imported blocks. A
// fact is kept only when the document states it unambiguously, with the words it came from;
// where the document states one field in two ways, every candidate is listed for a person to
// decide. Nothing is ever made up: "to be ratified" is not an approval, a label with nothing
// after it ("Date:") is not a date, an empty cell is nothing.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "import/blocks.hpp"

namespace clausebook::import {

struct FactValue {
    std::string field;  // see k_fact_fields in facts.cpp: title, school_name, approved, approved_by, minute, last_reviewed,
        // review_period, next_review, headteacher, dsl, deputy_dsl, chair_of_governors, local_authority, min_platform_age
    std::string value;  // as the school file writes it: 2019-04-03, 2022-04, P3Y, 13, "Grace Smith|Headteacher" for people
    std::string quote;  // the document's words
    int position = 0;  // block position (line or paragraph)
    int page = 0;
    bool labelled = false;  // stated as "Label: value" rather than in a sentence
};

struct Facts {
    std::map<std::string, FactValue> found;  // unambiguous
    std::map<std::string, std::vector<FactValue>> ambiguous;  // field -> every distinct candidate
    std::vector<FactValue> also_stated;  // prose statements a labelled value overrode
    std::vector<FactValue> refused;  // not facts: "to be ratified ...", with the reason in value
    std::vector<std::size_t> cover_blocks;  // title-page blocks wholly made of facts
};

Facts extract_facts(const std::vector<Block>& blocks);

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
