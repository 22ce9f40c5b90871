// The fonts of one PDF: each font file pango drew glyphs from becomes a Type0 font with one
// CIDFontType2 descendant (ISO 32000-1, 9.7), character codes being the font's own glyph ids
// (Identity-H, CIDToGIDMap Identity), embedded as a subset made by harfbuzz's subsetter with
// the glyph ids kept, with a ToUnicode CMap so that text copies out. pdf_writer.cpp records the
// glyphs it draws here and writes the fonts when the pages are done.
#pragma once

#include <pango/pango.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "write/pdf/pdf_file.hpp"

typedef struct hb_face_t hb_face_t;

namespace clausebook::write::pdf {

// What a document needs of a font file, the same for every document of the thread: made once
// per thread and kept (embedded_fonts.cpp).
struct FaceInfo {
    hb_face_t* face = nullptr;
    unsigned glyph_count = 0;
    std::string postscript_name;
    int ascent = 0, descent = 0, cap_height = 0, italic_angle = 0;
    int bbox[4] = {0, 0, 0, 0};
    uint32_t space = 0;  // the glyph of U+0020, 0 if none
};

// A font file as drawn in one document: one subset and one ToUnicode CMap, shared by its sizes.
struct UsedFace {
    const FaceInfo* info = nullptr;
    std::vector<uint8_t> used;  // by glyph id
    std::vector<std::string> unicode;  // by glyph id: the text the glyph first stood for
};

// A font file at one size, as drawn in one document: a PDF font of its own, whose widths are
// the advances pango gives the glyphs at that size (pango rounds them to whole points), so
// that a glyph run needs a position adjustment only where pango kerned or moved a glyph.
struct UsedFont {
    UsedFace* face = nullptr;
    const std::vector<double>* widths = nullptr;  // by glyph id, thousandths of the size, as written
    double size = 0;
    int resource = 0;  // /F<resource> in the pages' resources
    int object = 0;  // the Type0 font's object number
    std::vector<uint8_t> used;  // by glyph id
};

class EmbeddedFonts {
public:
    explicit EmbeddedFonts(PdfFile& file) : m_file(file) {}
    // The document's use of `font` (a font file at a size).
    UsedFont& font(PangoFont* font);
    // Records glyph `gid` of `font` as drawn, standing for `text` (empty: part of a cluster
    // whose text an earlier glyph stands for).
    void use(UsedFont& font, uint32_t gid, std::string_view text) {
        font.used[gid] = 1;
        UsedFace& face = *font.face;
        if (!face.used[gid]) {
            face.used[gid] = 1;
            if (!text.empty()) face.unicode[gid] = std::string(text);
        } else if (face.unicode[gid].empty() && !text.empty()) {
            face.unicode[gid] = std::string(text);
        }
    }
    // "/F0 5 0 R /F1 9 0 R": every font, for the pages' resources.
    std::string resources() const;
    // Writes every font's objects (their numbers were reserved by face()).
    void write();

private:
    PdfFile& m_file;
    std::vector<std::unique_ptr<UsedFace>> m_faces;
    std::unordered_map<hb_face_t*, UsedFace*> m_face_index;
    std::vector<std::unique_ptr<UsedFont>> m_fonts;
    std::unordered_map<PangoFont*, UsedFont*> m_font_index;
};

}  // namespace clausebook::write::pdf
