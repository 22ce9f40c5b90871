// stale-reference: wording that cites legislation, guidance or a service that has been replaced,
// from the repository's data/stale-references.yaml; applied to the library's clauses and to each
// school's own wording (overrides, local clauses, titles, text parameters), and to a parameter
// that names an edition (kcsie_edition) wherever it is set.
#include "check/rules.hpp"

#include <unordered_map>

namespace clausebook::check::rules_impl {

namespace {

std::string replaced_text(const StaleReference& r) {
    std::string out = "replaced by " + r.replaced_by;
    if (!r.since.empty()) out += " (since " + r.since + ")";
    return out;
}

std::string hint_text(const StaleReference& r) { return "cite " + r.replaced_by + " instead" + (r.source.empty() ? std::string() : "; see " + r.source); }

// Each distinct wording is searched once per run: schools share most of theirs (a trust's
// standard override, the same local clause), and the search is the rule's whole cost.
using StaleCache = std::unordered_map<std::string, std::vector<StaleMatch>>;

void scan(const Context& ctx, const Wording& w, std::vector<Finding>& out, StaleCache& cache) {
    auto it = cache.find(w.text);
    if (it == cache.end()) it = cache.emplace(w.text, find_stale(ctx.stale, w.text)).first;
    std::size_t n = 0;
    for (const auto& m : it->second)
        // Past the listed number, run_check only counts them: no need to find their line.
        add_finding(out, w.subject, ++n <= k_max_findings_per_rule_and_file ? ctx.locate(w, m.offset, m.text) : w.pos,
                    "'" + m.text + "' in " + w.what + ": " + m.ref->what + " has been " + replaced_text(*m.ref), hint_text(*m.ref), w.what + ":" + m.text);
}

void check_editions(const Context& ctx, const Subject* s, const std::vector<model::ParamValue>& values, std::vector<Finding>& out) {
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
    StaleCache cache;
    if (ctx.library) {
        for (const auto& w : ctx.library_wording()) scan(ctx, w, out, cache);
        check_editions(ctx, nullptr, ctx.repo.config.default_params, out);
    }
    for (const auto& s : ctx.subjects) {
        if (!s.outline) continue;  // a register entry: no wording here
        for (const auto& w : ctx.school_wording(s)) scan(ctx, w, out, cache);
        check_editions(ctx, &s, s.school->params, out);
        if (s.policy) check_editions(ctx, &s, s.policy->params, out);
    }
}

}  // namespace clausebook::check::rules_impl
