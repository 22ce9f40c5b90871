// How a line of text shows what it is, when the format does not say: a bullet character, a
// number typed before it ("1.2 Scope", "a)", "Section 3:"), or the look of a heading (short,
// standing alone, no closing full stop). Shared by the text, PDF and DOCX readers (a Word
// paragraph may carry its number as typed text rather than as list numbering).
#pragma once

#include <string>
#include <string_view>

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

}  // namespace clausebook::import
