// A plain paragraph laid out from its words: each word (with the spaces after it) is shaped by
// pango once per thread and kept, and the lines are broken here, first fit, as pango breaks
// them. A paragraph that differs from an earlier one only in some words (a school's name in a
// clause) then costs looking its words up, not pango itemizing, shaping and breaking it whole.
// The lines are the glyph runs pango's own layout of the whole text would have (tested against
// it: tests/write/pdf_word_layout_test.cpp); a text this cannot lay out as pango would is left
// to pango (nullptr).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "write/pdf/text.hpp"

namespace clausebook::write::pdf {

// `text` in `font`, `width` pango units wide (negative: one line, as long as it is), left-aligned,
// words wrapped, no attributes, in
// thread_context(); `font_key` names the font (every field of its description) for the thread's
// store of words. nullptr when the text is not a plain one of words this can break as pango
// would: empty, with a tab, a line break, a right-to-left or complex script, a word pango would
// break inside (a hyphen, a slash or a dash at a line's end; a word longer than the line), two
// fonts in one word or a break rule between words that this does not know.
TextPtr lay_out_words(const std::string& text, const PangoFontDescription* font, std::string_view font_key, int width);

// What differs between two laid-out texts' lines, runs and glyphs (empty: nothing), for tests.
std::string layout_differences(const Text& a, const Text& b);

// Forgets the thread's words (their fonts changed: fonts.hpp).
void forget_thread_words();

// How many words the thread keeps before forgetting them all (50,000), for tests.
void set_thread_word_limit(std::size_t words);

}  // namespace clausebook::write::pdf
