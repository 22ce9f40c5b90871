// The PDF's content before it is drawn: a flat list of items (structure tags opening and
// closing, paragraphs laid out by pango, table rows, rules, page breaks) in reading order, made
// from the Document by build_items() (layout.cpp), cut into pages by paginate() (paginate.cpp) and drawn by
// pdf_writer.cpp. Lengths are in PDF points (1/72 inch); y grows down the page, as in cairo.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <pango/pangocairo.h>

#include "model/document.hpp"
#include "write/pdf/text.hpp"

namespace clausebook::write::pdf {

// A4 (k_page_width, k_page_height: text.hpp), with the DOCX's margins (2.5 cm): see
// src/write/docx/xml.hpp.
constexpr double k_margin = 70.9;
constexpr double k_body_top = k_margin;
constexpr double k_body_bottom = k_page_height - k_margin;
constexpr double k_body_width = k_page_width - 2 * k_margin;

struct Para {
    TextPtr text;
    double x = k_margin;
    double space_before = 0;
    double space_after = 0;
    std::string tag = "P";  // its structure tag
    std::string dest;  // a named destination at its top (headings)
    int outline_level = 0;  // 1-3: it has a bookmark at that level
    std::string outline_title;
    bool keep_with_next = false;  // a heading: not the last thing on a page
    bool keep_together = false;  // never split across pages
    TextPtr label;  // a list item's bullet or number, drawn before its first line
    double label_x = 0;
    std::string contents_dest;  // a contents entry: a link to this destination, its page number at the right
};

struct Cell {
    TextPtr text;
    double x = 0;
    double width = 0;
    bool header = false;  // TH, else TD
};

struct Row {
    std::vector<Cell> cells;
    bool header = false;  // the table's header row, repeated on each page it spans
    double height = 0;
    double padding = 0;  // above and below the text
    double inset = 4;  // left and right of the text
    std::shared_ptr<const Row> repeat;  // a body row: its table's header row, if any
    double next_height = 0;  // a header row: the first body row's height
};

struct Item {
    enum class Kind { begin, end, para, row, rule, page_break } kind;
    std::string tag;  // begin, end
    std::shared_ptr<Para> para;
    std::shared_ptr<Row> row;
    double x = 0, width = 0;  // rule
};

// The typeface of the PDF's text when the trust names none (Debian fonts-liberation2).
inline constexpr const char* k_default_family = "Liberation Sans";

// How a text is laid out, besides its words and their attributes.
struct TextSpec {
    const PangoFontDescription* font = nullptr;
    double width = -1;  // points; negative: one line, as long as it is
    PangoAlignment align = PANGO_ALIGN_LEFT;
    bool ellipsize = false;  // one line, ending in an ellipsis if too long
    bool wrap_words = true;  // a word longer than a line broken, with no hyphen added
    bool from_words = true;  // a plain paragraph may be laid out from its words (word_layout.hpp); false: by pango whole
};

// `s` laid out in thread_context(). Layouts are kept per thread and shared by every document
// that lays out the same text the same way (layout.cpp): a Text is never changed once made.
TextPtr lay_out(const std::string& s, const TextSpec& spec);

// Everything of `doc`, laid out in thread_context(), in the typeface `family` (code stays in
// Liberation Mono).
std::vector<Item> build_items(const model::Document& doc, const std::string& family = k_default_family);

// Where one item (or, for a paragraph, lines [first_line, end_line)) goes on a page.
struct Placement {
    std::size_t item;
    double y;
    std::size_t first_line = 0;
    std::size_t end_line = 0;
    bool repeated_header = false;  // a copy of a table's header row, not part of the reading order
    // A slice of a table row taller than the room left on its page: each cell's lines
    // [first, end) and the slice's height. Empty: the whole row.
    std::vector<std::pair<std::size_t, std::size_t>> cell_lines{};
    double height = 0;
};
using Page = std::vector<Placement>;

std::vector<Page> paginate(const std::vector<Item>& items);

}  // namespace clausebook::write::pdf
