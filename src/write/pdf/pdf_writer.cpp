// PDF: one policy drawn with cairo and pango, tagged for screen readers. layout.hpp builds the
// content and cuts it into pages; this file draws the pages (running header and footer from
// page_text.hpp), with structure tags, named destinations, links and bookmarks, sets the
// metadata and adds the language (catalog_update.hpp). docs/pdf.md describes the result.
#include <cairo-pdf.h>
#include <cairo.h>
#include <hb.h>
#include <pango/pangocairo.h>

#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "util/date.hpp"
#include "util/environment.hpp"
#include "util/error.hpp"
#include "write/pdf/catalog_update.hpp"
#include "write/pdf/layout.hpp"
#include "write/pdf/page_text.hpp"
#include "write/writer.hpp"

namespace clausebook::write {

namespace {

using namespace pdf;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// The document's one time, as the DOCX's (src/write/docx/docx_writer.cpp): SOURCE_DATE_EPOCH
// when set, else midnight UTC on the approval date, else 1 January 1980. Never the clock.
std::string document_time(const model::Metadata& meta, const WriteOptions& options) {
    int y = 1980, mo = 1, d = 1, h = 0, mi = 0, s = 0;
    if (options.source_date_epoch) {
        util::UtcTime t = util::utc_time(*options.source_date_epoch);
        y = t.date.year, mo = t.date.month, d = t.date.day;
        h = t.hour, mi = t.minute, s = t.second;
    } else if (meta.approved) {
        y = meta.approved->year, mo = meta.approved->month, d = meta.approved->day;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s);
    return buf;
}

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

// The last run of a line with the space pango keeps, undrawn, at its end made a real space
// glyph of no width; or null if it has none. cairo would mark an undrawn space as a span of its
// own inside the paragraph's marked content, which poppler's structure reader stops at (the
// rest of a heading would be lost); a space glyph keeps the words apart in the copied text.
PangoGlyphItem* with_trailing_space(PangoGlyphItem* run) {
    PangoGlyphString* g = run->glyphs;
    int n = g->num_glyphs;
    if (n == 0 || g->glyphs[n - 1].glyph != PANGO_GLYPH_EMPTY) return nullptr;
    hb_codepoint_t space = 0;
    if (!hb_font_get_nominal_glyph(pango_font_get_hb_font(run->item->analysis.font), 0x20, &space)) return nullptr;
    PangoGlyphItem* copy = pango_glyph_item_copy(run);
    for (int i = n - 1; i >= 0 && copy->glyphs->glyphs[i].glyph == PANGO_GLYPH_EMPTY; --i) {
        copy->glyphs->glyphs[i].glyph = space;
        copy->glyphs->glyphs[i].geometry.width = 0;
    }
    return copy;
}

class Painter {
public:
    Painter(const model::Document& doc, cairo_surface_t* surface, cairo_t* cr, const std::vector<Item>& items, const std::vector<Page>& pages,
            const std::string& family)
        : m_doc(doc), m_surface(surface), m_cr(cr), m_items(items), m_pages(pages) {
        for (std::size_t p = 0; p < pages.size(); ++p)
            for (const auto& pl : pages[p]) {
                const Item& item = items[pl.item];
                if (item.kind == Item::Kind::para && pl.first_line == 0 && !item.para->dest.empty()) m_dest_page[item.para->dest] = static_cast<int>(p + 1);
            }
        m_furniture = pango_font_description_new();
        pango_font_description_set_family(m_furniture, family.c_str());
        pango_font_description_set_size(m_furniture, 9 * PANGO_SCALE);
        m_number_font = pango_font_description_copy(m_furniture);
        pango_font_description_set_size(m_number_font, 11 * PANGO_SCALE);
    }
    ~Painter() {
        pango_font_description_free(m_furniture);
        pango_font_description_free(m_number_font);
    }

    void paint() {
        for (std::size_t p = 0; p < m_pages.size(); ++p) {
            furniture(static_cast<int>(p + 1));
            for (const auto& pl : m_pages[p]) place(pl);
            cairo_show_page(m_cr);
        }
    }

private:
    void place(const Placement& pl) {
        const Item& item = m_items[pl.item];
        switch (item.kind) {
        case Item::Kind::begin: cairo_tag_begin(m_cr, item.tag.c_str(), ""); return;
        case Item::Kind::end: cairo_tag_end(m_cr, item.tag.c_str()); return;
        case Item::Kind::page_break: return;
        case Item::Kind::rule:
            cairo_set_source_rgb(m_cr, 0.6, 0.6, 0.6);
            cairo_set_line_width(m_cr, 0.75);
            cairo_move_to(m_cr, item.x, pl.y);
            cairo_line_to(m_cr, item.x + item.width, pl.y);
            cairo_stroke(m_cr);
            return;
        case Item::Kind::para: para(*item.para, pl); return;
        case Item::Kind::row: row(pl.repeated_header ? *item.row->repeat : *item.row, pl, pl.repeated_header); return;
        }
    }

    void para(const Para& p, const Placement& pl) {
        const Text& t = *p.text;
        double top = pl.y - t.lines[pl.first_line].top;  // of the layout
        bool first = pl.first_line == 0;
        if (first && !p.dest.empty()) {
            char attrs[160];
            std::snprintf(attrs, sizeof attrs, "name='%s' x=%.2f y=%.2f", p.dest.c_str(), p.x, pl.y);
            cairo_tag_begin(m_cr, CAIRO_TAG_DEST, attrs);
            cairo_tag_end(m_cr, CAIRO_TAG_DEST);
        }
        if (first && p.outline_level > 0) outline(p);
        if (first && p.label) {
            cairo_tag_begin(m_cr, "Lbl", "");
            const Text& l = *p.label;
            line(l, l.lines[0], p.label_x, top + t.lines[0].baseline - l.lines[0].baseline);
            cairo_tag_end(m_cr, "Lbl");
            cairo_tag_begin(m_cr, "LBody", "");
        }
        // A paragraph that runs on to the next page is a P on each: the running header and
        // footer must be drawn outside any tag that marks content.
        cairo_tag_begin(m_cr, p.tag.c_str(), "");
        if (!p.contents_dest.empty()) cairo_tag_begin(m_cr, CAIRO_TAG_LINK, ("dest='" + p.contents_dest + "'").c_str());
        for (std::size_t i = pl.first_line; i < pl.end_line; ++i) line(t, t.lines[i], p.x, top);
        if (!p.contents_dest.empty()) {
            auto found = m_dest_page.find(p.contents_dest);
            std::string number = found == m_dest_page.end() ? "" : std::to_string(found->second);
            TextSpec spec;
            spec.font = m_number_font;
            spec.wrap_words = false;
            TextPtr n = lay_out(number, spec);
            int w = 0, h = 0;
            pango_layout_get_size(n->layout, &w, &h);
            const LineBox& last = t.lines[pl.end_line - 1];
            double baseline = n->lines.empty() ? 0 : n->lines[0].baseline;
            cairo_set_source_rgb(m_cr, 0, 0, 0);
            cairo_move_to(m_cr, k_margin + k_body_width - pango_units_to_double(w), top + last.baseline - baseline);
            pango_cairo_show_layout(m_cr, n->layout);
            cairo_tag_end(m_cr, CAIRO_TAG_LINK);
        }
        cairo_tag_end(m_cr, p.tag.c_str());
    }

    void outline(const Para& p) {
        int parent = p.outline_level > 1 ? m_outline[static_cast<std::size_t>(p.outline_level - 2)] : CAIRO_PDF_OUTLINE_ROOT;
        int id = cairo_pdf_surface_add_outline(m_surface, parent, p.outline_title.c_str(), ("dest='" + p.dest + "'").c_str(),
                                               static_cast<cairo_pdf_outline_flags_t>(0));
        m_outline[static_cast<std::size_t>(p.outline_level - 1)] = id;
        for (std::size_t l = static_cast<std::size_t>(p.outline_level); l < 3; ++l) m_outline[l] = id;  // a deeper level skipped hangs here
    }

    // One line of `t`, whose layout's top left is at (x, top), drawn run by run so that each
    // link's text is inside its link tag.
    void line(const Text& t, const LineBox& box, double x, double top) {
        const char* text = pango_layout_get_text(t.layout);
        double pen = x + box.left;
        double baseline = top + box.baseline;
        for (GSList* r = box.line->runs; r; r = r->next) {
            auto* run = static_cast<PangoGlyphItem*>(r->data);
            double width = pango_units_to_double(pango_glyph_string_get_width(run->glyphs));
            const LinkSpan* link = nullptr;
            for (const auto& span : t.links)
                if (run->item->offset >= span.start && run->item->offset < span.end) link = &span;
            if (link) cairo_tag_begin(m_cr, CAIRO_TAG_LINK, link->attributes.c_str());
            PangoAttribute* colour = nullptr;
            if (has_attribute(run->item, PANGO_ATTR_FOREGROUND, &colour)) {
                const PangoColor& c = reinterpret_cast<PangoAttrColor*>(colour)->color;
                cairo_set_source_rgb(m_cr, c.red / 65535.0, c.green / 65535.0, c.blue / 65535.0);
            } else {
                cairo_set_source_rgb(m_cr, 0, 0, 0);
            }
            cairo_move_to(m_cr, pen, baseline);
            if (PangoGlyphItem* trimmed = r->next ? nullptr : with_trailing_space(run)) {
                pango_cairo_show_glyph_item(m_cr, text, trimmed);
                pango_glyph_item_free(trimmed);
            } else {
                pango_cairo_show_glyph_item(m_cr, text, run);
            }
            if (has_attribute(run->item, PANGO_ATTR_UNDERLINE)) cairo_rectangle(m_cr, pen, baseline + 1.5, width, 0.6);
            if (has_attribute(run->item, PANGO_ATTR_STRIKETHROUGH)) cairo_rectangle(m_cr, pen, baseline - 3.5, width, 0.6);
            cairo_fill(m_cr);
            if (link) cairo_tag_end(m_cr, CAIRO_TAG_LINK);
            pen += width;
        }
    }

    // A row, or the slice of it that `pl` places on this page (layout.hpp). A row cut into
    // slices is a TR on each page, as a paragraph running on is a P on each.
    void row(const Row& r, const Placement& pl, bool repeated) {
        const double y = pl.y;
        const bool slice = !repeated && !pl.cell_lines.empty();
        const double height = slice ? pl.height : r.height;
        bool clip = height > k_body_bottom - k_body_top;  // a single line taller than a page: cut at the page's text block
        if (clip) {
            cairo_save(m_cr);
            cairo_rectangle(m_cr, 0, k_body_top, k_page_width, k_body_bottom - k_body_top);
            cairo_clip(m_cr);
        }
        if (!repeated) cairo_tag_begin(m_cr, "TR", "");  // a repeated header is a copy, not content
        for (const auto& c : r.cells) {
            if (c.header) {
                cairo_set_source_rgb(m_cr, 0.92, 0.92, 0.92);
                cairo_rectangle(m_cr, c.x, y, c.width, height);
                cairo_fill(m_cr);
            }
            cairo_set_source_rgb(m_cr, 0.55, 0.55, 0.55);
            cairo_set_line_width(m_cr, 0.5);
            cairo_rectangle(m_cr, c.x, y, c.width, height);
            cairo_stroke(m_cr);
        }
        for (std::size_t k = 0; k < r.cells.size(); ++k) {
            const Cell& c = r.cells[k];
            const auto& lines = c.text->lines;
            std::size_t first = slice ? pl.cell_lines[k].first : 0, end = slice ? pl.cell_lines[k].second : lines.size();
            if (!repeated) cairo_tag_begin(m_cr, c.header ? "TH" : "TD", "");
            double top = y + r.padding - (first < lines.size() ? lines[first].top : 0);  // of the layout
            for (std::size_t l = first; l < end; ++l) line(*c.text, lines[l], c.x + r.inset, top);
            if (!repeated) cairo_tag_end(m_cr, c.header ? "TH" : "TD");
        }
        if (!repeated) cairo_tag_end(m_cr, "TR");
        if (clip) cairo_restore(m_cr);
    }

    // The running header and footer: drawn where no content-marking tag is open, so they stay
    // out of the structure tree.
    void furniture(int page) {
        PageText words = page_text(m_doc.meta, page, static_cast<int>(m_pages.size()));
        cairo_set_source_rgb(m_cr, 0.3, 0.3, 0.3);
        // One line each: the left text at most half the width, the right the rest; a text too
        // long for its room ends in an ellipsis. Returns the width drawn.
        auto draw = [&](const std::string& s, double baseline, bool right, double room) {
            if (s.empty()) return 0.0;
            TextSpec spec;
            spec.font = m_furniture;
            spec.width = room;
            spec.align = right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
            spec.ellipsize = true;
            spec.wrap_words = false;
            TextPtr t = lay_out(s, spec);
            double b = t->lines.empty() ? 0 : t->lines[0].baseline;
            PangoRectangle ink, logical;
            pango_layout_get_pixel_extents(t->layout, &ink, &logical);
            cairo_move_to(m_cr, right ? k_margin + k_body_width - room : k_margin, baseline - b);
            pango_cairo_show_layout(m_cr, t->layout);
            return static_cast<double>(logical.width);
        };
        const double gap = 12;
        if (!words.banner.empty()) {
            cairo_set_source_rgb(m_cr, 0.6, 0.0, 0.0);  // dark red on white: over 7:1, and the words say it
            draw(words.banner, 30, false, k_body_width);
            cairo_set_source_rgb(m_cr, 0.3, 0.3, 0.3);
        }
        double used = draw(words.header_left, 44, false, k_body_width / 2 - gap / 2);
        draw(words.header_right, 44, true, k_body_width - used - gap);
        used = draw(words.footer_left, k_page_height - 36, false, k_body_width / 2 - gap / 2);
        draw(words.footer_right, k_page_height - 36, true, k_body_width - used - gap);
    }

    const model::Document& m_doc;
    cairo_surface_t* m_surface;
    cairo_t* m_cr;
    const std::vector<Item>& m_items;
    const std::vector<Page>& m_pages;
    std::unordered_map<std::string, int> m_dest_page;
    int m_outline[3] = {CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT};
    PangoFontDescription* m_furniture;
    PangoFontDescription* m_number_font;
};

}  // namespace

std::string write_pdf(const model::Document& doc, const WriteOptions& write_options) {
    const std::string family = write_options.font_family.empty() ? std::string(k_default_family) : write_options.font_family;
    std::string out;
    out.reserve(64 * 1024);
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(&append, &out, k_page_width, k_page_height);
    std::string time = document_time(doc.meta, write_options);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc.meta.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, doc.meta.school_name.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "clausebook");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, time.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, time.c_str());
    cairo_t* cr = cairo_create(surface);
    {
        // Layout first (in the thread's pango context, layout.hpp), then pages, then drawing:
        // the contents' page numbers and "Page X of Y" are known before the first page is drawn.
        std::vector<Item> items = build_items(doc, family);
        std::vector<Page> pages = paginate(items);
        Painter(doc, surface, cr, items, pages, family).paint();
    }
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw util::Fatal("PDF of " + doc.meta.school_id + "/" + doc.meta.policy_id + ": cairo failed: " + cairo_status_to_string(status), 3);
    // cairo 1.16 has no call for the language or the viewer preference: catalog_update.hpp.
    add_catalog_entries(out, "/Lang (en-GB)\n   /ViewerPreferences << /DisplayDocTitle true >>");
    return out;
}

}  // namespace clausebook::write
