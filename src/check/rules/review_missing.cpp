// review-missing: a policy with no next review date, stated or derivable.
#include "check/rules.hpp"

namespace clausebook::check::rules_impl {

void review_missing(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.subjects) {
        const auto& m = s.document.meta;
        if (m.next_review) continue;
        std::string why = !m.approved ? "no next_review, and no approval date to count the review period from"
                                      : "no next_review, and no review period to count from the approval date";
        add_finding(out, &s, s.where(), s.label() + " has no review date: " + why,
                    "add 'next_review: YYYY-MM' under " + std::string(s.entry ? "register: " : "policies: ") + s.policy_id() +
                        ", or record the approval with "
                        "'clausebook renew " +
                        s.school->id + " " + s.policy_id() + " --approved YYYY-MM-DD'");
    }
}

}  // namespace clausebook::check::rules_impl
