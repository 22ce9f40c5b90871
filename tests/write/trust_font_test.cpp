// A trust's own typeface (clausebook.yaml `font:`): embedded in the PDF, named in the DOCX's
// styles, and a clear error at its line and column when a file does not exist, is not a font,
// or holds another family.
//
// The test font is Liberation Serif (Debian fonts-liberation2, which scripts/setup.sh installs)
// renamed "Clausebook Serif" in a copy: a family no system has, so the PDF can only have it from
// the trust's file. The names in a TrueType 'name' table are replaced by names of the same length
// (the table's offsets stay right; FreeType does not check the table's checksum).
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "support/fixture.hpp"
#include "support/skip.hpp"
#include "write/docx_reader.hpp"
#include "write/pdf_support.hpp"

using namespace clausebook::test;
namespace fs = std::filesystem;

namespace {

const fs::path k_liberation = "/usr/share/fonts/truetype/liberation2";

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

// `from` replaced by `to` (the same length) everywhere in `bytes`, as Mac Roman bytes and as
// UTF-16BE, the two encodings of a 'name' table.
void rename_in(std::string& bytes, const std::string& from, const std::string& to) {
    REQUIRE(from.size() == to.size());
    auto utf16 = [](const std::string& s) {
        std::string out;
        for (char c : s) out += std::string(1, '\0') + c;
        return out;
    };
    for (const auto& [a, b] : {std::pair{from, to}, std::pair{utf16(from), utf16(to)}})
        for (auto at = bytes.find(a); at != std::string::npos; at = bytes.find(a, at + b.size())) bytes.replace(at, a.size(), b);
}

// fonts/ClausebookSerif-Regular.ttf and -Bold.ttf in `repo`.
void add_test_font(TestRepo& repo) {
    for (const char* style : {"Regular", "Bold"}) {
        std::string bytes = read_file(k_liberation / ("LiberationSerif-" + std::string(style) + ".ttf"));
        REQUIRE(bytes.size() > 10000);
        rename_in(bytes, "Liberation Serif", "Clausebook Serif");
        rename_in(bytes, "LiberationSerif", "ClausebookSerif");
        repo.write("fonts/ClausebookSerif-" + std::string(style) + ".ttf", bytes);
    }
}

std::string config_with_font(const std::string& font_yaml) { return "trust:\n  name: Test Trust\ndefaults:\n  params:\n    min_age: 13\n" + font_yaml; }

}  // namespace

TEST_CASE("trust font: the PDF embeds the trust's font from its files and the DOCX names it", "[font][pdf][docx]") {
    CLAUSEBOOK_NEEDS_PROGRAM("pdffonts");
    if (!fs::exists(k_liberation / "LiberationSerif-Regular.ttf")) CLAUSEBOOK_SKIP("program not installed: fonts-liberation2 (scripts/setup.sh installs it)");
    TestRepo repo;
    add_test_font(repo);
    repo.write("clausebook.yaml", config_with_font("font:\n  name: Clausebook Serif\n  files:\n    - fonts/ClausebookSerif-Regular.ttf\n"
                                                   "    - fonts/ClausebookSerif-Bold.ttf\n"));
    auto r = repo.run({"build", "--format", "pdf,docx", "--school", "alpha"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    pdf::Shell fonts = pdf::shell("pdffonts " + pdf::quoted(repo.out() / "alpha/social.pdf"));
    INFO(fonts.out);
    CHECK(has(fonts.out, "ClausebookSerif "));  // the regular face: body text
    CHECK(has(fonts.out, "ClausebookSerif-Bold "));  // the bold face: headings
    CHECK(!has(fonts.out, "LiberationSans"));
    // Every font embedded: the last-but-one column of each font's line ("emb") says yes.
    std::size_t lines = 0, embedded = 0;
    std::istringstream in(fonts.out);
    for (std::string line; std::getline(in, line);) {
        if (line.find("+") == std::string::npos) continue;  // subsets only: the header lines have no "+"
        ++lines;
        if (line.find(" yes ") != std::string::npos) ++embedded;
    }
    CHECK(lines >= 2);
    CHECK(embedded == lines);
    DocxPackage docx = read_docx(read_file(repo.out() / "alpha/social.docx"));
    auto styles = parse_part(docx, "word/styles.xml");
    pugi::xml_node fonts_node = styles->document_element().child("w:docDefaults").child("w:rPrDefault").child("w:rPr").child("w:rFonts");
    CHECK(std::string(fonts_node.attribute("w:ascii").value()) == "Clausebook Serif");
    CHECK(std::string(fonts_node.attribute("w:hAnsi").value()) == "Clausebook Serif");
    // A second build with nothing changed writes nothing; a font file replaced rebuilds.
    auto again = repo.run({"build", "--format", "pdf,docx", "--school", "alpha"});
    CHECK(has(again.out, "Built 0 of 1"));
    // Replaced as an editor or git does, by a new file renamed over it: the old one stays
    // mapped by this process's fontconfig from the build before.
    repo.write("fonts/new.ttf", repo.read("fonts/ClausebookSerif-Regular.ttf"));
    fs::rename(repo.root() / "fonts/new.ttf", repo.root() / "fonts/ClausebookSerif-Bold.ttf");
    auto replaced = repo.run({"build", "--format", "pdf,docx", "--school", "alpha"});
    CHECK(has(replaced.out, "Built 1 of 1"));
}

TEST_CASE("trust font: a font file that does not exist and one that is not a font are both reported at their line and column, exit 2", "[font]") {
    TestRepo repo;
    repo.write("fonts/notes.ttf", "These are notes about fonts, not a font.\n");
    repo.write("clausebook.yaml", config_with_font("font:\n  name: Trust Sans\n  files:\n    - fonts/TrustSans-Regular.ttf\n    - fonts/notes.ttf\n"));
    auto r = repo.run({"build"});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "clausebook.yaml:9:7: error: font file 'fonts/TrustSans-Regular.ttf' does not exist [font-file-missing]"));
    CHECK(has(r.err, "clausebook.yaml:10:7: error: 'fonts/notes.ttf' is not a font file that can be read (TrueType, OpenType or Type 1) [font-file-invalid]"));
    CHECK(!fs::exists(repo.out()));
}

TEST_CASE("trust font: a name that none of the files holds is an error naming the families they hold", "[font]") {
    if (!fs::exists(k_liberation / "LiberationSerif-Regular.ttf")) CLAUSEBOOK_SKIP("program not installed: fonts-liberation2 (scripts/setup.sh installs it)");
    TestRepo repo;
    add_test_font(repo);
    repo.write("clausebook.yaml", config_with_font("font:\n  name: Clausebook Serf\n  files: [fonts/ClausebookSerif-Regular.ttf]\n"));
    auto r = repo.run({"build"});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(has(r.err,
              "clausebook.yaml:7:9: error: no file under 'files' holds the font family 'Clausebook Serf'; they hold: Clausebook Serif [font-name-mismatch]"));
    CHECK(has(r.err, "Clausebook Serif"));
    CHECK(!fs::exists(repo.out()));
}

TEST_CASE("trust font: 'font' without files is an error", "[font]") {
    TestRepo repo;
    repo.write("clausebook.yaml", config_with_font("font:\n  name: Trust Sans\n"));
    auto r = repo.run({"build"});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "clausebook.yaml:7:3: error: 'font' needs 'files'"));
    CHECK(has(r.err, "[missing-field]"));
}
