#include "model/review.hpp"

namespace clausebook::model {

const char* review_state_name(ReviewState s) {
    switch (s) {
    case ReviewState::missing: return "missing";
    case ReviewState::overdue: return "overdue";
    case ReviewState::due_soon: return "due-soon";
    case ReviewState::fine: return "fine";
    }
    return "missing";
}

ReviewStatus review_status(const Metadata& meta, const util::Date& today, int due_within_days) {
    if (!meta.next_review) return {};
    long left = util::days_from_epoch(meta.next_review->date) - util::days_from_epoch(today);
    if (left < 0) return {ReviewState::overdue, -left};
    if (left <= due_within_days) return {ReviewState::due_soon, left};
    return {ReviewState::fine, left};
}

std::string describe_review(const Metadata& meta, const ReviewStatus& status) {
    if (!meta.next_review) return "no review date";
    std::string when = util::to_long(*meta.next_review);
    bool month = meta.next_review->month_only;
    switch (status.state) {
    case ReviewState::overdue: return "review overdue since " + when;
    case ReviewState::due_soon: return std::string("review due ") + (month ? "by the end of " : "on ") + when;
    case ReviewState::fine: return "next review " + when;
    case ReviewState::missing: break;
    }
    return "no review date";
}

}  // namespace clausebook::model
