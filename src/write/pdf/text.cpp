#include "write/pdf/text.hpp"

#include <cairo-pdf.h>

namespace clausebook::write::pdf {

namespace {

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

}  // namespace

Text::~Text() {
    if (layout) g_object_unref(layout);
    for (auto* r : own_runs) pango_glyph_item_free(r);
}

int Text::pixel_width() const {
    if (layout) {
        PangoRectangle logical;
        pango_layout_get_pixel_extents(layout, nullptr, &logical);
        return logical.width;
    }
    return PANGO_PIXELS_CEIL(logical_width);
}

PangoContext* thread_context() {
    struct Holder {
        PangoContext* context = nullptr;
        ~Holder() {
            if (context) g_object_unref(context);
        }
    };
    thread_local Holder held;
    if (!held.context) {
        // Made from a PDF surface, so that pango merges in that surface's font options (no
        // hinting, glyph positions not rounded); unhinted metrics: text measured is text drawn,
        // at any scale. The context keeps no reference to the surface.
        cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(&discard, nullptr, k_page_width, k_page_height);
        cairo_t* cr = cairo_create(surface);
        held.context = pango_cairo_create_context(cr);
        cairo_font_options_t* options = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
        pango_cairo_context_set_font_options(held.context, options);
        cairo_font_options_destroy(options);
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
    }
    return held.context;
}

}  // namespace clausebook::write::pdf
