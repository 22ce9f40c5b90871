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

bool keep_section(Plan& plan, const Request& request, util::Diagnostics& diags) {
    auto range = find_section(plan.doc.blocks, request.section);
    if (!range) {
        std::vector<std::string> names;
        for (std::size_t i : section_headings(plan.doc.blocks, plan.facts.cover_blocks)) {
            if (names.size() == 20) {
                names.push_back("...");
                break;
            }
            names.push_back("'" + plan.doc.blocks[i].text + "'");
        }
        diags.error({request.display_path, 0, 0}, "import-section-not-found",
                    "--section: no heading of the document reads '" + request.section + "'" +
                        (names.empty() ? " (it has no headings)" : "; its headings are " + util::join(names, ", ")),
                    names.empty() ? "import the whole document without --section" : "give one of its headings, as written, to --section");
        return false;
    }
    auto [head, end] = *range;
    for (std::size_t i = 0; i < plan.doc.blocks.size(); ++i)
        if ((i < head || i >= end) && plan.doc.blocks[i].dropped.empty()) plan.doc.blocks[i].dropped = "outside the section imported (--section)";
    std::size_t kept = 0;
    for (std::size_t i = head + 1; i < end; ++i)
        if (plan.doc.blocks[i].dropped.empty()) ++kept;
    if (kept == 0) {
        // A text, Markdown or HTML block's position is its line; a DOCX or PDF's, its paragraph.
        const Block& h = plan.doc.blocks[head];
        const bool lines = plan.doc.format != "docx" && plan.doc.format != "pdf";
        diags.error({request.display_path, lines ? h.position : 0, lines ? 1 : 0}, "import-section-empty",
                    "--section: the heading '" + h.text + "'" + (lines ? "" : " (paragraph " + std::to_string(h.position) + ")") +
                        " heads no text (the next heading of its level follows it)",
                    "give the heading of a part with text under it, or import the whole document");
        return false;
    }
    plan.notes.push_back("only the section '" + plan.doc.blocks[head].text + "' was imported (" + std::to_string(kept) + " blocks after its heading, at " +
                         std::to_string(plan.doc.blocks[head].position) + "); the rest of the document is dropped");
    return true;
}

}  // namespace clausebook::import
