#include "write/pdf/word_layout.hpp"

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <vector>

#include <xxhash.h>

namespace clausebook::write::pdf {

namespace {

// A word and the spaces after it, as pango lays it out alone on one line.
struct Word {
    bool usable = false;  // one run, left to right
    bool inner_break = false;  // pango may break the line inside it (after a hyphen, a dash, a slash)
    PangoItem* item = nullptr;  // the run's item (its font and analysis)
    std::vector<PangoGlyphInfo> glyphs;
    std::vector<int> clusters;  // bytes from the word's start
    int bytes = 0;
    int chars = 0;
    int spaces = 0;  // trailing spaces (bytes, one each)
    int width = 0;  // pango units, spaces included
    int last_space = 0;  // the last space's width: a line may end in it without it fitting
    int ascent = 0;  // of the line's logical extents
    int height = 0;
    Word() = default;
    Word(const Word&) = delete;
    Word& operator=(const Word&) = delete;
    ~Word() {
        if (item) pango_item_free(item);
    }
};

struct KeyHash {
    std::size_t operator()(const std::string& key) const { return static_cast<std::size_t>(XXH3_64bits(key.data(), key.size())); }
};

// The thread's words, by font and text: about 400 bytes a word. Forgotten all at once when there
// are 50,000 (about 20 MB): a build of many schools meets some thirty new words in each document
// (names, dates, a word before a new one), and the clauses' own few thousand words are shaped
// again after each clearing. Only between paragraphs: a paragraph's words point into the store.
class Words {
public:
    // `key`: the font's key and the prefix's length, then from `text_at` the text to shape: `prefix` bytes of the words
    // before (or none), the word (`word_bytes`, with its spaces) and the first character of the
    // word after it if any.
    const Word& get(const std::string& key, std::size_t text_at, std::size_t prefix, std::size_t word_bytes, const PangoFontDescription* font) {
        auto it = m_words.find(key);
        if (it != m_words.end()) return *it->second;
        auto w = std::make_unique<Word>();
        shape(*w, std::string_view(key).substr(text_at), prefix, word_bytes, font);
        return *m_words.emplace(key, std::move(w)).first->second;
    }
    void clear() { m_words.clear(); }
    // Called before a paragraph, never within one: the paragraph's words point into the store.
    void make_room() {
        if (m_words.size() >= m_limit) m_words.clear();
    }
    void set_limit(std::size_t limit) { m_limit = limit; }

private:
    std::size_t m_limit = 50000;
    std::unordered_map<std::string, std::unique_ptr<Word>, KeyHash> m_words;

    // The word shaped with what is around it in the paragraph where that changes its glyphs: the
    // character after it (harfbuzz kerns a pair at the very end of its text otherwise), and for
    // a word of digits or punctuation at the end, the word before it (alone it is of no script,
    // and harfbuzz kerns it otherwise than after letters).
    static void shape(Word& w, std::string_view text, std::size_t prefix, std::size_t word_bytes, const PangoFontDescription* font) {
        PangoLayout* layout = pango_layout_new(thread_context());
        pango_layout_set_font_description(layout, font);
        pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
        const std::string_view word = text.substr(prefix, word_bytes);
        const int skip = static_cast<int>(prefix), skip_chars = static_cast<int>(g_utf8_strlen(text.data(), static_cast<gssize>(prefix)));
        w.bytes = static_cast<int>(word.size());
        w.chars = static_cast<int>(g_utf8_strlen(word.data(), static_cast<gssize>(word.size())));
        while (w.spaces < w.bytes && word[word.size() - 1 - static_cast<std::size_t>(w.spaces)] == ' ') ++w.spaces;
        PangoLayoutLine* line = pango_layout_get_line_readonly(layout, 0);
        auto* run = line->runs ? static_cast<PangoGlyphItem*>(line->runs->data) : nullptr;
        // (Two spaces or more: pango leaves only some of them empty at a line's end.)
        if (w.spaces <= 1 && pango_layout_get_line_count(layout) == 1 && run && run->item->offset == 0 && run->item->length >= skip + w.bytes) {
            w.usable = run->item->analysis.level % 2 == 0;
            int n_attrs = 0;
            const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(layout, &n_attrs);
            for (int i = 1; i < w.chars && skip_chars + i < n_attrs; ++i) w.inner_break = w.inner_break || attrs[skip_chars + i].is_line_break;
            const PangoGlyphString* g = run->glyphs;
            for (int i = 0; i < g->num_glyphs; ++i) {
                const int cluster = g->log_clusters[i] - skip;
                if (cluster < 0 || cluster >= w.bytes) continue;  // the words' around it
                w.glyphs.push_back(g->glyphs[i]);
                w.clusters.push_back(cluster);
                w.width += g->glyphs[i].geometry.width;
                if (w.spaces > 0 && cluster == w.bytes - 1) w.last_space += g->glyphs[i].geometry.width;
            }
            w.item = pango_item_copy(run->item);
            PangoRectangle logical;
            pango_layout_line_get_extents(line, nullptr, &logical);
            w.ascent = -logical.y;
            w.height = logical.height;
        }
        g_object_unref(layout);
    }
};

Words& thread_words() {
    thread_local Words words;
    return words;
}

// Whether a character may be where this lays out words: not a control character (a tab, a line
// break), not of a script written right to left or shaped across words.
bool plain(gunichar c) {
    if (c < 0x20 || c == 0x7f) return false;
    if (c < 0x0590) return true;
    return c >= 0x2010 && c <= 0x27ff && c != 0x2028 && c != 0x2029;
}

// Whether pango may break a line after the spaces that follow `before` (a word's last character
// but spaces) and come before `after` (the next word's first): after spaces a line may break
// (Unicode's line breaking, UAX #14, rule LB18), unless an earlier rule says otherwise: no break
// after an opening bracket and spaces (LB14), before a closing bracket or punctuation that
// belongs to the word before (LB13), and the like. Only the characters below, which cover the
// clauses' text, are known; any other leaves the paragraph to pango.
bool break_allowed(gunichar before, gunichar after) {
    if (before == '(' || before == '[' || before == '{') return false;
    if (g_unichar_isalnum(after) && after < 0x0590) return true;
    switch (after) {
    case '(':
    case '"':
    case '\'':
    case 0x2018:  // ‘
    case 0x201c:  // “
    case 0x2014:  // —
    case 0x2013:  // –
    case 0x2022:  // •
    case 0xa3:  // £
    case '$':
    case '#':
    case '&':
    case '@':
    case '*': return true;
    default: return false;
    }
}

struct Placed {
    const Word* word;  // shaped with the next word's first character
    int offset;  // in the text
};

// A run of the line made of words [first, end): their glyphs one after another, clusters counted
// from the line's start; a line that breaks after its last word has that word's spaces as pango
// leaves them at a line's end, empty and of no width.
PangoGlyphItem* line_run(const std::vector<Placed>& words, std::size_t first, std::size_t end, bool broken) {
    int glyphs = 0, chars = 0;
    auto word = [&](std::size_t i) -> const Word& { return *words[i].word; };
    for (std::size_t i = first; i < end; ++i) {
        glyphs += static_cast<int>(word(i).glyphs.size());
        chars += word(i).chars;
    }
    const int start = words[first].offset;
    const Word& last = word(end - 1);
    auto* run = g_slice_new0(PangoGlyphItem);
    run->item = pango_item_copy(words[first].word->item);
    run->item->offset = start;
    run->item->length = words[end - 1].offset + last.bytes - start;
    run->item->num_chars = chars;
    run->glyphs = pango_glyph_string_new();
    pango_glyph_string_set_size(run->glyphs, glyphs);
    int at = 0;
    for (std::size_t i = first; i < end; ++i) {
        const Word& w = word(i);
        const int shift = words[i].offset - start;
        for (std::size_t g = 0; g < w.glyphs.size(); ++g, ++at) {
            run->glyphs->glyphs[at] = w.glyphs[g];
            run->glyphs->log_clusters[at] = w.clusters[g] + shift;
        }
    }
    if (broken) {
        const int spaces_from = words[end - 1].offset - start + last.bytes - last.spaces;
        for (int g = 0; g < glyphs; ++g)
            if (run->glyphs->log_clusters[g] >= spaces_from) {
                run->glyphs->glyphs[g].glyph = PANGO_GLYPH_EMPTY;
                run->glyphs->glyphs[g].geometry.width = 0;
            }
    }
    return run;
}

}  // namespace

void forget_thread_words() { thread_words().clear(); }

void set_thread_word_limit(std::size_t words) { thread_words().set_limit(words); }

std::string layout_differences(const Text& a, const Text& b) {
    std::string out;
    auto say = [&](std::size_t line, const std::string& what) {
        if (out.size() < 2000) out += "line " + std::to_string(line) + ": " + what + "\n";
    };
    if (a.lines.size() != b.lines.size()) return "lines: " + std::to_string(a.lines.size()) + " against " + std::to_string(b.lines.size()) + "\n";
    if (a.height != b.height) out += "height\n";
    for (std::size_t i = 0; i < a.lines.size(); ++i) {
        const LineBox &x = a.lines[i], &y = b.lines[i];
        if (x.left != y.left || x.top != y.top || x.height != y.height || x.baseline != y.baseline) say(i, "box");
        if (x.runs.size() != y.runs.size()) {
            say(i, "runs " + std::to_string(x.runs.size()) + " against " + std::to_string(y.runs.size()));
            continue;
        }
        for (std::size_t r = 0; r < x.runs.size(); ++r) {
            const PangoGlyphItem *p = x.runs[r], *q = y.runs[r];
            if (p->item->offset != q->item->offset || p->item->length != q->item->length || p->item->num_chars != q->item->num_chars)
                say(i, "item at " + std::to_string(p->item->offset) + "+" + std::to_string(p->item->length) + " against " + std::to_string(q->item->offset) +
                           "+" + std::to_string(q->item->length));
            if (p->item->analysis.font != q->item->analysis.font) say(i, "font");
            if (p->glyphs->num_glyphs != q->glyphs->num_glyphs) {
                say(i, "glyphs " + std::to_string(p->glyphs->num_glyphs) + " against " + std::to_string(q->glyphs->num_glyphs));
                continue;
            }
            for (int g = 0; g < p->glyphs->num_glyphs; ++g) {
                const PangoGlyphInfo &m = p->glyphs->glyphs[g], &n = q->glyphs->glyphs[g];
                if (m.glyph != n.glyph || m.geometry.width != n.geometry.width || m.geometry.x_offset != n.geometry.x_offset ||
                    m.geometry.y_offset != n.geometry.y_offset || p->glyphs->log_clusters[g] != q->glyphs->log_clusters[g])
                    say(i, "glyph " + std::to_string(g) + ": " + std::to_string(m.glyph) + " w " + std::to_string(m.geometry.width) + " x " +
                               std::to_string(m.geometry.x_offset) + " c " + std::to_string(p->glyphs->log_clusters[g]) + " against " +
                               std::to_string(n.glyph) + " w " + std::to_string(n.geometry.width) + " x " + std::to_string(n.geometry.x_offset) + " c " +
                               std::to_string(q->glyphs->log_clusters[g]));
            }
        }
    }
    return out;
}

// How near the line's end a break is measured as pango measures it there (pango shapes the line
// again within three characters' widths of its end; a kerning pair is far less than this).
constexpr long k_near = 12 * PANGO_SCALE;

TextPtr lay_out_words(const std::string& text, const PangoFontDescription* font, std::string_view font_key, int width) {
    if (text.empty() || text[0] == ' ' || text.back() == ' ') return nullptr;
    Words& store = thread_words();
    store.make_room();
    std::vector<Placed> words;
    std::string key(font_key);
    key += '\x1e';
    const std::size_t key_base = key.size();
    gunichar before = 0;  // the last character but spaces of the word before
    // The word [i, j) shaped after `prefix` bytes of the words before it, with the next word's
    // first character or without.
    auto get_word = [&](std::size_t i, std::size_t j, std::size_t prefix, bool next) -> const Word& {
        key.resize(key_base);
        key += std::to_string(prefix);
        key += next ? '\x1f' : '\x1d';
        const std::size_t text_at = key.size();
        key.append(text, i - prefix, j - i + prefix);
        if (next && j < text.size()) key.append(text.data() + j, static_cast<std::size_t>(g_utf8_next_char(text.data() + j) - (text.data() + j)));
        return store.get(key, text_at, prefix, j - i, font);
    };
    for (std::size_t i = 0; i < text.size();) {
        std::size_t j = i;
        gunichar first = 0, last = 0;
        while (j < text.size() && text[j] != ' ') {
            const char* p = text.data() + j;
            gunichar c = g_utf8_get_char_validated(p, static_cast<gssize>(text.size() - j));
            if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2) || !plain(c)) return nullptr;
            if (j == i) first = c;
            last = c;
            j = static_cast<std::size_t>(g_utf8_next_char(p) - text.data());
        }
        while (j < text.size() && text[j] == ' ') ++j;
        if (!words.empty() && !break_allowed(before, first)) return nullptr;
        before = last;
        // Shaped with the next word's first character, or after the word before it too if
        // alone it is of no script.
        const Word* found = &get_word(i, j, 0, true);
        if (found->item && found->item->analysis.script == PANGO_SCRIPT_COMMON && !words.empty())
            found = &get_word(i, j, static_cast<std::size_t>(static_cast<int>(i) - words.back().offset), true);
        const Word& w = *found;
        // One font and one script for all (a word of digits alone at the end is of no script, and
        // harfbuzz kerns it otherwise than pango does the same word after letters).
        if (!w.usable) return nullptr;
        if (!words.empty()) {
            const PangoAnalysis &a = w.item->analysis, &b = words[0].word->item->analysis;
            if (a.font != b.font || a.script != b.script || a.level != b.level) return nullptr;
        }
        words.push_back({&w, static_cast<int>(i)});
        i = j;
    }

    // First fit: a line takes words while they fit, the last one's final space left out (a line
    // may end in a space that does not fit); a word that does not fit on a line of its own is
    // broken inside by pango, so the paragraph is left to it.
    auto t = std::make_shared<Text>();
    t->own_text = text;
    const Word& w0 = *words[0].word;
    std::size_t first = 0;
    while (first < words.size()) {
        std::size_t end = first;
        long used = 0;
        while (end < words.size()) {
            const Word& w = *words[end].word;
            // pango measures a line to a break near its end shaped as a text of its own: the last
            // word's final space is not kerned with the next word's first letter (a space before
            // "A" is), so it may be a little wider; its final space is then left out.
            const bool last = end + 1 == words.size();
            long need = used + w.width - (last ? 0 : w.last_space);
            if (width >= 0 && !last) {
                if (need > width - k_near) {
                    const std::size_t i = static_cast<std::size_t>(words[end].offset), j = i + static_cast<std::size_t>(w.bytes);
                    const Word* alone = &get_word(i, j, 0, false);
                    if (alone->item && alone->item->analysis.script != w.item->analysis.script && end > first)
                        alone = &get_word(i, j, static_cast<std::size_t>(words[end].offset - words[end - 1].offset), false);
                    if (!alone->usable || alone->item->analysis.script != w.item->analysis.script || alone->item->analysis.font != w.item->analysis.font)
                        return nullptr;
                    need = used + alone->width - w.last_space;
                }
            }
            if (width >= 0 && need > width) {
                if (w.inner_break) return nullptr;  // pango might break inside it
                break;
            }
            used += w.width;
            ++end;
        }
        if (end == first) return nullptr;
        PangoGlyphItem* run = line_run(words, first, end, end < words.size());
        t->own_runs.push_back(run);
        const double top = pango_units_to_double(static_cast<int>(t->lines.size()) * w0.height);
        t->lines.push_back({{run}, 0.0, top, pango_units_to_double(w0.height), top + pango_units_to_double(w0.ascent)});
        t->logical_width = std::max(t->logical_width, pango_glyph_string_get_width(run->glyphs));
        first = end;
    }
    t->height = pango_units_to_double(static_cast<int>(t->lines.size()) * w0.height);
    return t;
}

}  // namespace clausebook::write::pdf
