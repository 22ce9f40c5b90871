#include "write/docx/document_part.hpp"

#include "write/docx/body_renderer.hpp"
#include "write/docx/xml.hpp"
#include "write/writer.hpp"

namespace clausebook::write::docx {

namespace {

// Bookmark ids are numbers unique in the document; names are the anchors of body_renderer.hpp.
class Bookmarks {
public:
    void wrap(pugi::xml_node paragraph, const std::string& name) {
        pugi::xml_node start = paragraph.child("w:pPr") ? paragraph.insert_child_after("w:bookmarkStart", paragraph.child("w:pPr"))
                                                        : paragraph.prepend_child("w:bookmarkStart");
        start.append_attribute("w:id") = m_next;
        start.append_attribute("w:name") = name.c_str();
        paragraph.append_child("w:bookmarkEnd").append_attribute("w:id") = m_next;
        ++m_next;
    }

private:
    int m_next = 0;
};

pugi::xml_node paragraph(pugi::xml_node parent, const std::string& style, const std::string& text = {}) {
    pugi::xml_node p = parent.append_child("w:p");
    ParagraphProps props;
    props.style = style;
    props.write(p);
    if (!text.empty()) add_run(p, text);
    return p;
}

void cover_table(pugi::xml_node body, const model::Metadata& meta) {
    constexpr int k_label_width = 2835;  // 5 cm
    pugi::xml_node tbl = body.append_child("w:tbl");
    pugi::xml_node pr = tbl.append_child("w:tblPr");
    add_val(pr, "w:tblStyle", "CoverTable");
    add_val(pr, "w:tblW", std::to_string(k_text_width), "w:w").append_attribute("w:type") = "dxa";
    pugi::xml_node look = add_val(pr, "w:tblLook", "0080");
    for (const char* a : {"w:firstRow", "w:lastRow", "w:firstColumn", "w:lastColumn", "w:noHBand", "w:noVBand"})
        look.append_attribute(a) = std::string_view(a) == "w:firstColumn" || std::string_view(a) == "w:noHBand" || std::string_view(a) == "w:noVBand" ? "1" : "0";
    pugi::xml_node grid = tbl.append_child("w:tblGrid");
    add_val(grid, "w:gridCol", std::to_string(k_label_width), "w:w");
    add_val(grid, "w:gridCol", std::to_string(k_text_width - k_label_width), "w:w");
    for (const auto& row : cover_rows(meta)) {
        pugi::xml_node tr = tbl.append_child("w:tr");
        tr.append_child("w:trPr").append_child("w:cantSplit");
        for (int col = 0; col < 2; ++col) {
            pugi::xml_node tc = tr.append_child("w:tc");
            add_val(tc.append_child("w:tcPr"), "w:tcW", std::to_string(col == 0 ? k_label_width : k_text_width - k_label_width), "w:w")
                .append_attribute("w:type") = "dxa";
            paragraph(tc, col == 0 ? "CoverLabel" : "CoverValue", col == 0 ? row.label : row.value);
        }
    }
}

// One entry of the contents: a link to the heading's bookmark. Page numbers are not cached
// (only a layout engine knows them, and LibreOffice shows a cached PAGEREF as blank): the
// field's instruction asks for them, so Word's "Update Table" and LibreOffice's "Update Index"
// add them with their dot leaders.
void toc_entry(pugi::xml_node p, const std::string& text, const std::string& anchor) {
    pugi::xml_node link = p.append_child("w:hyperlink");
    link.append_attribute("w:anchor") = anchor.c_str();
    link.append_attribute("w:history") = "1";
    add_run(link, text);
}

void contents(pugi::xml_node body, const model::Document& doc) {
    paragraph(body, "TOCHeading", "Contents");
    // The field begins in the first entry's paragraph, before its link, and ends in the last's.
    pugi::xml_node last;
    auto entry = [&](const char* style) {
        bool first = !last;
        last = paragraph(body, style);
        if (first) {
            add_field_char(last, "begin");
            pugi::xml_node instr = last.append_child("w:r").append_child("w:instrText");
            instr.append_attribute("xml:space") = "preserve";
            instr.text().set(" TOC \\o \"1-2\" \\h \\z \\u ");
            add_field_char(last, "separate");
        }
        return last;
    };
    for (std::size_t s = 0; s < doc.sections.size(); ++s) {
        const auto& sec = doc.sections[s];
        toc_entry(entry("TOC1"), std::to_string(s + 1) + " " + sec.title, section_anchor(s));
        for (std::size_t c = 0; c < sec.clauses.size(); ++c)
            toc_entry(entry("TOC2"), std::to_string(s + 1) + "." + std::to_string(c + 1) + " " + sec.clauses[c].title, clause_anchor(s, c));
    }
    if (!last) entry("TOC1");
    add_field_char(last, "end");
}

pugi::xml_node heading(pugi::xml_node body, const std::string& style, const std::string& text, bool new_page) {
    pugi::xml_node p = body.append_child("w:p");
    ParagraphProps props;
    props.style = style;
    props.page_break_before = new_page;
    props.write(p);
    add_run(p, text);
    return p;
}

void section_properties(pugi::xml_node body, const PageParts& page) {
    pugi::xml_node sect = body.append_child("w:sectPr");
    auto reference = [&](const char* name, const char* type, const std::string& id) {
        pugi::xml_node r = sect.append_child(name);
        r.append_attribute("w:type") = type;
        r.append_attribute("r:id") = id.c_str();
    };
    reference("w:headerReference", "default", page.header);
    reference("w:headerReference", "first", page.first_header);
    reference("w:footerReference", "default", page.footer);
    reference("w:footerReference", "first", page.first_footer);
    pugi::xml_node size = sect.append_child("w:pgSz");
    size.append_attribute("w:w") = k_page_width;
    size.append_attribute("w:h") = k_page_height;
    pugi::xml_node margins = sect.append_child("w:pgMar");
    for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"}) margins.append_attribute(side) = k_margin;
    margins.append_attribute("w:header") = 709;
    margins.append_attribute("w:footer") = 709;
    margins.append_attribute("w:gutter") = 0;
    sect.append_child("w:cols").append_attribute("w:space") = 708;
    sect.append_child("w:titlePg");  // the first page has its own header: the title is there already
    sect.append_child("w:docGrid").append_attribute("w:linePitch") = 360;
}

}  // namespace

std::string document_part(const model::Document& doc, const PageParts& page, Numbering& numbering, Relationships& rels,
                          const WriteOptions& options) {
    pugi::xml_document xml;
    pugi::xml_node root = xml.append_child("w:document");
    root.append_attribute("xmlns:w") = k_ns_w;
    root.append_attribute("xmlns:r") = k_ns_r;
    pugi::xml_node body = root.append_child("w:body");

    paragraph(body, "Title", doc.meta.title);
    paragraph(body, "Subtitle", doc.meta.school_name);
    cover_table(body, doc.meta);
    contents(body, doc);

    // Clause bodies are rendered (or taken from the run's cache) as fragments and placed where
    // their marker elements are once the rest is serialised.
    constexpr const char* k_marker_name = "clausebook-body";
    constexpr std::string_view k_marker = "<clausebook-body/>";  // as pugixml writes it
    std::vector<std::shared_ptr<const BodyFragment>> fragments;
    std::string layout;  // see link_context
    Bookmarks bookmarks;
    for (std::size_t s = 0; s < doc.sections.size(); ++s) {
        const auto& sec = doc.sections[s];
        bookmarks.wrap(heading(body, "Heading1", std::to_string(s + 1) + " " + sec.title, s == 0), section_anchor(s));
        for (std::size_t c = 0; c < sec.clauses.size(); ++c) {
            const auto& cl = sec.clauses[c];
            std::string number = std::to_string(s + 1) + "." + std::to_string(c + 1);
            bookmarks.wrap(heading(body, "Heading2", number + " " + cl.title, false), clause_anchor(s, c));
            fragments.push_back(cached_body<BodyFragment>(options, "docx", doc, cl.markdown, layout,
                                                          [&] { return render_fragment(doc, cl.markdown); },
                                                          +[](const BodyFragment& f) { return f.bytes(); }));
            body.append_child(k_marker_name);
        }
    }
    // Word wants a paragraph between a table and the end of the body.
    bool ends_with_table = !fragments.empty() && fragments.back()->ends_with_table;
    if (pugi::xml_node last = body.last_child(); last && std::string_view(last.name()) == "w:tbl") ends_with_table = true;
    if (ends_with_table) body.append_child("w:p");
    section_properties(body, page);

    std::string skeleton = to_bytes(xml);
    std::string out;
    out.reserve(skeleton.size() + 4096 * fragments.size());
    std::size_t done = 0;
    for (const auto& f : fragments) {
        std::size_t at = skeleton.find(k_marker, done);
        out.append(skeleton, done, at - done);
        place(*f, numbering, rels, out);
        done = at + k_marker.size();
    }
    out.append(skeleton, done, std::string::npos);
    return out;
}

}  // namespace clausebook::write::docx
