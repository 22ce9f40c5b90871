// approval-in-future: an approval date after today is a typing mistake or a meeting that has not
// happened yet.
#include "check/rules.hpp"

namespace clausebook::check::rules_impl {

void approval_in_future(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.subjects) {
        auto approved = s.approved();
        if (!approved || !(ctx.today < approved->value)) continue;
        add_finding(out, &s, approved->pos, "approved " + util::to_long(approved->value) + ", which is after today (" + util::to_long(ctx.today) + ")",
                    "correct the date; record an approval only once the meeting has taken place");
    }
}

}  // namespace clausebook::check::rules_impl
