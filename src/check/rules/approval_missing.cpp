// approval-missing: no approval date recorded for a policy the school has.
#include "check/rules.hpp"

namespace clausebook::check::rules_impl {

void approval_missing(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.subjects) {
        if (s.document.meta.approved) continue;
        add_finding(out, &s, s.where(), s.label() + " has no approval date",
                    "when the governors approve it, record it: clausebook renew " + s.school->id + " " + s.policy_id() + " --approved YYYY-MM-DD");
    }
}

}  // namespace clausebook::check::rules_impl
