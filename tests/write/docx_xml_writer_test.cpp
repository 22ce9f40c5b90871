// The streaming XML writer the DOCX parts are written with: the same bytes pugixml would write
// for the same tree, escaping included.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include "write/docx/xml.hpp"

using namespace clausebook::write::docx;

TEST_CASE("docx xml writer: escapes text and attributes exactly as pugixml does", "[docx]") {
    std::string tricky = "a & b < c > d \"quoted\" 'single' tab\there\nline\rcr \x01\x1f end \xC3\xA9";
    std::string ours(k_xml_declaration);
    XmlWriter xml(ours);
    xml.open("root").attr("plain", "x").attr("tricky", tricky);
    xml.open("child").text(tricky).close();
    xml.empty("empty", "a", "1");
    xml.open("nested").open("inner").attr("n", 42).close().text("after").close();
    xml.close();

    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("root");
    root.append_attribute("plain") = "x";
    root.append_attribute("tricky") = tricky.c_str();
    root.append_child("child").text().set(tricky.c_str());
    root.append_child("empty").append_attribute("a") = "1";
    pugi::xml_node nested = root.append_child("nested");
    nested.append_child("inner").append_attribute("n") = 42;
    nested.append_child(pugi::node_pcdata).set_value("after");
    CHECK(ours == to_bytes(doc));
    CHECK(xml.depth() == 0);
}

TEST_CASE("docx xml writer: a run's text keeps tabs as w:tab and line ends as spaces", "[docx]") {
    std::string out;
    XmlWriter xml(out);
    RunProps bold;
    bold.bold = true;
    add_run(xml, "one\ttwo\nthree", bold);
    CHECK(out ==
          "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">one</w:t><w:tab/>"
          "<w:t xml:space=\"preserve\">two three</w:t></w:r>");
}
