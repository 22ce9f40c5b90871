// The format table and the wording every diff format shares.
#include "compare/redline/redline.hpp"

namespace clausebook::compare::redline {

const std::vector<Format>& formats() {
    static const std::vector<Format> k_formats = {
        {"text", "[-deleted-]{+inserted+} for the terminal (coloured when it is one)", false, &write_text},
        {"md", "Markdown: ~~deleted~~ **inserted**", false, &write_markdown},
        {"html", "one page, changes inline", false, &write_html_inline},
        {"html-side", "one page, old and new side by side", false, &write_html_side},
        {"docx", "a Word document of the new wording with the changes as tracked changes", true, &write_docx},
    };
    return k_formats;
}

const Format* find_format(std::string_view name) {
    for (const auto& f : formats())
        if (f.name == name) return &f;
    return nullptr;
}

std::string clause_heading(const ClauseDiff& c) {
    if (c.kind == ClauseDiff::Kind::removed) return "(removed) " + c.number_a + " " + c.title_a;
    if (c.kind == ClauseDiff::Kind::added) return "(added) " + c.number_b + " " + c.title_b;
    std::string number = c.number_a == c.number_b ? c.number_b : c.number_a + " \xE2\x86\x92 " + c.number_b;
    std::string title = c.title_a == c.title_b ? c.title_b : c.title_a + " \xE2\x86\x92 " + c.title_b;
    return number + " " + title + (c.moved ? " (moved)" : "");
}

std::string summary(const PolicyDiff& d) {
    using K = ClauseDiff::Kind;
    auto n = [&](K k) { return std::to_string(d.count(k)); };
    std::string s = n(K::changed) + (d.count(K::changed) == 1 ? " clause" : " clauses") + " changed, " + n(K::added) + " added, " + n(K::removed) +
                    " removed, " + n(K::same) + " unchanged";
    if (!d.cover.empty()) s += "; cover: " + std::to_string(d.cover.size()) + (d.cover.size() == 1 ? " row differs" : " rows differ");
    return s;
}

}  // namespace clausebook::compare::redline
