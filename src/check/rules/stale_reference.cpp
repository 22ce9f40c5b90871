// stale-reference: wording that cites legislation, guidance or a service that has been replaced,
// from the repository's data/stale-references.yaml; applied to the library's clauses and to each
// school's own wording (overrides, local clauses, titles, text parameters), and to a parameter
// that names an edition (kcsie_edition) wherever it is set.
#include "check/rules.hpp"

namespace clausebook::check::rules_impl {

namespace {

std::string replaced_text(const StaleReference& r) {
    std::string out = "replaced by " + r.replaced_by;
    if (!r.since.empty()) out += " (since " + r.since + ")";
    return out;
}

std::string hint_text(const StaleReference& r) {
    return "cite " + r.replaced_by + " instead" + (r.source.empty() ? std::string() : "; see " + r.source);
}

void scan(const Context& ctx, const Wording& w, std::vector<Finding>& out) {
    for (const auto& m : find_stale(ctx.stale, w.text))
        add_finding(out, w.subject, ctx.locate(w, m.offset, m.text),
                    "'" + m.text + "' in " + w.what + ": " + m.ref->what + " has been " + replaced_text(*m.ref), hint_text(*m.ref),
                    w.what + ":" + m.text);
}

void check_editions(const Context& ctx, const Subject* s, const std::vector<load::ParamValue>& values, std::vector<Finding>& out) {
    for (const auto& ref : ctx.stale.items)
        for (const auto& v : values) {
            if (v.name != ref.param) continue;
            std::string value = v.value.to_text();
            if (!stale_edition(ref, value)) continue;
            add_finding(out, s, v.pos, "'" + v.name + "' is " + value + ": " + ref.what + " has been " + replaced_text(ref), hint_text(ref), v.name);
        }
}

}  // namespace

void stale_reference(const Context& ctx, std::vector<Finding>& out) {
    if (ctx.library) {
        for (const auto& w : ctx.library_wording()) scan(ctx, w, out);
        check_editions(ctx, nullptr, ctx.repo.config.default_params, out);
    }
    for (const auto& s : ctx.subjects) {
        for (const auto& w : ctx.school_wording(s)) scan(ctx, w, out);
        check_editions(ctx, &s, s.school->params, out);
        if (s.policy) check_editions(ctx, &s, s.policy->params, out);
    }
}

}  // namespace clausebook::check::rules_impl
