// The PDF reader (poppler-cpp). Poppler gives the words in reading order (columns included);
// they are put back into lines, lines into paragraphs (a gap wider than the usual line
// spacing, a bullet, a typed number, or a short line ending a sentence starts a new one), and
// words split by an end-of-line hyphen are joined. Running headers and footers are the lines
// at the top or bottom of the page that repeat (digits aside) on at least half the pages; they
// and lone page numbers are dropped. Larger type than the body's, standing alone, is a heading.
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "import/blocks.hpp"
#include "import/text_shape.hpp"
#include "util/text.hpp"

namespace clausebook::import {

namespace {

struct PdfLine {
    std::string text;
    double top = 0, bottom = 0, left = 0, right = 0;
    double size = 0;
    std::size_t chars = 0, bold_chars = 0;  // visible characters, and those in a bold font
    int page = 0;
    std::string furniture;  // set when found to be a running header or footer
};

// A font whose name says it is bold: "ABCDEF+Calibri-Bold", "Arial-BoldMT", "OpenSans-SemiBold", "Montserrat-Black".
bool bold_font(const std::string& name) {
    std::string n = name;
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* w : {"bold", "black", "heavy", "demi"})
        if (n.find(w) != std::string::npos) return true;
    return false;
}

std::string utf8(const poppler::ustring& u) {
    auto bytes = u.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

std::string furniture_key(const std::string& s) {
    std::string k;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c)) && !std::isspace(static_cast<unsigned char>(c))) k += c;
    return k;
}

void quiet(const std::string&, void*) {}

}  // namespace

ImportedDocument read_pdf(const std::string& bytes, const std::string& display_path, util::Diagnostics& diags) {
    ImportedDocument doc;
    doc.path = display_path;
    doc.format = "pdf";
    poppler::set_debug_error_function(&quiet, nullptr);
    if (bytes.size() < 5 || bytes.compare(0, 5, "%PDF-") != 0) {
        diags.error({display_path, 0, 0}, "import-corrupt", "the file does not start as a PDF does (%PDF-): it is another format renamed, or damaged",
                    "import the original document");
        return doc;
    }
    std::unique_ptr<poppler::document> pdf(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!pdf) {
        // poppler cannot tell a password from damage here: an encrypted file it could not open says so in its trailer.
        bool encrypted = bytes.find("/Encrypt") != std::string::npos;
        diags.error({display_path, 0, 0}, encrypted ? "import-encrypted-pdf" : "import-corrupt",
                    encrypted ? "this PDF is protected by a password" : "the PDF is damaged or truncated and cannot be read",
                    encrypted ? "save an unprotected copy (or import the Word original)" : "import the original document, or save the PDF again");
        return doc;
    }
    if (pdf->is_locked()) {
        diags.error({display_path, 0, 0}, "import-encrypted-pdf", "this PDF is protected by a password",
                    "save an unprotected copy (or import the Word original)");
        return doc;
    }
    int pages = pdf->pages();
    std::vector<PdfLine> lines;
    std::size_t chars = 0;
    for (int p = 0; p < pages; ++p) {
        std::unique_ptr<poppler::page> page(pdf->create_page(p));
        if (!page) continue;
        auto boxes = page->text_list(poppler::page::text_list_include_font);
        PdfLine cur;
        bool open = false;
        for (auto& b : boxes) {
            std::string w = utf8(b.text());
            auto r = b.bbox();
            double mid = (r.top() + r.bottom()) / 2;
            bool same_line = open && mid > cur.top && mid < cur.bottom && r.left() >= cur.left - 1;
            if (!same_line) {
                if (open) lines.push_back(cur);
                cur = PdfLine{};
                cur.top = r.top();
                cur.bottom = r.bottom();
                cur.left = r.left();
                cur.right = r.right();
                cur.page = p + 1;
                open = true;
            } else if (!cur.text.empty() && cur.text.back() != ' ') {
                cur.text += ' ';
            }
            cur.text += w;
            chars += w.size();
            if (b.has_space_after()) cur.text += ' ';
            cur.right = std::max(cur.right, r.right());
            cur.top = std::min(cur.top, r.top());
            cur.bottom = std::max(cur.bottom, r.bottom());
            if (b.has_font_info()) {
                cur.size = std::max(cur.size, b.get_font_size());
                cur.chars += w.size();
                if (bold_font(b.get_font_name())) cur.bold_chars += w.size();
            }
        }
        if (open) lines.push_back(cur);
    }
    if (pages > 0 && chars == 0) {
        diags.error({display_path, 0, 0}, "import-scanned-pdf", "this PDF is a scanned image; it has no text to import",
                    "import the Word original, or run it through OCR first");
        return doc;
    }
    for (auto& l : lines) l.text = clean_line(l.text);

    // Running headers and footers: the first and last two lines of each page, repeated.
    if (pages >= 2) {
        std::map<std::string, std::set<int>> seen;
        std::map<int, std::vector<std::size_t>> by_page;
        for (std::size_t i = 0; i < lines.size(); ++i) by_page[lines[i].page].push_back(i);
        auto edge = [&](auto fn) {
            for (auto& [pg, idx] : by_page) {
                for (std::size_t k = 0; k < idx.size() && k < 2; ++k) fn(idx[k], pg);
                for (std::size_t k = idx.size() >= 2 ? idx.size() - 2 : 0; k < idx.size(); ++k) fn(idx[k], pg);
            }
        };
        edge([&](std::size_t i, int pg) { seen[furniture_key(lines[i].text)].insert(pg); });
        edge([&](std::size_t i, int) {
            const auto& key = furniture_key(lines[i].text);
            if (seen[key].size() * 2 >= static_cast<std::size_t>(pages) && seen[key].size() >= 2)
                lines[i].furniture = key.empty() ? "page number" : k_pdf_page_furniture;
        });
    }

    // The body's type size and line spacing: the most common ones.
    std::map<long, std::size_t> sizes, gaps;
    double max_right = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        sizes[std::lround(lines[i].size * 2)] += lines[i].text.size();
        max_right = std::max(max_right, lines[i].right);
        if (i > 0 && lines[i].page == lines[i - 1].page) {
            double g = lines[i].top - lines[i - 1].top;
            if (g > 0) gaps[std::lround(g * 2)]++;
        }
    }
    auto mode = [](const std::map<long, std::size_t>& m) {
        long best = 0;
        std::size_t n = 0;
        for (auto& [k, v] : m)
            if (v > n) {
                best = k;
                n = v;
            }
        return best / 2.0;
    };
    double body_size = mode(sizes);
    double spacing = mode(gaps);
    // A document of one-line paragraphs has the paragraph gap as its most common gap: the
    // line spacing is then taken from the type size (single spacing is about 1.2 times it).
    if (body_size > 0 && (spacing <= 0 || spacing > body_size * 1.25)) spacing = body_size * 1.2;
    if (spacing <= 0) spacing = 14;

    int para = 0;
    struct Piece {
        std::string text;
        int page = 0;
        bool big = false;
        bool bold = false;  // every line of it in a bold font
        bool alone = true;
        double right = 0;
        std::string furniture;
    };
    std::vector<Piece> pieces;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const PdfLine& l = lines[i];
        if (!l.furniture.empty()) {
            pieces.push_back({l.text, l.page, false, false, true, l.right, l.furniture});
            continue;
        }
        bool big = body_size > 0 && l.size > body_size * 1.15;
        bool join = false;
        if (!pieces.empty() && pieces.back().furniture.empty()) {
            const PdfLine* prev = nullptr;
            for (std::size_t k = i; k-- > 0;)
                if (lines[k].furniture.empty()) {
                    prev = &lines[k];
                    break;
                }
            bool new_page = prev && prev->page != l.page;
            double gap = prev && !new_page ? l.top - prev->top : spacing;
            bool close = gap <= spacing * 1.35 + 0.5;
            bool prev_full = pieces.back().right >= max_right * 0.8;
            // A line that stops short of the right margin ends its paragraph (or is a line of
            // its own: a title, an address); a full line runs on into the next.
            join = (close || (new_page && !ends_sentence(pieces.back().text))) && prev_full && !starts_with_marker(l.text) && pieces.back().big == big &&
                   !pieces.back().text.empty();
            if (join) {
                std::string& t = pieces.back().text;
                if (t.size() > 1 && t.back() == '-' && std::isalpha(static_cast<unsigned char>(t[t.size() - 2])) && starts_lower(l.text))
                    t.pop_back();  // "disci-" + "pline"
                else
                    t += ' ';
                t += l.text;
                pieces.back().right = l.right;
                pieces.back().alone = false;
                pieces.back().bold = pieces.back().bold && l.chars > 0 && l.bold_chars == l.chars;
                continue;
            }
        }
        pieces.push_back({l.text, l.page, big, l.chars > 0 && l.bold_chars == l.chars, true, l.right, {}});
    }
    // Headings read from their shape alone are settled once all are read (text_shape.hpp):
    // larger type, bold or capitals set a heading apart.
    std::vector<HeadingCandidate> candidates;
    int marked = 0;
    for (auto& p : pieces) {
        ++para;
        Block b;
        b.page = p.page;
        b.position = para;
        Shape s = shape_of(p.text, p.alone || p.big);
        b.kind = s.kind;
        b.level = s.level;
        b.number = s.number;
        b.text = s.rest;
        if (p.big && heading_like(s.rest) && s.kind != BlockKind::list_item) {
            b.kind = BlockKind::heading;
            if (b.level == 0) b.level = 1;
        }
        b.dropped = p.furniture;
        if (p.furniture.empty() && b.kind == BlockKind::heading) {
            bool set_apart = p.big || p.bold || capitals_only(p.text);
            if (set_apart && !doc.blocks.empty()) ++marked;
            candidates.push_back({doc.blocks.size(), set_apart, p.text});
        }
        doc.blocks.push_back(std::move(b));
    }
    settle_plain_headings(doc.blocks, doc.blocks.size(), candidates, marked);
    mark_furniture(doc.blocks);
    return doc;
}

}  // namespace clausebook::import
