// required-clause-missing: the school excludes a clause its outline requires (not marked
// `optional: true`), where it would otherwise apply, and puts no clause of its own in its place.
// A local clause placed `before:` or `after:` the excluded clause counts as its replacement.
#include <algorithm>

#include "assemble/assembler.hpp"
#include "check/rules.hpp"
#include "lang/condition.hpp"

namespace clausebook::check::rules_impl {

namespace {

bool replaced(const model::SchoolPolicy& p, const std::string& id) {
    return std::any_of(p.local.begin(), p.local.end(),
                       [&](const model::LocalClause& l) { return l.anchor != model::LocalClause::Anchor::section && l.anchor_id.value == id; });
}

}  // namespace

void required_clause_missing(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.subjects) {
        if (!s.policy || s.policy->exclude.empty()) continue;
        model::Value values = assemble::make_context(ctx.repo, *s.school, *s.outline, s.document.meta);
        for (const auto& sec : s.outline->sections) {
            if (sec.when && !lang::evaluate(*sec.when, values)) continue;
            for (const auto& e : sec.clauses) {
                if (e.optional || (e.when && !lang::evaluate(*e.when, values))) continue;
                const model::ClauseFile* file = ctx.repo.clause(e.id);
                if (file && file->when && !lang::evaluate(*file->when, values)) continue;
                for (const auto& x : s.policy->exclude) {
                    if (x.value != e.id || replaced(*s.policy, e.id)) continue;
                    add_finding(
                        out, &s, x.pos,
                        "required clause '" + e.id + "' (" + (file ? file->title : e.id) + ") is excluded from " + s.label() + " and nothing replaces it",
                        "give the school's own wording under overrides: instead, add a local clause before: or after: it, "
                        "or waive the rule with the board's reason",
                        e.id);
                }
            }
        }
    }
}

}  // namespace clausebook::check::rules_impl
