// How a line of text shows what it is, when the format does not say: a bullet character, a
// number typed before it ("1.2 Scope", "a)", "Section 3:"), or the look of a heading (short,
// standing alone, no closing full stop). Shared by the text, PDF and DOCX readers (a Word
// paragraph may carry its number as typed text rather than as list numbering).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "import/blocks.hpp"

namespace clausebook::import {

struct Shape {
    BlockKind kind = BlockKind::paragraph;
    int level = 0;  // heading level, or list nesting
    std::string number;  // the typed number or letter, as typed ("1.2", "a)"); empty for bullets
    std::string rest;  // the text after the marker
    bool bullet = false;
};

// `alone`: the line stands as its own paragraph (blank lines around it). A heading is only
// ever read from a line that stands alone, or carries a section number.
Shape shape_of(std::string_view line, bool alone);

// A bullet character or a typed list number starts the line.
bool starts_with_marker(std::string_view line);
// Ends with . ! ? : ; or a closing quote or bracket after one of them.
bool ends_sentence(std::string_view s);
bool starts_lower(std::string_view s);
// Short, capitalised, no closing full stop: how a heading looks.
bool heading_like(std::string_view s);
// A web page's own furniture copied with its text: "Skip to content", "Top of page", "Back to top".
bool web_page_furniture(std::string_view s);

// A line read as a heading from its shape alone (shape_of with `alone`), and whether its type
// sets it apart from the body text (bold, underlined, capitals, larger): formats that know
// how their text looks (DOCX, PDF) settle such lines once the whole document is read.
struct HeadingCandidate {
    std::size_t block;  // its index in the block list
    bool set_apart;
    std::string line;  // the line as read, number and all
};
// When the document sets its headings apart (`marked`: how many headings after its first
// block a style, outline level or their type marks), a candidate in plain body text after
// the title page (before the first paragraph of prose, more than 14 words, nothing changes) is
// read again as a line that is not alone: a paragraph or list item, unless a section word or
// dotted number still makes it a heading ("2.3 Scope"). A rule whose full stop was forgotten
// must come in as text, and a heading's words do not. A document whose headings are all plain
// lines (marked 0) keeps them all.
void settle_plain_headings(std::vector<Block>& blocks, std::size_t end, const std::vector<HeadingCandidate>& candidates, int marked);
// Letters, at least two, all of them capitals: "SCOPE OF THIS POLICY".
bool capitals_only(std::string_view s);

}  // namespace clausebook::import
