#include "write/docx/body_renderer.hpp"

#include <algorithm>

#include <cmark-gfm-core-extensions.h>

#include "util/markdown.hpp"
#include "util/text.hpp"
#include "write/docx/own_marks.hpp"
#include "write/docx/xml.hpp"
#include "write/clause_links.hpp"
#include "write/writer.hpp"

namespace clausebook::write::docx {

std::string section_anchor(std::size_t section_index) { return "_Toc_" + std::to_string(section_index + 1); }

std::string clause_anchor(std::size_t section_index, std::size_t clause_index) {
    return section_anchor(section_index) + "_" + std::to_string(clause_index + 1);
}

std::string clause_anchor(const model::Document& doc, const std::string& clause_id) {
    auto at = clause_position(doc, clause_id);
    return at ? clause_anchor(at->section, at->clause) : std::string();
}

BodyRenderer::BodyRenderer(const model::Document& doc, Numbering& numbering, Relationships& rels) : m_doc(doc), m_numbering(numbering), m_rels(rels) {}

bool BodyRenderer::render(const std::string& markdown, XmlWriter& xml) {
    m_xml = &xml;
    m_paragraph = false;
    m_last_was_table = false;
    m_after_list_or_table = false;
    m_rule_before = false;
    util::MarkdownTree tree = parse_clause_body(markdown, m_doc);
    cmark_iter* it = cmark_iter_new(tree.get());
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(it);
        bool enter = ev == CMARK_EVENT_ENTER;
        std::string_view type = util::node_type_name(n);
        if (util::starts_with(type, "table"))
            table_node(n, type, enter);
        else if ((cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK)
            block(n, enter);
        else
            inline_node(n, enter);
    }
    cmark_iter_free(it);
    close_paragraph();
    m_xml = nullptr;
    return m_last_was_table;
}

void BodyRenderer::open_paragraph(const std::string& style) {
    close_paragraph();
    m_xml->open("w:p");
    m_paragraph = true;
    m_last_was_table = false;
    ParagraphProps props;
    props.style = style;
    if (!m_lists.empty()) {
        props.style = "ListParagraph";
        if (m_first_in_item) {
            props.num_id = m_lists.back().num_id;
            props.num_level = m_lists.back().level;
            m_first_in_item = false;
        } else {
            props.indent_left = Numbering::indent_of(m_lists.back().level);
        }
    } else if (m_quote_depth > 0 && style == "BodyText") {
        props.style = "Quote";
    }
    if (m_lists.empty() && m_after_list_or_table) props.space_before = 120;
    m_after_list_or_table = false;
    props.border_top = m_rule_before;
    m_rule_before = false;
    props.write(*m_xml);
}

void BodyRenderer::close_paragraph() {
    if (!m_paragraph) return;
    if (m_link) {
        m_xml->close();
        m_link = false;
    }
    m_xml->close();
    m_paragraph = false;
}

void BodyRenderer::ensure_paragraph() {
    if (!m_paragraph) open_paragraph("BodyText");
}

void BodyRenderer::block(cmark_node* n, bool enter) {
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_PARAGRAPH:
        if (enter)
            open_paragraph("BodyText");
        else
            close_paragraph();
        return;
    case CMARK_NODE_HEADING:
        if (enter)
            open_paragraph("Heading3");
        else
            close_paragraph();
        return;
    case CMARK_NODE_BLOCK_QUOTE: m_quote_depth += enter ? 1 : -1; return;
    case CMARK_NODE_LIST:
        if (enter) {
            bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
            ListKind kind = !ordered                                            ? ListKind::bullet
                            : cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ListKind::ordered_paren
                                                                                : ListKind::ordered_period;
            int level = static_cast<int>(m_lists.size());
            m_lists.push_back({m_numbering.add_list(kind, cmark_node_get_list_start(n), level), level});
        } else {
            m_lists.pop_back();
            m_after_list_or_table = m_lists.empty();
        }
        return;
    case CMARK_NODE_ITEM: m_first_in_item = enter; return;
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK: {
        // Raw HTML cannot be carried into Word: it is shown as text, as the HTML writer does
        // unless the repository allows raw HTML.
        std::string literal = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
        while (!literal.empty() && literal.back() == '\n') literal.pop_back();
        if (literal.empty()) return;  // an empty code block: no empty paragraph
        open_paragraph(cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK ? "SourceCode" : "BodyText");
        std::size_t start = 0;
        for (bool first = true;; first = false) {
            std::size_t nl = literal.find('\n', start);
            if (!first) m_xml->open("w:r").empty("w:br").close();
            add_run(*m_xml, std::string_view(literal).substr(start, nl == std::string::npos ? std::string::npos : nl - start));
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
        close_paragraph();
        return;
    }
    case CMARK_NODE_THEMATIC_BREAK:
        // A rule, drawn as the top border of the next paragraph: an empty paragraph would be
        // read out as "blank" (docs/docx.md, "Accessibility"). A rule with nothing after it
        // in the clause is dropped.
        close_paragraph();
        m_rule_before = true;
        return;
    default: return;
    }
}

void BodyRenderer::text(std::string_view s) {
    RunProps props;
    props.bold = m_bold > 0;
    props.italic = m_italic > 0;
    props.strike = m_strike > 0;
    if (m_link && m_link_is_styled) props.style = "Hyperlink";
    ensure_paragraph();
    add_run(*m_xml, s, props);
}

void BodyRenderer::inline_node(cmark_node* n, bool enter) {
    const char* literal = cmark_node_get_literal(n);
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_HTML_INLINE: text(literal ? literal : ""); return;
    case CMARK_NODE_CODE: {
        RunProps props;
        props.style = "VerbatimChar";
        ensure_paragraph();
        add_run(*m_xml, literal ? literal : "", props);
        return;
    }
    case CMARK_NODE_SOFTBREAK: text(" "); return;
    case CMARK_NODE_LINEBREAK:
        ensure_paragraph();
        m_xml->open("w:r").empty("w:br").close();
        return;
    case CMARK_NODE_EMPH: m_italic += enter ? 1 : -1; return;
    case CMARK_NODE_STRONG: m_bold += enter ? 1 : -1; return;
    case CMARK_NODE_LINK: link(n, enter); return;
    case CMARK_NODE_IMAGE: text(enter ? "[image: " : "]"); return;  // no external requests
    default:
        if (util::node_type_name(n) == "strikethrough") m_strike += enter ? 1 : -1;
        return;
    }
}

void BodyRenderer::link(cmark_node* n, bool enter) {
    if (!enter) {
        if (m_link) m_xml->close();
        m_link = false;
        m_link_is_styled = false;
        return;
    }
    std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
    std::string anchor;
    if (auto id = clause_link_target(url)) {  // resolved by resolve_clause_links: the clause is here
        anchor = clause_anchor(m_doc, std::string(*id));
        if (anchor.empty()) return;
    } else if (!url.empty() && url[0] == '#') {
        anchor = clause_anchor(m_doc, url.substr(1));
        if (anchor.empty()) return;
    } else if (!util::is_safe_url(url)) {
        return;  // the text stays, the link goes
    }
    ensure_paragraph();
    m_xml->open("w:hyperlink");
    m_link = true;
    if (!anchor.empty()) {
        m_xml->attr("w:anchor", anchor);
    } else {
        m_xml->attr("r:id", m_rels.add(std::string(k_rel_base) + "hyperlink", url, true));
        m_link_is_styled = true;
    }
    m_xml->attr("w:history", "1");
}

void BodyRenderer::table_node(cmark_node* n, std::string_view type, bool enter) {
    XmlWriter& xml = *m_xml;
    if (type == "table") {
        if (!enter) {
            xml.close();  // w:tbl
            m_last_was_table = true;
            m_after_list_or_table = true;
            return;
        }
        close_paragraph();
        auto columns = static_cast<std::size_t>(cmark_gfm_extensions_get_table_columns(n));
        const uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
        m_alignments.assign(columns, '\0');
        for (std::size_t i = 0; align && i < columns; ++i) m_alignments[i] = static_cast<char>(align[i]);
        xml.open("w:tbl").open("w:tblPr");
        add_val(xml, "w:tblStyle", "TableGrid");
        xml.open("w:tblW").attr("w:w", "5000").attr("w:type", "pct").close();
        xml.open("w:tblLook").attr("w:val", "04A0");
        for (const char* a : {"w:firstRow", "w:lastRow", "w:firstColumn", "w:lastColumn", "w:noHBand", "w:noVBand"})
            xml.attr(a, std::string_view(a) == "w:firstRow" || std::string_view(a) == "w:noVBand" ? "1" : "0");
        xml.close().close();  // w:tblLook, w:tblPr
        xml.open("w:tblGrid");
        for (std::size_t i = 0; i < columns; ++i) add_val(xml, "w:gridCol", std::to_string(k_text_width / static_cast<int>(columns ? columns : 1)), "w:w");
        xml.close();
    } else if (type == "table_row" || type == "table_header") {  // cmark-gfm names the header row "table_header"
        if (!enter) {
            xml.close();
            return;
        }
        m_header_row = type == "table_header" || cmark_gfm_extensions_get_table_row_is_header(n);
        xml.open("w:tr");
        if (m_header_row) xml.open("w:trPr").empty("w:cantSplit").empty("w:tblHeader").close();  // repeated on every page
        m_cell = 0;
    } else if (type == "table_cell") {
        if (!enter) {
            close_paragraph();
            xml.close();  // w:tc
            ++m_cell;
            return;
        }
        xml.open("w:tc");
        std::size_t columns = m_alignments.empty() ? 1 : m_alignments.size();
        xml.open("w:tcPr").open("w:tcW").attr("w:w", std::to_string(k_text_width / static_cast<int>(columns))).attr("w:type", "dxa").close().close();
        xml.open("w:p");
        m_paragraph = true;
        ParagraphProps props;
        props.style = m_header_row ? "TableHeading" : "TableText";
        char a = m_cell < m_alignments.size() ? m_alignments[m_cell] : '\0';
        props.justify = a == 'c' ? "center" : a == 'r' ? "right" : "";
        props.write(xml);
    }
}

namespace {

// Finds every `<prefix>value"` in xml: prefix starts with '<', so it can only be markup (text
// and attribute values have their '<' escaped).
template <class OnValue>
void scan_slots(const std::string& xml, std::string_view prefix, OnValue on_value) {
    for (std::size_t at = xml.find(prefix); at != std::string::npos; at = xml.find(prefix, at)) {
        std::size_t begin = at + prefix.size();
        std::size_t end = xml.find('"', begin);
        on_value(begin, end - begin);
        at = end;
    }
}

}  // namespace

BodyFragment render_fragment(const model::Document& doc, const std::string& markdown) {
    Numbering numbering;
    Relationships rels;
    BodyFragment f;
    XmlWriter xml(f.xml);
    f.ends_with_table = BodyRenderer(doc, numbering, rels).render(markdown, xml);
    f.bullets = numbering.has_bullets();
    f.ordered = numbering.ordered();
    f.links = rels.targets();
    f.text_digest = xml_body_digest(f.xml);
    scan_slots(f.xml, "<w:numId w:val=\"", [&](std::size_t at, std::size_t len) {
        int id = std::stoi(f.xml.substr(at, len));
        if (id != Numbering::k_bullet_num_id) f.slots.push_back({at, len, true, static_cast<std::size_t>(id - 2)});
    });
    scan_slots(f.xml, "<w:hyperlink r:id=\"rId", [&](std::size_t at, std::size_t len) {
        f.slots.push_back({at - 3, len + 3, false, std::stoul(f.xml.substr(at, len)) - 1});
    });
    std::sort(f.slots.begin(), f.slots.end(), [](const auto& a, const auto& b) { return a.offset < b.offset; });
    return f;
}

void place(const BodyFragment& fragment, Numbering& numbering, Relationships& rels, XmlWriter& xml) {
    if (fragment.bullets) numbering.add_list(ListKind::bullet, 1, 0);
    std::vector<int> list_ids;
    list_ids.reserve(fragment.ordered.size());
    for (const auto& l : fragment.ordered) list_ids.push_back(numbering.add_list(l.kind, l.start, l.level));
    std::vector<std::string> link_ids;
    link_ids.reserve(fragment.links.size());
    for (const auto& url : fragment.links) link_ids.push_back(rels.add(std::string(k_rel_base) + "hyperlink", url, true));
    std::string_view text = fragment.xml;
    std::size_t done = 0;
    for (const auto& slot : fragment.slots) {
        xml.raw(text.substr(done, slot.offset - done));
        xml.raw(slot.list ? std::to_string(list_ids[slot.local]) : link_ids[slot.local]);
        done = slot.offset + slot.length;
    }
    xml.raw(text.substr(done));
}

}  // namespace clausebook::write::docx
