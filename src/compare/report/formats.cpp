// The format table and the wording every format shares.
#include "compare/markup.hpp"
#include "compare/report/report.hpp"
#include "util/text.hpp"

namespace clausebook::compare::report {

const std::vector<Format>& formats() {
    static const std::vector<Format> k_formats = {
        {"text", "a table for the terminal, then each difference with its words", &write_text},
        {"md", "Markdown: tables and redlines, for papers and wikis", &write_markdown},
        {"html", "one self-contained page: colour-coded matrix, filter, redlines", &write_html},
        {"json", "everything: one row per clause, a cell per school; each school's local clauses", &write_json},
        {"csv", "one row per clause, one column per school; each school's local clauses in one row", &write_csv},
    };
    return k_formats;
}

const Format* find_format(std::string_view name) {
    for (const auto& f : formats())
        if (f.name == name) return &f;
    return nullptr;
}

std::string cell_label(const Cell& c) {
    std::string s;
    switch (c.status) {
    case Status::reworded: s = "reworded " + percent(c.similarity); break;
    case Status::variant: s = "variant " + c.variant; break;
    case Status::missing: s = c.gap ? "GAP" : c.why == "not-applicable" ? "n/a" : c.why == "replaced" ? "replaced" : "left out"; break;
    default: s = status_name(c.status);
    }
    if (c.moved) s += " moved";
    return s;
}

std::string cell_detail(const Cell& c) {
    std::vector<std::string> params;
    for (const auto& p : c.params) params.push_back(p.name + " = " + p.value + " (trust default: " + p.default_value + ")");
    std::string ps = util::join(params, "; ");
    switch (c.status) {
    case Status::same: return "the trust's model wording";
    case Status::params: return "model wording with this school's values: " + ps;
    case Status::variant: return "the library's '" + c.variant + "' variant" + (ps.empty() ? "" : "; values: " + ps);
    case Status::reworded:
        return "the school's own wording (" + percent(c.similarity) + " similar to the library's)" + (c.title.empty() ? "" : ", titled '" + c.title + "'");
    case Status::missing:
        if (c.why == "not-applicable") return "does not apply: the policy does not cover this audience or case";
        if (c.why == "replaced") return "left out, with a local clause in its place";
        return c.gap ? "a required clause, left out with nothing in its place" : "an optional clause, left out";
    case Status::local: return "a clause only this school has";
    }
    return {};
}

std::string local_line(const LocalClause& l) {
    return l.number + " " + l.title + " (" + l.clause_id + "), in " + (l.section_title.empty() ? std::string("its policy") : "'" + l.section_title + "'");
}

std::string keeping_label(const Column& c) {
    switch (c.keeping) {
    case Keeping::kept: return "kept";
    case Keeping::covered: return "kept, in '" + c.meta.title + "' (" + c.covered_by + ")";
    case Keeping::not_kept: return "not kept";
    case Keeping::gap: return "missing: statutory";
    }
    return "kept";
}

namespace {

std::string next_review_text(const model::Metadata& m) {
    return m.next_review ? util::to_long(*m.next_review) + (m.next_review_derived ? " (approved + period)" : "") : "not set";
}

// A register entry's status rows (compare --policy <register id>): what a trust's data lead
// compares across schools for a policy clausebook does not write.
std::vector<MetaRow> register_rows(const Column& c) {
    const model::Metadata& m = c.meta;
    bool kept = c.keeping == Keeping::kept || c.keeping == Keeping::covered;
    std::string keeping_tone = kept ? "s-same" : c.keeping == Keeping::gap ? "s-gap" : "s-missing";
    std::vector<MetaRow> rows{
        {"Kept", keeping_label(c), keeping_tone},
        {"Required", c.required_by.empty() ? "no" : "yes, by " + c.required_by},
    };
    if (!kept) {
        for (const char* label :
             {"Policy title", "Category", "Approved on", "Approved by", "Minute", "Review period", "Next review", "Review status", "Location", "Owner"})
            rows.push_back({label, ""});
        return rows;
    }
    std::string review;
    switch (c.review.state) {
    case model::ReviewState::overdue: review = "overdue by " + std::to_string(c.review.days) + (c.review.days == 1 ? " day" : " days"); break;
    case model::ReviewState::due_soon: review = "due soon, in " + std::to_string(c.review.days) + (c.review.days == 1 ? " day" : " days"); break;
    case model::ReviewState::fine: review = "fine"; break;
    case model::ReviewState::missing: review = "missing review date"; break;
    }
    std::vector<MetaRow> more{
        {"Policy title", m.title},
        {"Category", m.category},
        {"Approved on", m.approved ? util::to_long(*m.approved) : "not recorded"},
        {"Approved by", m.approved_by.empty() ? "not recorded" : m.approved_by},
        {"Minute", m.minute.empty() ? "not recorded" : m.minute},
        {"Review period", m.review_period ? util::to_words(*m.review_period) : "not set"},
        {"Next review", next_review_text(m)},
        {"Review status", review, "r-" + std::string(model::review_state_name(c.review.state))},
        {"Location", m.location.empty() ? "not recorded" : m.location},
        {"Owner", m.owner.empty() ? "not recorded" : m.owner},
    };
    rows.insert(rows.end(), more.begin(), more.end());
    return rows;
}

}  // namespace

std::vector<MetaRow> meta_rows(const Column& c) {
    if (c.registered) return register_rows(c);
    const model::Metadata& m = c.meta;
    std::string next = next_review_text(m);
    std::string review = model::review_state_name(c.review.state);
    if (c.review.state == model::ReviewState::overdue) review += " by " + std::to_string(c.review.days) + " days";
    if (c.review.state == model::ReviewState::due_soon) review += ", in " + std::to_string(c.review.days) + " days";
    return {
        {"Policy title", m.title},
        // Every format's status row (issue 13): a draft's approval is the previous text's.
        {"Status", m.draft() ? model::status_line(m) : "Approved"},
        {"Approved on", m.approved ? util::to_long(*m.approved) + (m.draft() ? " (previous text)" : "") : "not recorded"},
        {"Approved by", m.approved_by.empty() ? "not recorded" : m.approved_by},
        {"Minute", m.minute.empty() ? "-" : m.minute},
        {"Review period", m.review_period ? util::to_words(*m.review_period) : "not set"},
        {"Next review", next},
        {"Review status", review, "r-" + std::string(model::review_state_name(c.review.state))},
        {"Audiences", c.audiences.empty() ? "-" : util::join(c.audiences, ", ")},
    };
}

}  // namespace clausebook::compare::report
