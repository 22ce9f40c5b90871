// Markdown: a clean CommonMark document, cover metadata as a table, numbered headings, and
// each clause's id in an invisible marker (see compare/policy_text.hpp, which reads it back).
#include <cctype>

#include "util/escape.hpp"
#include "util/markdown.hpp"
#include "util/text.hpp"
#include "write/clause_links.hpp"
#include "write/writer.hpp"

namespace clausebook::write {

namespace {

// GitHub's heading anchors: lower-case, spaces to '-', punctuation dropped.
std::string slug(const std::string& heading) {
    std::string out;
    for (unsigned char c : heading) {
        if (std::isalnum(c))
            out += static_cast<char>(std::tolower(c));
        else if (c == ' ' || c == '-')
            out += '-';
        else if (c >= 0x80)
            out += static_cast<char>(c);
    }
    return out;
}

std::string cell(const std::string& s) { return util::escape_markdown(s); }

// Raw HTML becomes text (it is escaped when rendered), unless the repository allows it.
void neutralise_html(const std::vector<cmark_node*>& nodes) {
    for (cmark_node* n : nodes) {
        bool block = cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK;
        cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
        std::string literal = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
        while (!literal.empty() && literal.back() == '\n') literal.pop_back();
        cmark_node_set_literal(text, literal.c_str());
        if (block) {
            cmark_node* para = cmark_node_new(CMARK_NODE_PARAGRAPH);
            cmark_node_append_child(para, text);
            cmark_node_insert_before(n, para);
        } else {
            cmark_node_insert_before(n, text);
        }
        cmark_node_free(n);
    }
}

// Turns `clause:` links (resolved by resolve_clause_links) into their plain text, drops links whose
// scheme is not safe (keeping their text), and replaces images with their description.
void resolve_links(cmark_node* root, bool allow_raw_html) {
    std::vector<cmark_node*> links, html, images;
    cmark_iter* it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it);
        auto type = cmark_node_get_type(n);
        if (type == CMARK_NODE_LINK) links.push_back(n);
        if (type == CMARK_NODE_IMAGE) images.push_back(n);
        if (!allow_raw_html && (type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK)) html.push_back(n);
    }
    cmark_iter_free(it);
    neutralise_html(html);
    // No external requests, as in HTML and Word: an image (a tracking pixel, a javascript: URL)
    // becomes its description.
    for (cmark_node* image : images) {
        auto text = [&](const char* literal) {
            cmark_node* t = cmark_node_new(CMARK_NODE_TEXT);
            cmark_node_set_literal(t, literal);
            cmark_node_insert_before(image, t);
        };
        text("[image: ");
        while (cmark_node* child = cmark_node_first_child(image)) {
            cmark_node_unlink(child);
            cmark_node_insert_before(image, child);
        }
        text("]");
        cmark_node_free(image);
    }
    for (cmark_node* link : links) {
        std::string url = cmark_node_get_url(link) ? cmark_node_get_url(link) : "";
        if (!clause_link_target(url) && util::is_safe_url(url)) continue;
        // Unwrap: move the link's children before it, then remove it.
        while (cmark_node* child = cmark_node_first_child(link)) {
            cmark_node_unlink(child);
            cmark_node_insert_before(link, child);
        }
        cmark_node_free(link);
    }
}

}  // namespace

std::string write_markdown(const model::Document& doc, const WriteOptions& options) {
    std::string out;
    out += "# " + cell(doc.meta.title) + "\n\n";
    // A draft says so before anything else (issue 13); the status is also the cover's first row,
    // which serves as the table's header row.
    if (doc.meta.draft()) out += "> **" + cell(model::status_line(doc.meta)) + ".** The board has not approved this text.\n\n";
    auto rows = cover_rows(doc.meta);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out += "| " + rows[i].label + " | " + cell(rows[i].value) + " |\n";
        if (i == 0) out += "| --- | --- |\n";
    }
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
    std::string layout;  // see link_context
    for (std::size_t s = 0; s < doc.sections.size(); ++s) {
        const auto& sec = doc.sections[s];
        out += "\n## " + std::to_string(s + 1) + " " + cell(sec.title) + "\n";
        for (std::size_t c = 0; c < sec.clauses.size(); ++c) {
            const auto& cl = sec.clauses[c];
            out += "\n### " + std::to_string(s + 1) + "." + std::to_string(c + 1) + " " + cell(cl.title) + "\n\n";
            auto body = cached_body<std::string>(
                options, "md", doc, cl.markdown, layout,
                [&] {
                    util::MarkdownTree tree = parse_clause_body(cl.markdown, doc);
                    resolve_links(tree.get(), options.allow_raw_html);
                    std::string text = util::render_commonmark(tree.get());
                    while (!text.empty() && text.back() == '\n') text.pop_back();
                    return text;
                },
                &string_size);
            out += *body;
            out += '\n';
            // The clause's id, as a link reference definition: invisible when the Markdown is
            // rendered, and what lets diff match the clauses of an approved copy by id.
            out += "\n[clause:" + cl.id + "]: #" + cl.id + "\n";
        }
    }
    return out;
}

}  // namespace clausebook::write
