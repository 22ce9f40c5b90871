// A page's content stream (ISO 32000-1, 8 and 9): the drawing state of one sequence of
// operators, and a glyph run's codes as pango placed its glyphs. pdf_writer.cpp writes pages
// with them.
#pragma once

#include <string>

#include <pango/pango.h>

#include "write/pdf/embedded_fonts.hpp"
#include "write/pdf/layout.hpp"
#include "write/pdf/pdf_file.hpp"

namespace clausebook::write::pdf {

// Content drawn on a page: the decoration (rules, borders, shading, underlines, the running
// header and footer, repeated header rows) is one artifact sequence painted first; the tagged
// text follows. Each keeps the colours it last set.
struct Canvas {
    std::string s;
    double fill[3] = {-1, -1, -1};
    double stroke[3] = {-1, -1, -1};
    double line_width = -1;

    void reset_state() { fill[0] = stroke[0] = line_width = -1; }
    void set_fill(double r, double g, double b) {
        if (fill[0] == r && fill[1] == g && fill[2] == b) return;
        fill[0] = r, fill[1] = g, fill[2] = b;
        colour(r, g, b);
        s += " rg\n";
    }
    void set_stroke(double r, double g, double b, double width) {
        if (!(stroke[0] == r && stroke[1] == g && stroke[2] == b)) {
            stroke[0] = r, stroke[1] = g, stroke[2] = b;
            colour(r, g, b);
            s += " RG\n";
        }
        if (line_width != width) {
            line_width = width;
            put_number(s, width);
            s += " w\n";
        }
    }
    void colour(double r, double g, double b) {
        put_number(s, r);
        s += ' ';
        put_number(s, g);
        s += ' ';
        put_number(s, b);
    }
    // A rectangle in layout coordinates (y down from the page's top).
    void rect(double x, double y, double w, double h) {
        put_number(s, x, 2);
        s += ' ';
        put_number(s, k_page_height - y - h, 2);
        s += ' ';
        put_number(s, w, 2);
        s += ' ';
        put_number(s, h, 2);
        s += " re ";
    }
};

// A glyph run's codes: its glyph ids as two-byte codes, each placed where pango placed it (a
// TJ adjustment where pango's advance differs from the font's width, which is pango's own
// unkerned advance: embedded_fonts.hpp); and the glyphs it uses, with their text.
void encode_glyph_run(EncodedRun& code, PangoGlyphItem* run, const UsedFont& font, bool last_run);

// What a glyph run's font and attributes say (layout.hpp, EncodedRun), kept with its codes.
void describe_run(EncodedRun& code, PangoGlyphItem* run);

}  // namespace clausebook::write::pdf
