// --format md: the changed clauses only, ~~deleted~~ and **inserted**, for meeting papers.
#include "compare/markup.hpp"
#include "compare/redline/redline.hpp"
#include "util/escape.hpp"

namespace clausebook::compare::redline {

std::string write_markdown(const PolicyDiff& d, const RedlineOptions&) {
    auto esc = [](const std::string& s) { return util::escape_markdown(s); };
    std::string out = "# Changes: " + esc(d.title_b) + "\n\nFrom " + esc(d.label_a) + " to " + esc(d.label_b) + ": " + esc(summary(d)) +
                      ". Deleted words are ~~struck through~~, inserted words **in bold**.\n";
    if (!d.cover.empty()) {
        out += "\n## Cover\n\n| | |\n| --- | --- |\n";
        for (const auto& row : d.cover) out += "| " + esc(row.label) + " | " + redline_markdown(word_diff(row.value_a, row.value_b)) + " |\n";
    }
    for (const auto& c : d.clauses) {
        if (c.kind == ClauseDiff::Kind::same) continue;
        out += "\n## " + esc(clause_heading(c)) + "\n\n";
        if (c.title.changed() && c.kind == ClauseDiff::Kind::changed) out += "Title: " + redline_markdown(c.title) + "\n\n";
        out += (c.body.changed() ? redline_markdown(c.body) : std::string("The wording is unchanged.")) + "\n";
    }
    return out;
}

}  // namespace clausebook::compare::redline
