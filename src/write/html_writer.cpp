// HTML: one self-contained page from the page template, with a linked table of contents,
// numbered headings and a print stylesheet. Clause Markdown is walked node by node, so that raw
// HTML is shown as text, links keep only safe schemes, and cross-references get numbers.
#include <map>

#include "lang/mustache.hpp"
#include "util/escape.hpp"
#include "util/markdown.hpp"
#include "util/text.hpp"
#include "write/html_page.hpp"
#include "write/clause_links.hpp"
#include "write/writer.hpp"

#include <cmark-gfm-core-extensions.h>

namespace clausebook::write {

namespace {

using util::escape_html;

class HtmlRenderer {
public:
    HtmlRenderer(const model::Document& doc, const WriteOptions& options) : m_doc(doc), m_options(options) {}

    std::string render(const std::string& markdown) {
        m_out.clear();
        util::MarkdownTree tree = parse_clause_body(markdown, m_doc);
        cmark_iter* it = cmark_iter_new(tree.get());
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) node(cmark_iter_get_node(it), ev == CMARK_EVENT_ENTER);
        cmark_iter_free(it);
        return m_out;
    }

private:
    static bool in_tight_list(cmark_node* paragraph) {
        cmark_node* item = cmark_node_parent(paragraph);
        if (!item || cmark_node_get_type(item) != CMARK_NODE_ITEM) return false;
        cmark_node* list = cmark_node_parent(item);
        return list && cmark_node_get_list_tight(list);
    }

    void literal(cmark_node* n) {
        const char* s = cmark_node_get_literal(n);
        if (s) m_out += escape_html(s);
    }

    void node(cmark_node* n, bool enter) {
        std::string_view type = util::node_type_name(n);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_DOCUMENT: return;
        case CMARK_NODE_PARAGRAPH:
            if (in_tight_list(n)) return;
            m_out += enter ? "<p>" : "</p>\n";
            return;
        case CMARK_NODE_BLOCK_QUOTE: m_out += enter ? "<blockquote>\n" : "</blockquote>\n"; return;
        case CMARK_NODE_LIST: {
            bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
            if (enter) {
                int start = cmark_node_get_list_start(n);
                m_out += ordered ? (start > 1 ? "<ol start=\"" + std::to_string(start) + "\">\n" : std::string("<ol>\n")) : "<ul>\n";
            } else {
                m_out += ordered ? "</ol>\n" : "</ul>\n";
            }
            return;
        }
        case CMARK_NODE_ITEM: m_out += enter ? "<li>" : "</li>\n"; return;
        case CMARK_NODE_HEADING: m_out += enter ? "<p class=\"subheading\"><strong>" : "</strong></p>\n"; return;
        case CMARK_NODE_THEMATIC_BREAK: m_out += "<hr>\n"; return;
        case CMARK_NODE_CODE_BLOCK:
            m_out += "<pre><code>";
            literal(n);
            m_out += "</code></pre>\n";
            return;
        case CMARK_NODE_HTML_BLOCK:
            if (m_options.allow_raw_html)
                m_out += cmark_node_get_literal(n);
            else {
                m_out += "<p>";
                literal(n);
                m_out += "</p>\n";
            }
            return;
        case CMARK_NODE_HTML_INLINE:
            if (m_options.allow_raw_html)
                m_out += cmark_node_get_literal(n);
            else
                literal(n);
            return;
        case CMARK_NODE_TEXT: literal(n); return;
        case CMARK_NODE_SOFTBREAK: m_out += "\n"; return;
        case CMARK_NODE_LINEBREAK: m_out += "<br>\n"; return;
        case CMARK_NODE_CODE:
            m_out += "<code>";
            literal(n);
            m_out += "</code>";
            return;
        case CMARK_NODE_EMPH: m_out += enter ? "<em>" : "</em>"; return;
        case CMARK_NODE_STRONG: m_out += enter ? "<strong>" : "</strong>"; return;
        case CMARK_NODE_LINK: link(n, enter); return;
        case CMARK_NODE_IMAGE:
            // No external requests: an image shows as its description.
            m_out += enter ? "<span class=\"image-alt\">[image: " : "]</span>";
            return;
        default: break;
        }
        if (type == "table") {
            m_out += enter ? "<table>\n" : (m_body_open ? "</tbody>\n</table>\n" : "</table>\n");
            m_body_open = false;
        } else if (type == "table_header" || type == "table_row") {
            // cmark-gfm names a table's first row "table_header", the others "table_row".
            bool header = type == "table_header" || cmark_gfm_extensions_get_table_row_is_header(n);
            if (enter) {
                m_in_header = header;
                if (header)
                    m_out += "<thead>\n";
                else if (!m_body_open) {
                    m_out += "<tbody>\n";
                    m_body_open = true;
                }
                m_out += "<tr>";
            } else {
                m_out += header ? "</tr>\n</thead>\n" : "</tr>\n";
            }
        } else if (type == "table_cell") {
            m_out += enter ? (m_in_header ? "<th>" : "<td>") : (m_in_header ? "</th>" : "</td>");
        } else if (type == "strikethrough") {
            m_out += enter ? "<del>" : "</del>";
        }
    }

    void link(cmark_node* n, bool enter) {
        std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
        if (auto id = clause_link_target(url)) {  // resolved by resolve_clause_links: the clause is here
            m_out += enter ? "<a href=\"#" + escape_html(std::string(*id)) + "\">" : std::string("</a>");
            return;
        }
        if (!util::is_safe_url(url)) return;  // the text stays, the link goes
        if (enter) {
            m_out += "<a href=\"" + escape_html(url) + "\"";
            const char* title = cmark_node_get_title(n);
            if (title && *title) m_out += " title=\"" + escape_html(title) + "\"";
            m_out += ">";
        } else {
            m_out += "</a>";
        }
    }

    const model::Document& m_doc;
    const WriteOptions& m_options;
    std::string m_out;
    bool m_body_open = false;
    bool m_in_header = false;
};

}  // namespace

std::string write_html(const model::Document& doc, const WriteOptions& options) {
    HtmlRenderer r(doc, options);
    std::string toc = "<ol class=\"toc-sections\">\n";
    std::string body;
    std::string layout;  // see link_context
    for (std::size_t s = 0; s < doc.sections.size(); ++s) {
        const auto& sec = doc.sections[s];
        std::string num = std::to_string(s + 1);
        std::string sid = "section-" + sec.id;
        toc += "<li><a href=\"#" + escape_html(sid) + "\"><span class=\"num\">" + num + "</span> " + escape_html(sec.title) + "</a>\n<ol>\n";
        body += "<section class=\"policy-section\" id=\"" + escape_html(sid) + "\">\n<h2><span class=\"num\">" + num + "</span> " + escape_html(sec.title) +
                "</h2>\n";
        for (std::size_t c = 0; c < sec.clauses.size(); ++c) {
            const auto& cl = sec.clauses[c];
            std::string cnum = num + "." + std::to_string(c + 1);
            toc += "<li><a href=\"#" + escape_html(cl.id) + "\"><span class=\"num\">" + cnum + "</span> " + escape_html(cl.title) + "</a></li>\n";
            body += "<section class=\"clause clause-" + std::string(model::source_name(cl.source)) + "\" id=\"" + escape_html(cl.id) + "\">\n";
            body += "<h3><span class=\"num\">" + cnum + "</span> " + escape_html(cl.title) + "</h3>\n";
            body += *cached_body<std::string>(
                options, "html", doc, cl.markdown, layout, [&] { return r.render(cl.markdown); }, &string_size);
            body += "</section>\n";
        }
        toc += "</ol></li>\n";
        body += "</section>\n";
    }
    toc += "</ol>\n";
    return render_page(doc, options, toc, body);
}

}  // namespace clausebook::write
