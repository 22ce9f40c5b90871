// --format text: the changed clauses only, each with its redline, then a summary line.
#include "compare/markup.hpp"
#include "compare/redline/redline.hpp"

namespace clausebook::compare::redline {

namespace {

std::string indent(const std::string& text) {
    std::string out = "    ";
    for (char c : text) out += c == '\n' ? std::string("\n    ") : std::string(1, c);
    return out;
}

}  // namespace

std::string write_text(const PolicyDiff& d, const RedlineOptions& options) {
    std::string out = "--- " + d.label_a + ": " + d.title_a + "\n+++ " + d.label_b + ": " + d.title_b + "\n";
    if (!d.cover.empty()) {
        out += "\nCover\n";
        for (const auto& row : d.cover) out += "    " + row.label + ": " + redline_text(word_diff(row.value_a, row.value_b), options.color) + "\n";
    }
    for (const auto& c : d.clauses) {
        if (c.kind == ClauseDiff::Kind::same) continue;
        out += "\n" + clause_heading(c) + "  [" + c.id + "]\n";
        if (c.body.changed())
            out += indent(redline_text(c.body, options.color)) + "\n";
        else if (c.title.changed())
            out += "    (title only) " + redline_text(c.title, options.color) + "\n";
        else
            out += "    (wording unchanged)\n";
    }
    out += "\n" + summary(d) + "\n";
    return out;
}

}  // namespace clausebook::compare::redline
