// statutory-review-period: a policy reviewed less often than the DfE's list (or the trust's
// check.require) sets for it: a review period longer than annually, every 2, 3 or 4 years where
// that is required (not merely recommended). Both kinds of policy; points at review_period.
#include "check/rules.hpp"

namespace clausebook::check::rules_impl {

void statutory_review_period(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.subjects) {
        const auto& m = s.document.meta;
        if (!m.review_period) continue;
        for (const auto& id : s.statutory_ids()) {
            const StatutoryPolicy* p = ctx.statutory.find(id);
            if (!p || !p->review_required || !p->applies(*s.school)) continue;
            auto longest = p->longest_period();
            if (!longest || months_of(*m.review_period) <= months_of(*longest)) continue;
            std::string who = p->trust ? "the trust requires (" + ctx.repo.config.path + ")" : "the DfE's list sets for '" + p->title + "'";
            add_finding(out, &s, s.review_period_pos(),
                        s.label() + " is reviewed every " + util::to_words(*m.review_period) + ", longer than the " + util::to_words(*longest) + " " + who,
                        "set review_period: " + util::to_iso(*longest) +
                            " (or shorter); if the board has a reason, write it under waive: statutory-review-period: REASON",
                        id);
        }
    }
}

}  // namespace clausebook::check::rules_impl
