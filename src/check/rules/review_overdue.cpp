// review-overdue: the next review date has passed. A month-only date ("2022-04") is due by the
// end of that month, as governors read "review due April 2022".
#include "check/rules.hpp"

namespace clausebook::check::rules_impl {

void review_overdue(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.subjects) {
        const auto& m = s.document.meta;
        if (!m.next_review || !(m.next_review->date < ctx.today)) continue;
        long days = util::days_from_epoch(ctx.today) - util::days_from_epoch(m.next_review->date);
        std::string derived = m.next_review_derived && m.approved && m.review_period
                                  ? " (approved " + util::to_long(*m.approved) + " + " + util::to_words(*m.review_period) + ")"
                                  : "";
        add_finding(
            out, &s, s.review_pos(),
            "review of " + s.label() + " overdue since " + util::to_long(*m.next_review) + derived + ": " + std::to_string(days) +
                (days == 1 ? " day" : " days") + " past the review date",
            "review the policy, then record the approval: clausebook renew " + s.school->id + " " + s.policy_id() + " --approved YYYY-MM-DD --minute REF");
    }
}

}  // namespace clausebook::check::rules_impl
