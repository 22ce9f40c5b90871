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
// indentation. Text and attribute values are escaped by pugixml.
std::string to_bytes(const pugi::xml_document& doc);

// Appends `node` and its subtree to `out`, as to_bytes writes them.
void append_xml(std::string& out, pugi::xml_node node);

// Appends <name w:val="value"/> (or another attribute) to `parent`.
pugi::xml_node add_val(pugi::xml_node parent, const char* name, const std::string& value, const char* attr = "w:val");

struct TabStop {
    std::string kind;   // left, center, right
    int pos = 0;        // twips from the left margin
    std::string leader; // empty or "dot"
};

// The paragraph properties clausebook sets; write() emits them in schema order.
struct ParagraphProps {
    std::string style;
    bool keep_next = false;
    bool page_break_before = false;
    std::optional<int> num_id;
    int num_level = 0;
    bool border_bottom = false;
    std::vector<TabStop> tabs;
    std::optional<int> space_before;
    std::optional<int> space_after;
    std::optional<int> indent_left;
    std::string justify;  // w:jc value: left, center, right, both
    void write(pugi::xml_node paragraph) const;  // prepends w:pPr when anything is set
};

// The run properties clausebook sets; write() emits them in schema order.
struct RunProps {
    std::string style;
    bool bold = false;
    bool italic = false;
    bool strike = false;
    bool empty() const { return style.empty() && !bold && !italic && !strike; }
    void write(pugi::xml_node run) const;  // prepends w:rPr when anything is set
};

// Appends a run with `props` holding `text`: tabs become w:tab, line ends become spaces,
// forbidden characters are removed. Returns the run.
pugi::xml_node add_run(pugi::xml_node parent, std::string_view text, const RunProps& props = {});

// Appends a complex field (begin, instruction, separate, `result`, end) as runs: PAGE,
// NUMPAGES, PAGEREF. Word and LibreOffice recompute the result; readers that do not show `result`.
void add_field(pugi::xml_node parent, const std::string& instruction, const std::string& result, const RunProps& props = {});

// Appends <w:r><w:fldChar w:fldCharType="kind"/></w:r>.
void add_field_char(pugi::xml_node parent, const char* kind);

}  // namespace clausebook::write::docx
