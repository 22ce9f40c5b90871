// A redline written out for each kind of reader; shared by compare's reports and diff's.
#pragma once

#include <string>
#include <string_view>

#include "compare/word_diff.hpp"

namespace clausebook::compare {

// `[-deleted-]{+inserted+}` (wdiff's notation); with `color`, deletions red and struck through,
// insertions green and underlined, without the brackets.
std::string redline_text(const Redline& r, bool color);

// CommonMark: deletions ~~struck~~ (GFM), insertions **bold**, the text itself escaped so it
// reads literally; a change that spans paragraphs is marked in each paragraph.
std::string redline_markdown(const Redline& r);

// HTML text: <del> and <ins>, everything escaped; keeps line breaks (show it with
// white-space: pre-wrap).
std::string redline_html(const Redline& r);

// "72%" for a similarity of 0.72 (rounded down, so only identical texts show 100%).
std::string percent(double similarity);

}  // namespace clausebook::compare
