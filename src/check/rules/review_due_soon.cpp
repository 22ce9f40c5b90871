// review-due-soon: the next review falls within --due-within days, so it belongs on the agenda
// of the next governors' meeting.
#include "check/rules.hpp"

namespace clausebook::check::rules_impl {

void review_due_soon(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.subjects) {
        const auto& m = s.document.meta;
        if (!m.next_review || m.next_review->date < ctx.today) continue;
        long days = util::days_from_epoch(m.next_review->date) - util::days_from_epoch(ctx.today);
        if (days > ctx.due_within_days) continue;
        add_finding(out, &s, s.review_pos(),
                    "review of " + s.label() + " due " + (m.next_review->month_only ? "by the end of " : "on ") + util::to_long(*m.next_review) + ", in " +
                        std::to_string(days) + (days == 1 ? " day" : " days"),
                    "put it on the agenda of the governors' meeting before then");
    }
}

}  // namespace clausebook::check::rules_impl
