#include "write/pdf/embedded_fonts.hpp"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <cmath>
#include <memory>
#include <new>

namespace clausebook::write::pdf {

namespace {

struct FaceInfoHolder {
    std::unordered_map<hb_face_t*, std::unique_ptr<FaceInfo>> faces;
    ~FaceInfoHolder() {
        for (auto& [face, info] : faces) hb_face_destroy(face);
    }
};

int scaled(hb_position_t v, unsigned upem) { return static_cast<int>(std::lround(static_cast<double>(v) * 1000.0 / upem)); }

// A face's widths, name and metrics, made once per thread. The face is referenced for the
// thread's life, so that its address is never that of another face later.
const FaceInfo& face_info(hb_face_t* face) {
    thread_local FaceInfoHolder held;
    auto found = held.faces.find(face);
    if (found != held.faces.end()) return *found->second;
    auto info = std::make_unique<FaceInfo>();
    info->face = hb_face_reference(face);
    unsigned upem = hb_face_get_upem(face);
    if (upem == 0) upem = 1000;
    hb_font_t* font = hb_font_create(face);  // scaled to the em: values in font units
    info->glyph_count = hb_face_get_glyph_count(face);
    char name[128];
    unsigned len = sizeof name;
    hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, name);
    for (unsigned i = 0; i < len; ++i) {
        char c = name[i];
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (ok) info->postscript_name += c;
    }
    if (info->postscript_name.empty()) info->postscript_name = "Font";
    hb_position_t v = 0;
    if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v)) info->ascent = scaled(v, upem);
    if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v)) info->descent = scaled(v, upem);
    if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v)) info->cap_height = scaled(v, upem);
    info->italic_angle = static_cast<int>(std::lround(hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE)));
    hb_blob_t* head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
    unsigned head_len = 0;
    const char* h = hb_blob_get_data(head, &head_len);
    if (head_len >= 44) {
        for (int i = 0; i < 4; ++i) {
            auto raw = static_cast<int16_t>((static_cast<unsigned char>(h[36 + 2 * i]) << 8) | static_cast<unsigned char>(h[37 + 2 * i]));
            info->bbox[i] = scaled(raw, upem);
        }
    }
    hb_blob_destroy(head);
    hb_codepoint_t space = 0;
    if (hb_font_get_nominal_glyph(font, 0x20, &space)) info->space = space;
    hb_font_destroy(font);
    const FaceInfo& ref = *info;
    held.faces.emplace(info->face, std::move(info));
    return ref;
}

void put_hex4(std::string& out, unsigned u) {
    static const char* hex = "0123456789ABCDEF";
    for (int shift = 12; shift >= 0; shift -= 4) out += hex[(u >> shift) & 0xf];
}

// UTF-8 as UTF-16BE hex digits.
void put_utf16(std::string& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
        if (i + len > s.size()) len = s.size() - i;
        unsigned cp = len == 1 ? c : c & (0xffu >> (len + 1));
        for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
        i += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            put_hex4(out, 0xd800 + (cp >> 10));
            put_hex4(out, 0xdc00 + (cp & 0x3ff));
        } else {
            put_hex4(out, cp);
        }
    }
}

std::string to_unicode_cmap(const UsedFace& f) {
    std::vector<uint32_t> mapped;
    for (uint32_t g = 0; g < f.used.size(); ++g)
        if (f.used[g] && !f.unicode[g].empty()) mapped.push_back(g);
    std::string s =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    for (std::size_t i = 0; i < mapped.size(); i += 100) {
        std::size_t n = std::min<std::size_t>(100, mapped.size() - i);
        put_int(s, static_cast<long long>(n));
        s += " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k) {
            s += '<';
            put_hex4(s, mapped[k]);
            s += "> <";
            put_utf16(s, f.unicode[mapped[k]]);
            s += ">\n";
        }
        s += "endbfchar\n";
    }
    s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return s;
}

// Six capital letters naming the subset (9.6.4), from the glyphs it holds: the same glyphs,
// the same name, whichever document or thread made it.
std::string subset_tag(const UsedFace& f) {
    uint64_t h = 1469598103934665603ull;
    for (char c : f.info->postscript_name) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    for (uint32_t g = 0; g < f.used.size(); ++g)
        if (f.used[g]) h = (h ^ g) * 1099511628211ull;
    std::string tag(6, 'A');
    for (auto& c : tag) {
        c = static_cast<char>('A' + h % 26);
        h /= 26;
    }
    return tag;
}

// The font file cut down to the glyphs used, their ids kept (so the page content's codes need
// no mapping), without hinting or the layout tables a PDF reader does not use.
std::string subset(const UsedFace& f) {
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    if (!input) throw std::bad_alloc();
    hb_set_t* glyphs = hb_subset_input_glyph_set(input);
    hb_set_add(glyphs, 0);
    for (uint32_t g = 0; g < f.used.size(); ++g)
        if (f.used[g]) hb_set_add(glyphs, g);
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
    hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (hb_tag_t t :
         {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'), HB_TAG('k', 'e', 'r', 'n'), HB_TAG('B', 'A', 'S', 'E'),
          HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'), HB_TAG('n', 'a', 'm', 'e'), HB_TAG('D', 'S', 'I', 'G'), HB_TAG('g', 'a', 's', 'p'),
          HB_TAG('h', 'd', 'm', 'x'), HB_TAG('L', 'T', 'S', 'H'), HB_TAG('V', 'D', 'M', 'X'), HB_TAG('m', 'e', 't', 'a')})
        hb_set_add(drop, t);
    hb_face_t* cut = hb_subset_or_fail(f.info->face, input);
    hb_subset_input_destroy(input);
    // A font harfbuzz cannot cut down is embedded whole.
    hb_blob_t* blob = hb_face_reference_blob(cut ? cut : f.info->face);
    unsigned len = 0;
    const char* data = hb_blob_get_data(blob, &len);
    std::string bytes(data, len);
    hb_blob_destroy(blob);
    if (cut) hb_face_destroy(cut);
    return bytes;
}

// A face's subset as written: its name's tag and the font file deflated. The same glyphs of
// the same face give the same bytes, and most documents of a run use the same glyphs (their
// clauses read the same), so each thread keeps the last few it made (subset() and deflating it
// were a twentieth of a PDF's time, bench/README.md).
struct Subset {
    std::string tag;
    std::string packed;  // the font file, deflated
    std::size_t length = 0;  // the font file's length, undeflated (/Length1)
};

const Subset& cached_subset(const UsedFace& f) {
    struct Held {
        std::unordered_map<std::string, Subset> subsets;  // by face and glyphs used
        std::size_t bytes = 0;
    };
    static constexpr std::size_t k_budget = std::size_t{8} << 20;  // per thread
    thread_local Held held;
    std::string key(reinterpret_cast<const char*>(&f.info), sizeof f.info);  // the face, kept for the thread's life
    key.append(f.used.begin(), f.used.end());
    auto found = held.subsets.find(key);
    if (found != held.subsets.end()) return found->second;
    if (held.bytes > k_budget) {
        held.subsets.clear();
        held.bytes = 0;
    }
    Subset s;
    s.tag = subset_tag(f);
    std::string bytes = subset(f);
    s.length = bytes.size();
    s.packed = deflate(bytes, k_deflate_level);
    held.bytes += key.size() + s.packed.size();
    return held.subsets.emplace(std::move(key), std::move(s)).first->second;
}

}  // namespace

// The advances pango gives every glyph of a face at one scale (hb_font's, in pango units):
// hb's advance, rounded to a whole point as pango rounds glyph positions, in thousandths of the
// size, rounded to three places as written. Made once per thread and scale.
static const std::vector<double>& widths_at(hb_font_t* font, const FaceInfo& info) {
    struct Key {
        hb_face_t* face;
        int scale;
        bool operator==(const Key&) const = default;
    };
    struct Hash {
        std::size_t operator()(const Key& k) const { return std::hash<void*>()(k.face) ^ static_cast<std::size_t>(k.scale) * 31; }
    };
    thread_local std::unordered_map<Key, std::vector<double>, Hash> held;
    int xs = 0, ys = 0;
    hb_font_get_scale(font, &xs, &ys);
    auto [it, made] = held.try_emplace(Key{info.face, ys});
    if (made) {
        it->second.resize(info.glyph_count);
        for (unsigned g = 0; g < info.glyph_count; ++g) {
            hb_position_t advance = hb_font_get_glyph_h_advance(font, g);
            double rounded = static_cast<double>(PANGO_UNITS_ROUND(advance));
            it->second[g] = ys > 0 ? std::round(rounded * 1000.0 / ys * 1000.0) / 1000.0 : 0;
        }
    }
    return it->second;
}

UsedFont& EmbeddedFonts::font(PangoFont* pango_font) {
    auto found = m_font_index.find(pango_font);
    if (found != m_font_index.end()) return *found->second;
    hb_font_t* hb = pango_font_get_hb_font(pango_font);
    hb_face_t* face = hb_font_get_face(hb);
    UsedFace*& used_face = m_face_index[face];
    if (!used_face) {
        auto f = std::make_unique<UsedFace>();
        f->info = &face_info(face);
        f->used.assign(f->info->glyph_count, 0);
        f->unicode.resize(f->info->glyph_count);
        used_face = f.get();
        m_faces.push_back(std::move(f));
    }
    const std::vector<double>& widths = widths_at(hb, *used_face->info);
    int xs = 0, ys = 0;
    hb_font_get_scale(hb, &xs, &ys);
    // Two pango fonts of one face and size (one with a slant of its own) are one PDF font.
    for (auto& f : m_fonts)
        if (f->face == used_face && f->widths == &widths) return *(m_font_index[pango_font] = f.get());
    auto f = std::make_unique<UsedFont>();
    f->face = used_face;
    f->widths = &widths;
    f->size = static_cast<double>(ys) / PANGO_SCALE;
    f->resource = static_cast<int>(m_fonts.size());
    f->object = m_file.reserve();
    f->used.assign(used_face->info->glyph_count, 0);
    m_font_index[pango_font] = f.get();
    m_fonts.push_back(std::move(f));
    return *m_fonts.back();
}

std::string EmbeddedFonts::resources() const {
    std::string s;
    for (const auto& f : m_fonts) {
        s += "/F";
        put_int(s, f->resource);
        s += ' ';
        put_int(s, f->object);
        s += " 0 R ";
    }
    return s;
}

void EmbeddedFonts::write() {
    // Per face: the subset, its descriptor and the ToUnicode CMap, shared by its sizes.
    struct Written {
        std::string base;
        int descriptor;
        int cmap;
    };
    std::unordered_map<const UsedFace*, Written> written;
    for (const auto& face : m_faces) {
        const UsedFace& f = *face;
        const FaceInfo& info = *f.info;
        const Subset& cut = cached_subset(f);
        Written w{cut.tag + "+" + info.postscript_name, m_file.reserve(), m_file.reserve()};
        int file = m_file.reserve();
        std::string dict = "/Length1 ";
        put_int(dict, static_cast<long long>(cut.length));
        m_file.deflated_stream(file, dict, cut.packed);

        std::string d = "<< /Type /FontDescriptor /FontName /" + w.base + " /Flags ";
        put_int(d, info.italic_angle != 0 ? 4 + 64 : 4);  // symbolic: its codes are glyph ids
        d += " /FontBBox [";
        for (int v : info.bbox) {
            d += ' ';
            put_int(d, v);
        }
        d += " ] /ItalicAngle ";
        put_int(d, info.italic_angle);
        d += " /Ascent ";
        put_int(d, info.ascent);
        d += " /Descent ";
        put_int(d, info.descent);
        d += " /CapHeight ";
        put_int(d, info.cap_height);
        d += " /StemV 80 /FontFile2 ";
        put_int(d, file);
        d += " 0 R >>";
        m_file.object(w.descriptor, d);
        m_file.stream(w.cmap, "", to_unicode_cmap(f));
        written.emplace(&f, std::move(w));
    }
    for (const auto& font : m_fonts) {
        const UsedFont& f = *font;
        const Written& w = written.at(f.face);
        int cid = m_file.reserve();
        std::string c = "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /" + w.base +
                        " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ";
        put_int(c, w.descriptor);
        c += " 0 R /CIDToGIDMap /Identity /W [";
        // Runs of consecutive glyph ids: first [w w ...].
        for (uint32_t g = 0; g < f.used.size();) {
            if (!f.used[g]) {
                ++g;
                continue;
            }
            c += ' ';
            put_int(c, g);
            c += " [";
            for (; g < f.used.size() && f.used[g]; ++g) {
                put_number(c, (*f.widths)[g]);
                c += ' ';
            }
            c += ']';
        }
        c += " ] >>";
        m_file.object(cid, c);

        std::string t = "<< /Type /Font /Subtype /Type0 /BaseFont /" + w.base + " /Encoding /Identity-H /DescendantFonts [";
        put_int(t, cid);
        t += " 0 R] /ToUnicode ";
        put_int(t, w.cmap);
        t += " 0 R >>";
        m_file.object(f.object, t);
    }
}

}  // namespace clausebook::write::pdf
