// The DOCX follows the rules of Word's accessibility checker (docs/docx.md, "Accessibility"):
//   1. a document title in its properties (docProps/core.xml dc:title);
//   2. its language in its properties and styles (dc:language, w:lang, w:themeFontLang: en-GB);
//   3. headings in order, no level skipped, none empty (a clause's text has none: the load
//      refuses one, heading-in-clause);
//   4. every table's first row marked as a header row (w:tblHeader), repeated on each page;
//   5. no empty paragraph used for spacing;
//   6. alternative text on every image: there are no images (a Markdown image is its text).
// accessibility_problems() checks a package against all six; each rule has a test on made-up
// clauses, the example schools' documents are checked whole, and a package broken by hand
// shows the checks can fail.
#include <catch2/catch.hpp>

#include <map>
#include <regex>

#include "support/fixture.hpp"
#include "write/docx_reader.hpp"

using namespace clausebook::test;

namespace {

constexpr const char* k_faulty_clause =
    "---\n"
    "id: intro.purpose\n"
    "title: Purpose\n"
    "audience: [staff, parents]\n"
    "version: 1.0.0\n"
    "---\n"
    "Text, then a rule.\n"
    "\n"
    "---\n"
    "\n"
    "After the rule. An image: ![the school's logo](logo.png).\n"
    "\n"
    "```\n"
    "```\n"
    "\n"
    "| Who | What |\n"
    "| --- | --- |\n"
    "| Staff |  |\n";

// The outline level (0-8) of paragraph style `id`, following w:basedOn; -1 for body text.
int outline_level(const pugi::xml_node& styles, const std::string& id, int depth = 0) {
    if (id.empty() || depth > 10) return -1;
    for (pugi::xml_node s : styles.children("w:style")) {
        if (id != s.attribute("w:styleId").value()) continue;
        if (pugi::xml_node l = s.child("w:pPr").child("w:outlineLvl")) {
            int level = l.attribute("w:val").as_int(9);
            return level >= 9 ? -1 : level;
        }
        return outline_level(styles, s.child("w:basedOn").attribute("w:val").value(), depth + 1);
    }
    return -1;
}

// Every element called `name` below `node` (docx_reader.hpp's all_of searches the whole document).
std::vector<pugi::xml_node> below(const pugi::xml_node& node, const char* name) {
    std::vector<pugi::xml_node> out;
    for (pugi::xpath_node x : node.select_nodes((std::string(".//") + name).c_str())) out.push_back(x.node());
    return out;
}

bool has_content(const pugi::xml_node& p) {
    for (const char* name : {"w:t", "w:tab", "w:br", "w:fldChar", "w:instrText", "w:drawing", "w:sym"})
        for (pugi::xml_node n : below(p, name))
            if (std::string_view(name) != "w:t" || *n.text().get()) return true;
    return false;
}

std::string text_of(const pugi::xml_node& p) {
    std::string t = wml_text(p);
    while (!t.empty() && t.back() == '\n') t.pop_back();
    return t;
}

// What in `pkg` breaks the rules above, one line each; empty when it follows them all.
std::vector<std::string> accessibility_problems(const DocxPackage& pkg) {
    std::vector<std::string> problems;
    auto core = parse_part(pkg, "docProps/core.xml");
    pugi::xml_node props = core->document_element();
    if (std::string(props.child("dc:title").text().get()).empty()) problems.push_back("1: no dc:title");
    if (std::string(props.child("dc:language").text().get()) != "en-GB") problems.push_back("2: dc:language is not en-GB");
    auto styles_doc = parse_part(pkg, "word/styles.xml");
    pugi::xml_node styles = styles_doc->document_element();
    pugi::xml_node lang = styles.child("w:docDefaults").child("w:rPrDefault").child("w:rPr").child("w:lang");
    if (std::string(lang.attribute("w:val").value()) != "en-GB") problems.push_back("2: the styles' default w:lang is not en-GB");
    auto settings = parse_part(pkg, "word/settings.xml");
    if (std::string(settings->document_element().child("w:themeFontLang").attribute("w:val").value()) != "en-GB")
        problems.push_back("2: w:themeFontLang is not en-GB");

    auto document = parse_part(pkg, "word/document.xml");
    pugi::xml_node body = document->document_element().child("w:body");
    int previous = -1;
    for (pugi::xml_node p : below(body, "w:p")) {
        int level = outline_level(styles, p.child("w:pPr").child("w:pStyle").attribute("w:val").value());
        if (level < 0) continue;
        if (level > previous + 1)
            problems.push_back("3: heading '" + text_of(p) + "' at level " + std::to_string(level + 1) + " after level " + std::to_string(previous + 1));
        if (!has_content(p)) problems.push_back("3: an empty heading");
        previous = level;
    }
    for (pugi::xml_node tbl : below(body, "w:tbl")) {
        pugi::xml_node first = tbl.child("w:tr");
        if (!first.child("w:trPr").child("w:tblHeader")) problems.push_back("4: a table whose first row ('" + text_of(first) + "') is not a header row");
    }
    // An empty paragraph is allowed where the format needs one: alone in a table cell (a cell
    // must hold a paragraph), and the body's last paragraph when a table ends the body.
    std::vector<pugi::xml_node> blocks;
    for (pugi::xml_node n : body.children())
        if (std::string_view(n.name()) == "w:p" || std::string_view(n.name()) == "w:tbl") blocks.push_back(n);
    for (pugi::xml_node p : below(body, "w:p")) {
        if (has_content(p)) continue;
        bool alone_in_cell = std::string_view(p.parent().name()) == "w:tc" && !p.previous_sibling("w:p") && !p.next_sibling("w:p");
        bool after_last_table = blocks.size() >= 2 && p == blocks.back() && std::string_view(blocks[blocks.size() - 2].name()) == "w:tbl";
        if (!alone_in_cell && !after_last_table) problems.push_back("5: an empty paragraph after '" + text_of(p.previous_sibling("w:p")) + "'");
    }
    for (const char* image : {"w:drawing", "w:pict", "w:object", "v:imagedata", "pic:pic"})
        if (!below(body, image).empty()) problems.push_back(std::string("6: an image (") + image + "): none is expected");
    for (const auto& name : pkg.names)
        if (name.rfind("word/media/", 0) == 0) problems.push_back("6: an image part " + name);
    return problems;
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += s + "\n";
    return out;
}

DocxPackage build(TestRepo& repo, const std::string& clause) {
    repo.write("clauses/intro/purpose.md", clause);
    auto r = repo.run({"build", "--format", "docx", "--school", "alpha", "--quiet"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return read_docx(read_file(repo.out() / "alpha" / "social.docx"));
}

// The package with `from` replaced by `to` in part `name` (once).
DocxPackage altered(DocxPackage pkg, const std::string& name, const std::string& from, const std::string& to) {
    std::string& part = pkg.parts.at(name);
    auto at = part.find(from);
    REQUIRE(at != std::string::npos);
    part.replace(at, from.size(), to);
    return pkg;
}

}  // namespace

TEST_CASE("docx accessibility: every example school's document follows the six rules", "[docx][accessibility]") {
    const ExampleBuild& b = example_build("docx");
    INFO(b.err);
    REQUIRE(b.exit_code == 0);
    int documents = 0;
    for (const auto& [path, bytes] : b.files) {
        if (path.size() < 5 || path.compare(path.size() - 5, 5, ".docx") != 0) continue;
        ++documents;
        INFO(path);
        auto problems = accessibility_problems(read_docx(bytes));
        INFO(joined(problems));
        CHECK(problems.empty());
    }
    CHECK(documents >= 5);
}

TEST_CASE("docx accessibility 1 and 2: the title and language en-GB are in the properties, styles and settings", "[docx][accessibility]") {
    TestRepo repo;
    DocxPackage pkg = build(repo, k_faulty_clause);
    auto core = parse_part(pkg, "docProps/core.xml");
    CHECK(std::string(core->document_element().child("dc:title").text().get()) == "Social Media Policy");
    CHECK(std::string(core->document_element().child("dc:language").text().get()) == "en-GB");
    auto problems = accessibility_problems(pkg);
    INFO(joined(problems));
    CHECK(problems.empty());
    CHECK(accessibility_problems(altered(pkg, "docProps/core.xml", "<dc:language>en-GB</dc:language>", "")).size() == 1);
    CHECK(accessibility_problems(altered(pkg, "docProps/core.xml", "<dc:title>Social Media Policy</dc:title>", "<dc:title></dc:title>")).size() == 1);
}

TEST_CASE("docx accessibility 3: headings in order: each section a level 1, each clause a level 2 under it", "[docx][accessibility]") {
    TestRepo repo;
    DocxPackage pkg = build(repo, k_faulty_clause);
    auto document = parse_part(pkg, "word/document.xml");
    auto styles = parse_part(pkg, "word/styles.xml");
    std::string levels;
    for (pugi::xml_node p : all_of(document->document_element(), "w:p")) {
        int level = outline_level(styles->document_element(), p.child("w:pPr").child("w:pStyle").attribute("w:val").value());
        if (level >= 0) levels += std::to_string(level + 1);
    }
    // Introduction (purpose, related policies), Staff (contact), Parents (conduct). The title and
    // "Contents" are not headings (the contents would list them).
    CHECK(levels == "1221212");
    auto problems = accessibility_problems(pkg);
    INFO(joined(problems));
    CHECK(problems.empty());
    // Broken by hand: the first clause heading made a level 3 straight after level 1.
    auto skipped = accessibility_problems(altered(pkg, "word/document.xml", "<w:pStyle w:val=\"Heading2\"/>", "<w:pStyle w:val=\"Heading3\"/>"));
    REQUIRE(skipped.size() == 1);
    CHECK(skipped[0].rfind("3: heading '1.1 Purpose' at level 3 after level 1", 0) == 0);
}

TEST_CASE("docx accessibility 4: the cover table and every table in clause text have a marked header row", "[docx][accessibility]") {
    TestRepo repo;
    DocxPackage pkg = build(repo, k_faulty_clause);
    auto document = parse_part(pkg, "word/document.xml");
    auto tables = all_of(document->document_element(), "w:tbl");
    REQUIRE(tables.size() == 2);  // the cover table and the clause's
    CHECK(text_of(tables[0].child("w:tr")) == "Item\nDetails");
    CHECK(tables[0].child("w:tr").child("w:trPr").child("w:tblHeader"));
    CHECK(text_of(tables[1].child("w:tr")) == "Who\nWhat");
    CHECK(tables[1].child("w:tr").child("w:trPr").child("w:tblHeader"));
    // Only the first row of each is a header.
    for (auto t : tables) CHECK(below(t, "w:tblHeader").size() == 1);
    auto problems = accessibility_problems(pkg);
    INFO(joined(problems));
    CHECK(problems.empty());
    CHECK(accessibility_problems(altered(pkg, "word/document.xml", "<w:tblHeader/>", "")).size() == 1);
}

TEST_CASE("docx accessibility 5: no empty paragraph: a rule is the next paragraph's border, an empty code block writes nothing", "[docx][accessibility]") {
    TestRepo repo;
    DocxPackage pkg = build(repo, k_faulty_clause);
    const std::string& xml = pkg.parts.at("word/document.xml");
    // The rule above "After the rule.": a top border on that paragraph.
    std::regex bordered("<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/><w:pBdr><w:top [^>]*/></w:pBdr>.*?</w:pPr><w:r><w:t[^>]*>After the rule");
    CHECK(std::regex_search(xml, bordered));
    auto problems = accessibility_problems(pkg);
    INFO(joined(problems));
    CHECK(problems.empty());
    // The cell left empty in the table holds the one paragraph a cell must have; allowed.
    CHECK(xml.find("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>") != std::string::npos);
    // Broken by hand: an empty paragraph between two others.
    auto spaced = accessibility_problems(
        altered(pkg, "word/document.xml", "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/>", "<w:p/><w:p><w:pPr><w:pStyle w:val=\"Heading2\"/>"));
    REQUIRE(spaced.size() == 1);
    CHECK(spaced[0].rfind("5: an empty paragraph", 0) == 0);
}

TEST_CASE("docx accessibility 6: no image is written: a Markdown image is its alternative text", "[docx][accessibility]") {
    TestRepo repo;
    DocxPackage pkg = build(repo, k_faulty_clause);
    auto document = parse_part(pkg, "word/document.xml");
    CHECK(wml_text(document->document_element()).find("An image: [image: the school's logo].") != std::string::npos);
    for (const auto& name : pkg.names) CHECK(name.rfind("word/media/", 0) != 0);
    auto problems = accessibility_problems(pkg);
    INFO(joined(problems));
    CHECK(problems.empty());
    CHECK(accessibility_problems(altered(pkg, "word/document.xml", "<w:r><w:t", "<w:r><w:drawing/><w:t")).size() == 1);
}
