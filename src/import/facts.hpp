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
#include "import/written_dates.hpp"

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

}  // namespace clausebook::import
