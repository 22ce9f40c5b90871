#include "write/writer.hpp"

#include "util/date.hpp"
#include "util/text.hpp"

namespace clausebook::write {

const std::vector<Format>& formats() {
    static const std::vector<Format> k_formats = {
        {"md", "md", "Markdown (CommonMark with GitHub tables)", &write_markdown},
        {"html", "html", "one self-contained web page", &write_html},
        {"docx", "docx", "Word document", &write_docx},
        {"pdf", "pdf", "tagged PDF for the school's website", &write_pdf},
    };
    return k_formats;
}

const Format* find_format(std::string_view name) {
    for (const auto& f : formats())
        if (f.name == name) return &f;
    return nullptr;
}

std::vector<CoverRow> cover_rows(const model::Metadata& meta) {
    std::vector<CoverRow> rows;
    rows.push_back({"Status", meta.draft() ? model::status_line(meta) : "Approved"});
    rows.push_back({"School", meta.school_name});
    rows.push_back({"Policy", meta.title});
    if (meta.draft()) {
        // The last approval is of the previous text: said so, never as this text's.
        if (meta.approved) rows.push_back({"Previous text approved on", util::to_long(*meta.approved)});
        if (!meta.approved_by.empty()) rows.push_back({"Previous text approved by", meta.approved_by});
        if (!meta.minute.empty()) rows.push_back({"Previous approval minute", meta.minute});
    } else {
        rows.push_back({"Approved on", meta.approved ? util::to_long(*meta.approved) : "Not recorded"});
        rows.push_back({"Approved by", meta.approved_by.empty() ? "Not recorded" : meta.approved_by});
        if (!meta.minute.empty()) rows.push_back({"Minute", meta.minute});
    }
    rows.push_back({"Review period", meta.review_period ? util::to_words(*meta.review_period) : "Not set"});
    rows.push_back({"Next review", meta.next_review ? util::to_long(*meta.next_review) : "Not set"});
    return rows;
}

DocumentProperties document_properties(const model::Metadata& meta) {
    DocumentProperties p;
    p.title = meta.title;
    p.subject = meta.title + " of " + meta.school_name;
    p.creator = meta.school_name;
    p.keywords = {"policy", meta.policy_id, meta.school_name};
    if (!meta.trust_name.empty()) p.keywords.push_back(meta.trust_name);
    std::string& d = p.description;
    if (meta.draft()) {
        d = model::status_line(meta);
        if (meta.approved && !meta.approved_by.empty()) d += " by " + meta.approved_by;
        if (meta.approved && !meta.minute.empty()) d += ", minute " + meta.minute;
    } else {
        d = "Approved " + (meta.approved ? util::to_long(*meta.approved) : std::string("(date not recorded)"));
        if (!meta.approved_by.empty()) d += " by " + meta.approved_by;
        if (!meta.minute.empty()) d += ", minute " + meta.minute;
    }
    d += ". Next review: " + (meta.next_review ? util::to_long(*meta.next_review) : std::string("not set")) + ".";
    return p;
}

std::string keyword_list(const DocumentProperties& properties) { return util::join(properties.keywords, "; "); }

std::string changes_file(const model::Metadata& meta) {
    if (!meta.draft() || meta.approved_copy.empty()) return {};
    return meta.policy_id + ".changes.html";
}

std::string reference_text(const model::Document& doc, const std::string& clause_id) {
    const model::Clause* c = doc.find(clause_id);
    if (!c) return "the school's arrangements for this";
    return "section " + doc.number_of(clause_id) + " (" + c->title + ")";
}

}  // namespace clausebook::write
