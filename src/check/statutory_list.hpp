// The DfE's statutory policies as data (data/statutory-policies.yaml in the repository), plus a
// trust's own required policies (clausebook.yaml check.require): which policies a school of a
// given type and phase must keep, how often each must be reviewed where that is set, and which
// approval levels are allowed (rules statutory-policy-missing, statutory-review-period,
// approval-level).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/reference_data.hpp"
#include "util/date.hpp"
#include "util/diagnostics.hpp"
#include "util/source_files.hpp"

namespace clausebook::check {

using model::ApprovalLevel;
using model::StatutoryList;
using model::StatutoryPolicy;


// The level an approved_by text names ("Full governing board", "Curriculum committee",
// "Steve Piper, headteacher"), or nullopt when it names none of them.
std::optional<ApprovalLevel> approval_level_of(const std::string& approved_by);

// Months in a duration, for comparing review periods (a day counts as 1/30 of a month).
double months_of(const util::Duration& d);

}  // namespace clausebook::check
