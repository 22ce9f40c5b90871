// XML-level tests of the DOCX parts: what Word needs that LibreOffice forgives.
#include <catch2/catch.hpp>

#include <set>

#include "write/docx/schema_order.hpp"
#include "write/docx_support.hpp"

using namespace clausebook::test;

namespace {

std::string attr(pugi::xml_node n, const char* name) { return n.attribute(name).value(); }

}  // namespace

TEST_CASE("docx: the package holds every part, in a fixed order, each declared and related", "[docx]") {
    RichRepo repo;
    DocxPackage pkg = build_docx(repo);
    std::vector<std::string> expected = {"[Content_Types].xml",
                                         "_rels/.rels",
                                         "docProps/core.xml",
                                         "docProps/app.xml",
                                         "docProps/custom.xml",
                                         "word/document.xml",
                                         "word/_rels/document.xml.rels",
                                         "word/styles.xml",
                                         "word/numbering.xml",
                                         "word/settings.xml",
                                         "word/header1.xml",
                                         "word/header2.xml",
                                         "word/footer1.xml",
                                         "word/footer2.xml"};
    CHECK(pkg.names == expected);
    auto types = parse_part(pkg, "[Content_Types].xml");
    std::set<std::string> overridden;
    for (pugi::xml_node o : types->document_element().children("Override")) overridden.insert(attr(o, "PartName"));
    for (const auto& name : pkg.names) {
        INFO(name);
        parse_part(pkg, name);  // well-formed
        if (name.find(".rels") == std::string::npos && name != "[Content_Types].xml") CHECK(overridden.count("/" + name));
    }
    auto rels = parse_part(pkg, "word/_rels/document.xml.rels");
    for (pugi::xml_node r : rels->document_element().children("Relationship")) {
        std::string target = attr(r, "Target");
        if (attr(r, "TargetMode") == "External") {
            CHECK((target.rfind("https://", 0) == 0 || target.rfind("http://", 0) == 0 || target.rfind("mailto:", 0) == 0));
        } else {
            CHECK(pkg.parts.count("word/" + target));
        }
    }
    CHECK(pkg.parts.at("word/_rels/document.xml.rels").find("javascript") == std::string::npos);
}

TEST_CASE("docx: numbering has every abstractNum before any num, unique ids, a restart per ordered list, one bullet instance", "[docx]") {
    RichRepo repo;
    DocxPackage pkg = build_docx(repo);
    auto numbering = parse_part(pkg, "word/numbering.xml");
    bool seen_num = false;
    std::set<std::string> abstract_ids, num_ids, nsids;
    for (pugi::xml_node c : numbering->document_element().children()) {
        std::string name = c.name();
        if (name == "w:num") {
            seen_num = true;
            CHECK(num_ids.insert(attr(c, "w:numId")).second);
            CHECK(abstract_ids.count(attr(c.child("w:abstractNumId"), "w:val")));
        } else if (name == "w:abstractNum") {
            CHECK_FALSE(seen_num);
            CHECK(abstract_ids.insert(attr(c, "w:abstractNumId")).second);
            CHECK(nsids.insert(attr(c.child("w:nsid"), "w:val")).second);
        }
    }
    auto document = parse_part(pkg, "word/document.xml");
    std::vector<std::string> list_order;  // numIds of numbered paragraphs, in document order
    std::map<std::string, std::string> level_of;
    for (pugi::xml_node numpr : all_of(document->document_element(), "w:numPr")) {
        std::string id = attr(numpr.child("w:numId"), "w:val");
        CHECK(num_ids.count(id));
        if (list_order.empty() || list_order.back() != id) list_order.push_back(id);
        level_of[id] = attr(numpr.child("w:ilvl"), "w:val");
    }
    // ordered, nested bullets, ordered again (resumed after the nested list), two more ordered
    // lists, and the Related policies bullets: each ordered list its own instance, so that it
    // restarts; every bulleted list the document's one bullet instance.
    REQUIRE(list_order.size() == 6);
    std::string bullets = list_order[1];
    CHECK(list_order[5] == bullets);
    CHECK(list_order[0] == list_order[2]);  // the same list, resumed
    std::set<std::string> ordered = {list_order[0], list_order[3], list_order[4]};
    CHECK(ordered.size() == 3);
    CHECK_FALSE(ordered.count(bullets));
    CHECK(level_of[bullets] == "0");  // the last bulleted paragraph: Related policies, top level
    CHECK(numbering->select_node(("//w:num[@w:numId='" + bullets + "']/w:abstractNumId").c_str()));
    CHECK(num_ids.size() == 4);
    // The nested list sits one level in.
    bool nested_at_one = false;
    for (pugi::xml_node numpr : all_of(document->document_element(), "w:numPr"))
        nested_at_one = nested_at_one || (attr(numpr.child("w:numId"), "w:val") == bullets && attr(numpr.child("w:ilvl"), "w:val") == "1");
    CHECK(nested_at_one);
    // The "5)" list starts at 5, with its instance's own restart.
    pugi::xpath_node five = numbering->select_node("//w:num[w:lvlOverride/w:startOverride/@w:val='5']");
    REQUIRE(five);
    CHECK(std::count(list_order.begin(), list_order.end(), attr(five.node(), "w:numId")) == 1);
    CHECK(numbering->select_node("//w:lvlText[@w:val='%1)']"));
}

TEST_CASE("docx: property elements are in schema order in every part", "[docx]") {
    RichRepo repo;
    DocxPackage pkg = build_docx(repo);
    for (const char* name : {"word/document.xml", "word/styles.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml"}) {
        INFO(name);
        auto doc = parse_part(pkg, name);
        CHECK(clausebook::write::docx::property_order_problem(doc->document_element()).empty());
    }
}

TEST_CASE("docx: the order check catches what Word refuses", "[docx]") {
    pugi::xml_document doc;
    doc.load_string("<w:p><w:pPr><w:spacing/><w:pStyle w:val='x'/></w:pPr><w:r><w:rPr><w:b/><w:color/></w:rPr></w:r></w:p>");
    CHECK(clausebook::write::docx::property_order_problem(doc.document_element()) == "w:pPr: w:pStyle after w:spacing");
    doc.load_string("<w:r><w:rPr><w:color/><w:b/></w:rPr></w:r>");
    CHECK(clausebook::write::docx::property_order_problem(doc.document_element()) == "w:rPr: w:b after w:color");
}

TEST_CASE("docx: bookmarks are unique and every link and contents entry reaches one", "[docx]") {
    RichRepo repo;
    DocxPackage pkg = build_docx(repo);
    auto document = parse_part(pkg, "word/document.xml");
    pugi::xml_node root = document->document_element();
    std::set<std::string> ids, names;
    for (pugi::xml_node b : all_of(root, "w:bookmarkStart")) {
        CHECK(ids.insert(attr(b, "w:id")).second);
        CHECK(names.insert(attr(b, "w:name")).second);
        CHECK(attr(b, "w:name").size() <= 40);
    }
    std::set<std::string> ends;
    for (pugi::xml_node e : all_of(root, "w:bookmarkEnd")) ends.insert(attr(e, "w:id"));
    CHECK(ends == ids);
    // Introduction, Staff, Parents; Purpose, Related policies, Contact, Conduct; and each clause's
    // own bookmark, named from its id (issue 16)
    CHECK(names.size() == 3 + 4 + 4);
    for (pugi::xml_node link : all_of(root, "w:hyperlink")) {
        std::string anchor = attr(link, "w:anchor");
        if (!anchor.empty())
            CHECK(names.count(anchor));
        else
            CHECK_FALSE(attr(link, "r:id").empty());
    }
    // The contents: one TOC field, an entry per section and clause, each linking to its heading.
    std::string instr;
    for (pugi::xml_node i : all_of(root, "w:instrText")) instr += i.text().get();
    CHECK(instr.find(" TOC \\o \"1-2\" \\h") != std::string::npos);
    auto toc1 = root.select_nodes("//w:p[w:pPr/w:pStyle/@w:val='TOC1']");
    auto toc2 = root.select_nodes("//w:p[w:pPr/w:pStyle/@w:val='TOC2']");
    CHECK(toc1.size() == 3);
    CHECK(toc2.size() == 4);
    CHECK(wml_text(toc2.first().node()) == "1.1 Purpose\n");
    CHECK(attr(toc2.first().node().child("w:hyperlink"), "w:anchor") == "_Toc_1_1");
    // Headings carry their numbers; the clause reference names the clause's number.
    auto h2 = root.select_nodes("//w:p[w:pPr/w:pStyle/@w:val='Heading2']");
    REQUIRE(h2.size() == 4);
    CHECK(wml_text(h2[3].node()) == "3.1 Conduct of parents\n");
    std::string text = wml_text(root);
    CHECK(text.find("a reference to conduct (section 3.1).") != std::string::npos);
    CHECK(text.find("an unsafe link,") != std::string::npos);
}

TEST_CASE("docx: settings, page set-up, header and footer", "[docx]") {
    RichRepo repo;
    DocxPackage pkg = build_docx(repo, "beta");
    auto settings = parse_part(pkg, "word/settings.xml");
    CHECK(settings->select_node("//w:compat/w:compatSetting[@w:name='compatibilityMode'][@w:val='15']"));
    CHECK(settings->select_node("//w:themeFontLang[@w:val='en-GB']"));
    auto styles = parse_part(pkg, "word/styles.xml");
    CHECK(styles->select_node("/w:styles/w:docDefaults/w:rPrDefault/w:rPr/w:lang[@w:val='en-GB']"));
    auto document = parse_part(pkg, "word/document.xml");
    pugi::xml_node sect = document->document_element().child("w:body").last_child();
    REQUIRE(std::string(sect.name()) == "w:sectPr");
    CHECK(attr(sect.child("w:pgSz"), "w:w") == "11906");
    CHECK(attr(sect.child("w:pgSz"), "w:h") == "16838");
    CHECK(sect.child("w:titlePg"));
    CHECK(sect.select_nodes("w:headerReference").size() == 2);
    CHECK(sect.select_nodes("w:footerReference").size() == 2);
    auto header = parse_part(pkg, "word/header1.xml");
    // The draft's status line first (no approved copy is on record), then the names.
    CHECK(wml_text(header->document_element()) ==
          "Draft for approval \u2014 replaces the policy approved on 11 January 2023\nBeta First School\t\tSocial Media Policy\n");
    auto footer = parse_part(pkg, "word/footer1.xml");
    std::string instr;
    for (pugi::xml_node i : all_of(footer->document_element(), "w:instrText")) instr += i.text().get();
    CHECK(instr.find("PAGE") != std::string::npos);
    CHECK(instr.find("NUMPAGES") != std::string::npos);
    CHECK(wml_text(footer->document_element()).rfind("Next review: January 2026\t\tPage ", 0) == 0);
    // Every style the document names is defined, with the right type.
    std::map<std::string, std::string> defined;
    for (pugi::xml_node s : styles->document_element().children("w:style")) defined[attr(s, "w:styleId")] = attr(s, "w:type");
    for (const char* kind : {"w:pStyle", "w:rStyle", "w:tblStyle"})
        for (pugi::xml_node n : all_of(document->document_element(), kind)) {
            INFO(attr(n, "w:val"));
            CHECK(defined.count(attr(n, "w:val")));
        }
    auto core = parse_part(pkg, "docProps/core.xml");
    CHECK(std::string(core->document_element().child("dc:title").text().get()) == "Social Media Policy");
    CHECK(std::string(core->document_element().child("dc:creator").text().get()) == "Beta First School");
}

TEST_CASE("docx: tables repeat their header row, and cells keep formatting and alignment", "[docx]") {
    RichRepo repo;
    DocxPackage pkg = build_docx(repo);
    auto document = parse_part(pkg, "word/document.xml");
    auto tables = document->select_nodes("//w:tbl[w:tblPr/w:tblStyle/@w:val='TableGrid']");
    REQUIRE(tables.size() == 1);
    pugi::xml_node tbl = tables.first().node();
    auto rows = tbl.select_nodes("w:tr");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].node().select_node("w:trPr/w:tblHeader"));
    CHECK_FALSE(rows[1].node().select_node("w:trPr/w:tblHeader"));
    CHECK(tbl.select_nodes("w:tblGrid/w:gridCol").size() == 2);
    CHECK(rows[1].node().select_node("w:tc[2]/w:p/w:pPr/w:jc[@w:val='center']"));
    CHECK(rows[1].node().select_node("w:tc[2]/w:p/w:r[w:rPr/w:b]/w:t[.='Report']"));
}
