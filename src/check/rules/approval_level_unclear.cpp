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
        std::vector<std::string> ids{s.policy_id()};
        if (s.entry)
            for (const auto& c : s.entry->covers) ids.push_back(c.value);
        for (const auto& id : ids) {
            const StatutoryPolicy* p = ctx.statutory.find(id);
            if (!p || p->approval.empty() || !p->applies(*s.school)) continue;
            std::string allowed;
            for (auto a : p->approval) allowed += (allowed.empty() ? "" : " or ") + std::string(approval_level_name(a));
            util::SourcePos pos = s.entry && s.entry->approved_by     ? s.entry->approved_by->pos
                                  : s.policy && s.policy->approved_by ? s.policy->approved_by->pos
                                                                      : s.where();
            add_finding(out, &s, pos,
                        s.label() + " was approved by '" + m.approved_by +
                            "', which names no approval level clausebook reads (board, committee or headteacher), and the DfE's list allows approval of '" +
                            p->title + "' by the " + allowed + " only",
                        "write approved_by as the minutes name the body, such as 'Full governing board', 'Curriculum committee' or 'Headteacher'", id);
            break;  // one finding for the entry, however many policies it covers
        }
    }
}

}  // namespace clausebook::check::rules_impl
