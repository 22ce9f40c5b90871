// --format docx: the new wording as a Word document with every difference from the old as a
// real tracked change (w:ins / w:del with w:author and w:date, ECMA-376 Part 1, 17.13.5), so
// that governors can review the changes in Word or LibreOffice and accept or reject them.
// Accepting all gives the new wording; rejecting all gives the old. A paragraph break that was
// inserted or deleted is tracked too, as an inserted or deleted paragraph mark (w:pPr/w:rPr).
#include <pugixml.hpp>

#include "compare/redline/docx_package.hpp"
#include "compare/redline/redline.hpp"

namespace clausebook::compare::redline {

namespace {

constexpr const char* k_ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// Removes what XML 1.0 forbids (C0 controls other than tab and newline).
std::string xml_text(const std::string& s) {
    std::string out;
    for (unsigned char c : s)
        if (c >= 0x20 || c == '\t' || c == '\n') out += static_cast<char>(c);
    return out;
}

class DocumentBuilder {
public:
    explicit DocumentBuilder(const RedlineOptions& options) : m_options(options) {
        auto root = m_doc.append_child("w:document");
        root.append_attribute("xmlns:w") = k_ns_w;
        m_body = root.append_child("w:body");
    }

    // A paragraph in `style` holding `r`; paragraph breaks inside `r` start new paragraphs.
    void paragraphs(const std::string& style, const Redline& r) {
        begin(style);
        for (const auto& span : r.spans) {
            std::size_t start = 0;
            while (start <= span.text.size()) {
                std::size_t nl = span.text.find('\n', start);
                std::string piece = span.text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
                if (!piece.empty()) run(span.op, piece);
                if (nl == std::string::npos) break;
                start = nl + 1;
                while (start < span.text.size() && span.text[start] == '\n') ++start;
                mark_paragraph(span.op);
                begin(style);
            }
        }
    }

    // A paragraph of plain text.
    void plain(const std::string& style, const std::string& text) {
        begin(style);
        run(Op::equal, text);
    }

    // Marks the current paragraph's mark inserted or deleted (when it was not already).
    void mark_paragraph(Op op) {
        if (op == Op::equal || m_paragraph.child("w:pPr").child("w:rPr")) return;
        pugi::xml_node ppr = m_paragraph.child("w:pPr");
        if (!ppr) ppr = m_paragraph.prepend_child("w:pPr");
        change(ppr.append_child("w:rPr"), op == Op::ins ? "w:ins" : "w:del");
    }

    std::string finish() {
        auto sect = m_body.append_child("w:sectPr");
        auto size = sect.append_child("w:pgSz");
        size.append_attribute("w:w") = "11906";
        size.append_attribute("w:h") = "16838";
        auto margins = sect.append_child("w:pgMar");
        for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"}) margins.append_attribute(side) = "1418";
        for (const char* edge : {"w:header", "w:footer", "w:gutter"}) margins.append_attribute(edge) = edge[2] == 'g' ? "0" : "709";
        struct Writer : pugi::xml_writer {
            std::string out;
            void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
        } writer;
        m_doc.save(writer, "", pugi::format_raw | pugi::format_no_declaration);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + writer.out;
    }

private:
    void begin(const std::string& style) {
        m_paragraph = m_body.append_child("w:p");
        if (style.empty()) return;
        m_paragraph.append_child("w:pPr").append_child("w:pStyle").append_attribute("w:val") = style.c_str();
    }

    pugi::xml_node change(pugi::xml_node parent, const char* kind) {
        auto n = parent.append_child(kind);
        n.append_attribute("w:id") = m_next_id++;
        n.append_attribute("w:author") = m_options.author.c_str();
        n.append_attribute("w:date") = m_options.date.c_str();
        return n;
    }

    void run(Op op, const std::string& text) {
        pugi::xml_node parent = op == Op::equal ? m_paragraph : change(m_paragraph, op == Op::ins ? "w:ins" : "w:del");
        auto t = parent.append_child("w:r").append_child(op == Op::del ? "w:delText" : "w:t");
        t.append_attribute("xml:space") = "preserve";
        t.text().set(xml_text(text).c_str());
    }

    const RedlineOptions& m_options;
    pugi::xml_document m_doc;
    pugi::xml_node m_body;
    pugi::xml_node m_paragraph;
    int m_next_id = 1;
};

// A heading "N.M Title" with the title's redline; a clause only on one side is wholly tracked.
Redline heading_redline(const ClauseDiff& c) {
    Redline r;
    if (c.kind == ClauseDiff::Kind::removed)
        r.spans.push_back({Op::del, c.number_a + " " + c.title_a});
    else if (c.kind == ClauseDiff::Kind::added)
        r.spans.push_back({Op::ins, c.number_b + " " + c.title_b});
    else {
        r.spans.push_back({Op::equal, c.number_b + " "});
        r.spans.insert(r.spans.end(), c.title.spans.begin(), c.title.spans.end());
    }
    return r;
}

}  // namespace

namespace {

// One policy's body: the cover rows and clauses of `d`, with every difference tracked.
void policy_body(DocumentBuilder& b, const PolicyDiff& d) {
    for (const auto& row : d.cover) {
        Redline r = word_diff(row.value_a, row.value_b);
        r.spans.insert(r.spans.begin(), {Op::equal, row.label + ": "});
        b.paragraphs("", r);
    }
    std::string section;
    for (const auto& c : d.clauses) {
        if (c.section != section) b.plain("Heading1", section = c.section);
        b.paragraphs("Heading2", heading_redline(c));
        if (c.kind == ClauseDiff::Kind::removed) b.mark_paragraph(Op::del);
        if (c.kind == ClauseDiff::Kind::added) b.mark_paragraph(Op::ins);
        b.paragraphs("", c.body);
        if (c.kind == ClauseDiff::Kind::removed) b.mark_paragraph(Op::del);
        if (c.kind == ClauseDiff::Kind::added) b.mark_paragraph(Op::ins);
    }
}

}  // namespace

std::string write_docx(const PolicyDiff& d, const RedlineOptions& options) {
    DocumentBuilder b(options);
    b.plain("Title", d.title_b);
    b.plain("", "Tracked changes from " + d.label_a + " to " + d.label_b + ": " + summary(d) + ".");
    policy_body(b, d);
    return docx_package(b.finish());
}

std::string write_docx_pack(const std::string& title, const std::vector<std::string>& intro, const std::vector<PackPolicy>& policies,
                            const RedlineOptions& options) {
    DocumentBuilder b(options);
    b.plain("Title", title);
    for (const auto& line : intro) b.plain("", line);
    for (const auto& p : policies) {
        b.plain("Title", p.diff.title_b);
        b.plain("", p.note);
        policy_body(b, p.diff);
    }
    return docx_package(b.finish());
}

}  // namespace clausebook::compare::redline
