// approval-in-future: an approval date after today is a typing mistake or a meeting that has not
// happened yet.
#include "check/rules.hpp"

namespace clausebook::check::rules_impl {

void approval_in_future(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.subjects) {
        if (!s.policy || !s.policy->approved || !(ctx.today < s.policy->approved->value)) continue;
        add_finding(out, &s, s.policy->approved->pos,
                    "approved " + util::to_long(s.policy->approved->value) + ", which is after today (" + util::to_long(ctx.today) + ")",
                    "correct the date; record an approval only once the meeting has taken place");
    }
}

}  // namespace clausebook::check::rules_impl
