// --format json: everything, for a trust's own dashboards. One entry in "rows" per outline clause,
// each with "cells" keyed by school id; each school's own local clauses in its "local" list.
// Schools and rows are written one at a time (util::JsonObjectWriter). "kind" says which: an
// "outline", or a "register" entry (a policy clausebook does not write: no rows, and each school
// says whether it keeps it, with its entry's status).
#include "compare/markup.hpp"
#include "compare/report/report.hpp"
#include "util/json.hpp"

namespace clausebook::compare::report {

namespace {

using util::Json;

Json or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

template <class T>
Json iso_or_null(const std::optional<T>& v) {
    return v ? Json(util::to_iso(*v)) : Json(nullptr);
}

Json cell_json(const Cell& c) {
    Json out{{"status", status_name(c.status)}, {"label", cell_label(c)}, {"number", or_null(c.number)}, {"title", or_null(c.title)}, {"moved", c.moved}};
    if (c.status == Status::missing) {
        out["gap"] = c.gap;
        out["why"] = c.why;
    }
    if (c.status == Status::variant) out["variant"] = c.variant;
    if (!c.params.empty()) {
        Json params = Json::array();
        for (const auto& p : c.params) params.push_back(Json{{"name", p.name}, {"value", p.value}, {"default", p.default_value}});
        out["params"] = std::move(params);
    }
    if (c.status == Status::reworded) out["similarity"] = c.similarity;
    if (c.redline.changed()) {
        Json spans = Json::array();
        for (const Span& s : c.redline.spans)
            spans.push_back(Json{{"op", s.op == Op::equal ? "equal" : s.op == Op::del ? "delete" : "insert"}, {"text", s.text}});
        out["redline"] = std::move(spans);
    }
    return out;
}

Json school_json(const Column& c) {
    const model::Metadata& meta = c.meta;
    Json counts = Json::object();
    for (int s = 0; s < 6; ++s) counts[status_name(static_cast<Status>(s))] = c.counts[s];
    counts["gap"] = c.gaps;
    counts["not_applicable"] = c.not_applicable;
    counts["moved"] = c.moved;
    Json locals = Json::array();
    for (const LocalClause& lc : c.locals)
        locals.push_back(Json{{"clause", lc.clause_id}, {"title", lc.title}, {"section", lc.section_title}, {"number", lc.number}});
    return Json{{"id", c.school_id},
                {"name", c.school_name},
                {"title", meta.title},
                {"status", model::approval_state_name(meta.state)},
                {"status_text", model::status_line(meta)},
                {"approved", iso_or_null(meta.approved)},
                {"approved_by", or_null(meta.approved_by)},
                {"minute", or_null(meta.minute)},
                {"review_period", iso_or_null(meta.review_period)},
                {"next_review", iso_or_null(meta.next_review)},
                {"next_review_derived", meta.next_review_derived},
                {"review_status", model::review_state_name(c.review.state)},
                {"review_days", c.review.days},
                {"audiences", c.audiences},
                {"counts", std::move(counts)},
                {"summary", c.summary()},
                {"local", std::move(locals)}};
}

// A register policy's column: whether the school keeps it and its entry's status rows.
Json register_school_json(const Column& c) {
    const model::Metadata& meta = c.meta;
    bool kept = c.keeping == Keeping::kept || c.keeping == Keeping::covered;
    Json out{
        {"id", c.school_id}, {"name", c.school_name}, {"kept", keeping_name(c.keeping)}, {"label", keeping_label(c)}, {"required_by", or_null(c.required_by)}};
    if (kept) {
        out["entry"] = meta.policy_id;
        out["title"] = meta.title;
        out["category"] = or_null(meta.category);
        out["approved"] = iso_or_null(meta.approved);
        out["approved_by"] = or_null(meta.approved_by);
        out["minute"] = or_null(meta.minute);
        out["review_period"] = iso_or_null(meta.review_period);
        out["next_review"] = iso_or_null(meta.next_review);
        out["next_review_derived"] = meta.next_review_derived;
        out["review_status"] = model::review_state_name(c.review.state);
        out["review_days"] = c.review.days;
        out["location"] = or_null(meta.location);
        out["owner"] = or_null(meta.owner);
    }
    out["summary"] = c.summary();
    return out;
}

}  // namespace

std::string write_json(const Matrix& m, const ReportOptions&) {
    util::JsonObjectWriter out;
    out.member("kind", kind_name(m.kind));
    out.member("policy", m.policy_id);
    out.member("title", m.policy_title);
    out.member("trust", m.trust_name);
    out.member("today", util::to_iso(m.today));
    out.member("due_within_days", m.due_within_days);
    out.begin_array("schools");
    for (const Column& c : m.columns) out.element(m.kind == Kind::register_entry ? register_school_json(c) : school_json(c));
    out.end_array();
    out.begin_array("rows");
    for (const Row& row : m.rows) {
        // Appended, not assigned by key: an ordered object looks a key up by scanning its members,
        // which for thousands of schools would make each row quadratic. School ids are unique.
        Json cells = Json::object();
        auto& members = static_cast<std::vector<std::pair<const std::string, Json>>&>(cells.get_ref<Json::object_t&>());
        members.reserve(m.columns.size());
        for (std::size_t c = 0; c < m.columns.size(); ++c) members.emplace_back(m.columns[c].school_id, cell_json(row.cells[c]));
        out.element(
            Json{{"clause", row.clause_id}, {"title", row.title}, {"section", row.section_title}, {"required", row.required}, {"cells", std::move(cells)}});
    }
    out.end_array();
    return out.finish();
}

}  // namespace clausebook::compare::report
