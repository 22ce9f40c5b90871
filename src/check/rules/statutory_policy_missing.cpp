// statutory-policy-missing: a policy the DfE's list (data/statutory-policies.yaml) or the trust
// (clausebook.yaml check.require) requires of a school of this type and phase, with no entry in
// the school's file: neither an outline it keeps (policies:) nor a register entry (register:),
// by id or by a register entry's `covers:`. Points at the school file's register: key.
#include "check/rules.hpp"

#include <set>

#include "util/text.hpp"

namespace clausebook::check::rules_impl {

void statutory_policy_missing(const Context& ctx, std::vector<Finding>& out) {
    for (const model::School* school : ctx.schools) {
        std::set<std::string> kept;
        for (const auto& p : school->policies) kept.insert(p.policy_id);
        for (const auto& e : school->register_entries) {
            kept.insert(e.id);
            for (const auto& c : e.covers) kept.insert(c.value);
        }
        for (const auto& p : ctx.statutory.policies) {
            if (kept.count(p.id) || !p.applies(*school)) continue;
            Finding f;
            f.pos = school->register_pos;
            f.school_id = school->id;
            f.policy_id = p.id;
            std::string who = p.trust ? "the trust requires (" + ctx.repo.config.path + ")"
                                      : "the DfE lists as statutory for " + util::with_article(school->type->value) + " school";
            f.message = school->name + " has no entry for '" + p.title + "', which " + who +
                        (p.confirmed ? "" : " (entry not confirmed: see its note in data/statutory-policies.yaml)");
            f.hint = "add it under register: as '" + p.id +
                     ":' with its title, category, approval and review dates, or list the entry that meets it with 'covers: [" + p.id + "]'";
            f.key = p.id;
            out.push_back(std::move(f));
        }
    }
}

}  // namespace clausebook::check::rules_impl
