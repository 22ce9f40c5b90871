// The compare model: one policy, several schools, clause by clause (issue 6). Rows are the
// outline's clauses in order; columns are schools; each cell says where that school's wording of
// that clause came from and how it differs from the trust's model wording. A school's local
// clauses belong to its column alone (Column::locals), not to rows every school has a cell in:
// so the matrix, and every report of it, grows linearly with the number of schools, however many
// local clauses each has. Every report format (compare/report/) reads only this.
#pragma once

#include <string>
#include <vector>

#include "compare/defaults.hpp"
#include "compare/word_diff.hpp"
#include "model/repository.hpp"
#include "model/document.hpp"
#include "model/review.hpp"
#include "util/date.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::compare {

enum class Status {
    same,  // the library wording, rendering exactly as with the trust's default parameters
    params,  // the library wording, with parameter values that change its text
    variant,  // a named variant from the library
    reworded,  // the school's own wording for a library clause (an override)
    missing,  // not in the school's policy (see Cell::why and Cell::gap)
    local,  // a clause only this school has (counted per column; never a cell)
};

// "same", "params", "variant", "reworded", "missing", "local".
const char* status_name(Status s);

// What is compared: an outline clausebook writes (rows are its clauses), or a register entry
// (issue 17: a policy clausebook does not write, so there is no text and no clause rows; each
// school's column has only its status rows).
enum class Kind { outline, register_entry };

// "outline", "register": as JSON writes it.
const char* kind_name(Kind k);

// Whether a school keeps a register policy (Kind::register_entry).
enum class Keeping {
    kept,  // a register entry of this id
    covered,  // another of its register entries lists this id under `covers:`
    not_kept,  // no entry, and nothing requires one
    gap,  // no entry, and the statutory list for its type or the trust's check.require requires one
};

// "kept", "covered", "not-kept", "missing-statutory": as JSON writes it.
const char* keeping_name(Keeping k);

struct Cell {
    Status status = Status::same;
    bool moved = false;  // present, but not in the outline's order
    bool gap = false;  // missing, required, would apply, and nothing local stands in its place
    // For missing: "excluded" (the school left it out), "replaced" (left out, a local clause
    // placed before or after it), "not-applicable" (a condition of the outline does not hold:
    // an audience the school's policy does not cover).
    std::string why;
    std::string title;  // the title in this school's policy (overrides may rename)
    std::string number;  // "3.2" in this school's policy; empty when missing
    std::string variant;  // for variant
    std::vector<ParamChange> params;  // for params (and variant, when it also uses changed values)
    double similarity = 1.0;  // for reworded: the school's wording against the library's
    Redline redline;  // reworded: library -> school; params: trust default -> school; else empty
};

struct Row {
    std::string clause_id;
    std::string title;  // the library's
    std::string section_title;  // the outline section
    bool required = false;  // in the outline and not optional
    std::vector<Cell> cells;  // one per column
};

// A clause only this school has, where its policy places it.
struct LocalClause {
    std::string clause_id;
    std::string title;
    std::string section_title;  // the section it was placed in
    std::string number;  // "3.4" in this school's policy
};

struct Column {
    std::string school_id;
    std::string school_name;
    model::Metadata meta;
    model::ReviewStatus review;
    std::vector<std::string> audiences;
    std::vector<LocalClause> locals;  // in the order of the school's policy
    // Cells by status, indexed by Status; gaps and not-applicable counted apart from missing.
    std::size_t counts[6] = {};
    std::size_t gaps = 0;
    std::size_t not_applicable = 0;
    std::size_t moved = 0;
    // A register entry's column (Kind::register_entry): whether the school keeps it, and the
    // entry meta was read from (this id's, or the one that covers it).
    bool registered = false;
    Keeping keeping = Keeping::kept;
    std::string covered_by;  // covered: the id of the entry that covers it
    // Required of this school: "the DfE's list for a maintained school", "the trust
    // (clausebook.yaml check.require)"; empty when nothing requires it.
    std::string required_by;
    // "31 same, 3 reworded, 2 local, 1 gap; review overdue since April 2022". A register
    // column: "kept; review overdue since April 2022", "not kept", "missing: statutory".
    std::string summary() const;
};

struct Matrix {
    Kind kind = Kind::outline;
    std::string policy_id;
    std::string policy_title;  // the outline's; a register entry's: the first school's, else the statutory list's
    std::string trust_name;
    util::Date today;
    int due_within_days = 60;
    std::vector<Column> columns;
    std::vector<Row> rows;
    // True when any cell is not `same` (or is moved) or any school has a local clause.
    bool has_differences() const;
};

struct MatrixOptions {
    util::Date today;
    int due_within_days = 60;
    DiffOptions diff;
};

// Assembles each school's copy of `outline` and compares it with the library. Assembly problems
// (a placeholder with no value) go to `diags`.
Matrix build_matrix(const model::Repository& repo, const model::Outline& outline, const std::vector<const model::School*>& schools,
                    const MatrixOptions& options, util::Diagnostics& diags);

}  // namespace clausebook::compare
