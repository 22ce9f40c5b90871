// Clause Markdown to WordprocessingML: walks the cmark-gfm tree with enter/exit events, as the
// HTML writer does, and appends paragraphs and tables to a container (w:body). Paragraphs get
// the styles listed in docs/docx.md; lists get numbering instances of their own; links keep
// only safe schemes (as relationships) and clause cross-references become links to the
// clause's heading bookmark with the computed number.
#pragma once

#include <string>

#include <cmark-gfm.h>

#include "model/document.hpp"
#include "write/docx/numbering.hpp"
#include "write/docx/relationships.hpp"
#include "write/docx/xml.hpp"

namespace clausebook::write::docx {

// Bookmark names of headings: "_Toc_3" for section 3, "_Toc_3_2" for clause 3.2 (1-based).
// Names starting with "_Toc" are hidden in Word's bookmark list, as its own TOC bookmarks are.
std::string section_anchor(std::size_t section_index);
std::string clause_anchor(std::size_t section_index, std::size_t clause_index);
// The bookmark of clause `clause_id` in `doc`, or empty if the clause is not in it.
std::string clause_anchor(const model::Document& doc, const std::string& clause_id);

// A clause body rendered on its own, so that one rendering serves every document whose clause
// reads the same: the XML of its blocks, with the ids of its numbered lists and hyperlinks
// counted within the fragment, and where those ids sit so that place() can renumber them for a
// document. Bulleted lists and cross-references need no renumbering.
struct BodyFragment {
    std::string xml;
    struct Slot {
        std::size_t offset;  // of the id's text in xml
        std::size_t length;
        bool list;  // a w:numId value; else a hyperlink's r:id
        std::size_t local;  // 0-based index into ordered or links
    };
    std::vector<Slot> slots;
    bool bullets = false;  // uses the document's bulleted-list instance
    std::vector<Numbering::List> ordered;  // the fragment's w:numId i + 2
    std::vector<std::string> links;  // the fragment's rId<i + 1>: external URLs
    bool ends_with_table = false;  // Word wants a paragraph after a table that ends the body
    std::string text_digest;  // own_marks.hpp: body_digest of its visible text

    std::size_t bytes() const {
        return xml.size() + slots.size() * sizeof(Slot) + links.size() * 64 + ordered.size() * sizeof(Numbering::List) + text_digest.size();
    }
};

// Renders `markdown` as it would appear in `doc` (cross-references read `doc`'s numbering).
BodyFragment render_fragment(const model::Document& doc, const std::string& markdown);

// Writes `fragment`'s XML as content of `xml`'s open element, its lists added to `numbering` and
// its links to `rels` with the ids they get there.
void place(const BodyFragment& fragment, Numbering& numbering, Relationships& rels, XmlWriter& xml);

class BodyRenderer {
public:
    // `numbering` and `rels` gain the lists and hyperlinks of everything rendered; both must
    // outlive the renderer.
    BodyRenderer(const model::Document& doc, Numbering& numbering, Relationships& rels);

    // Writes the blocks of `markdown` (paragraphs and tables, as w:body content) to `xml`.
    // Returns whether the last block written is a table.
    bool render(const std::string& markdown, XmlWriter& xml);

private:
    struct ListLevel {
        int num_id;
        int level;
    };

    void block(cmark_node* n, bool enter);
    void inline_node(cmark_node* n, bool enter);
    void table_node(cmark_node* n, std::string_view type, bool enter);
    void link(cmark_node* n, bool enter);
    void open_paragraph(const std::string& style);
    void close_paragraph();
    void ensure_paragraph();
    void text(std::string_view s);

    const model::Document& m_doc;
    Numbering& m_numbering;
    Relationships& m_rels;

    XmlWriter* m_xml = nullptr;
    bool m_paragraph = false;  // a w:p is open
    bool m_link = false;  // a w:hyperlink is open in it
    bool m_last_was_table = false;
    bool m_link_is_styled = false;
    std::vector<ListLevel> m_lists;
    bool m_first_in_item = false;
    int m_quote_depth = 0;
    bool m_after_list_or_table = false;  // the next paragraph gets space before it
    bool m_rule_before = false;  // a thematic break: the next paragraph gets a top border
    int m_bold = 0;
    int m_italic = 0;
    int m_strike = 0;

    bool m_header_row = false;
    std::size_t m_cell = 0;
    std::string m_alignments;  // 'l', 'c', 'r' or 0 per column
};

}  // namespace clausebook::write::docx
