// What check makes of the statutory list (model/reference_data.hpp, read by load): the approval
// level an `approved_by` names (rule approval-level), and review periods compared in months
// (rule statutory-review-period).
#pragma once

#include <optional>
#include <string>

#include "model/reference_data.hpp"
#include "util/date.hpp"

namespace clausebook::check {

using model::ApprovalLevel;
using model::StatutoryList;
using model::StatutoryPolicy;

// The level an approved_by text names ("Full governing board", "Curriculum committee",
// "Steve Piper, headteacher"), or nullopt when it names none of them.
std::optional<ApprovalLevel> approval_level_of(const std::string& approved_by);

// The levels the list allows for `p`, for messages: "board or committee".
std::string allowed_levels(const StatutoryPolicy& p);

// Whether the list leaves out some level for `p` (a list that names none, or every one, leaves
// the approver to the board's own delegation).
bool restricts_approval(const StatutoryPolicy& p);

// Months in a duration, for comparing review periods (a day counts as 1/30 of a month).
double months_of(const util::Duration& d);

}  // namespace clausebook::check
