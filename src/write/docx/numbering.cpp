#include "write/docx/numbering.hpp"

#include <cstdio>

#include "write/docx/xml.hpp"

namespace clausebook::write::docx {

namespace {

constexpr int k_levels = 9;
constexpr int k_indent_step = 360;
constexpr int k_hanging = 360;

// Bullets and ordered formats by depth, repeating: Word's own choices for nested lists.
constexpr const char* k_bullets[] = {"\u2022", "\u25E6", "\u25AA"};
constexpr const char* k_ordered_formats[] = {"decimal", "lowerLetter", "lowerRoman"};

// One w:abstractNum with all nine levels. Written as text: it is the same few elements for
// every list, and no value in it comes from input.
void abstract_num(std::string& out, int id, ListKind kind, int start) {
    char nsid[9];
    std::snprintf(nsid, sizeof nsid, "%08X", 0x1CB00000u + static_cast<unsigned>(id));
    out += "<w:abstractNum w:abstractNumId=\"" + std::to_string(id) + "\"><w:nsid w:val=\"" + nsid + "\"/><w:multiLevelType w:val=\"hybridMultilevel\"/>";
    for (int level = 0; level < k_levels; ++level) {
        std::string text = kind == ListKind::bullet ? k_bullets[level % 3] : "%" + std::to_string(level + 1) + (kind == ListKind::ordered_paren ? ")" : ".");
        out += "<w:lvl w:ilvl=\"" + std::to_string(level) + "\"><w:start w:val=\"" + std::to_string(kind == ListKind::bullet ? 1 : start) +
               "\"/><w:numFmt w:val=\"" + (kind == ListKind::bullet ? "bullet" : k_ordered_formats[level % 3]) + "\"/><w:lvlText w:val=\"" + text +
               "\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"" + std::to_string(Numbering::indent_of(level)) + "\" w:hanging=\"" +
               std::to_string(k_hanging) + "\"/></w:pPr></w:lvl>";
    }
    out += "</w:abstractNum>";
}

// A w:num instance of abstract definition `abstract_id`, with an explicit restart at the list's
// own level (belt and braces).
void num(std::string& out, int num_id, int abstract_id, int level, int start) {
    out += "<w:num w:numId=\"" + std::to_string(num_id) + "\"><w:abstractNumId w:val=\"" + std::to_string(abstract_id) + "\"/><w:lvlOverride w:ilvl=\"" +
           std::to_string(level) + "\"><w:startOverride w:val=\"" + std::to_string(start) + "\"/></w:lvlOverride></w:num>";
}

}  // namespace

int Numbering::add_list(ListKind kind, int start, int level) {
    if (kind == ListKind::bullet) {
        m_bullets = true;
        return k_bullet_num_id;
    }
    m_ordered.push_back({kind, start < 0 ? 1 : start, level < 0 ? 0 : (level >= k_levels ? k_levels - 1 : level)});
    return static_cast<int>(m_ordered.size()) + 1;
}

int Numbering::indent_of(int level) { return k_indent_step * 2 + k_indent_step * level * 2; }

std::string Numbering::part() const {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"";
    out += k_ns_w;
    out += "\">";
    // Abstract definition 0 is the bullets'; ordered list i has definition i + 1.
    if (m_bullets) abstract_num(out, 0, ListKind::bullet, 1);
    for (std::size_t i = 0; i < m_ordered.size(); ++i) abstract_num(out, static_cast<int>(i) + 1, m_ordered[i].kind, m_ordered[i].start);
    if (m_bullets) num(out, k_bullet_num_id, 0, 0, 1);
    for (std::size_t i = 0; i < m_ordered.size(); ++i) num(out, static_cast<int>(i) + 2, static_cast<int>(i) + 1, m_ordered[i].level, m_ordered[i].start);
    out += "</w:numbering>";
    return out;
}

}  // namespace clausebook::write::docx
