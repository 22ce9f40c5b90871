// approval-level: a policy approved by a level (board, committee, headteacher) the DfE's list
// does not allow for it, read from approved_by ("Curriculum committee", "Full governing board",
// "the headteacher"). A text that names no level is not judged. Both kinds; points at approved_by.
#include "check/rules.hpp"

#include <algorithm>

namespace clausebook::check::rules_impl {

void approval_level(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.subjects) {
        const auto& m = s.document.meta;
        if (m.approved_by.empty()) continue;
        auto level = approval_level_of(m.approved_by);
        if (!level) continue;
        for (const auto& id : s.statutory_ids()) {
            const StatutoryPolicy* p = ctx.statutory.find(id);
            if (!p || p->approval.empty() || !p->applies(*s.school)) continue;
            if (std::find(p->approval.begin(), p->approval.end(), *level) != p->approval.end()) continue;
            const std::string allowed = allowed_levels(*p);
            add_finding(out, &s, s.approved_by_pos(),
                        s.label() + " was approved by '" + m.approved_by + "' (a " + approval_level_name(*level) +
                            "), but the DfE's list allows approval of '" + p->title + "' by the " + allowed + " only" +
                            (p->confirmed ? "" : " (entry not confirmed: see its note in data/statutory-policies.yaml)"),
                        "have it approved by the " + allowed + " at the next meeting, and record that with clausebook renew", id);
        }
    }
}

}  // namespace clausebook::check::rules_impl
