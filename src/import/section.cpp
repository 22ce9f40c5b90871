// import --section: the part of a document under one heading (docs/import.md, "A policy inside
// another document").
#include "import/section.hpp"

#include <algorithm>
#include <cctype>

#include "import/evidence.hpp"
#include "util/text.hpp"

namespace clausebook::import {

namespace {

// Lower-case words of letters and digits, for matching a heading a person typed.
std::string heading_key(const std::string& text) {
    std::string k;
    bool space = false;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            if (space && !k.empty()) k += ' ';
            k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            space = false;
        } else {
            space = true;
        }
    }
    return k;
}

}  // namespace

std::vector<std::size_t> section_headings(const std::vector<Block>& blocks, const std::vector<std::size_t>& cover) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < blocks.size(); ++i)
        if (blocks[i].kind == BlockKind::heading && blocks[i].dropped.empty() && std::find(cover.begin(), cover.end(), i) == cover.end()) out.push_back(i);
    return out;
}

std::optional<std::pair<std::size_t, std::size_t>> find_section(const std::vector<Block>& blocks, const std::string& wanted) {
    const std::string key = heading_key(wanted);
    if (key.empty()) return std::nullopt;
    const auto headings = section_headings(blocks);
    std::optional<std::size_t> at;
    for (std::size_t i : headings)
        if (heading_key(blocks[i].text) == key) {
            at = i;
            break;
        }
    if (!at)
        for (std::size_t i : headings)
            if ((" " + heading_key(blocks[i].text) + " ").find(" " + key + " ") != std::string::npos) {
                at = i;
                break;
            }
    if (!at) return std::nullopt;
    const Block& head = blocks[*at];
    std::string number = head.number;
    while (!number.empty() && (number.back() == '.' || number.back() == ')')) number.pop_back();
    std::size_t end = blocks.size();
    for (std::size_t i : headings) {
        if (i <= *at) continue;
        const Block& b = blocks[i];
        bool below =
            !number.empty() && !b.number.empty() ? util::starts_with(b.number, number + ".") && b.number.size() > number.size() + 1 : b.level > head.level;
        if (!below) {
            end = i;
            break;
        }
    }
    return std::make_pair(*at, end);
}

std::string section_hint(const std::vector<Block>& blocks, const std::string& outline_title) {
    for (std::size_t i : section_headings(blocks))
        if (title_names_subject(blocks[i].text, outline_title))
            return "its section '" + blocks[i].text + "' names the policy's subject: to import that part alone, pass --section '" + blocks[i].text + "'";
    return "";
}

std::size_t drop_outside(std::vector<Block>& blocks, std::pair<std::size_t, std::size_t> section) {
    const auto [head, end] = section;
    for (std::size_t i = 0; i < blocks.size(); ++i)
        if ((i < head || i >= end) && blocks[i].dropped.empty()) blocks[i].dropped = "outside the section imported (--section)";
    std::size_t kept = 0;
    for (std::size_t i = head + 1; i < end; ++i)
        if (blocks[i].dropped.empty()) ++kept;
    return kept;
}

}  // namespace clausebook::import
