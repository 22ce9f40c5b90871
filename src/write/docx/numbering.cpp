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

void add_level(pugi::xml_node abstract, ListKind kind, int level, int start) {
    pugi::xml_node lvl = abstract.append_child("w:lvl");
    lvl.append_attribute("w:ilvl") = level;
    add_val(lvl, "w:start", std::to_string(kind == ListKind::bullet ? 1 : start));
    if (kind == ListKind::bullet) {
        add_val(lvl, "w:numFmt", "bullet");
        add_val(lvl, "w:lvlText", k_bullets[level % 3]);
    } else {
        add_val(lvl, "w:numFmt", k_ordered_formats[level % 3]);
        std::string text = "%" + std::to_string(level + 1) + (kind == ListKind::ordered_paren ? ")" : ".");
        add_val(lvl, "w:lvlText", text);
    }
    add_val(lvl, "w:lvlJc", "left");
    pugi::xml_node ind = lvl.append_child("w:pPr").append_child("w:ind");
    ind.append_attribute("w:left") = Numbering::indent_of(level);
    ind.append_attribute("w:hanging") = k_hanging;
}

}  // namespace

int Numbering::add_list(ListKind kind, int start, int level) {
    m_lists.push_back({kind, start < 0 ? 1 : start, level < 0 ? 0 : (level >= k_levels ? k_levels - 1 : level)});
    return static_cast<int>(m_lists.size());
}

int Numbering::indent_of(int level) { return k_indent_step * 2 + k_indent_step * level * 2; }

std::string Numbering::part() const {
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("w:numbering");
    root.append_attribute("xmlns:w") = k_ns_w;
    for (std::size_t i = 0; i < m_lists.size(); ++i) {
        const List& list = m_lists[i];
        pugi::xml_node abstract = root.append_child("w:abstractNum");
        abstract.append_attribute("w:abstractNumId") = static_cast<int>(i);
        char nsid[9];
        std::snprintf(nsid, sizeof nsid, "%08X", 0x1CB00000u + static_cast<unsigned>(i));
        add_val(abstract, "w:nsid", nsid);
        add_val(abstract, "w:multiLevelType", "hybridMultilevel");
        for (int level = 0; level < k_levels; ++level) add_level(abstract, list.kind, level, list.start);
    }
    for (std::size_t i = 0; i < m_lists.size(); ++i) {
        pugi::xml_node num = root.append_child("w:num");
        num.append_attribute("w:numId") = static_cast<int>(i + 1);
        add_val(num, "w:abstractNumId", std::to_string(i));
        // Belt and braces: an explicit restart at the list's own level.
        pugi::xml_node over = num.append_child("w:lvlOverride");
        over.append_attribute("w:ilvl") = m_lists[i].level;
        add_val(over, "w:startOverride", std::to_string(m_lists[i].kind == ListKind::bullet ? 1 : m_lists[i].start));
    }
    return to_bytes(doc);
}

}  // namespace clausebook::write::docx
