// --format csv (RFC 4180, formulas neutralised: util/csv): a header, the schools' metadata as
// rows whose first cell is in brackets ("[review status]"), then one row per clause; per school
// two columns, the cell's label and its detail; then one row, "[local clauses]", whose cell for
// each school lists the clauses only it has (so the sheet grows linearly with the schools). A
// register policy (no text) has the metadata rows (its status rows) and the summary alone.
#include "compare/markup.hpp"
#include "compare/report/report.hpp"
#include "util/csv.hpp"
#include "util/text.hpp"

namespace clausebook::compare::report {

std::string write_csv(const Matrix& m, const ReportOptions&) {
    std::string out;
    std::vector<std::string> header{"clause", "title", "section", "required"};
    for (const auto& c : m.columns) {
        header.push_back(c.school_id);
        header.push_back(c.school_id + " detail");
    }
    util::csv_row(out, header);
    if (!m.columns.empty()) {
        auto rows = meta_rows(m.columns.front());
        for (std::size_t r = 0; r < rows.size(); ++r) {
            std::vector<std::string> cells{"[" + rows[r].label + "]", "", "", ""};
            for (const auto& c : m.columns) {
                cells.push_back(meta_rows(c)[r].value);
                cells.push_back("");
            }
            util::csv_row(out, cells);
        }
        std::vector<std::string> cells{"[summary]", "", "", ""};
        for (const auto& c : m.columns) {
            cells.push_back(c.summary());
            cells.push_back("");
        }
        util::csv_row(out, cells);
    }
    for (const auto& row : m.rows) {
        std::vector<std::string> cells{row.clause_id, row.title, row.section_title, row.required ? "yes" : "no"};
        for (const auto& cell : row.cells) {
            cells.push_back(cell_label(cell));
            cells.push_back(cell_detail(cell));
        }
        util::csv_row(out, cells);
    }
    if (!m.columns.empty() && m.kind == Kind::outline) {
        std::vector<std::string> cells{"[local clauses]", "", "", ""};
        for (const auto& c : m.columns) {
            std::vector<std::string> lines;
            for (const auto& l : c.locals) lines.push_back(local_line(l));
            cells.push_back(std::to_string(c.locals.size()) + " local");
            cells.push_back(util::join(lines, "\n"));
        }
        util::csv_row(out, cells);
    }
    return out;
}

}  // namespace clausebook::compare::report
