// Text that is not safe in XML: escaped where XML allows it, removed where XML 1.0 forbids it.
#include <catch2/catch.hpp>

#include "write/docx/xml.hpp"
#include "write/docx_support.hpp"
#include "write/writer.hpp"

using namespace clausebook::test;
using clausebook::write::docx::xml_safe;

TEST_CASE("docx: xml_safe removes what XML 1.0 forbids and keeps the rest", "[docx]") {
    CHECK(xml_safe("a<b>&\"c'") == "a<b>&\"c'");
    CHECK(xml_safe(std::string("x\x01\x08\x0b\x0c\x1f"
                               "y",
                               7)) == "xy");
    CHECK(xml_safe(std::string("nul\0!", 5)) == "nul!");
    CHECK(xml_safe("tab\tnl\ncr\r") == "tab\tnl\ncr\r");
    CHECK(xml_safe("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80") == "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80");
    CHECK(xml_safe("\xEF\xBF\xBE\xEF\xBF\xBF|") == "|");  // U+FFFE, U+FFFF
    CHECK(xml_safe("bad\xC3(\xFF\xED\xA0\x80.") == "bad(.");  // truncated, invalid byte, surrogate
}

// Control characters written as YAML escapes are refused by the loader since issue 15
// (tests/corpus/school-escaped-control-character); xml_safe above covers the writer's own guard.
TEST_CASE("docx: a school name and clause text full of markup and control characters come out as written", "[docx]") {
    TestRepo repo;
    repo.write("schools/alpha.yaml",
               "school:\n"
               "  name: \"<Alpha & \\\"Beta\\\" 'Gamma'> School\"\n"
               "  phase: primary\n"
               "params:\n"
               "  headteacher: { name: \"Ann </w:t> & <![CDATA[x]]>\", role: Headteacher }\n"
               "policies:\n"
               "  social:\n"
               "    title: \"Policy \\\"&amp;\\\" <b>\"\n"
               "    approved: 2024-03-01\n"
               "    approved_by: Full governing board\n");
    DocxPackage pkg = build_docx(repo);
    for (const auto& [name, bytes] : pkg.parts) {
        INFO(name);
        parse_part(pkg, name);
        for (char c : bytes) CHECK_FALSE((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\r' && c != '\t'));
    }
    auto document = parse_part(pkg, "word/document.xml");
    std::string text = wml_text(document->document_element());
    INFO(text.substr(0, 400));
    CHECK(text.find("<Alpha & \"Beta\" 'Gamma'> School\n") != std::string::npos);
    CHECK(text.find("Policy \"&amp;\" <b>\n") != std::string::npos);
    CHECK(text.find("Ann </w:t> & <![CDATA[x]]> is responsible") != std::string::npos);
    auto core = parse_part(pkg, "docProps/core.xml");
    CHECK(std::string(core->document_element().child("dc:creator").text().get()) == "<Alpha & \"Beta\" 'Gamma'> School");
    auto header = parse_part(pkg, "word/header1.xml");
    // The draft's status line first (no approved copy is on record), then the names.
    CHECK(wml_text(header->document_element()) ==
          "Draft for approval \u2014 replaces the policy approved on 1 March 2024\n<Alpha & \"Beta\" 'Gamma'> School\t\tPolicy \"&amp;\" <b>\n");
}

TEST_CASE("docx: forbidden characters in clause Markdown are dropped, the words kept", "[docx]") {
    clausebook::model::Document doc;
    doc.meta.school_name = "School";
    doc.meta.title = "Title";
    clausebook::model::Section section;
    section.id = "s";
    section.title = "Section\x02";
    section.clauses.push_back({"a.b",
                               "Clause \xEF\xBF\xBF",
                               {},
                               {},
                               {},
                               "Bell\x07 and *em\x1b"
                               "phasis* | pipe",
                               {}});
    doc.sections.push_back(section);
    DocxPackage pkg = read_docx(clausebook::write::write_docx(doc, {}));
    auto document = parse_part(pkg, "word/document.xml");
    std::string text = wml_text(document->document_element());
    CHECK(text.find("1 Section\n") != std::string::npos);
    CHECK(text.find("1.1 Clause \n") != std::string::npos);
    CHECK(text.find("Bell and emphasis | pipe\n") != std::string::npos);
}
