// The plain-text and Markdown reader: text as it comes out of a copy-and-paste or a text
// extraction of a Word or PDF policy (the five source policies are such text). Lines are
// grouped into paragraphs, lines broken in the middle of a sentence are joined again, odd
// bullet characters are read as list items, typed numbers ("1.2 Scope", "a)") as headings or
// numbered items, and Markdown's own headings, lists and pipe tables as what they are.
#include <cctype>

#include "import/blocks.hpp"
#include "import/rx.hpp"
#include "import/text_shape.hpp"
#include "util/text.hpp"

namespace clausebook::import {

namespace {

struct Line {
    std::string text;  // without the line ending
    int number = 0;
};

bool blank(std::string_view s) { return util::trim(s).empty() || clean_line(s).empty(); }

// "Next review: 09/2025", "Headteacher: Mrs A Patel": a short capitalised label, a colon and a
// value. A title page's lines of this kind are each a fact of their own, never one paragraph.
bool label_line(std::string_view s) {
    auto t = util::trim(s);
    auto colon = t.find(':');
    if (t.empty() || !std::isupper(static_cast<unsigned char>(t[0])) || colon == std::string_view::npos || colon > 40 || colon + 1 >= t.size()) return false;
    auto label = t.substr(0, colon);
    int words = 1;
    for (char c : label) {
        if (c == ' ') ++words;
        if (!std::isalpha(static_cast<unsigned char>(c)) && c != ' ' && c != '(' && c != ')' && c != '/' && c != '\'' && c != '-') return false;
    }
    return words <= 6;
}

int indent_of(std::string_view s) {
    int n = 0;
    for (char c : s) {
        if (c == ' ')
            ++n;
        else if (c == '\t')
            n += 4;
        else
            break;
    }
    return n;
}

// A section number on a line of its own ("1.1", "2.3", or "1" above its heading): how a text
// extraction of a PDF or a Word file with its numbering typed often leaves it. The number belongs
// to the line below it. A dotted number is never a page number; a whole number is taken only
// when the line below reads as a heading and the next such number is one of its own ("1" above
// "Introduction", then "1.1"), as a page number above a page's first line is not.
const rx::Regex& number_alone() {
    static const rx::Regex r(R"(^[ \t]*(\d{1,3}(?:\.\d{1,3})*)\.?[ \t]*$)");
    return r;
}

bool is_table_row(std::string_view s) {
    auto t = util::trim(s);
    return t.size() >= 3 && t.front() == '|' && t.back() == '|';
}

std::vector<std::string> table_cells(std::string_view row) {
    auto t = util::trim(row);
    t = t.substr(1, t.size() - 2);
    std::vector<std::string> cells;
    std::string cur;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
            cur += '|';
            ++i;
        } else if (t[i] == '|') {
            cells.push_back(clean_line(cur));
            cur.clear();
        } else {
            cur += t[i];
        }
    }
    cells.push_back(clean_line(cur));
    return cells;
}

bool is_delimiter_row(const std::vector<std::string>& cells) {
    static const rx::Regex k_delim(R"(^:?-{3,}:?$)");
    for (const auto& c : cells)
        if (!rx::full(c, k_delim)) return false;
    return !cells.empty();
}

// "**words**" and "__words__" as "words".
std::string unbold(const std::string& s) {
    static const rx::Regex k_bold(R"(\*\*(.+?)\*\*|__(.+?)__)");
    if (s.find("**") == std::string::npos && s.find("__") == std::string::npos) return s;
    return rx::replace_all(s, k_bold, [](const rx::Match& m) { return m.matched(1) ? m[1] : m[2]; });
}

// Markdown inline markup a reader does not see: emphasis marks, link targets, escapes.
std::string strip_markdown_inline(std::string s) {
    static const rx::Regex k_link(R"(\[([^\]]*)\]\([^)]*\))");
    static const rx::Regex k_code("`([^`]*)`");
    s = rx::replace_all(s, k_link, [](const rx::Match& m) { return m[1]; });
    s = unbold(s);
    s = rx::replace_all(s, k_code, [](const rx::Match& m) { return m[1]; });
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) continue;
        out += s[i];
    }
    return out;
}

}  // namespace

ImportedDocument read_text(const std::string& bytes, const std::string& display_path, bool markdown, util::Diagnostics& diags) {
    ImportedDocument doc;
    doc.path = display_path;
    doc.format = markdown ? "md" : "txt";
    std::string text = bytes;
    if (util::starts_with(text, "\xEF\xBB\xBF")) text.erase(0, 3);
    if (auto bad = util::find_invalid_utf8(text)) {
        int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(*bad), '\n'));
        diags.error({display_path, line, 0}, "import-encoding", "the text is not UTF-8", "save it as UTF-8 text and import it again");
        return doc;
    }
    if (text.find('\0') != std::string::npos) {
        diags.error({display_path, 0, 0}, "import-not-text", "this file holds binary data, not text",
                    "import the original document (.docx, .pdf, .html) instead");
        return doc;
    }

    std::vector<Line> lines;
    {
        std::size_t start = 0;
        int n = 1;
        while (start <= text.size()) {
            auto end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            std::string l = text.substr(start, end - start);
            if (!l.empty() && l.back() == '\r') l.pop_back();
            lines.push_back({std::move(l), n++});
            if (end == text.size()) break;
            start = end + 1;
        }
    }

    // Paragraph-sized pieces: consecutive non-blank lines, split where a line starts a new item.
    struct Piece {
        std::string text;  // raw (tabs kept: they tell contents entries apart)
        int line = 0;
        int indent = 0;
        bool alone = false;  // blank lines (or the document's ends) on both sides
        bool fenced_table = false;
        std::vector<std::vector<std::string>> cells;
    };
    std::vector<Piece> pieces;
    std::size_t i = 0;
    while (i < lines.size()) {
        if (blank(lines[i].text)) {
            ++i;
            continue;
        }
        std::size_t group_start = pieces.size();
        std::size_t j = i;
        while (j < lines.size() && !blank(lines[j].text)) {
            const auto& l = lines[j].text;
            if (markdown && is_table_row(l)) {
                Piece t;
                t.line = lines[j].number;
                t.fenced_table = true;
                while (j < lines.size() && is_table_row(lines[j].text)) {
                    auto cells = table_cells(lines[j].text);
                    if (!is_delimiter_row(cells)) {
                        for (auto& c : cells) c = strip_markdown_inline(c);
                        t.cells.push_back(std::move(cells));
                    }
                    ++j;
                }
                pieces.push_back(std::move(t));
                continue;
            }
            // A short capitalised line between a finished sentence (or the group's start) and a
            // line starting afresh is a heading written without blank lines around it.
            auto heading_line = [&](std::size_t k) {
                if (markdown || !heading_like(lines[k].text)) return false;
                bool after_end = k == i || ends_sentence(lines[k - 1].text) || heading_like(lines[k - 1].text) || rx::full(lines[k - 1].text, number_alone());
                bool before_new = k + 1 >= lines.size() || blank(lines[k + 1].text) || starts_with_marker(lines[k + 1].text) ||
                                  (!starts_lower(lines[k + 1].text) && indent_of(lines[k + 1].text) == 0);
                return after_end && before_new;
            };
            bool this_heading = heading_line(j);
            bool prev_heading = j > i && heading_line(j - 1);
            // A web page's "Top of page" is never the start of the sentence below it.
            bool web = web_page_furniture(l) || (j > i && web_page_furniture(lines[j - 1].text));
            bool starts_item = j == i || web || starts_with_marker(l) || (markdown && util::starts_with(util::trim(l), "#")) || this_heading || prev_heading ||
                               (!markdown && label_line(l) && label_line(lines[j - 1].text));
            if (!starts_item && !pieces.empty() && !pieces.back().fenced_table) {
                const std::string& prev = pieces.back().text;
                auto pt = util::trim(prev);
                bool prev_open = !pt.empty() && !ends_sentence(pt);
                auto cur = util::trim(l);
                bool continuation = indent_of(l) > 0 || (prev_open && (starts_lower(cur) || pt.size() > 50)) || (markdown && !pt.empty() && pt.back() != '\t');
                if (markdown && prev.find('\t') == std::string::npos) continuation = true;
                if (continuation && prev.find('\t') == std::string::npos && l.find('\t') == std::string::npos) {
                    pieces.back().text += " ";
                    pieces.back().text += std::string(cur);
                    ++j;
                    continue;
                }
            }
            Piece p;
            p.text = markdown ? strip_markdown_inline(l) : unbold(l);
            p.line = lines[j].number;
            p.indent = indent_of(l);
            p.alone = this_heading;
            // A section number alone, and its text on the line below: one numbered line.
            rx::Match num;  // its groups point into `own`, which must outlive it
            const std::string own(l);
            if (!markdown && j + 1 < lines.size() && !blank(lines[j + 1].text) && rx::full(own, number_alone(), &num) &&
                !rx::full(lines[j + 1].text, number_alone()) && !starts_with_marker(lines[j + 1].text)) {
                std::string number = num[1];
                bool take = number.find('.') != std::string::npos;
                if (!take && heading_like(lines[j + 1].text)) {
                    for (std::size_t k = j + 2; k < lines.size(); ++k) {
                        rx::Match next;
                        if (!rx::full(lines[k].text, number_alone(), &next)) continue;
                        take = util::starts_with(next[1], number + ".");
                        break;
                    }
                }
                if (take) {
                    p.text = number + " " + std::string(util::trim(unbold(lines[j + 1].text)));
                    p.alone = p.alone || heading_like(lines[j + 1].text);
                    pieces.push_back(std::move(p));
                    j += 2;
                    continue;
                }
            }
            pieces.push_back(std::move(p));
            ++j;
        }
        if (pieces.size() == group_start + 1) pieces.back().alone = true;
        i = j;
    }

    // A sentence broken across a blank line ("as a means of" / "expressing negative views"):
    // a piece that does not end a sentence, followed by one that starts in lower case, is one.
    std::vector<Piece> joined;
    for (auto& p : pieces) {
        if (!joined.empty() && !p.fenced_table && !joined.back().fenced_table) {
            auto prev = util::trim(joined.back().text);
            auto cur = util::trim(p.text);
            if (prev.size() > 40 && !ends_sentence(prev) && starts_lower(cur) && !starts_with_marker(p.text) && prev.find('\t') == std::string::npos) {
                joined.back().text = std::string(prev) + " " + std::string(cur);
                joined.back().alone = false;
                continue;
            }
        }
        joined.push_back(std::move(p));
    }

    for (auto& p : joined) {
        Block b;
        b.position = p.line;
        if (p.fenced_table) {
            b.kind = BlockKind::table;
            b.cells = std::move(p.cells);
            std::vector<std::string> rows;
            for (const auto& r : b.cells) rows.push_back(util::join(r, " | "));
            b.text = util::join(rows, "\n");
            doc.blocks.push_back(std::move(b));
            continue;
        }
        std::string raw = p.text;
        auto t = std::string(util::trim(raw));
        if (markdown && t.size() > 1 && t[0] == '#') {
            std::size_t hashes = t.find_first_not_of('#');
            if (hashes != std::string::npos && hashes <= 6 && (t[hashes] == ' ' || t[hashes] == '\t')) {
                b.kind = BlockKind::heading;
                b.level = static_cast<int>(hashes);
                std::string rest = clean_line(t.substr(hashes));
                while (!rest.empty() && rest.back() == '#') rest.pop_back();
                Shape s = shape_of(rest, true);
                b.number = s.number;
                b.text = clean_line(s.rest);
                doc.blocks.push_back(std::move(b));
                continue;
            }
        }
        Shape s = shape_of(raw, p.alone);
        b.kind = s.kind;
        b.level = s.kind == BlockKind::list_item ? (p.indent >= 2 ? 1 + (p.indent - 2) / 4 : 0) : s.level;
        if (s.kind == BlockKind::list_item && s.level > b.level) b.level = s.level;
        b.number = s.number;
        b.text = s.rest;  // tabs kept until mark_furniture has seen them
        doc.blocks.push_back(std::move(b));
    }
    mark_furniture(doc.blocks);
    // Short lines standing alone after a sentence leading into them ("Social media tools include:"
    // / "Blogs" / "Social Networking" / ...) are the items it leads into, written without bullets,
    // not headings: two or more in a row, each of a few words and not in capitals (after the
    // furniture is marked, so that a contents list and its lead-in are not taken for such a list).
    for (std::size_t k = 0; k + 2 < doc.blocks.size(); ++k) {
        const Block& lead = doc.blocks[k];
        auto lead_text = util::trim(lead.text);
        if (lead.kind == BlockKind::heading || !lead.dropped.empty() || lead_text.empty() || lead_text.back() != ':') continue;
        auto item = [&](const Block& b) {
            return b.kind == BlockKind::heading && b.dropped.empty() && b.number.empty() && b.level == 2 && util::word_count(b.text) <= 8;
        };
        std::size_t end = k + 1;
        while (end < doc.blocks.size() && item(doc.blocks[end])) ++end;
        if (end - (k + 1) < 2) continue;
        for (std::size_t m = k + 1; m < end; ++m) {
            doc.blocks[m].kind = BlockKind::list_item;
            doc.blocks[m].level = 0;
        }
        k = end - 1;
    }
    return doc;
}

}  // namespace clausebook::import
