// The DOCX reader (libzip for the package, pugixml for the parts). It reads what a person sees
// in Word's body: paragraph styles and outline levels as headings (custom heading styles too),
// Word's own list numbering worked out from numbering.xml as Word shows it, numbers typed as
// text, tables, hyperlinks' text, fields' shown results (a contents field's entries dropped),
// text boxes, footnotes after the paragraph that cites them, tracked changes accepted or
// rejected as asked (and refused, counted, when not asked), comments as notes. Headers and
// footers are never read. Issue 16 reuses this reader for clausebook's own documents.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <set>

#include <pugixml.hpp>

#include "import/blocks.hpp"
#include "import/text_shape.hpp"
#include "import/rx.hpp"
#include "import/zip_reader.hpp"
#include "util/text.hpp"

namespace clausebook::import {

namespace {

// How a run of text looks: what sets a heading typed in the body style apart from its text.
// Each property is -1 (not said here: inherited), 0 or 1; size in half-points, 0 when not said.
struct Look {
    int bold = -1, underline = -1, caps = -1;
    int size = 0;

    // `over` said on top of this (a style on its base, a run's own properties on its style's).
    void apply(const Look& over) {
        if (over.bold >= 0) bold = over.bold;
        if (over.underline >= 0) underline = over.underline;
        if (over.caps >= 0) caps = over.caps;
        if (over.size > 0) size = over.size;
    }
};

// A w:rPr's on/off property: absent -1; present without a value, or "1", "true", "on": 1.
int on_off(const pugi::xml_node& n) {
    if (!n) return -1;
    auto v = n.attribute("w:val");
    if (!v) return 1;
    std::string_view s = v.value();
    return s == "0" || s == "false" || s == "off" || s == "none" ? 0 : 1;
}

Look look_of(const pugi::xml_node& rpr) {
    Look l;
    if (!rpr) return l;
    l.bold = on_off(rpr.child("w:b"));
    l.underline = on_off(rpr.child("w:u"));
    int caps = on_off(rpr.child("w:caps")), small = on_off(rpr.child("w:smallCaps"));
    l.caps = caps == 1 || small == 1 ? 1 : std::max(caps, small);
    l.size = rpr.child("w:sz").attribute("w:val").as_int(0);
    return l;
}

struct StyleInfo {
    std::string name;
    std::string based_on;
    int outline = -1;  // 0-based outline level, -1 none
    std::string num_id;
    int num_level = 0;
    Look look;  // its run properties (w:rPr), as said by the style itself
};

// What a paragraph's visible characters (spaces aside) look like, counted as they are read.
struct Emphasis {
    std::size_t chars = 0, bold = 0, underline = 0, caps = 0, big = 0;
    bool counting = true;  // false inside a text box, whose paragraphs are blocks of their own

    // Every character bold, or underlined, or in capitals, or larger than the body text.
    bool set_apart() const { return chars > 0 && (bold == chars || underline == chars || caps == chars || big == chars); }
};

struct Level {
    std::string format = "decimal";
    std::string text = "%1.";
    int start = 1;
};

struct Numbering {
    std::map<std::string, std::string> num_to_abstract;
    std::map<std::string, std::map<int, int>> start_override;  // numId -> level -> start
    std::map<std::string, std::map<int, Level>> abstract_levels;
    std::map<std::string, std::vector<int>> counters;  // per numId
    std::map<std::string, std::vector<bool>> seen;

    const Level* level(const std::string& num_id, int ilvl) const {
        auto a = num_to_abstract.find(num_id);
        if (a == num_to_abstract.end()) return nullptr;
        auto l = abstract_levels.find(a->second);
        if (l == abstract_levels.end()) return nullptr;
        auto it = l->second.find(ilvl);
        return it == l->second.end() ? nullptr : &it->second;
    }
};

std::string roman(int n, bool upper) {
    static const std::pair<int, const char*> k[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
                                                    {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
    std::string out;
    for (auto [v, s] : k)
        while (n >= v && out.size() < 20) {
            out += s;
            n -= v;
        }
    if (upper)
        for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string format_number(int n, const std::string& fmt) {
    if (fmt == "lowerLetter" || fmt == "upperLetter") {
        std::string s(static_cast<std::size_t>((n - 1) / 26 + 1), static_cast<char>((fmt == "lowerLetter" ? 'a' : 'A') + (n - 1) % 26));
        return n >= 1 ? s : std::to_string(n);
    }
    if (fmt == "lowerRoman") return roman(n, false);
    if (fmt == "upperRoman") return roman(n, true);
    if (fmt == "none" || fmt == "bullet") return "";
    if (fmt == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
    return std::to_string(n);
}

struct Reader {
    const ReadOptions& options;
    ImportedDocument& doc;
    util::Diagnostics& diags;
    std::map<std::string, StyleInfo> styles;
    Numbering numbering;
    std::map<std::string, std::string> footnotes;
    std::map<std::string, std::string> hyperlinks;
    std::map<std::string, Note> comments;  // id -> comment (text, author, date)
    int paragraph = 0;
    std::vector<std::string> bookmarks;  // started since the last block was kept
    int changes = 0;
    std::vector<int> change_positions;
    // Complex fields spread over runs and paragraphs: begin, instruction, separate, result, end.
    struct Field {
        std::string instruction;
        bool in_result = false;
    };
    std::vector<Field> fields;
    // Headings typed in the body style: how each paragraph looks, and the candidates to settle
    // once the whole body is read (settle_headings).
    Look base_look;  // the document's defaults (w:docDefaults), under every style
    std::string default_style;  // the paragraph style of a paragraph that names none
    Look paragraph_look;  // the paragraph being read: defaults and its style
    Look run_look;  // the run being read: the paragraph's, its character style's and its own
    int body_size = 0;  // the body text's size (the default paragraph style's), 0 when unknown
    Emphasis emphasis;
    std::vector<HeadingCandidate> shape_headings;  // headings read from their shape alone
    std::vector<std::size_t> numbered_candidates;  // Word-numbered items that read like headings
    int marked_headings = 0;  // headings set apart by a style, outline level or their look (after the first block)

    bool in_toc_field() const {
        for (const auto& f : fields) {
            std::string_view in = util::trim(f.instruction);
            if (util::starts_with(in, "TOC")) return true;
        }
        return false;
    }
    bool hiding_field_code() const { return !fields.empty() && !fields.back().in_result; }

    const StyleInfo* style(const std::string& id) const {
        auto it = styles.find(id);
        return it == styles.end() ? nullptr : &it->second;
    }
    // Outline level and numbering through the basedOn chain.
    int style_outline(const std::string& id) const {
        std::string cur = id;
        for (int guard = 0; guard < 20 && !cur.empty(); ++guard) {
            const StyleInfo* s = style(cur);
            if (!s) break;
            if (s->outline >= 0) return s->outline;
            std::string lname = s->name;
            std::transform(lname.begin(), lname.end(), lname.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (util::starts_with(lname, "heading ") && lname.size() == 9 && std::isdigit(static_cast<unsigned char>(lname[8]))) return lname[8] - '1';
            if (lname == "title") return 0;
            cur = s->based_on;
        }
        return -1;
    }
    std::pair<std::string, int> style_numbering(const std::string& id) const {
        std::string cur = id;
        for (int guard = 0; guard < 20 && !cur.empty(); ++guard) {
            const StyleInfo* s = style(cur);
            if (!s) break;
            if (!s->num_id.empty()) return {s->num_id, s->num_level};
            cur = s->based_on;
        }
        return {"", 0};
    }
    // A style's run properties through its basedOn chain, the base's first.
    Look style_look(const std::string& id) const {
        std::vector<const StyleInfo*> chain;
        std::string cur = id;
        for (int guard = 0; guard < 20 && !cur.empty(); ++guard) {
            const StyleInfo* s = style(cur);
            if (!s) break;
            chain.push_back(s);
            cur = s->based_on;
        }
        Look l;
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) l.apply((*it)->look);
        return l;
    }
    Look run_look_of(const pugi::xml_node& run) const {
        Look l = paragraph_look;
        if (auto rpr = run.child("w:rPr")) {
            std::string char_style = rpr.child("w:rStyle").attribute("w:val").value();
            if (!char_style.empty()) l.apply(style_look(char_style));
            l.apply(look_of(rpr));
        }
        return l;
    }
    void count_look(std::string_view text) {
        if (!emphasis.counting) return;
        for (char c : text) {
            if (std::isspace(static_cast<unsigned char>(c))) continue;
            ++emphasis.chars;
            if (run_look.bold == 1) ++emphasis.bold;
            if (run_look.underline == 1) ++emphasis.underline;
            if (run_look.caps == 1) ++emphasis.caps;
            if (body_size > 0 && run_look.size >= body_size + 2) ++emphasis.big;
        }
    }

    std::string style_name(const std::string& id) const {
        const StyleInfo* s = style(id);
        return s ? s->name : id;
    }

    std::string next_number(const std::string& num_id, int ilvl, bool* bullet) {
        const Level* lvl = numbering.level(num_id, ilvl);
        *bullet = !lvl || lvl->format == "bullet";
        if (!lvl || lvl->format == "bullet" || lvl->format == "none") return "";
        auto& counts = numbering.counters[num_id];
        auto& seen = numbering.seen[num_id];
        counts.resize(9, 0);
        seen.resize(9, false);
        if (!seen[static_cast<std::size_t>(ilvl)]) {
            int start = lvl->start;
            auto so = numbering.start_override.find(num_id);
            if (so != numbering.start_override.end() && so->second.count(ilvl)) start = so->second.at(ilvl);
            counts[static_cast<std::size_t>(ilvl)] = start - 1;
            seen[static_cast<std::size_t>(ilvl)] = true;
        }
        ++counts[static_cast<std::size_t>(ilvl)];
        for (std::size_t d = static_cast<std::size_t>(ilvl) + 1; d < 9; ++d) seen[d] = false;
        std::string out;
        const std::string& t = lvl->text;
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
                int k = t[i + 1] - '1';
                const Level* kl = numbering.level(num_id, k);
                int v = counts[static_cast<std::size_t>(k)];
                if (v == 0 && kl) v = kl->start;
                out += format_number(v, kl ? kl->format : "decimal");
                ++i;
            } else {
                out += t[i];
            }
        }
        return std::string(util::trim(out));
    }

    // A tracked change as a note: its kind, author, date and the text it inserts or deletes.
    void change_note(const pugi::xml_node& c, const char* kind) {
        Note n;
        n.kind = kind;
        n.author = c.attribute("w:author").value();
        n.date = c.attribute("w:date").value();
        std::string t;
        for (auto x : c.select_nodes(".//w:t | .//w:delText")) t += x.node().text().get();
        n.text = clean_line(t);
        n.position = paragraph;
        doc.notes.push_back(n);
    }

    void count_change(int pos) {
        ++changes;
        if (change_positions.empty() || change_positions.back() != pos) change_positions.push_back(pos);
    }

    // The text of the runs below `node`, as shown; text boxes and footnotes are collected aside.
    void collect(const pugi::xml_node& node, std::string& text, std::vector<std::string>& boxes, std::vector<std::string>& notes,
                 std::vector<std::string>& comment_ids) {
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
            std::string_view name = c.name();
            if (name == "w:t") {
                if (!hiding_field_code()) {
                    text += c.text().get();
                    count_look(c.text().get());
                }
            } else if (name == "w:r") {
                Look outer = run_look;
                run_look = run_look_of(c);
                collect(c, text, boxes, notes, comment_ids);
                run_look = outer;
            } else if (name == "w:delText") {
                if (options.changes == Changes::reject && !hiding_field_code()) text += c.text().get();
            } else if (name == "w:tab" || name == "w:ptab") {
                if (!hiding_field_code()) text += '\t';
            } else if (name == "w:br" || name == "w:cr") {
                if (!hiding_field_code()) text += ' ';
            } else if (name == "w:noBreakHyphen") {
                text += '-';
            } else if (name == "w:softHyphen" || name == "w:instrText" || name == "w:rPr" || name == "w:pPr") {
                if (name == "w:instrText" && !fields.empty()) fields.back().instruction += c.text().get();
            } else if (name == "w:fldChar") {
                std::string_view type = c.attribute("w:fldCharType").value();
                if (type == "begin")
                    fields.push_back({});
                else if (type == "separate" && !fields.empty())
                    fields.back().in_result = true;
                else if (type == "end" && !fields.empty())
                    fields.pop_back();
            } else if (name == "w:ins" || name == "w:moveTo") {
                count_change(paragraph);
                change_note(c, name == "w:ins" ? "insertion" : "move");
                if (options.changes != Changes::reject) collect(c, text, boxes, notes, comment_ids);
            } else if (name == "w:del" || name == "w:moveFrom") {
                count_change(paragraph);
                change_note(c, name == "w:del" ? "deletion" : "move");
                if (options.changes == Changes::reject) collect(c, text, boxes, notes, comment_ids);
            } else if (name == "w:bookmarkStart") {
                bookmarks.push_back(c.attribute("w:name").value());
            } else if (name == "w:footnoteReference" || name == "w:endnoteReference") {
                auto it = footnotes.find(c.attribute("w:id").value());
                if (it != footnotes.end() && !it->second.empty()) notes.push_back(it->second);
            } else if (name == "w:commentReference" || name == "w:commentRangeStart") {
                std::string id = c.attribute("w:id").value();
                if (std::find(comment_ids.begin(), comment_ids.end(), id) == comment_ids.end()) comment_ids.push_back(id);
            } else if (name == "w:txbxContent") {
                bool counting = emphasis.counting;
                emphasis.counting = false;
                for (pugi::xml_node p : c.children("w:p")) {
                    std::string t;
                    std::vector<std::string> b2, n2;
                    collect(p, t, b2, n2, comment_ids);
                    auto cl = clean_line(t);
                    if (!cl.empty()) boxes.push_back(cl);
                }
                emphasis.counting = counting;
            } else if (name == "mc:Fallback" || name == "w:fldData" || name == "w:pPrChange" || name == "w:rPrChange") {
                // a drawing's fallback repeats its Choice; property changes carry no text
            } else {
                collect(c, text, boxes, notes, comment_ids);  // runs, hyperlinks, smart tags, fldSimple, content controls, drawings
            }
        }
    }

    void paragraph_block(const pugi::xml_node& p, bool in_toc_sdt) {
        ++paragraph;
        bool toc_before = in_toc_field();
        std::string text;
        std::vector<std::string> boxes, notes, comment_ids;
        auto ppr = p.child("w:pPr");
        std::string style_id = ppr.child("w:pStyle").attribute("w:val").value();
        paragraph_look = base_look;
        paragraph_look.apply(style_look(style_id.empty() ? default_style : style_id));
        run_look = paragraph_look;
        emphasis = Emphasis{};
        collect(p, text, boxes, notes, comment_ids);
        bool toc = in_toc_sdt || toc_before || in_toc_field();
        std::string lstyle = style_name(style_id);
        std::transform(lstyle.begin(), lstyle.end(), lstyle.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (util::starts_with(lstyle, "toc") || lstyle == "contents heading") toc = true;

        int outline = -1;
        if (auto ol = ppr.child("w:outlineLvl")) outline = ol.attribute("w:val").as_int(-1);
        if (outline < 0 || outline > 8) outline = style_outline(style_id);
        std::string num_id;
        int ilvl = 0;
        if (auto np = ppr.child("w:numPr")) {
            num_id = np.child("w:numId").attribute("w:val").value();
            ilvl = np.child("w:ilvl").attribute("w:val").as_int(0);
        } else {
            auto [sid, sl] = style_numbering(style_id);
            num_id = sid;
            ilvl = sl;
        }
        if (num_id == "0") num_id.clear();
        ilvl = std::clamp(ilvl, 0, 8);

        Block b;
        b.position = paragraph;
        bool bullet = false;
        std::string number = num_id.empty() ? std::string() : next_number(num_id, ilvl, &bullet);
        std::string shown = text;
        const bool set_apart = emphasis.set_apart() || capitals_only(clean_line(text));
        enum class Why { none, shape, numbered } why = Why::none;
        if (outline >= 0 && outline <= 8) {
            b.kind = BlockKind::heading;
            b.level = outline + 1;
            b.number = number;
            if (number.empty()) {
                Shape s = shape_of(shown, true);
                if (!s.number.empty() && s.kind == BlockKind::heading) {
                    b.number = s.number;
                    shown = s.rest;
                }
            }
            b.text = shown;
        } else if (!num_id.empty()) {
            // A numbered item that reads like a heading ("1. Introduction", short, no full stop)
            // and is set apart (bold, underlined, capitals, larger) is a heading Word numbers as
            // a list, as many schools' documents have them; else settle_headings decides by what
            // follows it.
            b.kind = BlockKind::list_item;
            b.level = ilvl;
            b.number = number;
            b.text = shown;
            if (!bullet && !number.empty() && heading_like(clean_line(shown))) {
                if (set_apart) {
                    b.kind = BlockKind::heading;
                    b.level = ilvl + 1;
                } else {
                    why = Why::numbered;
                }
            }
        } else {
            // Each Word paragraph stands alone: a short one without a full stop may be a heading
            // typed in the body style, as many school documents have them (settle_headings
            // keeps it a heading only if it looks like the document's other headings).
            Shape s = shape_of(shown, true);
            b.kind = s.kind;
            b.level = s.level;
            b.number = s.number;
            b.text = s.rest;
            if (s.kind == BlockKind::heading) why = Why::shape;
        }
        if (toc) b.dropped = "contents page";
        for (const auto& id : comment_ids) {
            auto it = comments.find(id);
            if (it != comments.end()) {
                Note n = it->second;
                n.position = paragraph;
                doc.notes.push_back(n);
                comments.erase(it);
            }
        }
        if (!clean_line(b.text).empty() || !b.number.empty()) {
            b.bookmarks = std::move(bookmarks);
            bookmarks.clear();
            const std::size_t index = doc.blocks.size();
            if (!toc && index > 0 && b.kind == BlockKind::heading && (why == Why::none || set_apart)) ++marked_headings;
            if (!toc && why == Why::shape) shape_headings.push_back({index, set_apart, shown});
            if (!toc && why == Why::numbered) numbered_candidates.push_back(index);
            doc.blocks.push_back(std::move(b));
        }
        for (auto& box : boxes) {
            Block bb;
            bb.position = paragraph;
            Shape s = shape_of(box, false);
            bb.kind = s.kind == BlockKind::heading ? BlockKind::paragraph : s.kind;
            bb.number = s.number;
            bb.text = s.rest;
            if (toc) bb.dropped = "contents page";
            doc.blocks.push_back(std::move(bb));
        }
        for (auto& n : notes) {
            Block nb;
            nb.position = paragraph;
            nb.text = n;
            doc.blocks.push_back(std::move(nb));
        }
    }

    // Once the body is read (blocks [0, end)), headings typed in the body style are settled.
    // A Word-numbered item that reads like a heading is one when the items after it are
    // numbered a level deeper ("1. Introduction" over "1.1 This policy ..."); a short line
    // read as a heading from its shape alone stays one only if it looks like the document's
    // other headings (settle_plain_headings in text_shape.hpp).
    void settle_headings(std::size_t end) {
        for (std::size_t i : numbered_candidates) {
            std::size_t j = i + 1;
            while (j < end && !doc.blocks[j].dropped.empty()) ++j;
            Block& b = doc.blocks[i];
            if (j < end && doc.blocks[j].kind == BlockKind::list_item && doc.blocks[j].level > b.level) {
                b.kind = BlockKind::heading;
                b.level += 1;
                ++marked_headings;
            }
        }
        settle_plain_headings(doc.blocks, end, shape_headings, marked_headings);
    }

    void table_block(const pugi::xml_node& tbl, bool in_toc_sdt) {
        std::vector<std::vector<std::string>> rows;
        int first = paragraph + 1;
        std::vector<pugi::xml_node> only_cell_paragraphs;
        for (auto tr : tbl.children("w:tr")) {
            std::vector<std::string> row;
            for (auto tc : tr.children("w:tc")) {
                std::string cell;
                for (auto p : tc.select_nodes(".//w:p")) {
                    ++paragraph;
                    std::string t;
                    std::vector<std::string> boxes, notes, ids;
                    collect(p.node(), t, boxes, notes, ids);
                    auto cl = clean_line(t);
                    if (!cl.empty()) cell += (cell.empty() ? "" : " ") + cl;
                }
                row.push_back(cell);
            }
            rows.push_back(row);
        }
        // A table of one cell is a box around text: its paragraphs are read as paragraphs.
        if (rows.size() == 1 && rows[0].size() == 1) {
            paragraph = first - 1;
            for (auto p : tbl.select_nodes(".//w:p")) paragraph_block(p.node(), in_toc_sdt);
            return;
        }
        bool any = false;
        for (auto& r : rows)
            for (auto& c : r)
                if (!c.empty()) any = true;
        Block b;
        b.kind = BlockKind::table;
        b.position = first;
        std::vector<std::string> lines;
        for (auto& r : rows) lines.push_back(util::join(r, " | "));
        b.text = util::join(lines, "\n");
        b.cells = std::move(rows);
        if (!any) b.dropped = "empty table";
        if (in_toc_sdt || in_toc_field()) b.dropped = "contents page";
        doc.blocks.push_back(std::move(b));
    }

    void body(const pugi::xml_node& parent, bool in_toc_sdt) {
        for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
            std::string_view name = c.name();
            if (name == "w:p")
                paragraph_block(c, in_toc_sdt);
            else if (name == "w:tbl")
                table_block(c, in_toc_sdt);
            else if (name == "w:sdt") {
                std::string gallery = c.child("w:sdtPr").child("w:docPartObj").child("w:docPartGallery").attribute("w:val").value();
                body(c.child("w:sdtContent"), in_toc_sdt || gallery == "Table of Contents");
            } else if (name == "w:bookmarkStart") {
                bookmarks.push_back(c.attribute("w:name").value());
            } else if (name == "w:ins" || name == "w:moveTo" || name == "w:customXml" || name == "w:smartTag") {
                if (name == "w:ins" || name == "w:moveTo") {
                    count_change(paragraph + 1);
                    change_note(c, name == "w:ins" ? "insertion" : "move");
                }
                if (options.changes != Changes::reject || !(name == "w:ins" || name == "w:moveTo")) body(c, in_toc_sdt);
            } else if (name == "w:del" || name == "w:moveFrom") {
                count_change(paragraph + 1);
                change_note(c, name == "w:del" ? "deletion" : "move");
                if (options.changes == Changes::reject) body(c, in_toc_sdt);
            }
        }
    }
};

bool has_doctype(const std::string& xml) {
    return xml.find("<!DOCTYPE") != std::string::npos || xml.find("<!ENTITY") != std::string::npos || xml.find("<!doctype") != std::string::npos;
}

}  // namespace

ImportedDocument read_docx(const std::string& bytes, const std::string& display_path, const ReadOptions& options, util::Diagnostics& diags) {
    ImportedDocument doc;
    doc.path = display_path;
    doc.format = "docx";
    if (bytes.size() >= 8 && std::memcmp(bytes.data(), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
        diags.error({display_path, 0, 0}, "import-not-docx", "this is an old Word (.doc) file or an encrypted document with a .docx name, not a .docx package",
                    "open it in Word or LibreOffice and save it as .docx (without a password)");
        return doc;
    }
    ZipPackage zip(bytes, options.max_part_bytes, options.max_total_bytes);
    if (!zip.ok()) {
        diags.error({display_path, 0, 0}, "import-corrupt", zip.error(), "open it in Word and save it again, or import the original file");
        return doc;
    }
    auto types = zip.read("[Content_Types].xml");
    if (!types) {
        diags.error({display_path, 0, 0}, zip.ok() ? "import-not-docx" : "import-corrupt",
                    zip.ok() ? "the package has no [Content_Types].xml: it is a ZIP file, not a Word document" : zip.error(),
                    "import the Word document itself");
        return doc;
    }
    if (types->find("spreadsheetml") != std::string::npos || types->find("presentationml") != std::string::npos) {
        bool sheet = types->find("spreadsheetml") != std::string::npos;
        diags.error({display_path, 0, 0}, "import-not-docx",
                    std::string("this is ") + (sheet ? "a spreadsheet (.xlsx)" : "a presentation (.pptx)") + " renamed .docx, not a Word document",
                    "import the policy's Word document");
        return doc;
    }
    if (!zip.has("word/document.xml")) {
        diags.error({display_path, 0, 0}, "import-not-docx", "the package has no word/document.xml: it is not a Word document",
                    "import the policy's Word document");
        return doc;
    }

    Reader r{options, doc, diags, {}, {}, {}, {}, {}, 0, {}, 0, {}, {}, {}, {}, {}, {}, 0, {}, {}, {}, 0};
    auto parse = [&](const std::string& part, pugi::xml_document& xml) -> bool {
        auto text = zip.read(part);
        if (!text) {
            if (!zip.ok()) diags.error({display_path, 0, 0}, "import-corrupt", zip.error(), "open it in Word and save it again");
            return false;
        }
        if (has_doctype(*text)) {
            diags.error({display_path + ":" + part, 0, 0}, "import-xml-doctype",
                        "the part declares a DOCTYPE or entities, which Word never writes; it is refused (entity expansion attacks)",
                        "open the document in Word and save it again");
            return false;
        }
        auto res = xml.load_buffer(text->data(), text->size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
        if (!res) {
            diags.error({display_path + ":" + part, 0, 0}, "import-corrupt",
                        std::string("the XML is damaged: ") + res.description() + " at byte " + std::to_string(res.offset),
                        "open it in Word and save it again");
            return false;
        }
        return true;
    };

    pugi::xml_document styles, numbering, footnotes, comments, document, custom;
    if (zip.has("docProps/custom.xml") && parse("docProps/custom.xml", custom))
        for (auto p : custom.child("Properties").children("property")) doc.properties[p.attribute("name").value()] = p.first_child().text().get();
    if (zip.has("word/styles.xml") && parse("word/styles.xml", styles)) {
        for (auto s : styles.child("w:styles").children("w:style")) {
            StyleInfo si;
            si.name = s.child("w:name").attribute("w:val").value();
            si.based_on = s.child("w:basedOn").attribute("w:val").value();
            if (auto ol = s.child("w:pPr").child("w:outlineLvl")) si.outline = ol.attribute("w:val").as_int(-1);
            if (si.outline > 8) si.outline = -1;
            if (auto np = s.child("w:pPr").child("w:numPr")) {
                si.num_id = np.child("w:numId").attribute("w:val").value();
                si.num_level = np.child("w:ilvl").attribute("w:val").as_int(0);
            }
            si.look = look_of(s.child("w:rPr"));
            std::string id = s.attribute("w:styleId").value();
            if (std::string_view(s.attribute("w:type").value()) == "paragraph" && s.attribute("w:default").as_bool()) r.default_style = id;
            r.styles[id] = si;
        }
        r.base_look = look_of(styles.child("w:styles").child("w:docDefaults").child("w:rPrDefault").child("w:rPr"));
        Look body = r.base_look;
        body.apply(r.style_look(r.default_style));
        r.body_size = body.size;
    }
    if (zip.has("word/numbering.xml") && parse("word/numbering.xml", numbering)) {
        auto root = numbering.child("w:numbering");
        for (auto a : root.children("w:abstractNum")) {
            auto& levels = r.numbering.abstract_levels[a.attribute("w:abstractNumId").value()];
            for (auto l : a.children("w:lvl")) {
                Level lv;
                if (auto f = l.child("w:numFmt")) lv.format = f.attribute("w:val").value();
                if (auto t = l.child("w:lvlText")) lv.text = t.attribute("w:val").value();
                if (auto st = l.child("w:start")) lv.start = st.attribute("w:val").as_int(1);
                levels[l.attribute("w:ilvl").as_int(0)] = lv;
            }
        }
        for (auto n : root.children("w:num")) {
            std::string id = n.attribute("w:numId").value();
            r.numbering.num_to_abstract[id] = n.child("w:abstractNumId").attribute("w:val").value();
            for (auto o : n.children("w:lvlOverride"))
                if (auto so = o.child("w:startOverride")) r.numbering.start_override[id][o.attribute("w:ilvl").as_int(0)] = so.attribute("w:val").as_int(1);
        }
    }
    if (zip.has("word/footnotes.xml") && parse("word/footnotes.xml", footnotes)) {
        for (auto f : footnotes.child("w:footnotes").children("w:footnote")) {
            std::string_view type = f.attribute("w:type").value();
            if (!type.empty() && type != "normal") continue;
            std::string t;
            for (auto p : f.children("w:p")) {
                for (auto tn : p.select_nodes(".//w:t")) t += tn.node().text().get();
                t += ' ';
            }
            r.footnotes[f.attribute("w:id").value()] = clean_line(t);
        }
    }
    if (zip.has("word/comments.xml") && parse("word/comments.xml", comments)) {
        for (auto c : comments.child("w:comments").children("w:comment")) {
            Note n;
            n.kind = "comment";
            n.author = c.attribute("w:author").value();
            n.date = c.attribute("w:date").value();
            std::string t;
            for (auto tn : c.select_nodes(".//w:t")) t += std::string(tn.node().text().get()) + "";
            n.text = clean_line(t);
            r.comments[c.attribute("w:id").value()] = n;
        }
    }
    if (diags.has_errors()) return doc;
    if (!parse("word/document.xml", document)) return doc;
    auto body = document.child("w:document").child("w:body");
    if (!body) {
        diags.error({display_path + ":word/document.xml", 0, 0}, "import-corrupt", "word/document.xml has no body", "open it in Word and save it again");
        return doc;
    }
    r.body(body, false);
    r.settle_headings(doc.blocks.size());
    if (r.changes > 0 && options.changes == Changes::refuse) {
        std::vector<std::string> where;
        for (std::size_t i = 0; i < r.change_positions.size() && i < 10; ++i) where.push_back(std::to_string(r.change_positions[i]));
        if (r.change_positions.size() > 10) where.push_back("...");
        diags.error({display_path, 0, 0}, "import-tracked-changes",
                    "the document has " + std::to_string(r.changes) + " tracked change" + (r.changes == 1 ? "" : "s") + " (paragraph" +
                        (r.change_positions.size() == 1 ? " " : "s ") + util::join(where, ", ") + ")",
                    "say which text to import: --changes accept (the text as if every change were accepted) or --changes reject");
        return doc;
    }
    for (auto& [id, n] : r.comments) doc.notes.push_back(n);  // comments whose anchor was not found
    mark_furniture(doc.blocks);
    // Headers and footers are not the policy's text, but schools often put its approval and
    // review dates there: their paragraphs follow the body's, dropped (blocks.hpp), for the facts.
    std::vector<std::string> furniture_parts;
    static const rx::Regex k_part(R"(^word/(header|footer)\d*\.xml$)");
    for (const auto& name : zip.names())
        if (rx::full(name, k_part)) furniture_parts.push_back(name);
    std::sort(furniture_parts.begin(), furniture_parts.end());
    const std::size_t body_end = doc.blocks.size();
    for (const auto& part : furniture_parts) {
        pugi::xml_document xml;
        if (!parse(part, xml)) return doc;
        r.body(xml.first_child(), false);
    }
    for (std::size_t i = body_end; i < doc.blocks.size(); ++i) doc.blocks[i].dropped = k_docx_page_furniture;
    return doc;
}

}  // namespace clausebook::import
