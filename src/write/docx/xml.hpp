// XML building blocks shared by every DOCX part: the OOXML namespaces, text made safe for
// XML 1.0, serialisation with the declaration Word expects, and paragraph and run properties
// written in the element order the WordprocessingML schema requires (ECMA-376 Part 1, 17.3.1.26
// for w:pPr, 17.3.2.28 for w:rPr), whatever order the caller sets them in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace clausebook::write::docx {

constexpr const char* k_ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* k_ns_r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* k_ns_package_rels = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* k_rel_base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// A4 in twentieths of a point, with 2.5 cm margins: the width text may take.
constexpr int k_page_width = 11906;
constexpr int k_page_height = 16838;
constexpr int k_margin = 1418;
constexpr int k_text_width = k_page_width - 2 * k_margin;

// `s` with every character XML 1.0 forbids (C0 controls but tab, newline and carriage return;
// U+FFFE, U+FFFF; bytes that are not UTF-8) removed, never escaped or replaced.
std::string xml_safe(std::string_view s);

// The part's bytes: an XML declaration with standalone="yes", then the tree without
// indentation. Text and attribute values are escaped by pugixml. (For parts read and merged as
// trees: the styles.)
std::string to_bytes(const pugi::xml_document& doc);

// The XML declaration every part starts with.
constexpr std::string_view k_xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// Writes XML straight into a string, element by element, escaping text and attribute values
// exactly as pugixml does (so parts read the same whichever built them): parts as large as
// word/document.xml are written several times faster than by building a tree and saving it.
// Element and attribute names must be literals or otherwise outlive the writer.
class XmlWriter {
public:
    explicit XmlWriter(std::string& out) : m_out(out) {}

    // Starts element `name`; attributes may follow until content or close().
    XmlWriter& open(std::string_view name);
    XmlWriter& attr(std::string_view name, std::string_view value);
    XmlWriter& attr(std::string_view name, int value);
    // Escaped character data in the open element.
    XmlWriter& text(std::string_view s);
    // Ends the innermost open element ("<a/>" when it has no content).
    XmlWriter& close();
    // Appends XML that is already well-formed (a rendered fragment) as content.
    XmlWriter& raw(std::string_view xml);
    // <name attr="value"/>
    XmlWriter& empty(std::string_view name, std::string_view attr_name = {}, std::string_view value = {});

    std::size_t depth() const { return m_open.size(); }

private:
    void end_start_tag();
    std::string& m_out;
    std::vector<std::string_view> m_open;
    bool m_in_start_tag = false;
};

// Appends <name w:val="value"/> (or another attribute), the value made XML-safe.
void add_val(XmlWriter& xml, std::string_view name, std::string_view value, std::string_view attr = "w:val");

struct TabStop {
    std::string kind;  // left, center, right
    int pos = 0;  // twips from the left margin
    std::string leader;  // empty or "dot"
};

// The paragraph properties clausebook sets; write() emits them in schema order.
struct ParagraphProps {
    std::string style;
    bool keep_next = false;
    bool page_break_before = false;
    std::optional<int> num_id;
    int num_level = 0;
    bool border_top = false;  // a rule above the paragraph (a Markdown thematic break)
    std::vector<TabStop> tabs;
    std::optional<int> space_before;
    std::optional<int> space_after;
    std::optional<int> indent_left;
    std::string justify;  // w:jc value: left, center, right, both
    void write(XmlWriter& xml) const;  // w:pPr, when anything is set: call right after opening w:p
};

// The run properties clausebook sets; write() emits them in schema order.
struct RunProps {
    std::string style;
    bool bold = false;
    bool italic = false;
    bool strike = false;
    bool empty() const { return style.empty() && !bold && !italic && !strike; }
    void write(XmlWriter& xml) const;  // w:rPr, when anything is set: call right after opening w:r
};

// Writes a run with `props` holding `text`: tabs become w:tab, line ends become spaces,
// forbidden characters are removed.
void add_run(XmlWriter& xml, std::string_view text, const RunProps& props = {});

// Writes a complex field (begin, instruction, separate, `result`, end) as runs: PAGE,
// NUMPAGES, PAGEREF. Word and LibreOffice recompute the result; readers that do not show `result`.
void add_field(XmlWriter& xml, const std::string& instruction, const std::string& result, const RunProps& props = {});

// Writes <w:r><w:fldChar w:fldCharType="kind"/></w:r>.
void add_field_char(XmlWriter& xml, std::string_view kind);

}  // namespace clausebook::write::docx
