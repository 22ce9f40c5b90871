// Restyling: a trust's templates/docx/styles.xml replaces the built-in styles it names.
#include <catch2/catch.hpp>

#include "util/diagnostics.hpp"
#include "write/docx/styles_part.hpp"
#include "write/docx_support.hpp"

using namespace clausebook::test;
namespace docx = clausebook::write::docx;

namespace {

std::string style_xml(const std::string& inner) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\n" + inner +
           "</w:styles>\n";
}

}  // namespace

TEST_CASE("docx: the built-in style part defines every style the writer uses", "[docx]") {
    pugi::xml_document doc;
    std::string part = docx::styles_part("");
    REQUIRE(doc.load_string(part.c_str()));
    for (const auto& use : docx::styles_used()) {
        INFO(use.id);
        std::string query = "/w:styles/w:style[@w:styleId='" + std::string(use.id) + "']";
        pugi::xpath_node s = doc.select_node(query.c_str());
        REQUIRE(s);
        CHECK(std::string(s.node().attribute("w:type").value()) == use.type);
    }
    for (int level = 1; level <= 3; ++level) {
        std::string query = "/w:styles/w:style[@w:styleId='Heading" + std::to_string(level) + "']/w:pPr/w:outlineLvl/@w:val";
        CHECK(doc.select_node(query.c_str()).attribute().as_int(-1) == level - 1);
    }
    clausebook::util::Diagnostics diags;
    docx::check_styles(read_file(source_dir() / "templates" / "docx" / "styles.xml"), "templates/docx/styles.xml", diags);
    CHECK(diags.items().empty());
}

TEST_CASE("docx: a trust's style part replaces the styles it names and keeps the rest", "[docx]") {
    TestRepo repo;
    repo.write("templates/docx/styles.xml",
               style_xml("<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Georgia\" w:hAnsi=\"Georgia\"/><w:sz w:val=\"24\"/>"
                         "<w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault></w:docDefaults>"
                         "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
                         "<w:pPr><w:keepNext/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"990000\"/></w:rPr></w:style>"
                         "<w:style w:type=\"paragraph\" w:styleId=\"TrustNote\"><w:name w:val=\"Trust Note\"/></w:style>"));
    DocxPackage pkg = build_docx(repo);
    auto styles = parse_part(pkg, "word/styles.xml");
    CHECK(styles->select_nodes("//w:style[@w:styleId='Heading1']").size() == 1);
    CHECK(styles->select_node("//w:style[@w:styleId='Heading1']/w:rPr/w:color[@w:val='990000']"));
    CHECK(styles->select_node("//w:style[@w:styleId='Title']/w:rPr/w:color[@w:val='1F3864']"));  // kept
    CHECK(styles->select_node("//w:style[@w:styleId='TrustNote']"));
    CHECK(styles->select_nodes("/w:styles/w:docDefaults").size() == 1);
    CHECK(styles->select_node("/w:styles/w:docDefaults//w:rFonts[@w:ascii='Georgia']"));
    CHECK(std::string(styles->document_element().first_child().name()) == "w:docDefaults");
}

TEST_CASE("docx: a broken style part is reported at its line and nothing is written", "[docx]") {
    TestRepo repo;
    SECTION("not well-formed") {
        repo.write("templates/docx/styles.xml", style_xml("<w:style w:type=\"paragraph\" w:styleId=\"Title\">\n<w:name>\n</w:style>\n"));
        auto r = repo.run({"build"});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("templates/docx/styles.xml:5:") != std::string::npos);
        CHECK(r.err.find("[docx-styles]") != std::string::npos);
    }
    SECTION("a style the writer uses with the wrong type") {
        repo.write("templates/docx/styles.xml", style_xml("<w:style w:type=\"character\" w:styleId=\"Heading2\"><w:name w:val=\"x\"/></w:style>\n"));
        auto r = repo.run({"build"});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("must have w:type=\"paragraph\"") != std::string::npos);
    }
    SECTION("property elements out of schema order") {
        repo.write(
            "templates/docx/styles.xml",
            style_xml("<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:rPr><w:sz w:val=\"40\"/><w:b/></w:rPr></w:style>\n"));
        auto r = repo.run({"build"});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("w:rPr: w:b after w:sz") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(repo.out()));
}
