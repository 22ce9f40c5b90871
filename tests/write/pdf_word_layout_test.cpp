// A plain paragraph laid out from its words (src/write/pdf/word_layout.cpp) is what pango's own
// layout of the whole text is: the same lines, runs, glyphs, glyph widths and offsets, clusters
// and line boxes, for every paragraph of the repository's clauses in several fonts and widths
// and on one line as long as it is;
// and the texts it cannot lay out as pango would are left to pango.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "write/pdf/layout.hpp"
#include "write/pdf/word_layout.hpp"

using namespace clausebook::write::pdf;
namespace fs = std::filesystem;

namespace {

struct Font {
    PangoFontDescription* desc;
    Font(const char* family, double size, bool bold = false, bool italic = false) : desc(pango_font_description_new()) {
        pango_font_description_set_family(desc, family);
        pango_font_description_set_size(desc, static_cast<gint>(size * PANGO_SCALE));
        if (bold) pango_font_description_set_weight(desc, PANGO_WEIGHT_BOLD);
        if (italic) pango_font_description_set_style(desc, PANGO_STYLE_ITALIC);
    }
    ~Font() { pango_font_description_free(desc); }
    Font(const Font&) = delete;
    Font& operator=(const Font&) = delete;
};

// Every paragraph of the repository's clause files as one line of text (front matter left
// out, a list item's marker taken off; the rest of the Markdown left as it is: it is text too).
std::vector<std::string> clause_paragraphs() {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(CLAUSEBOOK_SOURCE_DIR) / "clauses")) {
        if (e.path().extension() != ".md") continue;
        std::ifstream in(e.path());
        std::string line, para;
        int fences = 0;
        auto flush = [&] {
            if (!para.empty()) out.push_back(para);
            para.clear();
        };
        while (std::getline(in, line)) {
            if (line == "---" && fences < 2) {
                ++fences;
                continue;
            }
            if (fences == 1) continue;
            if (line.empty()) {
                flush();
                continue;
            }
            if (line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0) {
                flush();
                line = line.substr(2);
            }
            para += para.empty() ? line : " " + line;
        }
        flush();
    }
    return out;
}

// `width` negative: one line, as long as it is (as the running header and footer are laid out).
TextPtr lay_out_as(const std::string& text, const PangoFontDescription* font, double width, bool from_words) {
    TextSpec spec;
    spec.font = font;
    spec.width = width;
    spec.wrap_words = width >= 0;
    spec.from_words = from_words;
    return lay_out(text, spec);
}

}  // namespace

TEST_CASE("pdf word layout: a paragraph laid out from its words is pango's layout of it glyph for glyph", "[pdf][layout]") {
    const Font body("Liberation Sans", 11), heading("Liberation Sans", 13, true), quote("Liberation Sans", 11, false, true), mono("Liberation Mono", 10),
        cell("Liberation Sans", 8);
    std::vector<std::string> texts = clause_paragraphs();
    REQUIRE(texts.size() > 100);
    // Words a school's own details bring: names, numbers at the end, dates.
    texts.push_back("Northfield Academy 11");
    texts.push_back("The next review is due by 10 May 2023.");
    texts.push_back("If a child is in immediate danger, call the police on 999.");
    texts.push_back("Concerns about the headteacher are reported to the chair of governors, Alex Evans.");
    std::size_t from_words = 0, compared = 0;
    for (const PangoFontDescription* f : {body.desc, heading.desc, quote.desc, mono.desc, cell.desc}) {
        for (double width : {453.476, 220.0, 95.0, -1.0}) {
            for (const auto& text : texts) {
                TextPtr words = lay_out_as(text, f, width, true), pango = lay_out_as(text, f, width, false);
                REQUIRE(pango->layout != nullptr);
                if (words->layout) continue;  // left to pango
                ++from_words;
                INFO(text << " at " << width << " pt");
                const std::string differences = layout_differences(*words, *pango);
                INFO(differences);
                CHECK(differences.empty());
                CHECK(std::string(words->text()) == pango->text());
                CHECK(words->logical_width == pango->logical_width);
                CHECK(words->pixel_width() == pango->pixel_width());
                ++compared;
            }
        }
    }
    // Most of the clauses' paragraphs are plain ones the words lay out (Markdown's emphasis and
    // links are pango's; here they are only characters).
    INFO(from_words << " of " << texts.size() * 20);
    CHECK(from_words * 2 > texts.size() * 20);
    CHECK(compared == from_words);
}

TEST_CASE("pdf word layout: texts it cannot lay out as pango would are left to pango", "[pdf][layout]") {
    const Font body("Liberation Sans", 11);
    const int width = pango_units_from_double(200);
    CHECK(lay_out_words("", body.desc, "k", width) == nullptr);
    CHECK(lay_out_words("a tab\there", body.desc, "k", width) == nullptr);
    CHECK(lay_out_words("two\nlines", body.desc, "k", width) == nullptr);
    CHECK(lay_out_words(" leading space", body.desc, "k", width) == nullptr);
    CHECK(lay_out_words("\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", body.desc, "k", width) == nullptr);  // right to left
    CHECK(lay_out_words(std::string(80, 'w') + " longer than the line", body.desc, "k", width) == nullptr);
    CHECK(lay_out_words("no break before a comma here , as Unicode says", body.desc, "k", width) == nullptr);
    // A hyphenated word that does not fit at a line's end where its first part does: pango
    // breaks after the hyphen, so the words leave it to pango.
    const std::string hyphen = "Everyone shares it: well-being";
    TextSpec spec;
    spec.font = body.desc;
    spec.width = -1;
    const double first_part = lay_out("Everyone shares it: well-", spec)->lines[0].runs[0]->glyphs->num_glyphs > 0
                                  ? pango_units_to_double(pango_glyph_string_get_width(lay_out("Everyone shares it: well-", spec)->lines[0].runs[0]->glyphs))
                                  : 0;
    REQUIRE(first_part > 0);
    TextPtr pango = lay_out_as(hyphen, body.desc, first_part + 1, false);
    REQUIRE(pango->lines.size() == 2);
    CHECK(pango->lines[0].runs[0]->item->length == static_cast<int>(hyphen.find('-') + 1));  // "well-" on the first line
    CHECK(lay_out_words(hyphen, body.desc, "k", pango_units_from_double(first_part + 1)) == nullptr);
    CHECK(lay_out_as(hyphen, body.desc, first_part + 1, true)->layout != nullptr);
    // Wide enough for the whole word: laid out from the words.
    CHECK(lay_out_words(hyphen, body.desc, "k", pango_units_from_double(400)) != nullptr);
    // A plain one is laid out from its words, and a Text from words has no pango layout.
    TextPtr plain = lay_out_words("Staff must not use the school's name or logo on a personal account.", body.desc, "k", width);
    REQUIRE(plain != nullptr);
    CHECK(plain->layout == nullptr);
    CHECK(plain->lines.size() == lay_out_as("Staff must not use the school's name or logo on a personal account.", body.desc, 200, false)->lines.size());
}

TEST_CASE("pdf word layout: the thread forgetting its words in the middle of a paragraph changes no glyph", "[pdf][layout]") {
    const Font body("Liberation Sans", 11);
    // Words the thread has not met (a school's names), more than it keeps: it forgets its words
    // several times while laying out the paragraph.
    std::string text;
    const char* const letters[] = {"Ab", "Cd", "Ef", "Gh", "Ij", "Kl", "Mn", "Op", "Qr", "St"};
    for (int i = 0; i < 60; ++i) text += std::string(text.empty() ? "" : " ") + letters[i % 10] + letters[(i / 10) % 10] + "wick";
    set_thread_word_limit(7);
    TextPtr words = lay_out_as(text, body.desc, 300, true);
    set_thread_word_limit(50000);
    forget_thread_words();
    REQUIRE(words->layout == nullptr);
    TextPtr pango = lay_out_as(text, body.desc, 300, false);
    const std::string differences = layout_differences(*words, *pango);
    INFO(differences);
    CHECK(differences.empty());
}
