// PDF: one policy, its pages written as PDF objects by clausebook itself (no drawing library):
// layout.hpp builds the content with pango and cuts it into pages; this file writes each page's
// content stream (glyph runs as pango placed them, rules, cell borders and shading), the
// structure tree that tags the content for screen readers (marked content with MCIDs, a parent
// tree, link annotations as object references), named destinations, links, bookmarks, the
// metadata, the language and the title preference. Drawing state and glyph codes are
// page_content.hpp's; fonts are embedded by embedded_fonts.hpp,
// the file's bytes written by pdf_file.hpp. docs/pdf.md describes the result.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "util/date.hpp"
#include "util/environment.hpp"
#include "util/error.hpp"
#include "write/pdf/embedded_fonts.hpp"
#include "write/pdf/layout.hpp"
#include "write/pdf/page_content.hpp"
#include "write/pdf/page_text.hpp"
#include "write/pdf/pdf_file.hpp"
#include "write/pdf/xmp.hpp"
#include "write/writer.hpp"

namespace clausebook::write {

namespace {

using namespace pdf;

// A link's target from its attributes (layout.hpp, LinkSpan): "dest='s-1-2'" or
// "uri='https://...'", quoted with ' and escaped with \.
struct Target {
    bool uri = false;
    std::string value;
};
Target parse_target(const std::string& attributes) {
    Target t;
    std::size_t eq = attributes.find('=');
    if (eq == std::string::npos) return t;
    t.uri = attributes.compare(0, eq, "uri") == 0;
    for (std::size_t i = eq + 2; i + 1 < attributes.size(); ++i) {
        if (attributes[i] == '\\' && i + 2 < attributes.size()) ++i;
        t.value += attributes[i];
    }
    return t;
}

struct Kid {
    enum Kind { mcid, element, annotation } kind;
    int page;
    int value;  // the MCID, the element's index, the annotation's index
};

struct Element {
    std::string type;
    int parent;  // -1: the structure tree's root
    int page = -1;
    std::vector<Kid> kids;
    const char* scope = nullptr;  // TH: /Column or /Row
    int object = 0;
};

struct Annotation {
    int object;
    int page;
    int element;
};

struct Destination {
    std::string name;
    int page;
    double x, y;
};

struct Bookmark {
    int level;
    std::string title;
    std::string dest;
};

class Writer {
public:
    Writer(const model::Document& doc, const WriteOptions& options, const std::vector<Item>& items, const std::vector<Page>& pages, const std::string& family)
        : m_doc(doc), m_options(options), m_items(items), m_pages(pages), m_fonts(m_file) {
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
        m_catalog = m_file.reserve();
        m_page_tree = m_file.reserve();
        m_resources = m_file.reserve();
        for (std::size_t p = 0; p < pages.size(); ++p) m_page_objects.push_back(m_file.reserve());
    }
    ~Writer() {
        pango_font_description_free(m_furniture);
        pango_font_description_free(m_number_font);
    }

    std::string write() {
        for (std::size_t p = 0; p < m_pages.size(); ++p) {
            m_page = static_cast<int>(p);
            furniture(static_cast<int>(p + 1));
            for (const auto& pl : m_pages[p]) place(pl);
            end_page();
        }
        return finish();
    }

private:
    // --- structure -----------------------------------------------------------------------

    void begin(const std::string& type) {
        close_marked();
        int parent = m_stack.empty() ? -1 : m_stack.back();
        m_elements.push_back({type, parent, -1, {}, nullptr, 0});
        int index = static_cast<int>(m_elements.size() - 1);
        if (parent >= 0) m_elements[static_cast<std::size_t>(parent)].kids.push_back({Kid::element, -1, index});
        m_stack.push_back(index);
    }
    void end() {
        close_marked();
        if (!m_stack.empty()) m_stack.pop_back();
    }

    // Marks what is drawn next on the text canvas as content of the innermost open element.
    void mark() {
        if (m_stack.empty()) return;
        int e = m_stack.back();
        if (m_marked == e) return;
        close_marked();
        Element& el = m_elements[static_cast<std::size_t>(e)];
        int mcid = static_cast<int>(m_mcids.size());
        m_mcids.push_back(e);
        if (el.page < 0) el.page = m_page;
        el.kids.push_back({Kid::mcid, m_page, mcid});
        put_name(m_text.s, el.type);
        m_text.s += " <</MCID ";
        put_int(m_text.s, mcid);
        m_text.s += ">> BDC\n";
        m_marked = e;
    }
    void close_marked() {
        if (m_marked < 0) return;
        m_text.s += "EMC\n";
        m_marked = -1;
    }

    void begin_link(const std::string& attributes) {
        begin("Link");
        m_link = parse_target(attributes);
        m_link_box[0] = m_link_box[1] = 1e9;
        m_link_box[2] = m_link_box[3] = -1e9;
    }
    void end_link() {
        close_marked();
        int element = m_stack.empty() ? -1 : m_stack.back();
        if (element >= 0 && m_link_box[0] <= m_link_box[2] && !m_link.value.empty()) {
            int object = m_file.reserve();
            int index = static_cast<int>(m_annotations.size());
            m_annotations.push_back({object, m_page, element});
            m_page_annotations.push_back(object);
            auto& kids = m_elements[static_cast<std::size_t>(element)].kids;
            kids.insert(kids.begin(), {Kid::annotation, m_page, index});
            std::string a = "<< /Type /Annot /Subtype /Link /Rect [";
            for (int i = 0; i < 4; ++i) {
                double v = i % 2 ? k_page_height - m_link_box[i] : m_link_box[i];
                put_number(a, v, 2);
                a += i < 3 ? " " : "";
            }
            a += "] /Border [0 0 0] /F 4 /StructParent ";
            put_int(a, static_cast<long long>(m_pages.size()) + index);
            a += " /P ";
            put_int(a, m_page_objects[static_cast<std::size_t>(m_page)]);
            a += " 0 R";
            if (!m_link_text.empty()) {
                a += " /Contents ";
                put_text_string(a, m_link_text);
            }
            if (m_link.uri) {
                a += " /A << /S /URI /URI ";
                put_literal(a, m_link.value);
                a += " >>";
            } else {
                a += " /Dest ";
                put_literal(a, m_link.value);
            }
            a += " >>";
            m_file.object(object, a);
        }
        m_link_text.clear();
        m_link = {};
        end();
    }
    void grow_link(double x0, double top, double x1, double bottom) {
        // Layout coordinates: y down; the box is flipped when written.
        m_link_box[0] = std::min(m_link_box[0], x0);
        m_link_box[1] = std::max(m_link_box[1], bottom);
        m_link_box[2] = std::max(m_link_box[2], x1);
        m_link_box[3] = std::min(m_link_box[3], top);
    }
    bool in_link() const { return !m_link.value.empty() || m_link_open; }

    // --- drawing -------------------------------------------------------------------------

    void place(const Placement& pl) {
        const Item& item = m_items[pl.item];
        switch (item.kind) {
        case Item::Kind::begin: begin(item.tag); return;
        case Item::Kind::end: end(); return;
        case Item::Kind::page_break: return;
        case Item::Kind::rule:
            m_art.set_stroke(0.6, 0.6, 0.6, 0.75);
            put_number(m_art.s, item.x, 2);
            m_art.s += ' ';
            put_number(m_art.s, k_page_height - pl.y, 2);
            m_art.s += " m ";
            put_number(m_art.s, item.x + item.width, 2);
            m_art.s += ' ';
            put_number(m_art.s, k_page_height - pl.y, 2);
            m_art.s += " l S\n";
            return;
        case Item::Kind::para: para(*item.para, pl); return;
        case Item::Kind::row: row(pl.repeated_header ? *item.row->repeat : *item.row, pl, pl.repeated_header); return;
        }
    }

    void para(const Para& p, const Placement& pl) {
        const Text& t = *p.text;
        double top = pl.y - t.lines[pl.first_line].top;  // of the layout
        bool first = pl.first_line == 0;
        if (first && !p.dest.empty()) m_dests.push_back({p.dest, m_page, p.x, k_page_height - pl.y});
        if (first && p.outline_level > 0) m_bookmarks.push_back({p.outline_level, p.outline_title, p.dest});
        if (first && p.label) {
            begin("Lbl");
            const Text& l = *p.label;
            line(m_text, l, l.lines[0], p.label_x, top + t.lines[0].baseline - l.lines[0].baseline, true);
            end();
            begin("LBody");
        }
        // A paragraph that runs on to the next page is a P on each.
        begin(p.tag);
        if (!p.contents_dest.empty()) {
            begin_link("dest='" + p.contents_dest + "'");
            m_link_open = true;
            m_link_text = t.text();
        }
        for (std::size_t i = pl.first_line; i < pl.end_line; ++i) line(m_text, t, t.lines[i], p.x, top, true);
        if (!p.contents_dest.empty()) {
            auto found = m_dest_page.find(p.contents_dest);
            std::string number = found == m_dest_page.end() ? "" : std::to_string(found->second);
            TextSpec spec;
            spec.font = m_number_font;
            spec.wrap_words = false;
            TextPtr n = lay_out(number, spec);
            const int w = n->logical_width;
            const LineBox& last = t.lines[pl.end_line - 1];
            double baseline = n->lines.empty() ? 0 : n->lines[0].baseline;
            double x = k_margin + k_body_width - pango_units_to_double(w), y = top + last.baseline - baseline;
            for (const auto& box : n->lines) line(m_text, *n, box, x, y, true);
            m_link_open = false;
            end_link();
        }
        end();
    }

    // One line of `t`, whose layout's top left is at (x, top), run by run so that each link's
    // text is inside a Link element of its own. `tagged`: on the text canvas, as content.
    void line(Canvas& c, const Text& t, const LineBox& box, double x, double top, bool tagged) {
        const char* text = t.text();
        double pen = x + box.left;
        double baseline = top + box.baseline;
        const auto line_index = static_cast<std::size_t>(&box - t.lines.data());
        if (t.encoded.empty()) t.encoded.resize(t.lines.size());
        std::vector<EncodedRun>& encoded = t.encoded[line_index];
        if (encoded.empty()) encoded.resize(box.runs.size());
        for (std::size_t run_index = 0; run_index < box.runs.size(); ++run_index) {
            PangoGlyphItem* run = box.runs[run_index];
            UsedFont& font = m_fonts.font(run->item->analysis.font);
            EncodedRun& code = encoded[run_index];
            if (!code.made) {
                encode_glyph_run(code, run, font, run_index + 1 == box.runs.size());
                describe_run(code, run);
            }
            double width = code.width;
            const LinkSpan* link = nullptr;
            if (tagged && !in_link())
                for (const auto& span : t.links)
                    if (run->item->offset >= span.start && run->item->offset < span.end) link = &span;
            if (link) {
                begin_link(link->attributes);
                m_link_text.assign(text + run->item->offset, static_cast<std::size_t>(run->item->length));
            }
            const double* rgb = code.coloured ? code.rgb : m_ink;
            if (tagged) mark();
            c.set_fill(rgb[0], rgb[1], rgb[2]);
            glyphs(c, text, code, font, pen, baseline);
            bool under = code.underline, strike = code.strikethrough;
            if (under || strike) {
                m_art.set_fill(rgb[0], rgb[1], rgb[2]);
                if (under) m_art.rect(pen, baseline + 1.5, width, 0.6);
                if (strike) m_art.rect(pen, baseline - 3.5, width, 0.6);
                m_art.s += "f\n";
            }
            if (in_link()) grow_link(pen, top + box.top, pen + width, top + box.top + box.height);
            if (link) end_link();
            pen += width;
        }
    }

    // A glyph run at (x, baseline), in `font`, as `code` has it encoded.
    void glyphs(Canvas& c, const char* text, const EncodedRun& code, UsedFont& font, double x, double baseline) {
        const double skew = code.skew;
        std::string& s = c.s;
        s += "BT /F";
        put_int(s, font.resource);
        s += ' ';
        put_number(s, font.size, 3);
        s += " Tf 1 0 ";
        put_number(s, skew, 3);
        s += " 1 ";
        put_number(s, x, 3);
        s += ' ';
        put_number(s, k_page_height - baseline, 3);
        s += " Tm[(";
        s += code.codes;
        s += ")]TJ ET\n";
        for (const auto& g : code.glyphs)
            m_fonts.use(font, g.id, g.length == EncodedRun::k_space ? std::string_view(" ") : std::string_view(text + g.offset, g.length));
    }

    // A row, or the slice of it that `pl` places on this page (layout.hpp). A row cut into
    // slices is a TR on each page, as a paragraph running on is a P on each.
    void row(const Row& r, const Placement& pl, bool repeated) {
        const double y = pl.y;
        const bool slice = !repeated && !pl.cell_lines.empty();
        const double height = slice ? pl.height : r.height;
        bool clip = height > k_body_bottom - k_body_top;  // a single line taller than a page: cut at the page's text block
        if (clip) {
            close_marked();
            for (Canvas* c : {&m_art, &m_text}) {
                c->s += "q ";
                c->rect(0, k_body_top, k_page_width, k_body_bottom - k_body_top);
                c->s += "W n\n";
            }
        }
        for (const auto& c : r.cells) {
            if (c.header) {
                m_art.set_fill(0.92, 0.92, 0.92);
                m_art.rect(c.x, y, c.width, height);
                m_art.s += "f\n";
            }
            m_art.set_stroke(0.55, 0.55, 0.55, 0.5);
            m_art.rect(c.x, y, c.width, height);
            m_art.s += "S\n";
        }
        if (!repeated) begin("TR");  // a repeated header is a copy, not content: an artifact
        for (std::size_t k = 0; k < r.cells.size(); ++k) {
            const Cell& c = r.cells[k];
            const auto& lines = c.text->lines;
            std::size_t first = slice ? pl.cell_lines[k].first : 0, end_line = slice ? pl.cell_lines[k].second : lines.size();
            if (!repeated) {
                begin(c.header ? "TH" : "TD");
                if (c.header) m_elements.back().scope = r.header ? "/Column" : "/Row";
            }
            double top = y + r.padding - (first < lines.size() ? lines[first].top : 0);  // of the layout
            for (std::size_t l = first; l < end_line; ++l) line(repeated ? m_art : m_text, *c.text, lines[l], c.x + r.inset, top, !repeated);
            if (!repeated) end();
        }
        if (!repeated) end();
        if (clip) {
            close_marked();
            for (Canvas* c : {&m_art, &m_text}) {
                c->s += "Q\n";
                c->reset_state();
            }
        }
    }

    // The running header and footer: artifacts, out of the structure tree.
    void furniture(int page) {
        PageText words = page_text(m_doc.meta, page, static_cast<int>(m_pages.size()));
        // Each text is laid out at its natural width, so that the same words (the school, the
        // policy, "Page 3 of 27") are one layout for every page and every document, whatever
        // the room beside them (layout.cpp keeps it); placed at the right by arithmetic, as
        // pango would align it. Only words wider than their room are laid out again, in the
        // room, cut short with an ellipsis.
        auto draw = [&](const std::string& s, double baseline, bool right, double room) {
            if (s.empty()) return 0.0;
            TextSpec spec;
            spec.font = m_furniture;
            spec.wrap_words = false;
            TextPtr t = lay_out(s, spec);
            const int logical_width = t->logical_width;
            const int room_units = pango_units_from_double(std::max(room, 1.0));
            double x = right ? k_margin + k_body_width - room : k_margin;
            double shift = 0;  // where pango's alignment in the room would put the line
            if (logical_width > room_units) {
                spec.width = room;
                spec.align = right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
                spec.ellipsize = true;
                t = lay_out(s, spec);
            } else if (right) {
                shift = pango_units_to_double(room_units - logical_width);
            }
            double b = t->lines.empty() ? 0 : t->lines[0].baseline;
            for (const auto& box : t->lines) line(m_art, *t, box, x + shift, baseline - b, false);  // in m_ink
            return static_cast<double>(t->pixel_width());
        };
        const double gap = 12;
        static constexpr double k_banner[3] = {0.6, 0.0, 0.0}, k_grey[3] = {0.3, 0.3, 0.3};
        if (!words.banner.empty()) {
            m_ink = k_banner;  // dark red on white: over 7:1, and the words say it
            draw(words.banner, 30, false, k_body_width);
        }
        m_ink = k_grey;
        double used = draw(words.header_left, 44, false, k_body_width / 2 - gap / 2);
        draw(words.header_right, 44, true, k_body_width - used - gap);
        used = draw(words.footer_left, k_page_height - 36, false, k_body_width / 2 - gap / 2);
        draw(words.footer_right, k_page_height - 36, true, k_body_width - used - gap);
        m_ink = k_black;
    }

    void end_page() {
        close_marked();
        // Two content streams, read as one (ISO 32000-1, 7.8.2): the artifacts (furniture,
        // rules, borders), which name the school and the page, and the page's text, which is
        // often the same in many schools' documents, byte for byte, and so deflated once
        // (deflate_kept).
        int art = 0;
        if (!m_art.s.empty()) {
            std::string content;
            content.reserve(m_art.s.size() + 32);
            content += "/Artifact BMC\n";
            content += m_art.s;
            content += "EMC\n";
            art = m_file.reserve();
            m_file.stream(art, "", content);
        }
        int text = m_file.reserve();
        m_file.deflated_stream(text, "", deflate_kept(m_text.s));
        std::string p = "<< /Type /Page /Parent ";
        put_int(p, m_page_tree);
        p += " 0 R /MediaBox [0 0 ";
        put_number(p, k_page_width);
        p += ' ';
        put_number(p, k_page_height);
        p += "] /Resources ";
        put_int(p, m_resources);
        p += " 0 R /Contents ";
        if (art) {
            p += '[';
            ref(p, art);
            p += ' ';
            ref(p, text);
            p += ']';
        } else {
            ref(p, text);
        }
        p += " /StructParents ";
        put_int(p, m_page);
        p += " /Tabs /S";
        if (!m_page_annotations.empty()) {
            p += " /Annots [";
            for (int a : m_page_annotations) {
                put_int(p, a);
                p += " 0 R ";
            }
            p += ']';
        }
        p += " >>";
        m_file.object(m_page_objects[static_cast<std::size_t>(m_page)], p);
        m_page_mcids.push_back(std::move(m_mcids));
        m_mcids.clear();
        m_page_annotations.clear();
        m_art = Canvas{};
        m_text = Canvas{};
    }

    // --- the document's objects ----------------------------------------------------------

    void ref(std::string& s, int object) {
        put_int(s, object);
        s += " 0 R";
    }

    int structure_tree() {
        int root = m_file.reserve(), parent_tree = m_file.reserve();
        for (auto& e : m_elements) e.object = m_file.reserve();
        std::vector<int> top;
        for (std::size_t i = 0; i < m_elements.size(); ++i) {
            Element& e = m_elements[i];
            if (e.parent < 0) top.push_back(e.object);
            std::string s = "<< /Type /StructElem /S ";
            put_name(s, e.type);
            s += " /P ";
            ref(s, e.parent < 0 ? root : m_elements[static_cast<std::size_t>(e.parent)].object);
            int page = e.page;
            if (page < 0)
                for (const auto& k : e.kids)
                    if (k.kind == Kid::annotation) page = k.page;
            if (page >= 0) {
                s += " /Pg ";
                ref(s, m_page_objects[static_cast<std::size_t>(page)]);
            }
            if (e.scope) {
                s += " /A << /O /Table /Scope ";
                s += e.scope;
                s += " >>";
            }
            s += " /K [";
            for (const auto& k : e.kids) {
                s += ' ';
                switch (k.kind) {
                case Kid::element: ref(s, m_elements[static_cast<std::size_t>(k.value)].object); break;
                case Kid::mcid:
                    if (k.page == page) {
                        put_int(s, k.value);
                    } else {
                        s += "<< /Type /MCR /Pg ";
                        ref(s, m_page_objects[static_cast<std::size_t>(k.page)]);
                        s += " /MCID ";
                        put_int(s, k.value);
                        s += " >>";
                    }
                    break;
                case Kid::annotation:
                    s += "<< /Type /OBJR /Obj ";
                    ref(s, m_annotations[static_cast<std::size_t>(k.value)].object);
                    s += " /Pg ";
                    ref(s, m_page_objects[static_cast<std::size_t>(k.page)]);
                    s += " >>";
                    break;
                }
            }
            s += " ] >>";
            m_file.object(e.object, s);
        }
        std::string t = "<< /Nums [";
        for (std::size_t p = 0; p < m_page_mcids.size(); ++p) {
            t += '\n';
            put_int(t, static_cast<long long>(p));
            t += " [";
            for (int e : m_page_mcids[p]) {
                ref(t, m_elements[static_cast<std::size_t>(e)].object);
                t += ' ';
            }
            t += ']';
        }
        for (std::size_t a = 0; a < m_annotations.size(); ++a) {
            t += '\n';
            put_int(t, static_cast<long long>(m_page_mcids.size() + a));
            t += ' ';
            ref(t, m_elements[static_cast<std::size_t>(m_annotations[a].element)].object);
        }
        t += " ] >>";
        m_file.object(parent_tree, t);
        std::string s = "<< /Type /StructTreeRoot /K [";
        for (int o : top) {
            ref(s, o);
            s += ' ';
        }
        s += "] /ParentTree ";
        ref(s, parent_tree);
        s += " /ParentTreeNextKey ";
        put_int(s, static_cast<long long>(m_page_mcids.size() + m_annotations.size()));
        s += " >>";
        m_file.object(root, s);
        return root;
    }

    // The bookmarks, nested as the headings are (a level skipped hangs under the last item
    // above it), every item open. Returns the outline's object, 0 if there is none.
    int outline() {
        if (m_bookmarks.empty()) return 0;
        int root = m_file.reserve();
        std::size_t n = m_bookmarks.size();
        std::vector<int> object(n), parent(n, -1), count(n, 0);
        std::vector<std::vector<int>> kids(n);
        std::vector<int> top;
        int last[3] = {-1, -1, -1};
        for (std::size_t i = 0; i < n; ++i) {
            object[i] = m_file.reserve();
            int level = std::clamp(m_bookmarks[i].level, 1, 3);
            int p = level > 1 ? last[level - 2] : -1;
            parent[i] = p;
            (p < 0 ? top : kids[static_cast<std::size_t>(p)]).push_back(static_cast<int>(i));
            for (int l = level - 1; l < 3; ++l) last[l] = static_cast<int>(i);
        }
        for (std::size_t i = n; i-- > 0;)
            if (parent[i] >= 0) count[static_cast<std::size_t>(parent[i])] += 1 + count[i];
        auto siblings = [&](const std::vector<int>& list, std::size_t at, std::string& s) {
            if (at > 0) {
                s += " /Prev ";
                ref(s, object[static_cast<std::size_t>(list[at - 1])]);
            }
            if (at + 1 < list.size()) {
                s += " /Next ";
                ref(s, object[static_cast<std::size_t>(list[at + 1])]);
            }
        };
        auto write_list = [&](const std::vector<int>& list, int parent_object) {
            for (std::size_t at = 0; at < list.size(); ++at) {
                auto i = static_cast<std::size_t>(list[at]);
                std::string s = "<< /Title ";
                put_text_string(s, m_bookmarks[i].title);
                s += " /Parent ";
                ref(s, parent_object);
                siblings(list, at, s);
                if (!kids[i].empty()) {
                    s += " /First ";
                    ref(s, object[static_cast<std::size_t>(kids[i].front())]);
                    s += " /Last ";
                    ref(s, object[static_cast<std::size_t>(kids[i].back())]);
                    s += " /Count ";
                    put_int(s, count[i]);
                }
                s += " /Dest ";
                put_literal(s, m_bookmarks[i].dest);
                s += " >>";
                m_file.object(object[i], s);
            }
        };
        write_list(top, root);
        for (std::size_t i = 0; i < n; ++i) write_list(kids[i], object[i]);
        std::string s = "<< /Type /Outlines /First ";
        ref(s, object[static_cast<std::size_t>(top.front())]);
        s += " /Last ";
        ref(s, object[static_cast<std::size_t>(top.back())]);
        s += " /Count ";
        put_int(s, static_cast<long long>(n));
        s += " >>";
        m_file.object(root, s);
        return root;
    }

    // The named destinations (a name tree of one node, its names sorted).
    int destinations() {
        if (m_dests.empty()) return 0;
        std::stable_sort(m_dests.begin(), m_dests.end(), [](const Destination& a, const Destination& b) { return a.name < b.name; });
        int tree = m_file.reserve();
        std::string s = "<< /Names [";
        const std::string* previous = nullptr;
        for (const auto& d : m_dests) {
            if (previous && *previous == d.name) continue;  // the first of a name is its target
            previous = &d.name;
            s += '\n';
            put_literal(s, d.name);
            s += " [";
            ref(s, m_page_objects[static_cast<std::size_t>(d.page)]);
            s += " /XYZ ";
            put_number(s, d.x, 2);
            s += ' ';
            put_number(s, d.y, 2);
            s += " 0]";
        }
        s += " ] >>";
        m_file.object(tree, s);
        return tree;
    }

    std::string finish() {
        int tree = structure_tree();
        int bookmarks = outline();
        int dests = destinations();
        m_fonts.write();
        m_file.object(m_resources, "<< /Font << " + m_fonts.resources() + ">> >>");
        std::string pages = "<< /Type /Pages /Kids [";
        for (int p : m_page_objects) {
            ref(pages, p);
            pages += ' ';
        }
        pages += "] /Count ";
        put_int(pages, static_cast<long long>(m_page_objects.size()));
        pages += " >>";
        m_file.object(m_page_tree, pages);

        // The document information and the XMP metadata, from the same facts (xmp.hpp).
        XmpFacts facts;
        facts.properties = document_properties(m_doc.meta);
        facts.creator_tool = "clausebook";
        facts.producer = "clausebook";
        DocumentTime time = document_time(m_doc.meta, m_options);
        facts.date = time.xmp();
        // The document's id names the school's policy, the same in every version of it; the
        // instance's is made from the bytes written so far (page content, fonts, the object
        // streams made so far) and the facts, so it changes when the content does. Neither
        // reads a clock or a random number.
        facts.document_id = derived_uuid("clausebook-policy\n" + m_doc.meta.school_id + '\n' + m_doc.meta.policy_id);
        std::string seed(m_file.written());
        seed += xmp_packet(facts);
        facts.instance_id = derived_uuid(seed);
        // The trailer's file identifier is the instance's, as hexadecimal digits: readers that
        // match a file by its /ID (and PDF/A and PDF/UA validators, which ask for one) see the
        // same identity as the XMP.
        std::string file_id;
        for (char ch : facts.instance_id.substr(5))
            if (ch != '-') file_id += ch;
        m_file_id = file_id;
        int metadata = m_file.reserve();
        m_file.raw_stream(metadata, "/Type /Metadata /Subtype /XML", xmp_packet(facts));

        int info = m_file.reserve();
        const DocumentProperties& p = facts.properties;
        std::string i = "<< /Title ";
        put_text_string(i, p.title);
        i += " /Author ";
        put_text_string(i, p.creator);
        i += " /Subject ";
        put_text_string(i, p.subject);
        i += " /Keywords ";
        put_text_string(i, keyword_list(p));
        i += " /Creator ";
        put_text_string(i, facts.creator_tool);
        i += " /Producer ";
        put_text_string(i, facts.producer);
        i += " /CreationDate (" + time.pdf() + ") /ModDate (" + time.pdf() + ") >>";
        m_file.object(info, i, true);

        std::string c = "<< /Type /Catalog /Pages ";
        ref(c, m_page_tree);
        c += " /StructTreeRoot ";
        ref(c, tree);
        c += " /Metadata ";
        ref(c, metadata);
        c += " /MarkInfo << /Marked true >> /Lang ";
        put_literal(c, facts.properties.language);
        c += " /ViewerPreferences << /DisplayDocTitle true >>";
        if (bookmarks) {
            c += " /Outlines ";
            ref(c, bookmarks);
            c += " /PageMode /UseOutlines";
        }
        if (dests) {
            c += " /Names << /Dests ";
            ref(c, dests);
            c += " >>";
        }
        c += " >>";
        m_file.object(m_catalog, c);
        return m_file.finish(m_catalog, info, m_file_id);
    }

    const model::Document& m_doc;
    const WriteOptions& m_options;
    const std::vector<Item>& m_items;
    const std::vector<Page>& m_pages;
    PdfFile m_file;
    EmbeddedFonts m_fonts;
    int m_catalog = 0, m_page_tree = 0, m_resources = 0;
    std::string m_file_id;  // the trailer's /ID, from the XMP instance id
    std::vector<int> m_page_objects;
    std::unordered_map<std::string, int> m_dest_page;
    PangoFontDescription* m_furniture;
    PangoFontDescription* m_number_font;
    static constexpr double k_black[3] = {0, 0, 0};
    const double* m_ink = k_black;  // the colour of text with no colour of its own

    int m_page = 0;
    Canvas m_art, m_text;
    std::vector<int> m_mcids;  // this page's: the element each MCID marks content of
    std::vector<std::vector<int>> m_page_mcids;
    std::vector<int> m_page_annotations;
    int m_marked = -1;  // the element whose marked content is open on the text canvas

    std::vector<Element> m_elements;
    std::vector<int> m_stack;
    std::vector<Annotation> m_annotations;
    Target m_link;
    bool m_link_open = false;
    std::string m_link_text;
    double m_link_box[4] = {0, 0, 0, 0};
    std::vector<Destination> m_dests;
    std::vector<Bookmark> m_bookmarks;
};

}  // namespace

std::string write_pdf(const model::Document& doc, const WriteOptions& write_options) {
    const std::string family = write_options.font_family.empty() ? std::string(k_default_family) : write_options.font_family;
    // Layout first (in the thread's pango context, layout.hpp), then pages, then the file: the
    // contents' page numbers and "Page X of Y" are known before the first page is written.
    std::vector<Item> items = build_items(doc, family);
    std::vector<Page> pages = paginate(items);
    return Writer(doc, write_options, items, pages, family).write();
}

}  // namespace clausebook::write
