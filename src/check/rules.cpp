#include "check/rules.hpp"

namespace clausebook::check {

using util::Severity;
namespace r = rules_impl;

// Where the rules come from: issue 5 ("Review dates in CI and at the governors' meeting").
const std::vector<Rule>& rules() {
    static const std::vector<Rule> k_rules = {
        {"review-missing", Severity::error, "no next review date, and no approval date and review period to derive one from", &r::review_missing},
        {"review-overdue", Severity::error, "the next review date is before today (a month means its last day)", &r::review_overdue},
        {"review-due-soon", Severity::warning, "the next review date is within --due-within days (default 60)", &r::review_due_soon},
        {"review-period-mismatch", Severity::warning, "a stated next review disagrees with approval date + review period", &r::review_period_mismatch},
        {"approval-missing", Severity::warning, "no approval date is recorded for the policy", &r::approval_missing},
        {"approval-in-future", Severity::error, "the approval date is after today", &r::approval_in_future},
        {"approved-text-changed", Severity::warning, "the text differs from the approved copy kept under approved/: the board has not seen it",
         &r::approved_text_changed},
        {"approved-text-unknown", Severity::warning, "an approval date with no approved copy of that date under approved/: what was approved is unknown",
         &r::approved_text_unknown},
        {"required-clause-missing", Severity::error, "a required clause of the outline is excluded without a replacement", &r::required_clause_missing},
        {"unknown-reference",
         Severity::error,
         "exclude, variants, overrides or a local clause's place name an id that does not exist",
         &r::unknown_reference,
         false,
         {"unknown-clause", "unknown-variant", "unknown-section"}},
        {"placeholder-unresolved",
         Severity::error,
         "a {{placeholder}} without a value, or text such as [name of school], is left in the wording",
         &r::placeholder_unresolved,
         true,
         {"missing-value"}},
        {"param-out-of-range", Severity::warning, "a parameter is outside the range its outline allows", &r::param_out_of_range, true, {"param-out-of-range"}},
        {"stale-reference", Severity::warning, "wording cites law, guidance or a service that has been replaced (data/stale-references.yaml)",
         &r::stale_reference, true},
        {"kcsie-edition-outdated", Severity::warning, "kcsie_edition is older than the edition in force on --today (data/kcsie-editions.yaml)",
         &r::kcsie_edition_outdated},
        {"school-name-inconsistent", Severity::warning, "the school's own wording spells the school's name differently from its file",
         &r::school_name_inconsistent},
        {"statutory-policy-missing", Severity::error,
         "a policy the DfE's list (data/statutory-policies.yaml) or check.require asks of a school of this type and phase has no entry in its file",
         &r::statutory_policy_missing},
        {"statutory-review-period", Severity::error, "a review period longer than the DfE's list or check.require sets for that policy",
         &r::statutory_review_period},
        {"approval-level", Severity::warning, "approved by a level (board, committee, headteacher) the DfE's list does not allow for that policy",
         &r::approval_level},
        {"approval-level-unclear", Severity::info,
         "approved_by names no level clausebook reads (board, committee, headteacher) for a policy whose approval level the DfE's list restricts",
         &r::approval_level_unclear},
        {"register-location-missing", Severity::warning, "a register entry's document is a path in the repository where there is no file",
         &r::register_location_missing},
    };
    return k_rules;
}

const Rule* find_rule(std::string_view id) {
    for (const auto& rule : rules())
        if (rule.id == id) return &rule;
    return nullptr;
}

}  // namespace clausebook::check
