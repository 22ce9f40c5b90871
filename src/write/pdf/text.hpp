// A laid-out text as the PDF writer draws it: its lines of pango glyph runs, the links in it,
// and each run's codes once written (pdf_writer.cpp); and the thread's pango context every text
// is laid out in. Made by layout.cpp (pango's own layout) or word_layout.cpp (from words).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <pango/pangocairo.h>

namespace clausebook::write::pdf {

// A4, in PDF points: the page (layout.hpp) and the surface the pango context is made from.
constexpr double k_page_width = 595.276;
constexpr double k_page_height = 841.89;

// A stretch of a paragraph's text (byte offsets into the layout's text) that is a link: cairo's
// link attributes, "dest='s-1-2'" or "uri='https://...'".
struct LinkSpan {
    int start;
    int end;
    std::string attributes;
};

struct LineBox {
    // The line's glyph runs, left to right: the pango layout's own, or runs its Text made from
    // words laid out alone (word_layout.cpp) and owns. Their items' offsets are in the Text's text.
    std::vector<PangoGlyphItem*> runs;
    double left;  // from the layout's left (alignment)
    double top;  // from the layout's top
    double height;
    double baseline;  // from the layout's top
};

// A glyph run as the PDF writer writes it (pdf_writer.cpp): it depends on the run alone, so it
// is made the first time the run is written and kept with its Text for later documents.
struct EncodedRun {
    struct Glyph {
        uint32_t offset;  // of the text it stands for, in the layout's text
        uint16_t id;
        uint16_t length;  // k_space: a space the layout's text does not hold
    };
    static constexpr uint16_t k_space = 0xffff;
    std::string codes;  // the inside of the run's TJ array
    std::vector<Glyph> glyphs;  // each glyph id once, with the first text it stands for
    double width = 0;  // the run's advance in points
    // What the run's font and attributes say, read once with its codes: the slant of a font
    // fontconfig slants (its matrix's xy), its own colour if it has one, its decorations.
    double skew = 0;
    bool coloured = false;
    double rgb[3] = {0, 0, 0};
    bool underline = false, strikethrough = false;
    bool made = false;
};

// A laid-out text and its lines: a pango layout's, or lines of runs made from words laid out
// alone (word_layout.cpp), with no layout.
struct Text {
    PangoLayout* layout = nullptr;
    std::string own_text;  // the text, when there is no layout
    std::vector<PangoGlyphItem*> own_runs;  // runs of `lines` this Text owns
    std::vector<LinkSpan> links;
    std::vector<LineBox> lines;
    double height = 0;
    int logical_width = 0;  // pango units: the widest line's logical width (pango_layout_get_size's)
    // By line and run: filled in by the PDF writer of the text's thread, never changed once made.
    mutable std::vector<std::vector<EncodedRun>> encoded;
    Text() = default;
    Text(const Text&) = delete;
    Text& operator=(const Text&) = delete;
    ~Text();
    const char* text() const { return layout ? pango_layout_get_text(layout) : own_text.c_str(); }
    // The logical width in whole points, rounded up, as pango_layout_get_pixel_extents gives it.
    int pixel_width() const;
};
using TextPtr = std::shared_ptr<Text>;

// This thread's pango context for PDF text (a PDF surface's font options, unhinted metrics),
// made once per thread and kept: every layout of the thread is made in it.
PangoContext* thread_context();

}  // namespace clausebook::write::pdf
