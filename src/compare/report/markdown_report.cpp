// --format md: clean CommonMark with GFM tables, for meeting papers and wikis. The schools'
// metadata, the matrix, the counts, then each difference with its redline (~~deleted~~,
// **inserted**).
#include "compare/markup.hpp"
#include "compare/report/report.hpp"
#include "util/escape.hpp"

namespace clausebook::compare::report {

namespace {

std::string esc(const std::string& s) { return util::escape_markdown(s); }

std::string table_header(const Matrix& m, const std::string& first) {
    std::string out = "| " + first + " |";
    std::string rule = "| --- |";
    for (const auto& c : m.columns) {
        out += " " + esc(c.school_name) + " |";
        rule += " --- |";
    }
    return out + "\n" + rule + "\n";
}

}  // namespace

std::string write_markdown(const Matrix& m, const ReportOptions&) {
    bool registered = m.kind == Kind::register_entry;
    std::string intro = registered ? ": whether each school keeps this policy (one clausebook does not write: there is no text to compare), its approval, "
                                     "review and where the document is. Review dates as of "
                                   : ": each school's policy against the model wording, clause by clause. Review dates as of ";
    std::string out = "# " + esc(m.policy_title) + ": schools compared\n\n" + esc(m.trust_name) + intro + esc(util::to_long(m.today)) + ".\n\n## Schools\n\n" +
                      table_header(m, "");
    if (!m.columns.empty()) {
        auto labels = meta_rows(m.columns.front());
        for (std::size_t r = 0; r < labels.size(); ++r) {
            out += "| " + esc(labels[r].label) + " |";
            for (const auto& c : m.columns) out += " " + esc(meta_rows(c)[r].value) + " |";
            out += "\n";
        }
    }
    if (registered) {
        out += "\n## Summary\n\n";
        for (const auto& c : m.columns) {
            std::string line = esc(c.summary());
            out += "- **" + esc(c.school_name) + "**: " + (c.keeping == Keeping::gap ? "**" + line + "**" : line) + "\n";
        }
        return out;
    }
    out += "\n## Clauses\n\n" + table_header(m, "Clause");
    std::string section;
    for (const auto& row : m.rows) {
        if (row.section_title != section) {
            out += "| **" + esc(section = row.section_title) + "** |";
            for (std::size_t c = 0; c < m.columns.size(); ++c) out += " |";
            out += "\n";
        }
        out += "| " + esc(row.title) + " (`" + row.clause_id + "`) |";
        for (const auto& cell : row.cells) {
            std::string label = esc(cell_label(cell));
            out += " " + (cell.gap ? "**" + label + "**" : label) + " |";
        }
        out += "\n";
    }
    bool any_local = false;
    for (const auto& c : m.columns)
        for (const auto& l : c.locals) {
            if (!any_local)
                out +=
                    "\n## Local clauses\n\nClauses only one school has, where its policy places them.\n\n| School | Number | Clause | Placed in |\n| --- | --- "
                    "| --- | --- |\n";
            any_local = true;
            out += "| " + esc(c.school_name) + " | " + l.number + " | " + esc(l.title) + " (`" + l.clause_id + "`) | " + esc(l.section_title) + " |\n";
        }
    out += "\n## Counts\n\n";
    for (const auto& c : m.columns) out += "- **" + esc(c.school_name) + "**: " + esc(c.summary()) + "\n";

    bool any = false;
    for (const auto& row : m.rows)
        for (std::size_t c = 0; c < m.columns.size(); ++c) {
            const Cell& cell = row.cells[c];
            if (cell.status != Status::params && cell.status != Status::variant && cell.status != Status::reworded) continue;
            if (!any) out += "\n## Differences from the model wording\n";
            any = true;
            out += "\n### " + esc(row.title) + ", " + esc(m.columns[c].school_name) + " (" + cell.number + ")\n\n" + esc(cell_detail(cell)) + ".\n";
            if (cell.redline.changed()) out += "\n" + redline_markdown(cell.redline) + "\n";
        }
    return out;
}

}  // namespace clausebook::compare::report
