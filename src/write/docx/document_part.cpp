#include "write/docx/document_part.hpp"

#include <set>

#include "util/date.hpp"
#include "write/docx/body_renderer.hpp"
#include "write/docx/own_marks.hpp"
#include "write/docx/xml.hpp"
#include "write/writer.hpp"

namespace clausebook::write::docx {

namespace {

constexpr int k_own_bookmark_base = 100000;

// Bookmark ids are numbers unique in the document; names are the anchors of body_renderer.hpp.
// A heading's bookmark spans its text.
// A clause heading also carries the clause's own bookmark (own_marks.hpp), `own_name` with id
// `own_id`, around the same text.
void heading(XmlWriter& xml, const std::string& style, const std::string& text, bool new_page, int bookmark_id, const std::string& name, int own_id = -1,
             const std::string& own_name = {}) {
    xml.open("w:p");
    ParagraphProps props;
    props.style = style;
    props.page_break_before = new_page;
    props.write(xml);
    xml.open("w:bookmarkStart").attr("w:id", bookmark_id).attr("w:name", name).close();
    if (own_id >= 0) xml.open("w:bookmarkStart").attr("w:id", own_id).attr("w:name", own_name).close();
    add_run(xml, text);
    if (own_id >= 0) xml.open("w:bookmarkEnd").attr("w:id", own_id).close();
    xml.open("w:bookmarkEnd").attr("w:id", bookmark_id).close();
    xml.close();
}

void paragraph(XmlWriter& xml, const std::string& style, const std::string& text = {}) {
    xml.open("w:p");
    ParagraphProps props;
    props.style = style;
    props.write(xml);
    if (!text.empty()) add_run(xml, text);
    xml.close();
}

void cover_table(XmlWriter& xml, const model::Metadata& meta) {
    constexpr int k_label_width = 2835;  // 5 cm
    xml.open("w:tbl").open("w:tblPr");
    add_val(xml, "w:tblStyle", "CoverTable");
    xml.open("w:tblW").attr("w:w", k_text_width).attr("w:type", "dxa").close();
    xml.open("w:tblLook").attr("w:val", "06A0");
    for (const char* a : {"w:firstRow", "w:lastRow", "w:firstColumn", "w:lastColumn", "w:noHBand", "w:noVBand"})
        xml.attr(a, std::string_view(a) == "w:firstRow" || std::string_view(a) == "w:firstColumn" || std::string_view(a) == "w:noHBand" ||
                            std::string_view(a) == "w:noVBand"
                        ? "1"
                        : "0");
    xml.close().close();  // w:tblLook, w:tblPr
    xml.open("w:tblGrid");
    add_val(xml, "w:gridCol", std::to_string(k_label_width), "w:w");
    add_val(xml, "w:gridCol", std::to_string(k_text_width - k_label_width), "w:w");
    xml.close();
    // A header row, marked as one, names the columns: Word's accessibility checker and screen
    // readers want one on every table (docs/docx.md, "Accessibility").
    std::vector<CoverRow> rows = cover_rows(meta);
    rows.insert(rows.begin(), CoverRow{"Item", "Details"});
    for (std::size_t r = 0; r < rows.size(); ++r) {
        xml.open("w:tr").open("w:trPr").empty("w:cantSplit");
        if (r == 0) xml.empty("w:tblHeader");
        xml.close();
        for (int col = 0; col < 2; ++col) {
            xml.open("w:tc")
                .open("w:tcPr")
                .open("w:tcW")
                .attr("w:w", col == 0 ? k_label_width : k_text_width - k_label_width)
                .attr("w:type", "dxa")
                .close()
                .close();
            paragraph(xml, r == 0 ? "TableHeading" : col == 0 ? "CoverLabel" : "CoverValue", col == 0 ? rows[r].label : rows[r].value);
            xml.close();  // w:tc
        }
        xml.close();  // w:tr
    }
    xml.close();  // w:tbl
}

// The contents: one paragraph per heading, each a link to the heading's bookmark, inside one
// TOC field. Page numbers are not cached (only a layout engine knows them, and LibreOffice
// shows a cached PAGEREF as blank): the field's instruction asks for them, so Word's "Update
// Table" and LibreOffice's "Update Index" add them with their dot leaders. The field begins in
// the first entry's paragraph, before its link, and ends in the last's, so each paragraph is
// closed only when the next begins.
void contents(XmlWriter& xml, const model::Document& doc) {
    paragraph(xml, "TOCHeading", "Contents");
    bool first = true;
    auto entry = [&](const char* style) {
        if (!first) xml.close();  // the previous entry's w:p
        xml.open("w:p");
        ParagraphProps props;
        props.style = style;
        props.write(xml);
        if (first) {
            add_field_char(xml, "begin");
            xml.open("w:r").open("w:instrText").attr("xml:space", "preserve").text(" TOC \\o \"1-2\" \\h \\z \\u ").close().close();
            add_field_char(xml, "separate");
        }
        first = false;
    };
    auto link = [&](const std::string& text, const std::string& anchor) {
        xml.open("w:hyperlink").attr("w:anchor", anchor).attr("w:history", "1");
        add_run(xml, text);
        xml.close();
    };
    for (std::size_t s = 0; s < doc.sections.size(); ++s) {
        const auto& sec = doc.sections[s];
        entry("TOC1");
        link(std::to_string(s + 1) + " " + sec.title, section_anchor(s));
        for (std::size_t c = 0; c < sec.clauses.size(); ++c) {
            entry("TOC2");
            link(std::to_string(s + 1) + "." + std::to_string(c + 1) + " " + sec.clauses[c].title, clause_anchor(s, c));
        }
    }
    if (first) entry("TOC1");
    add_field_char(xml, "end");
    xml.close();
}

void section_properties(XmlWriter& xml, const PageParts& page) {
    xml.open("w:sectPr");
    auto reference = [&](const char* name, const char* type, const std::string& id) { xml.open(name).attr("w:type", type).attr("r:id", id).close(); };
    reference("w:headerReference", "default", page.header);
    reference("w:headerReference", "first", page.first_header);
    reference("w:footerReference", "default", page.footer);
    reference("w:footerReference", "first", page.first_footer);
    xml.open("w:pgSz").attr("w:w", k_page_width).attr("w:h", k_page_height).close();
    xml.open("w:pgMar");
    for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"}) xml.attr(side, k_margin);
    xml.attr("w:header", 709).attr("w:footer", 709).attr("w:gutter", 0).close();
    xml.empty("w:cols", "w:space", "708");
    xml.empty("w:titlePg");  // the first page has its own header: the title is there already
    xml.empty("w:docGrid", "w:linePitch", "360");
    xml.close();
}

}  // namespace

std::string document_part(const model::Document& doc, const PageParts& page, Numbering& numbering, Relationships& rels, const WriteOptions& options,
                          std::vector<ClauseMark>* marks) {
    std::string out(k_xml_declaration);
    out.reserve(64 * 1024);
    XmlWriter xml(out);
    xml.open("w:document").attr("xmlns:w", k_ns_w).attr("xmlns:r", k_ns_r).open("w:body");

    if (doc.meta.draft()) paragraph(xml, "DraftNotice", model::status_line(doc.meta) + ". The board has not approved this text.");
    paragraph(xml, "Title", doc.meta.title);
    paragraph(xml, "Subtitle", doc.meta.school_name);
    cover_table(xml, doc.meta);
    if (std::string changes = changes_file(doc.meta); !changes.empty())
        paragraph(xml, "CoverValue",
                  "What has changed since the approved text (" + util::to_long(*doc.meta.approved_copy_date) + "): see " + changes +
                      " beside this document, or run: clausebook diff " + doc.meta.school_id + " --since-approval --policy " + doc.meta.policy_id +
                      " --format docx --output changes.docx");
    contents(xml, doc);

    // Clause bodies are rendered as fragments, or taken from the run's cache when another
    // document's clause read the same.
    std::string layout;  // see link_context
    int bookmark = 0;
    int own_bookmark = k_own_bookmark_base;  // the clauses' own bookmarks: ids apart from the headings'
    std::set<std::string> taken;
    bool ends_with_table = false;
    for (std::size_t s = 0; s < doc.sections.size(); ++s) {
        const auto& sec = doc.sections[s];
        heading(xml, "Heading1", std::to_string(s + 1) + " " + sec.title, s == 0, bookmark++, section_anchor(s));
        ends_with_table = false;
        for (std::size_t c = 0; c < sec.clauses.size(); ++c) {
            const auto& cl = sec.clauses[c];
            std::string number = std::to_string(s + 1) + "." + std::to_string(c + 1);
            std::string own = clause_bookmark(cl.id, taken);
            heading(xml, "Heading2", number + " " + cl.title, false, bookmark++, clause_anchor(s, c), own_bookmark++, own);
            auto fragment = cached_body<BodyFragment>(
                options, "docx", doc, cl.markdown, layout, [&] { return render_fragment(doc, cl.markdown); }, +[](const BodyFragment& f) { return f.bytes(); });
            if (marks) marks->push_back({cl.id, own, text_fingerprint(cl.title, fragment->text_digest)});
            place(*fragment, numbering, rels, xml);
            ends_with_table = fragment->ends_with_table;
        }
    }
    // Word wants a paragraph between a table and the end of the body.
    if (ends_with_table) xml.empty("w:p");
    section_properties(xml, page);
    xml.close().close();  // w:body, w:document
    return out;
}

}  // namespace clausebook::write::docx
