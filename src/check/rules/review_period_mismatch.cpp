// review-period-mismatch: next_review is stated and disagrees with approved + review_period. A
// month-only next_review agrees when the derived date falls in that month.
#include "check/rules.hpp"

namespace clausebook::check::rules_impl {

void review_period_mismatch(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.subjects) {
        const auto& m = s.document.meta;
        auto next = s.next_review();
        if (!next || !m.approved || !m.review_period) continue;
        util::Date expected = util::add(*m.approved, *m.review_period);
        const util::LooseDate& stated = next->value;
        bool agrees = stated.month_only ? expected.year == stated.date.year && expected.month == stated.date.month : expected == stated.date;
        if (agrees) continue;
        util::LooseDate shown{expected, stated.month_only};
        if (stated.month_only) shown.date.day = util::days_in_month(expected.year, expected.month);
        add_finding(out, &s, next->pos,
                    "next_review " + util::to_iso(stated) + " disagrees with the approval on " + util::to_long(*m.approved) + " + " +
                        util::to_words(*m.review_period) + ", which gives " + util::to_iso(shown),
                    "correct next_review to " + util::to_iso(shown) + ", change review_period, or remove next_review to let it be derived");
    }
}

}  // namespace clausebook::check::rules_impl
