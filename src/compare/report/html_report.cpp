// --format html: one self-contained page a trust's board can read. Everything is inline (no
// request leaves the page), so it works offline and from an email attachment. Colour-coded
// cells with a legend (the label is always written too, so nothing depends on colour alone),
// sticky school headers, "show only differences" (CSS :has(), with a two-line script for
// browsers without it), and each reworded / params / variant cell a <details> that opens its
// redline without script. When printed: landscape, colours kept, every redline open.
#include "compare/markup.hpp"
#include "compare/report/report.hpp"
#include "util/html_shell.hpp"
#include "util/escape.hpp"

namespace clausebook::compare::report {

namespace {

using util::escape_html;

constexpr const char* k_style = R"CSS(
:root { --same:#e6f4ea; --params:#e3effd; --variant:#efe7fb; --reworded:#fff1c2; --missing:#eeeeee; --gap:#f9d0d3; --local:#fde2ef; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; margin: 0 1.5rem 2rem; }
h1 { font-size: 1.5rem; margin: 1.2rem 0 .2rem; }
.intro { margin: 0 0 .8rem; color: #444; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem .9rem; margin: .6rem 0; padding: 0; list-style: none; font-size: .9rem; }
.chip { display: inline-block; min-width: 5.5em; padding: .05rem .4rem; border: 1px solid #bbb; border-radius: 3px; text-align: center; }
.filter { display: inline-block; margin: .4rem 0 .8rem; font-weight: 600; cursor: pointer; }
table { border-collapse: separate; border-spacing: 0; font-size: .88rem; }
caption { text-align: left; font-weight: 600; padding: 0 0 .4rem; }
th, td { border-right: 1px solid #d0d0d0; border-bottom: 1px solid #d0d0d0; padding: .3rem .45rem; vertical-align: top; text-align: left; }
thead th { position: sticky; top: 0; z-index: 2; background: #263859; color: #fff; border-color: #1b2841; min-width: 9rem; }
thead th small { font-weight: normal; opacity: .85; }
th[scope=row] { position: sticky; left: 0; z-index: 1; background: #fafafa; font-weight: normal; min-width: 15rem; max-width: 22rem; }
thead th:first-child { left: 0; z-index: 3; }
th[scope=row] code { color: #555; font-size: .8rem; }
tr.section th { background: #dfe6f0; font-weight: 700; position: static; }
.locals th[scope=row] { position: static; min-width: 0; }
.locals caption { text-align: left; font-weight: 600; margin: .3rem 0; }
tbody.meta th[scope=row] { font-weight: 600; }
.s-same { background: var(--same); }
.s-params { background: var(--params); }
.s-variant { background: var(--variant); }
.s-reworded { background: var(--reworded); }
.s-missing { background: var(--missing); color: #555; }
.s-gap { background: var(--gap); font-weight: 700; color: #7a0010; }
.s-na { background: #fff; color: #595959; }
.s-local { background: var(--local); }
.moved { outline: 2px dashed #6b4f00; outline-offset: -3px; }
.r-overdue { background: var(--gap); font-weight: 700; color: #7a0010; }
.r-due-soon { background: var(--reworded); font-weight: 600; }
.r-fine { background: var(--same); }
.r-missing { background: var(--missing); }
details summary { cursor: pointer; }
.redline { white-space: pre-wrap; min-width: 18rem; max-width: 34rem; margin: .3rem 0 0; padding: .35rem; background: #fff; border: 1px solid #ccc; font-size: .85rem; }
.detail { margin: .25rem 0 0; font-size: .8rem; color: #333; max-width: 34rem; }
del { background: #fbd3d3; color: #8a1010; }
ins { background: #cdeccf; color: #0b5a1a; text-decoration: underline; }
tfoot td, tfoot th { font-size: .82rem; background: #f4f6fa; }
body.only-diff .no-diff { display: none; }
body:has(#only-diff:checked) .no-diff { display: none; }
@media print {
  @page { size: A4 landscape; margin: 1cm; }
  body { margin: 0; font-size: 10pt; }
  .filter { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead th, th[scope=row] { position: static; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
)CSS";

constexpr const char* k_script = R"JS(
document.getElementById('only-diff').addEventListener('change', function (e) { document.body.classList.toggle('only-diff', e.target.checked); });
window.addEventListener('beforeprint', function () { document.querySelectorAll('details').forEach(function (d) { d.open = true; }); });
)JS";

struct Legend {
    const char* css;
    const char* label;
    const char* meaning;
};

constexpr Legend k_legend[] = {
    {"s-same", "same", "the trust's model wording"},
    {"s-params", "params", "model wording, the school's own values"},
    {"s-variant", "variant", "a variant from the library"},
    {"s-reworded", "reworded", "the school's own wording"},
    {"s-local", "local", "only this school has it"},
    {"s-gap", "GAP", "a required clause left out"},
    {"s-missing", "left out", "an optional clause left out, or replaced"},
    {"s-na", "n/a", "does not apply to this school's audiences"},
};

std::string css_class(const Cell& c) {
    switch (c.status) {
    case Status::missing: return c.gap ? "s-gap" : c.why == "not-applicable" ? "s-na" : "s-missing";
    default: return std::string("s-") + status_name(c.status);
    }
}

// A difference for the filter: anything but the model wording or a clause that does not apply.
bool differs(const Cell& c) { return c.moved || !(c.status == Status::same || (c.status == Status::missing && c.why == "not-applicable")); }

std::string cell_html(const Cell& c) {
    std::string cls = css_class(c) + (c.moved ? " moved" : "");
    std::string out = "<td" + (cls.empty() ? std::string() : " class=\"" + cls + "\"") + " title=\"" + escape_html(cell_detail(c)) + "\">";
    std::string label = escape_html(cell_label(c));
    bool openable = c.status == Status::params || c.status == Status::variant || c.status == Status::reworded;
    if (openable) {
        out += "<details><summary>" + label + "</summary><p class=\"detail\">" + escape_html(cell_detail(c)) + "</p>";
        if (c.redline.changed()) out += "<div class=\"redline\">" + redline_html(c.redline) + "</div>";
        out += "</details>";
    } else {
        out += label;
    }
    return out + "</td>";
}

// The legend of a register policy's page: whether each school keeps it, and its review.
constexpr Legend k_register_legend[] = {
    {"s-same", "kept", "the school has a register entry for it"},
    {"s-missing", "not kept", "no entry, and nothing requires one"},
    {"s-gap", "missing: statutory", "no entry, and the statutory list or the trust requires one"},
    {"r-overdue", "overdue", "the next review date has passed"},
    {"r-due-soon", "due soon", "the next review falls due soon"},
    {"r-fine", "fine", "the next review is later"},
    {"r-missing", "missing", "no review date"},
};

}  // namespace

std::string write_html(const Matrix& m, const ReportOptions&) {
    bool registered = m.kind == Kind::register_entry;
    std::string title = m.policy_title + ": schools compared";
    std::string intro = registered ? ": whether each school keeps this policy (one clausebook does not write: there is no text to compare), its approval, "
                                     "review and where the document is. Review dates as of "
                                   : ": each school's policy against the model wording, clause by clause. Review dates as of ";
    std::string out = util::html_page_start({title, k_style, "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"}) + "<main>\n<h1>" +
                      escape_html(title) + "</h1>\n<p class=\"intro\">" + escape_html(m.trust_name) + intro + escape_html(util::to_long(m.today)) +
                      ".</p>\n<ul class=\"legend\" aria-label=\"Legend\">\n";
    if (registered) {
        for (const auto& l : k_register_legend) out += "<li><span class=\"chip " + std::string(l.css) + "\">" + l.label + "</span> " + l.meaning + "</li>\n";
        out += "</ul>\n<table>\n<caption>" + escape_html(m.policy_title) +
               ", school by school: a column for each school, a row for each fact of its register entry</caption>\n<thead><tr><th scope=\"col\">Entry</th>";
    } else {
        for (const auto& l : k_legend) out += "<li><span class=\"chip " + std::string(l.css) + "\">" + l.label + "</span> " + l.meaning + "</li>\n";
        out +=
            "<li><span class=\"chip moved\">moved</span> not in the outline's order</li>\n</ul>\n"
            "<label class=\"filter\"><input type=\"checkbox\" id=\"only-diff\"> Show only differences</label>\n<table>\n<caption>" +
            escape_html(m.policy_title) +
            ", clause by clause: a column for each school, a row for each clause</caption>\n<thead><tr><th scope=\"col\">Clause</th>";
    }
    for (const auto& c : m.columns) out += "<th scope=\"col\">" + escape_html(c.school_name) + "<br><small>" + escape_html(c.school_id) + "</small></th>";
    out += "</tr></thead>\n<tbody class=\"meta\">\n";
    if (!m.columns.empty()) {
        auto labels = meta_rows(m.columns.front());
        for (std::size_t r = 0; r < labels.size(); ++r) {
            out += "<tr><th scope=\"row\">" + escape_html(labels[r].label) + "</th>";
            for (const auto& c : m.columns) {
                MetaRow row = meta_rows(c)[r];
                std::string cls = row.tone.empty() ? "" : " class=\"" + row.tone + "\"";
                out += "<td" + cls + ">" + escape_html(row.value) + "</td>";
            }
            out += "</tr>\n";
        }
    }
    out += "</tbody>\n";
    std::size_t r = 0;
    while (r < m.rows.size()) {
        const std::string& heading = m.rows[r].section_title;
        std::string body;
        bool section_differs = false;
        for (; r < m.rows.size() && m.rows[r].section_title == heading; ++r) {
            const Row& row = m.rows[r];
            bool row_differs = false;
            for (const auto& cell : row.cells) row_differs = row_differs || differs(cell);
            section_differs = section_differs || row_differs;
            body += std::string("<tr") + (row_differs ? "" : " class=\"no-diff\"") + " id=\"" + escape_html(row.clause_id) + "\"><th scope=\"row\">" +
                    escape_html(row.title) + (row.required ? "" : " <small>(optional)</small>") + "<br><code>" + escape_html(row.clause_id) + "</code></th>";
            for (const auto& cell : row.cells) body += cell_html(cell);
            body += "</tr>\n";
        }
        out += std::string("<tbody") + (section_differs ? "" : " class=\"no-diff\"") + ">\n<tr class=\"section\"><th scope=\"rowgroup\" colspan=\"" +
               std::to_string(m.columns.size() + 1) + "\">" + escape_html(heading) + "</th></tr>\n" + body + "</tbody>\n";
    }
    out += std::string("<tfoot><tr><th scope=\"row\">") + (registered ? "Summary" : "Counts") + "</th>";
    for (const auto& c : m.columns) out += "<td>" + escape_html(c.summary()) + "</td>";
    out += "</tr></tfoot>\n</table>\n";
    std::string locals;
    for (const auto& c : m.columns)
        for (const auto& l : c.locals)
            locals += "<tr><td>" + escape_html(c.school_name) + "</td><td>" + escape_html(l.number) + "</td><th scope=\"row\">" + escape_html(l.title) +
                      "<br><code>" + escape_html(l.clause_id) + "</code></th><td>" + escape_html(l.section_title) + "</td></tr>\n";
    if (!locals.empty())
        out +=
            "<h2>Local clauses</h2>\n<table class=\"locals\">\n<caption>Clauses only one school has, where its policy places them</caption>\n"
            "<thead><tr><th scope=\"col\">School</th><th scope=\"col\">Number</th><th scope=\"col\">Clause</th><th scope=\"col\">Placed "
            "in</th></tr></thead>\n<tbody>\n" +
            locals + "</tbody>\n</table>\n";
    out += "</main>\n";
    if (!registered) out += "<script>" + std::string(k_script) + "</script>\n";
    out += util::html_page_end();
    return out;
}

}  // namespace clausebook::compare::report
