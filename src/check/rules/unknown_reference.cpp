// unknown-reference: a school's exclude, variants, overrides or a local clause's place names a
// clause, variant or section that does not exist (a typing mistake, or a clause renamed in the
// library). The loader finds the same problems; check reports them as findings so that they
// reach CI reports with the rest (see Rule::takes_over).
#include <algorithm>

#include "check/rules.hpp"
#include "util/text.hpp"

namespace clausebook::check::rules_impl {

namespace {

std::string suggest(const std::string& id, const std::vector<std::string>& known, const std::string& otherwise) {
    std::string hint = util::did_you_mean(id, known);
    return hint.empty() ? otherwise : hint;
}

}  // namespace

void unknown_reference(const Context& ctx, std::vector<Finding>& out) {
    const std::vector<std::string> library = ctx.repo.clause_ids();
    const std::string listed = "'clausebook list clauses' lists the clause ids";
    for (const auto& s : ctx.subjects) {
        if (!s.policy) continue;
        const model::Outline& o = *s.outline;
        std::vector<std::string> in_outline;
        for (const auto& sec : o.sections)
            for (const auto& e : sec.clauses) in_outline.push_back(e.id);
        auto unknown = [&](const util::SourcePos& pos, const std::string& what, const std::string& id) {
            add_finding(out, &s, pos, what + " '" + id + "' is not in the clause library", suggest(id, library, listed), id);
        };
        for (const auto& x : s.policy->exclude) {
            if (!ctx.repo.clauses.count(x.value))
                unknown(x.pos, "excluded clause", x.value);
            else if (!o.entry(x.value))
                add_finding(out, &s, x.pos, "clause '" + x.value + "' is not part of policy '" + o.id + "', so it cannot be excluded",
                            suggest(x.value, in_outline, "remove it from exclude:"), x.value);
        }
        for (const auto& v : s.policy->variants) {
            if (!ctx.repo.clauses.count(v.clause_id)) {
                unknown(v.pos, "the clause given a variant,", v.clause_id);
                continue;
            }
            if (ctx.repo.clause(v.clause_id, v.variant)) continue;
            std::vector<std::string> names;
            for (const auto& c : ctx.repo.clauses.at(v.clause_id))
                if (!c.variant.empty()) names.push_back(c.variant);
            add_finding(out, &s, v.pos, "clause '" + v.clause_id + "' has no variant '" + v.variant + "'",
                        suggest(v.variant, names, names.empty() ? "it has no variants" : "its variants are: " + util::join(names, ", ")),
                        v.clause_id + "@" + v.variant);
        }
        for (const auto& ov : s.policy->overrides)
            if (!ctx.repo.clauses.count(ov.clause_id)) unknown(ov.pos, "overridden clause", ov.clause_id);
        std::vector<std::string> local_ids;
        for (const auto& l : s.policy->local) local_ids.push_back(l.id);
        for (const auto& l : s.policy->local) {
            const std::string& a = l.anchor_id.value;
            if (l.anchor == model::LocalClause::Anchor::section) {
                std::vector<std::string> sections;
                for (const auto& sec : o.sections) sections.push_back(sec.id);
                if (std::find(sections.begin(), sections.end(), a) == sections.end())
                    add_finding(out, &s, l.anchor_id.pos, "policy '" + o.id + "' has no section '" + a + "'",
                                suggest(a, sections, "its sections are: " + util::join(sections, ", ")), a);
            } else if (!o.entry(a) && std::find(local_ids.begin(), local_ids.end(), a) == local_ids.end()) {
                if (ctx.repo.clauses.count(a))
                    add_finding(out, &s, l.anchor_id.pos, "clause '" + a + "' is not part of policy '" + o.id + "'", suggest(a, in_outline, listed), a);
                else
                    unknown(l.anchor_id.pos, "clause", a);
            }
        }
    }
}

}  // namespace clausebook::check::rules_impl
