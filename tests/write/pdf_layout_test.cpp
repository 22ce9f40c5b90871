// Clauses a page cannot hold as they stand: a table wider than the page, a word longer than a
// line, a clause of 5,000 list items, a table longer than a page, a table row taller than a page. Each is laid out with every
// word inside the page's text block (pdftotext -bbox), no two words drawn over each other, and
// no ink outside the margins in the rendered pages (pdftoppm). Also the tags of
// lists, quotations and links, and a table's header row repeated on each page it spans.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "support/fixture.hpp"
#include "support/skip.hpp"
#include "write/pdf_support.hpp"

using namespace clausebook::test;
using namespace clausebook::test::pdf;
namespace fs = std::filesystem;

namespace {

// The DOCX's margins, 2.5 cm (src/write/pdf/layout.hpp).
constexpr double k_margin = 70.9;

// The example repository of tests/support with clause intro.purpose's body replaced by `body`,
// built to PDF: the path of alpha's.
fs::path build_with(TestRepo& repo, const std::string& body) {
    repo.write("clauses/intro/purpose.md", "---\nid: intro.purpose\ntitle: Purpose\naudience: [staff, parents]\nversion: 1.0.0\n---\n" + body);
    auto r = repo.run({"build", "--format", "pdf", "--school", "alpha"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return repo.out() / "alpha" / "social.pdf";
}

// Every word inside the page box less its margins (the running header and footer sit in the
// top and bottom margins, so only left and right are held to the text block), and no two
// words' boxes overlapping by more than a sliver.
void check_words_inside(const fs::path& pdf, std::size_t at_least) {
    REQUIRE(shell("qpdf --check " + quoted(pdf)).status == 0);
    BoxedText t = boxed_text(pdf);
    REQUIRE(t.pages > 0);
    CHECK(t.page_width == Approx(595.276).margin(0.01));
    CHECK(t.words.size() >= at_least);
    std::size_t outside = 0, overlaps = 0;
    for (std::size_t i = 0; i < t.words.size(); ++i) {
        const Word& w = t.words[i];
        if (w.x_min < k_margin - 1 || w.x_max > t.page_width - k_margin + 1 || w.y_min < 0 || w.y_max > t.page_height) {
            if (++outside <= 5)
                UNSCOPED_INFO("outside: '" << w.text << "' page " << w.page << " x " << w.x_min << "-" << w.x_max << " y " << w.y_min << "-" << w.y_max);
        }
        for (std::size_t j = i + 1; j < t.words.size() && t.words[j].page == w.page; ++j) {
            const Word& v = t.words[j];
            double dx = std::min(w.x_max, v.x_max) - std::max(w.x_min, v.x_min);
            double dy = std::min(w.y_max, v.y_max) - std::max(w.y_min, v.y_min);
            if (dx > 1 && dy > 2) {
                if (++overlaps <= 5) UNSCOPED_INFO("overprinted: '" << w.text << "' and '" << v.text << "' on page " << w.page);
            }
        }
    }
    CHECK(outside == 0);
    CHECK(overlaps == 0);
}

// The pages rendered at 36 dpi: no dark pixel in the left or right margin (a band of it, to
// leave anti-aliasing at the text block's edge alone).
void check_margins_blank(const fs::path& pdf, int last_page) {
    for (int page = 1; page <= last_page; ++page) {
        Shell r = shell("pdftoppm -r 36 -gray -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + quoted(pdf));
        REQUIRE(r.status == 0);
        Grey g = read_pgm(r.out);
        REQUIRE(g.width > 0);
        const int band = static_cast<int>((k_margin - 6) / 72.0 * 36);
        int inked = 0;
        for (int y = 0; y < g.height; ++y)
            for (int x = 0; x < band; ++x)
                if (g.at(x, y) < 160 || g.at(g.width - 1 - x, y) < 160) ++inked;
        INFO("page " << page);
        CHECK(inked == 0);
    }
}

int pages_of(const fs::path& pdf) {
    Shell info = shell("pdfinfo " + quoted(pdf));
    return std::atoi(info.out.c_str() + info.out.find("Pages:") + 6);
}

}  // namespace

TEST_CASE("pdf layout: a table of 40 columns is drawn inside the text block", "[pdf][layout]") {
    CLAUSEBOOK_NEEDS_PROGRAM("pdftotext");
    CLAUSEBOOK_NEEDS_PROGRAM("pdftoppm");
    CLAUSEBOOK_NEEDS_PROGRAM("qpdf");
    std::string header = "|", rule = "|", row = "|";
    for (int c = 1; c <= 40; ++c) {
        header += " Heading" + std::to_string(c) + " |";
        rule += " --- |";
        row += " value" + std::to_string(c) + "withalongtail |";
    }
    TestRepo repo;
    fs::path pdf = build_with(repo, header + "\n" + rule + "\n" + row + "\n" + row + "\n");
    check_words_inside(pdf, 120);
    check_margins_blank(pdf, pages_of(pdf));
    // Every cell's text is there, broken where it must be: in the structure tree, cell by cell
    // (pdftotext reads across the narrow columns line by line).
    Shell tree = shell("pdfinfo -struct-text " + quoted(pdf));
    CHECK(tree.out.find("TH:\n         /Scope /Column\n        \"Heading40\"") != std::string::npos);  // with its scope
    CHECK(tree.out.find("TD\n        \"value40withalongtail\"") != std::string::npos);
}

TEST_CASE("pdf layout: a word longer than a line is broken across lines inside the text block", "[pdf][layout]") {
    CLAUSEBOOK_NEEDS_PROGRAM("pdftotext");
    CLAUSEBOOK_NEEDS_PROGRAM("pdftoppm");
    CLAUSEBOOK_NEEDS_PROGRAM("qpdf");
    std::string word;
    for (int i = 0; i < 60; ++i) word += "Supercalifragilistic"[i % 20];
    word = word + word + word + word + word;  // 300 letters
    TestRepo repo;
    fs::path pdf = build_with(repo, "Before " + word + " after.\n\n- item " + word + "\n");
    check_words_inside(pdf, 10);
    check_margins_blank(pdf, pages_of(pdf));
    Shell text = shell("pdftotext " + quoted(pdf) + " -");
    std::string joined;
    for (const auto& w : words(text.out)) joined += w;
    std::string lower;
    for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(joined.find("before" + lower + "after") != std::string::npos);
}

TEST_CASE("pdf layout: a clause of 5,000 list items runs over pages, each item once, in order", "[pdf][layout]") {
    CLAUSEBOOK_NEEDS_PROGRAM("pdftotext");
    CLAUSEBOOK_NEEDS_PROGRAM("pdftoppm");
    CLAUSEBOOK_NEEDS_PROGRAM("pdfinfo");
    CLAUSEBOOK_NEEDS_PROGRAM("qpdf");
    std::string list;
    for (int i = 1; i <= 5000; ++i) list += "- entry" + std::to_string(i) + "\n";
    TestRepo repo;
    fs::path pdf = build_with(repo, list);
    int pages = pages_of(pdf);
    CHECK(pages > 100);
    check_words_inside(pdf, 5000);
    check_margins_blank(pdf, 4);
    Shell text = shell("pdftotext " + quoted(pdf) + " -");
    int next = 1;
    for (const auto& w : words(text.out))
        if (w == "entry" + std::to_string(next)) ++next;
    CHECK(next == 5001);
    // The structure tree: one list of 5,000 items.
    Shell tree = shell("pdfinfo -struct " + quoted(pdf));
    std::size_t items = 0;
    for (std::size_t at = tree.out.find("LI (block)"); at != std::string::npos; at = tree.out.find("LI (block)", at + 1)) ++items;
    CHECK(items >= 5000);
}

TEST_CASE("pdf layout: a table longer than a page repeats its header row and splits no row", "[pdf][layout]") {
    CLAUSEBOOK_NEEDS_PROGRAM("pdftotext");
    CLAUSEBOOK_NEEDS_PROGRAM("pdfinfo");
    std::string table = "| Name | Detail |\n| --- | --- |\n";
    for (int i = 1; i <= 120; ++i)
        table += "| row" + std::to_string(i) + " | first line of detail " + std::to_string(i) + " and more words to wrap it onto a second line in its cell |\n";
    TestRepo repo;
    fs::path pdf = build_with(repo, table);
    int pages = pages_of(pdf);
    REQUIRE(pages >= 4);
    BoxedText t = boxed_text(pdf);
    std::map<int, int> headers;  // page -> "Name" header cells
    std::map<std::string, std::set<int>> row_pages;  // "rowN" -> pages its words are on
    for (const Word& w : t.words)
        if (w.text == "Name") ++headers[w.page];
    // Each row's second line ends "cell": the row and its "cell" are on the same page.
    std::string current;
    for (const Word& w : t.words) {
        if (w.text.rfind("row", 0) == 0 && w.text.size() > 3 && std::isdigit(static_cast<unsigned char>(w.text[3]))) current = w.text;
        if (!current.empty()) row_pages[current].insert(w.page);
        if (w.text == "cell") current.clear();
    }
    CHECK(row_pages.size() == 120);
    for (const auto& [row, on] : row_pages) {
        INFO(row);
        CHECK(on.size() == 1);
    }
    // The table starts on page 3 (after the cover and contents); every page from there has the header.
    int table_pages = 0;
    for (const auto& [page, n] : headers) {
        INFO("page " << page);
        CHECK(n == 1);
        ++table_pages;
    }
    CHECK(table_pages >= pages - 3);
    // The repeated header is a copy: the structure tree has one header row.
    Shell tree = shell("pdfinfo -struct-text " + quoted(pdf));
    std::size_t th = 0;
    for (std::size_t at = tree.out.find("\"Name\""); at != std::string::npos; at = tree.out.find("\"Name\"", at + 1)) ++th;
    CHECK(th == 1);
}

TEST_CASE("pdf layout: a table row taller than a page is cut between lines over pages, every word once, none outside the text block", "[pdf][layout]") {
    CLAUSEBOOK_NEEDS_PROGRAM("pdftotext");
    CLAUSEBOOK_NEEDS_PROGRAM("pdftoppm");
    CLAUSEBOOK_NEEDS_PROGRAM("pdfinfo");
    CLAUSEBOOK_NEEDS_PROGRAM("qpdf");
    // One row whose second cell holds 2,500 numbered words: about three pages of lines in a
    // half-width column; then a short row after it.
    std::string long_cell;
    for (int i = 1; i <= 2500; ++i) long_cell += " w" + std::to_string(i);
    TestRepo repo;
    fs::path pdf = build_with(repo, "| Name | Detail |\n| --- | --- |\n| tall | " + long_cell + " |\n| short | last row |\n");
    int pages = pages_of(pdf);
    CHECK(pages >= 5);  // the cover and contents, then at least three of the row
    check_words_inside(pdf, 2500);
    check_margins_blank(pdf, pages);
    BoxedText t = boxed_text(pdf);
    // Every word once, in order, each inside the text block top to bottom (the running header
    // and footer are in the margins, and hold no "wN").
    int next = 1;
    std::size_t outside = 0;
    std::set<int> row_pages;
    std::map<int, int> headers;  // page -> "Name" cells
    for (const Word& w : t.words) {
        if (w.text == "Name") ++headers[w.page];
        if (w.text.size() < 2 || w.text[0] != 'w' || !std::isdigit(static_cast<unsigned char>(w.text[1]))) continue;
        if (w.text == "w" + std::to_string(next)) ++next;
        row_pages.insert(w.page);
        if (w.y_min < k_margin - 1 || w.y_max > t.page_height - k_margin + 1) {
            if (++outside <= 5) UNSCOPED_INFO("outside the text block: '" << w.text << "' page " << w.page << " y " << w.y_min << "-" << w.y_max);
        }
    }
    CHECK(next == 2501);
    CHECK(outside == 0);
    CHECK(row_pages.size() >= 3);
    // The header row is drawn again on each page the row runs on to (as a copy: one TH "Name"
    // in the structure tree).
    for (int page : row_pages) {
        INFO("page " << page);
        CHECK(headers[page] == 1);
    }
    Shell tree = shell("pdfinfo -struct-text " + quoted(pdf));
    std::size_t th = 0;
    for (std::size_t at = tree.out.find("\"Name\""); at != std::string::npos; at = tree.out.find("\"Name\"", at + 1)) ++th;
    CHECK(th == 1);
    // The text copies out in order: the row's words, then the last row.
    Shell text = shell("pdftotext " + quoted(pdf) + " -");
    auto all = words(text.out);
    auto last = std::find(all.begin(), all.end(), "w2500");
    REQUIRE(last != all.end());
    CHECK(std::find(last, all.end(), "short") != all.end());
}

TEST_CASE("pdf layout: lists, quotations and links are tagged, and a link keeps its address", "[pdf][layout]") {
    CLAUSEBOOK_NEEDS_PROGRAM("pdfinfo");
    CLAUSEBOOK_NEEDS_PROGRAM("qpdf");
    TestRepo repo;
    fs::path pdf = build_with(repo,
                              "Read the [guidance](https://example.org/a'b) first, and [](clause:parents.conduct).\n\n"
                              "> Quoted words.\n\n"
                              "1. First\n   - inner\n2. Second\n");
    Shell tree = shell("pdfinfo -struct-text " + quoted(pdf));
    INFO(tree.out);
    std::size_t link = tree.out.find("Link (inline)\n      Object");
    std::size_t quote = tree.out.find("BlockQuote\n    P (block)\n      \"Quoted words.\"");
    std::size_t list =
        tree.out.find("L (block)\n    LI (block)\n      Lbl (block)\n        \"1.\"\n      LBody (block)\n        P (block)\n          \"First\"");
    std::size_t inner = tree.out.find(
        "LI (block)\n            Lbl (block)\n              \"\u25e6\"\n            LBody (block)\n              P (block)\n                \"inner\"");
    CHECK(link != std::string::npos);
    CHECK(quote != std::string::npos);
    CHECK(list != std::string::npos);
    CHECK(inner != std::string::npos);
    CHECK(link < quote);
    CHECK(quote < list);
    CHECK(list < inner);
    // The link is an annotation with its address, quote and all.
    Shell qdf = shell("qpdf --qdf --object-streams=disable " + quoted(pdf) + " -");
    CHECK(qdf.out.find("/URI (https://example.org/a'b)") != std::string::npos);
    // The cross-reference reads "section N.M (Conduct of parents)" and leads to that clause's
    // heading, as its contents entry does.
    Shell text = shell("pdftotext " + quoted(pdf) + " -");
    std::smatch m;
    REQUIRE(std::regex_search(text.out, m, std::regex(R"(section (\d+)\.(\d+)\s+\(Conduct of parents\))")));
    std::string dest = "/Dest (s-" + m[1].str() + "-" + m[2].str() + ")";
    std::size_t links = 0;
    for (std::size_t at = qdf.out.find(dest); at != std::string::npos; at = qdf.out.find(dest, at + 1)) ++links;
    CHECK(links >= 2);  // at least the contents entry and this reference
    std::size_t end = tree.out.find("(Conduct of parents)\"");
    REQUIRE(end != std::string::npos);
    std::size_t words = tree.out.rfind('"', end);  // the opening quote of the text holding it
    std::size_t element = tree.out.rfind("Link (inline)", words);
    REQUIRE(element != std::string::npos);
    CHECK(tree.out.find('"', element) == words);  // the reference's words are the link's
}

// What the PDF's own writer adds for screen readers (docs/pdf.md, "Accessibility"): the
// running header and footer, borders, shading and a repeated header row are marked as
// artifacts, not left unmarked; a header cell says whether it heads a column or a row; a link
// annotation carries the text it covers; each page's tab order follows the structure.
TEST_CASE("pdf layout: furniture is an artifact, header cells have their scope, links their text", "[pdf][layout]") {
    CLAUSEBOOK_NEEDS_PROGRAM("pdfinfo");
    CLAUSEBOOK_NEEDS_PROGRAM("pdftotext");
    CLAUSEBOOK_NEEDS_PROGRAM("qpdf");
    std::string table = "Read the [guidance](https://example.org/guide) first.\n\n| Name | Detail |\n| --- | --- |\n";
    for (int i = 1; i <= 60; ++i) table += "| row" + std::to_string(i) + " | detail " + std::to_string(i) + " |\n";
    TestRepo repo;
    fs::path pdf = build_with(repo, table);
    Shell tree = shell("pdfinfo -struct-text " + quoted(pdf));
    Shell text = shell("pdftotext " + quoted(pdf) + " -");
    INFO(tree.out);
    // The footer's words are on the page but not in the structure tree.
    CHECK(text.out.find("Page 1 of") != std::string::npos);
    CHECK(tree.out.find("Page 1 of") == std::string::npos);
    CHECK(tree.out.find("Page 2 of") == std::string::npos);
    Shell qdf = shell("qpdf --qdf --object-streams=disable " + quoted(pdf) + " -");
    std::size_t artifacts = 0;
    for (std::size_t at = qdf.out.find("/Artifact BMC"); at != std::string::npos; at = qdf.out.find("/Artifact BMC", at + 1)) ++artifacts;
    CHECK(artifacts == static_cast<std::size_t>(pages_of(pdf)));  // one sequence a page
    // The table's header cells head columns; the cover table's first column heads its rows.
    CHECK(qdf.out.find("/Scope /Column") != std::string::npos);
    CHECK(qdf.out.find("/Scope /Row") != std::string::npos);
    CHECK(qdf.out.find("/Contents (guidance)") != std::string::npos);
    CHECK(qdf.out.find("/Tabs /S") != std::string::npos);
}
