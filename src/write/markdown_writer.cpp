// Markdown: a clean CommonMark document, cover metadata as a table, numbered headings.
#include <cctype>

#include "lang/mustache.hpp"
#include "util/markdown.hpp"
#include "util/text.hpp"
#include "write/writer.hpp"

namespace clausebook::write {

namespace {

// GitHub's heading anchors: lower-case, spaces to '-', punctuation dropped.
std::string slug(const std::string& heading) {
    std::string out;
    for (unsigned char c : heading) {
        if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
        else if (c == ' ' || c == '-') out += '-';
        else if (c >= 0x80) out += static_cast<char>(c);
    }
    return out;
}

std::string cell(const std::string& s) { return lang::escape_markdown(s); }

// Rewrites `clause:` links to plain text with the computed number, and drops links whose
// scheme is not safe (keeping their text).
void resolve_links(cmark_node* root, const model::Document& doc) {
    std::vector<cmark_node*> links;
    cmark_iter* it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(it)) == CMARK_NODE_LINK) links.push_back(cmark_iter_get_node(it));
    cmark_iter_free(it);
    for (cmark_node* link : links) {
        std::string url = cmark_node_get_url(link) ? cmark_node_get_url(link) : "";
        bool is_ref = util::starts_with(url, "clause:");
        if (!is_ref && util::is_safe_url(url)) continue;
        if (is_ref) {
            std::string id = url.substr(7);
            bool empty_text = cmark_node_first_child(link) == nullptr;
            std::string extra = doc.find(id) ? (empty_text ? reference_text(doc, id) : " (section " + doc.number_of(id) + ")") : "";
            if (!extra.empty()) {
                cmark_node* t = cmark_node_new(CMARK_NODE_TEXT);
                cmark_node_set_literal(t, extra.c_str());
                cmark_node_append_child(link, t);
            }
        }
        // Unwrap: move the link's children before it, then remove it.
        while (cmark_node* child = cmark_node_first_child(link)) {
            cmark_node_unlink(child);
            cmark_node_insert_before(link, child);
        }
        cmark_node_free(link);
    }
}

}  // namespace

std::string write_markdown(const model::Document& doc, const WriteOptions&) {
    std::string out;
    out += "# " + cell(doc.meta.title) + "\n\n";
    out += "| | |\n| --- | --- |\n";
    for (const auto& row : cover_rows(doc.meta)) out += "| " + row.label + " | " + cell(row.value) + " |\n";
    out += "\n## Contents\n\n";
    for (std::size_t s = 0; s < doc.sections.size(); ++s) {
        const auto& sec = doc.sections[s];
        std::string num = std::to_string(s + 1);
        out += "- [" + num + " " + cell(sec.title) + "](#" + slug(num + " " + sec.title) + ")\n";
        for (std::size_t c = 0; c < sec.clauses.size(); ++c) {
            std::string cnum = num + "." + std::to_string(c + 1);
            out += "  - [" + cnum + " " + cell(sec.clauses[c].title) + "](#" + slug(cnum + " " + sec.clauses[c].title) + ")\n";
        }
    }
    for (std::size_t s = 0; s < doc.sections.size(); ++s) {
        const auto& sec = doc.sections[s];
        out += "\n## " + std::to_string(s + 1) + " " + cell(sec.title) + "\n";
        for (std::size_t c = 0; c < sec.clauses.size(); ++c) {
            const auto& cl = sec.clauses[c];
            out += "\n### " + std::to_string(s + 1) + "." + std::to_string(c + 1) + " " + cell(cl.title) + "\n\n";
            util::MarkdownTree tree = util::parse_markdown(cl.markdown);
            resolve_links(tree.get(), doc);
            std::string body = util::render_commonmark(tree.get());
            while (!body.empty() && body.back() == '\n') body.pop_back();
            out += body + "\n";
        }
    }
    return out;
}

}  // namespace clausebook::write
