// --format json: everything, for a trust's own dashboards. One entry in "rows" per outline clause,
// each with "cells" keyed by school id; each school's own local clauses in its "local" list.
#include "compare/markup.hpp"
#include "compare/report/report.hpp"

namespace clausebook::compare::report {

namespace {

std::string opt(const std::string& s) { return s.empty() ? "null" : json_string(s); }

std::string cell_json(const Cell& c) {
    std::string out = "{\"status\": " + json_string(status_name(c.status)) + ", \"label\": " + json_string(cell_label(c)) +
                      ", \"number\": " + opt(c.number) + ", \"title\": " + opt(c.title) + ", \"moved\": " + (c.moved ? "true" : "false");
    if (c.status == Status::missing) out += ", \"gap\": " + std::string(c.gap ? "true" : "false") + ", \"why\": " + json_string(c.why);
    if (c.status == Status::variant) out += ", \"variant\": " + json_string(c.variant);
    if (!c.params.empty()) {
        out += ", \"params\": [";
        for (std::size_t i = 0; i < c.params.size(); ++i)
            out += std::string(i ? ", " : "") + "{\"name\": " + json_string(c.params[i].name) + ", \"value\": " + json_string(c.params[i].value) +
                   ", \"default\": " + json_string(c.params[i].default_value) + "}";
        out += "]";
    }
    if (c.status == Status::reworded) out += ", \"similarity\": " + std::to_string(c.similarity);
    if (c.redline.changed()) {
        out += ", \"redline\": [";
        for (std::size_t i = 0; i < c.redline.spans.size(); ++i) {
            const Span& s = c.redline.spans[i];
            out += std::string(i ? ", " : "") + "{\"op\": " + json_string(s.op == Op::equal ? "equal" : s.op == Op::del ? "delete" : "insert") +
                   ", \"text\": " + json_string(s.text) + "}";
        }
        out += "]";
    }
    return out + "}";
}

}  // namespace

std::string write_json(const Matrix& m, const ReportOptions&) {
    std::string out = "{\n  \"policy\": " + json_string(m.policy_id) + ",\n  \"title\": " + json_string(m.policy_title) +
                      ",\n  \"trust\": " + json_string(m.trust_name) + ",\n  \"today\": " + json_string(util::to_iso(m.today)) +
                      ",\n  \"due_within_days\": " + std::to_string(m.due_within_days) + ",\n  \"schools\": [";
    for (std::size_t i = 0; i < m.columns.size(); ++i) {
        const Column& c = m.columns[i];
        const model::Metadata& meta = c.meta;
        out += std::string(i ? "," : "") + "\n    {\"id\": " + json_string(c.school_id) + ", \"name\": " + json_string(c.school_name) +
               ", \"title\": " + json_string(meta.title) + ", \"status\": " + json_string(model::approval_state_name(meta.state)) +
               ", \"status_text\": " + json_string(model::status_line(meta)) + ", \"approved\": " + (meta.approved ? json_string(util::to_iso(*meta.approved)) : "null") +
               ", \"approved_by\": " + opt(meta.approved_by) + ", \"minute\": " + opt(meta.minute) +
               ", \"review_period\": " + (meta.review_period ? json_string(util::to_iso(*meta.review_period)) : "null") +
               ", \"next_review\": " + (meta.next_review ? json_string(util::to_iso(*meta.next_review)) : "null") +
               ", \"next_review_derived\": " + (meta.next_review_derived ? "true" : "false") +
               ", \"review_status\": " + json_string(model::review_state_name(c.review.state)) + ", \"review_days\": " + std::to_string(c.review.days) +
               ", \"audiences\": [";
        for (std::size_t a = 0; a < c.audiences.size(); ++a) out += std::string(a ? ", " : "") + json_string(c.audiences[a]);
        out += "], \"counts\": {";
        for (int s = 0; s < 6; ++s) out += std::string(s ? ", " : "") + json_string(status_name(static_cast<Status>(s))) + ": " + std::to_string(c.counts[s]);
        out += ", \"gap\": " + std::to_string(c.gaps) + ", \"not_applicable\": " + std::to_string(c.not_applicable) + ", \"moved\": " + std::to_string(c.moved) +
               "}, \"summary\": " + json_string(c.summary()) + ", \"local\": [";
        for (std::size_t l = 0; l < c.locals.size(); ++l) {
            const LocalClause& lc = c.locals[l];
            out += std::string(l ? ", " : "") + "{\"clause\": " + json_string(lc.clause_id) + ", \"title\": " + json_string(lc.title) +
                   ", \"section\": " + json_string(lc.section_title) + ", \"number\": " + json_string(lc.number) + "}";
        }
        out += "]}";
    }
    out += "\n  ],\n  \"rows\": [";
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
        const Row& row = m.rows[r];
        out += std::string(r ? "," : "") + "\n    {\"clause\": " + json_string(row.clause_id) + ", \"title\": " + json_string(row.title) +
               ", \"section\": " + json_string(row.section_title) + ", \"required\": " + (row.required ? "true" : "false") +
               ", \"cells\": {";
        for (std::size_t c = 0; c < m.columns.size(); ++c)
            out += std::string(c ? ", " : "") + "\n      " + json_string(m.columns[c].school_id) + ": " + cell_json(row.cells[c]);
        out += "}}";
    }
    out += "\n  ]\n}\n";
    return out;
}

}  // namespace clausebook::compare::report
