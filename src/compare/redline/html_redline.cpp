// --format html and html-side: one self-contained page (no requests leave it) with every
// changed clause, inline (<del>/<ins> in one text) or side by side (old | new).
#include "compare/markup.hpp"
#include "compare/redline/redline.hpp"
#include "util/escape.hpp"
#include "util/html_shell.hpp"

namespace clausebook::compare::redline {

namespace {

using util::escape_html;

constexpr const char* k_style = R"CSS(
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; max-width: 72rem; margin: 0 auto; padding: 0 1.5rem 2rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; } h2 code { font-size: .8rem; color: #555; font-weight: normal; }
.summary { color: #444; }
.text { white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #ccc; padding: .4rem .6rem; vertical-align: top; text-align: left; }
th { background: #eef1f6; }
del { background: #fbd3d3; color: #8a1010; }
ins { background: #cdeccf; color: #0b5a1a; }
@media print { body { max-width: none; } * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } h2 { break-after: avoid; } }
)CSS";

// The old side (kept and deleted) or the new side (kept and inserted) of a redline, as HTML.
std::string side_html(const Redline& r, Op keep) {
    Redline one;
    bool skipped = false;
    for (const auto& s : r.spans) {
        if (s.op != Op::equal && s.op != keep) {
            skipped = true;
            continue;
        }
        Span kept = s;
        // The space on either side of a change left out: show one.
        if (skipped && !one.spans.empty() && !one.spans.back().text.empty() && one.spans.back().text.back() == ' ' && !kept.text.empty() &&
            kept.text.front() == ' ')
            kept.text.erase(0, 1);
        skipped = false;
        one.spans.push_back(std::move(kept));
    }
    return redline_html(one);
}

std::string page(const PolicyDiff& d, const std::string& body) {
    std::string title = "Changes: " + d.title_b;
    return util::html_page_start({title, k_style, "default-src 'none'; style-src 'unsafe-inline'"}) + "<main>\n<h1>" + escape_html(title) +
           "</h1>\n<p class=\"summary\">From <strong>" + escape_html(d.label_a) + "</strong> to <strong>" + escape_html(d.label_b) +
           "</strong>: " + escape_html(summary(d)) + ". Deleted words are <del>struck through</del>, inserted words <ins>underlined</ins>.</p>\n" + body +
           "</main>\n" + std::string(util::html_page_end());
}

std::string cover_html(const PolicyDiff& d, bool side) {
    if (d.cover.empty()) return {};
    std::string out = "<h2>Cover</h2>\n<table>\n";
    for (const auto& row : d.cover) {
        Redline r = word_diff(row.value_a, row.value_b);
        out += "<tr><th scope=\"row\">" + escape_html(row.label) + "</th>" +
               (side ? "<td>" + side_html(r, Op::del) + "</td><td>" + side_html(r, Op::ins) + "</td>" : "<td>" + redline_html(r) + "</td>") + "</tr>\n";
    }
    return out + "</table>\n";
}

std::string heading(const ClauseDiff& c) {
    return "<h2 id=\"" + escape_html(c.id) + "\">" + escape_html(clause_heading(c)) + " <code>" + escape_html(c.id) + "</code></h2>\n";
}

}  // namespace

std::string write_html_inline(const PolicyDiff& d, const RedlineOptions&) {
    std::string body = cover_html(d, false);
    for (const auto& c : d.clauses) {
        if (c.kind == ClauseDiff::Kind::same) continue;
        body += heading(c);
        if (c.title.changed() && c.kind == ClauseDiff::Kind::changed) body += "<p>Title: " + redline_html(c.title) + "</p>\n";
        body += "<div class=\"text\">" + (c.body.changed() ? redline_html(c.body) : std::string("The wording is unchanged.")) + "</div>\n";
    }
    return page(d, body);
}

std::string write_html_side(const PolicyDiff& d, const RedlineOptions&) {
    std::string body = cover_html(d, true);
    for (const auto& c : d.clauses) {
        if (c.kind == ClauseDiff::Kind::same) continue;
        body += heading(c) + "<table>\n<tr><th scope=\"col\">" + escape_html(d.label_a) + "</th><th scope=\"col\">" + escape_html(d.label_b) +
                "</th></tr>\n<tr><td class=\"text\">" + side_html(c.body, Op::del) + "</td><td class=\"text\">" + side_html(c.body, Op::ins) +
                "</td></tr>\n</table>\n";
    }
    return page(d, body);
}

}  // namespace clausebook::compare::redline
