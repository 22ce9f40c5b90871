// approval-level-unclear: an approved_by that names no level clausebook can read (board,
// committee or headteacher: "SLT", "Chair's action", "CEO"), for a policy whose approval level
// the DfE's list restricts, so that approval-level cannot judge it.
// Only where the level matters: an unreadable approver of any other policy is not a finding.
// Both kinds; points at approved_by.
#include "check/rules.hpp"

namespace clausebook::check::rules_impl {

void approval_level_unclear(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.subjects) {
        const auto& m = s.document.meta;
        if (m.approved_by.empty() || approval_level_of(m.approved_by)) continue;
        for (const auto& id : s.statutory_ids()) {
            const StatutoryPolicy* p = ctx.statutory.find(id);
            if (!p || !restricts_approval(*p) || !p->applies(*s.school)) continue;
            add_finding(out, &s, s.approved_by_pos(),
                        s.label() + " was approved by '" + m.approved_by +
                            "', which names no approval level clausebook reads (board, committee or headteacher), and the DfE's list allows approval of '" +
                            p->title + "' by the " + allowed_levels(*p) + " only",
                        "write approved_by as the minutes name the body, such as 'Full governing board', 'Curriculum committee' or 'Headteacher'", id);
            break;  // one finding for the entry, however many policies it covers
        }
    }
}

}  // namespace clausebook::check::rules_impl
