// compare's report formats: one file per format, one row per format in formats(); each turns a
// Matrix into the bytes printed (or written with --output).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compare/matrix.hpp"

namespace clausebook::compare::report {

struct ReportOptions {
    bool color = false;  // text only: ANSI colours (stdout is a terminal and NO_COLOR is unset)
};

struct Format {
    std::string_view name;  // as given to --format
    std::string_view description;
    std::string (*write)(const Matrix&, const ReportOptions&);
};

const std::vector<Format>& formats();
const Format* find_format(std::string_view name);

std::string write_text(const Matrix& m, const ReportOptions& options);
std::string write_markdown(const Matrix& m, const ReportOptions& options);
std::string write_html(const Matrix& m, const ReportOptions& options);
std::string write_json(const Matrix& m, const ReportOptions& options);
std::string write_csv(const Matrix& m, const ReportOptions& options);

// What a cell says in a table: "same", "params", "variant first-school", "reworded 72%",
// "GAP", "left out", "replaced", "n/a"; " moved" appended when moved.
std::string cell_label(const Cell& c);

// The longer explanation a cell's tooltip or details carry: which parameters and their values,
// the variant, the similarity, why it is missing.
std::string cell_detail(const Cell& c);

// One of a school's local clauses in words: "3.4 Phones handed in (local.phones-handed-in), in
// 'Monitoring'".
std::string local_line(const LocalClause& l);

// The metadata rows every report shows per school: {label, value, tone}. Every column of one
// matrix has the same labels in the same order. A register entry's column (Column::registered)
// has its status rows instead: kept, required, title, category, approval, review, location, owner.
struct MetaRow {
    std::string label;
    std::string value;
    // The HTML class the cell takes ("r-overdue", "s-gap"), for the rows whose colour says
    // something the words also say; empty for the rest.
    std::string tone = {};
};
std::vector<MetaRow> meta_rows(const Column& c);

// Whether a school keeps a register policy, in words: "kept", "kept, in 'Safeguarding policy'
// (safeguarding)", "not kept", "missing: statutory".
std::string keeping_label(const Column& c);

}  // namespace clausebook::compare::report
