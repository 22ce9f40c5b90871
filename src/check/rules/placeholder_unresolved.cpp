// placeholder-unresolved: text that was meant to be filled in and was not. Three kinds:
// a {{placeholder}} with no value for this school (found while assembling: "missing-value"),
// {{...}} typed into a value that is not a template (a parameter, a title), and the bracketed
// gaps of model policies: "[name of school]", "[insert date]", "XXXX".
#include <regex>

#include "util/regex_scan.hpp"

#include "check/rules.hpp"

namespace clausebook::check::rules_impl {

namespace {

const std::regex& gap_pattern() {
    static const std::regex k_gap(R"(\[\s*(?:name of|insert|enter|add |school name|date of|tbc|tba|xx|\.\.\.)[^\]\n]{0,60}\](?!\()|\bX{3,}\b)",
                                  std::regex::ECMAScript | std::regex::icase | std::regex::optimize);
    return k_gap;
}

const std::regex& tag_pattern() {
    static const std::regex k_tag(R"(\{\{[^\n]{0,80}?\}\})", std::regex::ECMAScript | std::regex::optimize);
    return k_tag;
}

// Whether `text` has three x's in a row, either case: the gap pattern's other alternative.
bool has_xxx(std::string_view text) {
    int run = 0;
    for (char c : text) {
        run = (c == 'x' || c == 'X') ? run + 1 : 0;
        if (run == 3) return true;
    }
    return false;
}

void scan(const Context& ctx, const Wording& w, std::vector<Finding>& out) {
    std::size_t n = 0;
    auto report = [&](const std::regex& re, const char* why, const char* hint) {
        util::for_each_match(w.text, re, [&](std::size_t at, const std::cmatch& m) {
            std::string found = m.str(0);
            // Past the listed number, run_check only counts them: no need to find their line.
            add_finding(out, w.subject, ++n <= k_max_findings_per_rule_and_file ? ctx.locate(w, at, found) : w.pos, "'" + found + "' in " + w.what + " " + why,
                        hint, w.what + ":" + found);
        });
    };
    // The regular expressions run only where they could match: most wording has no '[', no
    // "xxx" and no "{{", and the scan is the rule's whole cost.
    if (w.text.find('[') != std::string::npos || has_xxx(w.text))
        report(gap_pattern(), "was left to be filled in", "write the school's own details here, or use a placeholder such as {{school.name}}");
    if (!w.is_template && w.text.find("{{") != std::string::npos)
        report(tag_pattern(), "is not filled in: placeholders work only in clause text, overrides and local clauses", "write the value itself here");
}

}  // namespace

void placeholder_unresolved(const Context& ctx, std::vector<Finding>& out) {
    if (ctx.library)
        for (const auto& w : ctx.library_wording()) scan(ctx, w, out);
    for (const auto& s : ctx.subjects) {
        for (const auto& d : s.assembly.items())
            if (d.rule == "missing-value")
                add_finding(out, &s, d.pos, d.message, d.hint, d.pos.path + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col));
        for (const auto& w : ctx.school_wording(s)) scan(ctx, w, out);
    }
}

}  // namespace clausebook::check::rules_impl
