#include "write/pdf/layout.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <unordered_set>

#include <xxhash.h>
#include <cmark-gfm-core-extensions.h>

#include "util/markdown.hpp"
#include "util/text.hpp"
#include "write/pdf/fonts.hpp"
#include "write/pdf/word_layout.hpp"
#include "write/clause_links.hpp"
#include "write/render_cache.hpp"
#include "write/writer.hpp"

namespace clausebook::write::pdf {

namespace {

// The DOCX's styles (templates/docx/styles.xml) with Liberation's metric-compatible fonts, or
// the trust's own family.
constexpr const char* k_mono_family = "Liberation Mono";
constexpr double k_indent = 18;  // a list level or quotation
constexpr double k_para_space = 6;  // after a paragraph

struct FontDeleter {
    void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};
using Font = std::unique_ptr<PangoFontDescription, FontDeleter>;

// A face of `family`: set field by field, so that a family name ending in a word such as
// "Bold" or a number is not read as a style or a size.
Font font(const std::string& family, double size, bool bold = false, bool italic = false) {
    Font f(pango_font_description_new());
    pango_font_description_set_family(f.get(), family.c_str());
    pango_font_description_set_size(f.get(), static_cast<gint>(size * PANGO_SCALE));
    if (bold) pango_font_description_set_weight(f.get(), PANGO_WEIGHT_BOLD);
    if (italic) pango_font_description_set_style(f.get(), PANGO_STYLE_ITALIC);
    return f;
}

// Text with pango attributes and links, collected from inline Markdown before it is laid out.
struct Inline {
    std::string text;
    std::vector<PangoAttribute*> attributes;  // owned until laid out
    std::vector<LinkSpan> links;

    Inline() = default;
    Inline(const Inline&) = delete;
    Inline& operator=(const Inline&) = delete;
    ~Inline() {
        for (auto* a : attributes) pango_attribute_destroy(a);
    }
    int size() const { return static_cast<int>(text.size()); }
    void reset() {
        for (auto* a : attributes) pango_attribute_destroy(a);
        attributes.clear();
        text.clear();
        links.clear();
    }
    void add(PangoAttribute* a, int start, int end) {
        a->start_index = static_cast<guint>(start);
        a->end_index = static_cast<guint>(end);
        attributes.push_back(a);
    }
};

// A font description as part of a cache key: every field, by name and number.
void append_font(std::string& key, const PangoFontDescription* f) {
    const char* family = pango_font_description_get_family(f);
    key += family ? family : "";
    key += '\x1f';
    key += std::to_string(pango_font_description_get_size(f)) + ',' + std::to_string(pango_font_description_get_weight(f)) + ',' +
           std::to_string(pango_font_description_get_style(f)) + ',' + std::to_string(pango_font_description_get_variant(f)) + ',' +
           std::to_string(pango_font_description_get_stretch(f)) + ',' + std::to_string(pango_font_description_get_gravity(f)) + ',' +
           std::to_string(pango_font_description_get_set_fields(f)) + ',' + std::to_string(pango_font_description_get_size_is_absolute(f));
}

// Layouts kept per thread (pango's objects are not shared between threads), shared by every
// document that lays out the same text the same way. The key holds everything a layout depends
// on: the spec, the attributes (pango's own serialisation), the links and the text; the context
// is the thread's, always. A text is kept from the second time it is laid out, so a school's
// own wording is laid out once and never stored, and storing stops at a budget.
// Keys are whole texts with their attributes: hashed with XXH3, several times faster on long
// strings than std::hash (a twentieth of a PDF's time went to hashing and finding keys).
struct KeyHash {
    std::size_t operator()(const std::string& key) const { return static_cast<std::size_t>(XXH3_64bits(key.data(), key.size())); }
};

class TextCache {
public:
    TextPtr find(const std::string& key) {
        auto it = m_entries.find(key);
        return it == m_entries.end() ? nullptr : it->second;
    }
    void offer(const std::string& key, const TextPtr& t, std::size_t text_bytes) {
        if (m_bytes >= k_budget) return;
        std::size_t h = KeyHash{}(key);
        if (m_seen.size() > k_seen_limit) m_seen.clear();
        if (m_seen.insert(h).second) return;  // first time: remember it was asked for, no more
        // About what a layout takes: pango's glyphs and log attributes per byte of text, its
        // lines and runs, and the key.
        m_bytes += key.size() + 48 * text_bytes + 1024;
        m_entries.emplace(key, t);
    }
    void clear() {
        m_entries.clear();
        m_seen.clear();
        m_bytes = 0;
    }

private:
    static constexpr std::size_t k_budget = std::size_t{48} << 20;  // per thread
    static constexpr std::size_t k_seen_limit = 1 << 16;  // hashes of texts asked for once; forgotten all at once
    std::unordered_map<std::string, TextPtr, KeyHash> m_entries;
    std::unordered_set<std::size_t> m_seen;
    std::size_t m_bytes = 0;
};

// A clause body's items (layout.hpp: paragraphs, rows, rules and their structure tags), kept per
// thread by what they depend on (the typeface, the cross-references' targets, the Markdown) for
// later documents: most clauses read the same in every school, and their items are then copied
// instead of parsing the Markdown and looking each text up again. As the texts, a body is kept
// from the second time it is asked for, within a budget. The items are never changed once made
// (pagination and the writer only read them).
class BodyCache {
public:
    const std::vector<Item>* find(const std::string& key) const {
        auto it = m_entries.find(key);
        return it == m_entries.end() ? nullptr : &it->second;
    }
    // Whether a body built now is to be kept (asked for before).
    bool wanted(const std::string& key) {
        if (m_bytes >= k_budget) return false;
        if (m_seen.size() > k_seen_limit) m_seen.clear();
        return !m_seen.insert(KeyHash{}(key)).second;
    }
    void keep(const std::string& key, std::vector<Item> items) {
        m_bytes += key.size() + items.size() * 256;
        m_entries.emplace(key, std::move(items));
    }
    void clear() {
        m_entries.clear();
        m_seen.clear();
        m_bytes = 0;
    }

private:
    static constexpr std::size_t k_budget = std::size_t{16} << 20;  // per thread, besides the texts
    static constexpr std::size_t k_seen_limit = 1 << 16;
    std::unordered_map<std::string, std::vector<Item>, KeyHash> m_entries;
    std::unordered_set<std::size_t> m_seen;
    std::size_t m_bytes = 0;
};

BodyCache& thread_bodies() {
    thread_local BodyCache bodies;
    return bodies;
}

TextCache& thread_cache() {
    thread_local TextCache cache;
    if (refresh_thread_fonts()) {  // laid out in fonts since changed
        cache.clear();
        forget_thread_words();
        thread_bodies().clear();
    }
    return cache;
}

// `in`'s attributes in a list of their own, for the layout (the list owns them now), after the
// one every wrapped text has: a word broken because it is longer than the line gets no hyphen
// pango would add, so the text copied out of the PDF is the clause's own.
PangoAttrList* attribute_list(Inline& in) {
    PangoAttrList* list = pango_attr_list_new();
    pango_attr_list_insert(list, pango_attr_insert_hyphens_new(FALSE));
    for (auto* a : in.attributes) pango_attr_list_insert(list, a);
    in.attributes.clear();
    return list;
}

// One attribute of the kinds the builder below makes, as part of a cache key: its kind, its
// range and its value. False for any other kind.
bool append_attribute(std::string& key, const PangoAttribute* a) {
    auto number = [&](long long v) {
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        key.append(buf, r.ptr);
        key += ',';
    };
    number(a->klass->type);
    number(a->start_index);
    number(a->end_index);
    switch (a->klass->type) {
    case PANGO_ATTR_FAMILY: key += reinterpret_cast<const PangoAttrString*>(a)->value; break;
    case PANGO_ATTR_STYLE:
    case PANGO_ATTR_WEIGHT:
    case PANGO_ATTR_UNDERLINE:
    case PANGO_ATTR_STRIKETHROUGH: number(reinterpret_cast<const PangoAttrInt*>(a)->value); break;
    case PANGO_ATTR_FOREGROUND: {
        const PangoColor& c = reinterpret_cast<const PangoAttrColor*>(a)->color;
        number(c.red);
        number(c.green);
        number(c.blue);
        break;
    }
    default: return false;
    }
    key += '\x1f';
    return true;
}

// Lays out `in` as `spec` says (the attributes and links of `in` are used up).
TextPtr lay_out(Inline& in, const TextSpec& spec) {
    PangoAttrList* list = nullptr;
    std::string key;
    key.reserve(in.text.size() + 128);
    append_font(key, spec.font);
    const std::size_t font_key_size = key.size();
    // The width as the layout takes it, in pango units (no floating-point formatting: this key
    // is made for every text of every document).
    key += '\x1e';
    key += std::to_string(spec.width >= 0 ? pango_units_from_double(std::max(spec.width, 1.0)) : -1);
    key += ',';
    key += static_cast<char>('0' + spec.align);
    key += spec.ellipsize ? '1' : '0';
    key += spec.wrap_words ? '1' : '0';
    key += spec.from_words ? '1' : '0';
    key += '\x1e';
    if (spec.wrap_words) {
        // The attributes as inserted into the layout's list (the same inserted the same way,
        // the same list), written by append_attribute; pango's own serialisation of the list,
        // a printf per value, only for a kind append_attribute does not know.
        bool known = true;
        for (const auto* a : in.attributes) known = known && append_attribute(key, a);
        if (!known) {
            list = attribute_list(in);
            char* attrs = pango_attr_list_to_string(list);
            key += '\x1d';
            key += attrs;
            g_free(attrs);
        }
    }
    key += '\x1e';
    for (const auto& l : in.links) key += std::to_string(l.start) + ',' + std::to_string(l.end) + ',' + l.attributes + '\x1f';
    key += '\x1e';
    key += in.text;
    TextCache& cache = thread_cache();
    if (TextPtr found = cache.find(key)) {
        if (list) pango_attr_list_unref(list);
        for (auto* a : in.attributes) pango_attribute_destroy(a);
        in.attributes.clear();
        in.links.clear();
        return found;
    }
    // A plain paragraph from words kept by earlier documents (word_layout.hpp).
    // (Wrapped to a width, or one line as long as it is.)
    if (spec.from_words && !list && in.attributes.empty() && in.links.empty() && !spec.ellipsize && spec.align == PANGO_ALIGN_LEFT &&
        (spec.wrap_words ? spec.width >= 0 : spec.width < 0)) {
        const int width = spec.width >= 0 ? pango_units_from_double(std::max(spec.width, 1.0)) : -1;
        if (TextPtr words = lay_out_words(in.text, spec.font, std::string_view(key).substr(0, font_key_size), width)) {
            cache.offer(key, words, in.text.size());
            return words;
        }
    }
    if (spec.wrap_words && !list) list = attribute_list(in);

    auto t = std::make_shared<Text>();
    t->layout = pango_layout_new(thread_context());
    pango_layout_set_font_description(t->layout, spec.font);
    if (spec.width >= 0) pango_layout_set_width(t->layout, pango_units_from_double(std::max(spec.width, 1.0)));
    if (spec.wrap_words) pango_layout_set_wrap(t->layout, PANGO_WRAP_WORD_CHAR);
    if (spec.ellipsize) pango_layout_set_ellipsize(t->layout, PANGO_ELLIPSIZE_END);
    pango_layout_set_alignment(t->layout, spec.align);
    pango_layout_set_text(t->layout, in.text.data(), in.size());
    if (list) {
        pango_layout_set_attributes(t->layout, list);
        pango_attr_list_unref(list);
    }
    t->links = std::move(in.links);
    in.links.clear();
    PangoLayoutIter* it = pango_layout_get_iter(t->layout);
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        LineBox box{{},
                    pango_units_to_double(logical.x),
                    pango_units_to_double(logical.y),
                    pango_units_to_double(logical.height),
                    pango_units_to_double(pango_layout_iter_get_baseline(it))};
        for (GSList* r = pango_layout_iter_get_line_readonly(it)->runs; r; r = r->next) box.runs.push_back(static_cast<PangoGlyphItem*>(r->data));
        t->lines.push_back(std::move(box));
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    if (!t->lines.empty()) t->height = t->lines.back().top + t->lines.back().height;
    PangoRectangle logical;
    pango_layout_get_extents(t->layout, nullptr, &logical);
    t->logical_width = logical.width;
    cache.offer(key, t, in.text.size());
    return t;
}

TextPtr lay_out(Inline& in, const PangoFontDescription* desc, double width, PangoAlignment align = PANGO_ALIGN_LEFT) {
    TextSpec spec;
    spec.font = desc;
    spec.width = width;
    spec.align = align;
    return lay_out(in, spec);
}

TextPtr lay_out(const std::string& s, const PangoFontDescription* desc, double width, PangoAlignment align = PANGO_ALIGN_LEFT) {
    Inline in;
    in.text = s;
    return lay_out(in, desc, width, align);
}

// Cairo's attribute strings quote with ' and escape with \.
std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

// Named destinations of headings: "s-3" for section 3, "s-3-2" for clause 3.2.
std::string section_dest(std::size_t s) { return "s-" + std::to_string(s + 1); }
std::string clause_dest(std::size_t s, std::size_t c) { return section_dest(s) + "-" + std::to_string(c + 1); }

std::string clause_dest(const model::Document& doc, const std::string& id) {
    auto at = clause_position(doc, id);
    return at ? clause_dest(at->section, at->clause) : std::string();
}

class Builder {
public:
    Builder(const model::Document& doc, const std::string& family) : m_doc(doc), m_family(family) {
        m_body = font(family, 11);
        m_h1 = font(family, 16, true);
        m_h2 = font(family, 13, true);
        m_h3 = font(family, 11, true);
        m_mono = font(k_mono_family, 10);
    }

    std::vector<Item> build() {
        const auto& meta = m_doc.meta;
        begin("Document");
        para(lay_out(meta.title, font(m_family, 24, true).get(), k_body_width), "H1", 0, 6);
        m_items.back().para->tag = "P";  // the title: sections are the H1 headings, as in the DOCX
        para(lay_out(meta.school_name, font(m_family, 15).get(), k_body_width), "P", 0, 18);
        cover();
        contents();
        m_items.push_back({Item::Kind::page_break, {}, {}, {}});
        for (std::size_t s = 0; s < m_doc.sections.size(); ++s) {
            const auto& sec = m_doc.sections[s];
            heading(std::to_string(s + 1) + " " + sec.title, 1, section_dest(s));
            for (std::size_t c = 0; c < sec.clauses.size(); ++c) {
                const auto& cl = sec.clauses[c];
                heading(std::to_string(s + 1) + "." + std::to_string(c + 1) + " " + cl.title, 2, clause_dest(s, c));
                body(cl.markdown);
            }
        }
        end("Document");
        return std::move(m_items);
    }

private:
    void begin(const std::string& tag) { m_items.push_back({Item::Kind::begin, tag, {}, {}}); }
    void end(const std::string& tag) { m_items.push_back({Item::Kind::end, tag, {}, {}}); }

    Para& para(TextPtr text, const std::string& tag, double before, double after, double x = k_margin) {
        auto p = std::make_shared<Para>();
        p->text = std::move(text);
        p->tag = tag;
        p->space_before = before;
        p->space_after = after;
        p->x = x;
        m_items.push_back({Item::Kind::para, {}, p, {}});
        return *p;
    }

    void heading(const std::string& text, int level, const std::string& dest) {
        const PangoFontDescription* f = level == 1 ? m_h1.get() : level == 2 ? m_h2.get() : m_h3.get();
        Para& p = para(lay_out(text, f, k_body_width), "H" + std::to_string(level), level == 1 ? 18 : 12, 6);
        p.dest = dest;
        p.outline_level = level;
        p.outline_title = text;
        p.keep_with_next = true;
        p.keep_together = true;
    }

    void cover() {
        begin("Table");
        const double label_width = 141.75;  // 5 cm, as in the DOCX
        for (const auto& r : cover_rows(m_doc.meta)) {
            auto row = std::make_shared<Row>();
            row->padding = 3;
            const double pad = row->inset;
            row->cells.push_back({lay_out(r.label, m_h3.get(), label_width - 2 * pad), k_margin, label_width, true});
            row->cells.push_back(
                {lay_out(r.value, m_body.get(), k_body_width - label_width - 2 * pad), k_margin + label_width, k_body_width - label_width, false});
            finish_row(*row);
            m_items.push_back({Item::Kind::row, {}, {}, row});
        }
        end("Table");
    }

    void contents() {
        para(lay_out("Contents", font(m_family, 14, true).get(), k_body_width), "P", 18, 6);
        begin("TOC");
        const double number_width = 36;  // room for the page number at the right
        auto entry = [&](const std::string& text, const std::string& dest, double indent, const PangoFontDescription* f) {
            Para& p = para(lay_out(text, f, k_body_width - indent - number_width), "TOCI", 0, 3, k_margin + indent);
            p.contents_dest = dest;
            p.keep_together = true;
        };
        for (std::size_t s = 0; s < m_doc.sections.size(); ++s) {
            const auto& sec = m_doc.sections[s];
            entry(std::to_string(s + 1) + " " + sec.title, section_dest(s), 0, m_h3.get());
            for (std::size_t c = 0; c < sec.clauses.size(); ++c)
                entry(std::to_string(s + 1) + "." + std::to_string(c + 1) + " " + sec.clauses[c].title, clause_dest(s, c), k_indent, m_body.get());
        }
        end("TOC");
    }

    void finish_row(Row& row) {
        double h = 0;
        for (const auto& c : row.cells) h = std::max(h, c.text->height);
        row.height = h + 2 * row.padding;
    }

    // --- clause bodies ---------------------------------------------------------------------

    struct List {
        bool ordered;
        int number;
        char delimiter;
    };

    double indent() const { return k_margin + m_indent; }
    double width() const { return k_body_width - m_indent; }

    // A clause's body, from the thread's kept bodies if an earlier document had it.
    void body(const std::string& markdown) {
        std::string key = m_family;
        key += '\x1e';
        key.append(link_context(m_doc, markdown, m_link_layout));
        key += '\x1e';
        key += markdown;
        BodyCache& bodies = thread_bodies();
        if (const std::vector<Item>* kept = bodies.find(key)) {
            m_items.insert(m_items.end(), kept->begin(), kept->end());
            return;
        }
        const std::size_t from = m_items.size();
        const int headings = m_heading_count;
        parse_body(markdown);
        // A heading's destination is numbered through the document, so a body with one is not kept.
        if (m_heading_count == headings && m_lists.empty() && !m_label && m_indent == 0 && bodies.wanted(key))
            bodies.keep(key, std::vector<Item>(m_items.begin() + static_cast<std::ptrdiff_t>(from), m_items.end()));
    }

    void parse_body(const std::string& markdown) {
        util::MarkdownTree tree = parse_clause_body(markdown, m_doc);
        cmark_iter* it = cmark_iter_new(tree.get());
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            cmark_node* n = cmark_iter_get_node(it);
            bool enter = ev == CMARK_EVENT_ENTER;
            std::string_view type = util::node_type_name(n);
            if (util::starts_with(type, "table"))
                table_node(n, type, enter);
            else if ((cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK)
                block(n, enter);
            else
                inline_node(n, enter);
        }
        cmark_iter_free(it);
    }

    // A paragraph of the body from the inline text collected so far.
    void finish_text(const std::string& tag, const PangoFontDescription* f, double before) {
        bool in_item = !m_lists.empty();
        Para& p = para(lay_out(m_inline, f, width()), tag, in_item ? 2 : before, in_item ? 2 : k_para_space, indent());
        m_inline.reset();
        take_label(p);
        if (tag == "H3") {
            p.dest = "h-" + std::to_string(++m_heading_count);
            p.outline_level = 3;
            p.outline_title = p.text->text();
            p.keep_with_next = true;
            p.keep_together = true;
        }
    }

    // A list item's label goes with the first paragraph in it; LBody opens after the label.
    void take_label(Para& p) {
        if (!m_label) return;
        p.label = std::move(m_label);
        p.label_x = m_label_x;
    }

    // An item whose first block is not a paragraph (an empty item, a nested list, a table) gets
    // its label on a line of its own.
    void flush_label() {
        if (!m_label) return;
        Para& p = para(lay_out("", m_body.get(), width()), "P", 2, 2, indent());
        take_label(p);
    }

    void block(cmark_node* n, bool enter) {
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH:
            if (enter)
                m_inline.reset();
            else
                finish_text("P", m_quote_depth ? italic_body() : m_body.get(), 0);
            return;
        case CMARK_NODE_HEADING:
            if (enter)
                m_inline.reset();
            else
                finish_text("H3", m_h3.get(), 10);
            return;
        case CMARK_NODE_BLOCK_QUOTE:
            flush_label();
            m_quote_depth += enter ? 1 : -1;
            m_indent += enter ? k_indent : -k_indent;
            if (enter)
                begin("BlockQuote");
            else
                end("BlockQuote");
            return;
        case CMARK_NODE_LIST:
            if (enter) {
                flush_label();
                bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
                m_lists.push_back({ordered, cmark_node_get_list_start(n), cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ')' : '.'});
                begin("L");
            } else {
                end("L");
                m_lists.pop_back();
                if (m_lists.empty()) {  // space after the whole list
                    for (auto it = m_items.rbegin(); it != m_items.rend(); ++it)
                        if (it->para) {
                            it->para->space_after = k_para_space;
                            break;
                        }
                }
            }
            return;
        case CMARK_NODE_ITEM:
            if (enter) {
                flush_label();
                List& l = m_lists.back();
                static const char* const k_bullets[] = {"\u2022", "\u25e6", "\u25aa"};
                std::string label = l.ordered ? std::to_string(l.number++) + l.delimiter : k_bullets[(m_lists.size() - 1) % 3];
                begin("LI");
                m_label = lay_out(label, m_body.get(), k_indent - 2);
                m_label_x = indent();
                m_indent += k_indent;
            } else {
                flush_label();
                end("LBody");
                end("LI");
                m_indent -= k_indent;
            }
            return;
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK: {
            // Shown as text, as the DOCX does (raw HTML has no meaning in a PDF).
            std::string literal = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
            while (!literal.empty() && literal.back() == '\n') literal.pop_back();
            m_inline.reset();
            m_inline.text = literal;
            finish_text("P", cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK ? m_mono.get() : m_body.get(), 0);
            return;
        }
        case CMARK_NODE_THEMATIC_BREAK: {
            flush_label();
            Item rule{Item::Kind::rule, {}, {}, {}};
            rule.x = indent();
            rule.width = width();
            m_items.push_back(rule);
            return;
        }
        default: return;
        }
    }

    const PangoFontDescription* italic_body() {
        if (!m_italic) m_italic = font(m_family, 11, false, true);
        return m_italic.get();
    }

    void inline_node(cmark_node* n, bool enter) {
        const char* literal = cmark_node_get_literal(n);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE: m_inline.text += literal ? literal : ""; return;
        case CMARK_NODE_CODE: {
            int start = m_inline.size();
            m_inline.text += literal ? literal : "";
            m_inline.add(pango_attr_family_new(k_mono_family), start, m_inline.size());
            return;
        }
        case CMARK_NODE_SOFTBREAK: m_inline.text += ' '; return;
        case CMARK_NODE_LINEBREAK: m_inline.text += '\n'; return;
        case CMARK_NODE_EMPH: span(enter, [] { return pango_attr_style_new(PANGO_STYLE_ITALIC); }); return;
        case CMARK_NODE_STRONG: span(enter, [] { return pango_attr_weight_new(PANGO_WEIGHT_BOLD); }); return;
        case CMARK_NODE_LINK: link(n, enter); return;
        case CMARK_NODE_IMAGE: m_inline.text += enter ? "[image: " : "]"; return;  // no external requests
        default:
            if (util::node_type_name(n) == "strikethrough") span(enter, [] { return pango_attr_strikethrough_new(TRUE); });
            return;
        }
    }

    template <class Make>
    void span(bool enter, Make make) {
        if (enter) {
            m_starts.push_back(m_inline.size());
            return;
        }
        int start = m_starts.back();
        m_starts.pop_back();
        m_inline.add(make(), start, m_inline.size());
    }

    void link(cmark_node* n, bool enter) {
        if (enter) {
            m_links.push_back({m_inline.size(), ""});
            std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
            auto& l = m_links.back();
            if (auto id = clause_link_target(url)) {  // resolved by resolve_clause_links: the clause is here
                std::string dest = clause_dest(m_doc, std::string(*id));
                if (!dest.empty()) l.attributes = "dest=" + quoted(dest);
            } else if (!url.empty() && url[0] == '#') {
                std::string dest = clause_dest(m_doc, url.substr(1));
                if (!dest.empty()) l.attributes = "dest=" + quoted(dest);
            } else if (util::is_safe_url(url)) {
                l.attributes = "uri=" + quoted(url);
            }
            return;
        }
        OpenLink l = std::move(m_links.back());
        m_links.pop_back();
        if (l.attributes.empty() || m_inline.size() == l.start) return;
        m_inline.links.push_back({l.start, m_inline.size(), l.attributes});
        m_inline.add(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), l.start, m_inline.size());
        m_inline.add(pango_attr_foreground_new(0x0000, 0x4d4d, 0xa6a6), l.start, m_inline.size());
    }

    void table_node(cmark_node* n, std::string_view type, bool enter) {
        if (type == "table") {
            if (!enter) {
                end("Table");
                m_table_header.reset();
                return;
            }
            flush_label();
            begin("Table");
            m_columns = static_cast<std::size_t>(std::max(1, static_cast<int>(cmark_gfm_extensions_get_table_columns(n))));
            const uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
            m_alignments.assign(m_columns, '\0');
            for (std::size_t i = 0; align && i < m_columns; ++i) m_alignments[i] = static_cast<char>(align[i]);
            // Equal columns, as in the DOCX. A table of many columns gets a smaller type and
            // narrower padding, and pango breaks a word wider than its column: nothing is drawn
            // outside the text block.
            m_column_width = width() / static_cast<double>(m_columns);
            double size = std::clamp(m_column_width / 4.0, 5.0, 10.0);
            m_cell_padding = std::min(4.0, m_column_width / 10.0);
            m_cell_font = font(m_family, size);
            m_cell_bold = font(m_family, size, true);
        } else if (type == "table_row" || type == "table_header") {
            if (enter) {
                m_row = std::make_shared<Row>();
                m_row->header = type == "table_header" || cmark_gfm_extensions_get_table_row_is_header(n);
                m_row->padding = std::min(3.0, m_cell_padding);
                m_row->inset = m_cell_padding;
                return;
            }
            // GFM gives every row the header's number of cells; a short row is padded.
            while (m_row->cells.size() < m_columns) {
                m_inline.reset();
                add_cell();
            }
            finish_row(*m_row);
            if (m_row->header) {
                m_table_header = m_row;
            } else {
                m_row->repeat = m_table_header;
                if (m_table_header && m_table_header->next_height == 0) m_table_header->next_height = m_row->height;
            }
            m_items.push_back({Item::Kind::row, {}, {}, m_row});
        } else if (type == "table_cell") {
            if (enter)
                m_inline.reset();
            else
                add_cell();
        }
    }

    void add_cell() {
        std::size_t i = m_row->cells.size();
        if (i >= m_columns) return;
        char a = m_alignments[i];
        PangoAlignment align = a == 'c' ? PANGO_ALIGN_CENTER : a == 'r' ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
        double x = indent() + m_column_width * static_cast<double>(i);
        auto text = lay_out(m_inline, m_row->header ? m_cell_bold.get() : m_cell_font.get(), m_column_width - 2 * m_cell_padding, align);
        m_inline.reset();
        m_row->cells.push_back({text, x, m_column_width, m_row->header});
    }

    struct OpenLink {
        int start;
        std::string attributes;  // empty: not a link (an unsafe URL, a clause left out)
    };

    const model::Document& m_doc;
    std::string m_family;
    std::vector<Item> m_items;
    Font m_body, m_h1, m_h2, m_h3, m_mono, m_italic;

    Inline m_inline;
    std::vector<int> m_starts;
    std::vector<OpenLink> m_links;
    std::vector<List> m_lists;
    TextPtr m_label;
    double m_label_x = 0;
    double m_indent = 0;
    int m_quote_depth = 0;
    int m_heading_count = 0;
    std::string m_link_layout;  // see link_context (render_cache.hpp)

    std::size_t m_columns = 1;
    std::string m_alignments;
    double m_column_width = 0;
    double m_cell_padding = 0;
    Font m_cell_font, m_cell_bold;
    std::shared_ptr<Row> m_row;
    std::shared_ptr<Row> m_table_header;
};

}  // namespace

TextPtr lay_out(const std::string& s, const TextSpec& spec) {
    Inline in;
    in.text = s;
    return lay_out(in, spec);
}

std::vector<Item> build_items(const model::Document& doc, const std::string& family) { return Builder(doc, family).build(); }

}  // namespace clausebook::write::pdf
