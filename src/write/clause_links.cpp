#include "write/clause_links.hpp"

#include <string>
#include <vector>

#include "util/text.hpp"
#include "write/writer.hpp"

namespace clausebook::write {

namespace {

constexpr std::string_view k_scheme = "clause:";

void append_text(cmark_node* parent, const std::string& text) {
    cmark_node* t = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(t, text.c_str());
    cmark_node_append_child(parent, t);
}

// Moves the link's children before it and removes it.
void unwrap(cmark_node* link) {
    while (cmark_node* child = cmark_node_first_child(link)) {
        cmark_node_unlink(child);
        cmark_node_insert_before(link, child);
    }
    cmark_node_free(link);
}

}  // namespace

util::MarkdownTree parse_clause_body(std::string_view markdown, const model::Document& doc) {
    util::MarkdownTree tree = util::parse_markdown(markdown);
    resolve_clause_links(tree.get(), doc);
    return tree;
}

std::optional<std::string_view> clause_link_target(std::string_view url) {
    if (!util::starts_with(url, k_scheme)) return std::nullopt;
    return url.substr(k_scheme.size());
}

std::optional<ClausePosition> clause_position(const model::Document& doc, std::string_view clause_id) {
    for (std::size_t s = 0; s < doc.sections.size(); ++s)
        for (std::size_t c = 0; c < doc.sections[s].clauses.size(); ++c)
            if (doc.sections[s].clauses[c].id == clause_id) return ClausePosition{s, c};
    return std::nullopt;
}

void resolve_clause_links(cmark_node* root, const model::Document& doc) {
    // Gathered first: the tree is changed below, which an open iterator must not see.
    std::vector<cmark_node*> links;
    cmark_iter* it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_LINK) continue;
        const char* url = cmark_node_get_url(n);
        if (url && clause_link_target(url)) links.push_back(n);
    }
    cmark_iter_free(it);
    for (cmark_node* link : links) {
        const std::string id(*clause_link_target(cmark_node_get_url(link)));
        if (!doc.find(id)) {
            unwrap(link);
            continue;
        }
        bool has_words = cmark_node_first_child(link) != nullptr;
        append_text(link, has_words ? " (section " + doc.number_of(id) + ")" : reference_text(doc, id));
    }
}

}  // namespace clausebook::write
