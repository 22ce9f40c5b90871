// Where a school's copy of a policy stands against its next review date: what compare's
// metadata block and counts line show. The same reading of dates as check's review-overdue and
// review-due-soon rules: a month-only date ("2022-04") is due by the end of that month.
#pragma once

#include <string>

#include "model/document.hpp"
#include "util/date.hpp"

namespace clausebook::model {

enum class ReviewState {
    missing,  // no next review date: none stated and none derivable (no approval or period)
    overdue,  // the next review date is before `today`
    due_soon,  // due within `due_within_days` days of `today` (inclusive)
    fine,  // due later than that
};

// "missing", "overdue", "due-soon", "fine": the names reports and JSON use.
const char* review_state_name(ReviewState s);

struct ReviewStatus {
    ReviewState state = ReviewState::missing;
    long days = 0;  // days overdue (overdue) or days left (due_soon, fine); 0 for missing
};

ReviewStatus review_status(const Metadata& meta, const util::Date& today, int due_within_days);

// For people: "review overdue since April 2022", "review due on 3 April 2026",
// "next review 3 April 2027", "no review date".
std::string describe_review(const Metadata& meta, const ReviewStatus& status);

}  // namespace clausebook::model
