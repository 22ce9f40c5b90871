#include "write/pdf/page_content.hpp"

#include <pango/pangofc-font.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace clausebook::write::pdf {

namespace {

bool has_attribute(PangoItem* item, PangoAttrType type, PangoAttribute** found = nullptr) {
    for (GSList* a = item->analysis.extra_attrs; a; a = a->next) {
        auto* attr = static_cast<PangoAttribute*>(a->data);
        if (attr->klass->type == type) {
            if (found) *found = attr;
            return true;
        }
    }
    return false;
}

}  // namespace

void encode_glyph_run(EncodedRun& code, PangoGlyphItem* run, const UsedFont& font, bool last_run) {
    code.made = true;
    const FaceInfo& info = *font.face->info;
    const std::vector<double>& widths = *font.widths;
    const double size = font.size > 0 ? font.size : 1;
    std::string& s = code.codes;
    const PangoGlyphString* g = run->glyphs;
    const int n = g->num_glyphs;
    const int item_offset = run->item->offset;
    const int item_length = run->item->length;
    const double scale = 1000.0 / size / PANGO_SCALE;  // pango units to thousandths of the size
    double at = 0;  // where the text position is, in thousandths of the size from the run's start
    long pen = 0;  // pango's pen, in pango units from the run's start
    std::unordered_map<uint32_t, std::size_t> seen;  // glyph id -> its entry in code.glyphs
    for (int i = 0; i < n; ++i) {
        const PangoGlyphInfo& gi = g->glyphs[i];
        PangoGlyph gid = gi.glyph;
        bool advance_zero = false;
        int start = g->log_clusters[i], length = 0;
        if (i == 0 || g->log_clusters[i - 1] != start) {
            int stop = item_length;
            for (int j = i + 1; j < n; ++j)
                if (g->log_clusters[j] != start) {
                    if (g->log_clusters[j] > start) stop = g->log_clusters[j];
                    break;
                }
            length = std::max(0, stop - start);
        }
        if (gid == PANGO_GLYPH_EMPTY) {
            // The space pango keeps, undrawn, at a line's end: a space of no width, so that
            // the words on either side of the line break stay apart in the copied text.
            bool trailing = last_run;
            for (int j = i; j < n && trailing; ++j) trailing = g->glyphs[j].glyph == PANGO_GLYPH_EMPTY;
            if (!trailing || info.space == 0) {
                pen += gi.geometry.width;
                continue;
            }
            gid = info.space;
            advance_zero = true;
            length = EncodedRun::k_space;
        } else if (gid & PANGO_GLYPH_UNKNOWN_FLAG || gid >= info.glyph_count || gid > 0xffff) {
            pen += gi.geometry.width;
            continue;
        }
        double want = static_cast<double>(pen + gi.geometry.x_offset) * scale;
        long adjust = std::lround(at - want);
        if (adjust != 0) {
            s += ")";
            put_int(s, adjust);
            s += '(';
            at -= static_cast<double>(adjust);
        }
        // The code's two bytes, escaped as a literal string needs them.
        const char code_bytes[2] = {static_cast<char>((gid >> 8) & 0xffu), static_cast<char>(gid & 0xffu)};
        put_escaped(s, std::string_view(code_bytes, 2));
        auto [it, fresh] = seen.try_emplace(gid, code.glyphs.size());
        if (fresh) {
            code.glyphs.push_back({static_cast<uint32_t>(item_offset + start), static_cast<uint16_t>(gid), static_cast<uint16_t>(std::min(length, 0xfffe))});
            if (length == EncodedRun::k_space) code.glyphs.back().length = EncodedRun::k_space;
        } else if (code.glyphs[it->second].length == 0 && length > 0) {
            code.glyphs[it->second] = {static_cast<uint32_t>(item_offset + start), static_cast<uint16_t>(gid), static_cast<uint16_t>(std::min(length, 0xfffe))};
            if (length == EncodedRun::k_space) code.glyphs[it->second].length = EncodedRun::k_space;
        }
        at += widths[gid];
        pen += advance_zero ? 0 : gi.geometry.width;
    }
    code.width = static_cast<double>(pango_glyph_string_get_width(run->glyphs)) / PANGO_SCALE;
}

void describe_run(EncodedRun& code, PangoGlyphItem* run) {
    PangoFont* font = run->item->analysis.font;
    if (PANGO_IS_FC_FONT(font)) {
        FcMatrix* m = nullptr;
        if (FcPatternGetMatrix(pango_fc_font_get_pattern(PANGO_FC_FONT(font)), FC_MATRIX, 0, &m) == FcResultMatch && m) code.skew = m->xy;
    }
    PangoAttribute* colour = nullptr;
    if (has_attribute(run->item, PANGO_ATTR_FOREGROUND, &colour)) {
        const PangoColor& pc = reinterpret_cast<PangoAttrColor*>(colour)->color;
        code.coloured = true;
        code.rgb[0] = pc.red / 65535.0, code.rgb[1] = pc.green / 65535.0, code.rgb[2] = pc.blue / 65535.0;
    }
    code.underline = has_attribute(run->item, PANGO_ATTR_UNDERLINE);
    code.strikethrough = has_attribute(run->item, PANGO_ATTR_STRIKETHROUGH);
}

}  // namespace clausebook::write::pdf
