// The import readers, each on small documents the tests make themselves (issue 12).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "import/blocks.hpp"
#include "import/docx_builder.hpp"
#include "support/fixture.hpp"
#include "support/skip.hpp"

using namespace clausebook;
using import::BlockKind;
namespace fs = std::filesystem;

namespace {

std::vector<const import::Block*> kept(const import::ImportedDocument& d) {
    std::vector<const import::Block*> out;
    for (const auto& b : d.blocks)
        if (b.dropped.empty()) out.push_back(&b);
    return out;
}

const import::Block* find(const import::ImportedDocument& d, const std::string& text) {
    for (const auto& b : d.blocks)
        if (b.text.find(text) != std::string::npos) return &b;
    return nullptr;
}

std::string rules(const util::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += d.rule + ": " + d.message + "\n";
    return out;
}

import::ImportedDocument docx(const std::string& bytes, util::Diagnostics& diags, import::Changes changes = import::Changes::refuse){import::ReadOptions o;
o.changes = changes;
return import::read_docx(bytes, "t.docx", o, diags);
}  // namespace

}  // namespace

TEST_CASE("text reader: contents page, odd bullets, broken lines and a blank signature box", "[import][text]") {
    std::string text =
        "POLICY ON BIKES\n\n"
        "Contents\n\n"
        "1.1 Scope.....\t4\n"
        "1.2 Status\t5\n\n"
        "1.1 Scope\n\n"
        "This policy says how pupils who cycle to school keep their bikes safe and where they leave\n"
        "them during the day.\n\n"
        "\xEF\x82\xB7 Bikes are locked in the shed.\n"
        "\xE2\x80\xA2 Helmets are worn.\n"
        "o Lights are used in winter.\n"
        "a) the shed is locked at 9am\n\n"
        "The school is not responsible for a bike left unlocked in the playground or anywhere else as a means of\n\n"
        "transport to school.\n\n"
        "Signed\n"
        "Date\n"
        "Role\n\n"
        "Page 2 of 7\n";
    util::Diagnostics diags;
    auto d = import::read_text(text, "t.txt", false, diags);
    REQUIRE_FALSE(diags.has_errors());
    // Contents entries are dropped, the real section heading is kept with its number.
    int contents = 0;
    for (const auto& b : d.blocks) contents += b.dropped == "contents page";
    CHECK(contents == 3);
    const auto* scope = find(d, "Scope");
    REQUIRE(scope);
    auto k = kept(d);
    auto heading = std::find_if(k.begin(), k.end(), [](const import::Block* b) { return b->kind == BlockKind::heading && b->number == "1.1"; });
    REQUIRE(heading != k.end());
    CHECK((*heading)->text == "Scope");
    CHECK((*heading)->level == 2);
    // A line broken mid-sentence is one paragraph.
    const auto* p = find(d, "where they leave them during the day.");
    REQUIRE(p);
    CHECK(p->kind == BlockKind::paragraph);
    // Broken across a blank line too.
    CHECK(find(d, "as a means of transport to school."));
    // Each bullet character starts a list item, without the character.
    for (const char* item : {"Bikes are locked in the shed.", "Helmets are worn.", "Lights are used in winter."}) {
        const auto* b = find(d, item);
        REQUIRE(b);
        CHECK(b->kind == BlockKind::list_item);
        CHECK(b->text == item);
    }
    const auto* lettered = find(d, "the shed is locked");
    REQUIRE(lettered);
    CHECK(lettered->kind == BlockKind::list_item);
    CHECK(lettered->number == "a)");
    // The signature box and the page number are dropped, with reasons.
    CHECK(find(d, "Signed")->dropped.find("signature") != std::string::npos);
    CHECK(find(d, "Role")->dropped.find("signature") != std::string::npos);
    CHECK(find(d, "Page 2 of 7")->dropped == "page number");
}

TEST_CASE("text reader: a title page's record of the document is not policy text", "[import][text]") {
    std::string text =
        "Bike Policy\n\nStatus Advisory\n\nVersion date: 3 May 2021\n\nAuthor/owner: Deputy Head\n\nAudience: Pupils and parents\n\n"
        "Signature of Vice-Chair of Governors:\n\n"
        "This policy says how pupils who cycle to school keep their bikes safe and where they leave them during the day.\n\n"
        "Status of bikes\n\nAudience: the whole class hears the safety talk.\n";
    // A heading "Status" or "Status of this policy" before the first paragraph is a section's.
    util::Diagnostics d2;
    auto h = import::read_text("Bike Policy\n\nStatus of this policy\n\nStatus\n\nThis policy says how pupils who cycle to school keep their bikes safe.\n",
                               "t.txt", false, d2);
    CHECK(find(h, "Status of this policy")->dropped.empty());
    CHECK(find(h, "Status")->dropped.empty());
    util::Diagnostics diags;
    auto d = import::read_text(text, "t.txt", false, diags);
    REQUIRE_FALSE(diags.has_errors());
    for (const char* record : {"Status Advisory", "Version date: 3 May 2021", "Author/owner: Deputy Head", "Audience: Pupils and parents"}) {
        const auto* b = find(d, record);
        REQUIRE(b);
        CHECK(b->dropped.find("the document's own record") != std::string::npos);
    }
    CHECK(find(d, "Signature of Vice-Chair")->dropped.find("signature") != std::string::npos);
    util::Diagnostics d3;
    auto dated = import::read_text(
        "Bike Policy\n\nDate: 9 May 2020\n\nDate Ratified by Governors: 4 May 2020\n\nMODEL BIKE POLICY\n\n"
        "This policy says how pupils who cycle to school keep their bikes safe.\n",
        "t.txt", false, d3);
    CHECK(find(dated, "Date: 9 May 2020")->dropped.find("the document's own record") != std::string::npos);
    CHECK(find(dated, "Date Ratified")->dropped.empty());  // a fact, read as one
    CHECK(find(dated, "MODEL BIKE POLICY")->dropped.empty());
    // After the first paragraph of prose, such a line is the policy's own text.
    CHECK(find(d, "Status of bikes")->dropped.empty());
    CHECK(find(d, "the whole class hears")->dropped.empty());
}

TEST_CASE("text reader: a web page's own furniture copied with its text", "[import][text]") {
    util::Diagnostics diags;
    auto d = import::read_text(
        "Skip to content \xE2\x86\x93\n\ntop of page\nbike policy\n\nPupils who cycle to school lock their bikes in the shed.\n\nBack to top\n", "t.txt", false,
        diags);
    REQUIRE_FALSE(diags.has_errors());
    CHECK(find(d, "Skip to content")->dropped == "web page furniture");
    CHECK(find(d, "top of page")->dropped == "web page furniture");
    CHECK(find(d, "Back to top")->dropped == "web page furniture");
    const auto* title = find(d, "bike policy");
    REQUIRE(title);
    CHECK(title->text == "bike policy");  // not run into "top of page"
    CHECK(title->dropped.empty());
}

TEST_CASE("text reader: Markdown headings, lists and tables", "[import][text]") {
    std::string md =
        "# Bikes\n\n## 2.1 Where bikes go\n\nBikes go in the **shed**, see [the map](http://x).\n\n- one\n- two\n\n| Day | Time |\n|---|---|\n| Mon | 9am |\n";
    util::Diagnostics diags;
    auto d = import::read_text(md, "t.md", true, diags);
    REQUIRE(d.blocks.size() == 6);
    CHECK(d.blocks[0].kind == BlockKind::heading);
    CHECK(d.blocks[0].level == 1);
    CHECK(d.blocks[1].number == "2.1");
    CHECK(d.blocks[1].level == 2);
    CHECK(d.blocks[2].text == "Bikes go in the shed, see the map.");
    CHECK(d.blocks[3].kind == BlockKind::list_item);
    CHECK(d.blocks[5].kind == BlockKind::table);
    CHECK(d.blocks[5].cells.size() == 2);
    CHECK(d.blocks[5].cells[1][1] == "9am");
}

TEST_CASE("text reader: a short line leading into a list with a dash is not a heading", "[import][text]") {
    // A heading names what follows; "We will never -" opens a sentence the items finish.
    std::string txt =
        "Our accounts\n\nWe will never \xE2\x80\x93\n\n\xE2\x80\xA2 post a pupil's full name\n\xE2\x80\xA2 share a home "
        "address\n\nVisitors must -\n\n\xE2\x80\xA2 sign in\n\nOur rules \xE2\x80\x94 the short version\n\nBe kind online.\n";
    util::Diagnostics diags;
    auto d = import::read_text(txt, "t.txt", false, diags);
    const auto* lead = find(d, "We will never");
    REQUIRE(lead);
    CHECK(lead->kind == BlockKind::paragraph);
    const auto* must = find(d, "Visitors must");
    REQUIRE(must);
    CHECK(must->kind == BlockKind::paragraph);
    // A dash inside a heading is still a heading; the heading before the lead-in stays one.
    REQUIRE(find(d, "Our rules"));
    CHECK(find(d, "Our rules")->kind == BlockKind::heading);
    CHECK(find(d, "Our accounts")->kind == BlockKind::heading);
}

TEST_CASE("text reader: a year or school year alone on the title page is not policy text", "[import][text]") {
    std::string txt = "Bikes Policy\n\n2019 -20\n\nSchool year 2024/2025\n\n2023\n\nBikes are locked in the shed from 2019 to 2020.\n\n2019 bikes\n";
    util::Diagnostics diags;
    auto d = import::read_text(txt, "t.txt", false, diags);
    for (const char* year : {"2019 -20", "School year 2024/2025", "2023"}) {
        const auto* b = find(d, year);
        REQUIRE(b);
        CHECK(b->dropped == "a year alone");
    }
    // Years within a sentence, or with other words, are text.
    CHECK(find(d, "Bikes are locked")->dropped.empty());
    CHECK(find(d, "2019 bikes")->dropped.empty());
}

TEST_CASE("text reader: binary data and other encodings are refused", "[import][text]") {
    util::Diagnostics diags;
    import::read_text(std::string("abc\xFF\xFE def"), "t.txt", false, diags);
    CHECK(rules(diags).find("import-encoding") != std::string::npos);
}

TEST_CASE("DOCX: heading styles, custom heading styles, outline levels and numbered headings", "[import][docx]") {
    std::string styles =
        std::string("<w:styles ") + test::k_w_ns +
        ">"
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId "
        "w:val=\"1\"/></w:numPr></w:pPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"PolicyHead\"><w:name w:val=\"Policy Head\"/><w:basedOn w:val=\"Heading2\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/></w:style>"
        "</w:styles>";
    std::string numbering =
        std::string("<w:numbering ") + test::k_w_ns +
        ">"
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1\"/></w:lvl>"
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
    std::string body = test::para("Contents entry 1", "<w:pStyle w:val=\"TOC1\"/>") + test::para("Introduction", "<w:pStyle w:val=\"Heading1\"/>") +
                       test::para("Scope", "<w:pStyle w:val=\"Heading2\"/>") + test::para("Status", "<w:pStyle w:val=\"PolicyHead\"/>") +
                       test::para("Staff", "<w:pStyle w:val=\"Heading1\"/>") + test::para("Conduct", "<w:pStyle w:val=\"Heading2\"/>") +
                       test::para("An outline-level paragraph", "<w:outlineLvl w:val=\"2\"/>") +
                       test::para("1.4 Typed number heading", "<w:pStyle w:val=\"Heading2\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>");
    util::Diagnostics diags;
    auto d = docx(test::make_docx(body, {{"word/styles.xml", styles}, {"word/numbering.xml", numbering}}), diags);
    REQUIRE(rules(diags).empty());
    CHECK(find(d, "Contents entry 1")->dropped == "contents page");
    auto k = kept(d);
    REQUIRE(k.size() == 7);
    // Word's numbering of headings is kept (pandoc's reader loses it) and restarts under each heading 1.
    CHECK(k[0]->kind == BlockKind::heading);
    CHECK(k[0]->level == 1);
    CHECK(k[0]->number == "1");
    CHECK(k[1]->number == "1.1");
    CHECK(k[1]->level == 2);
    CHECK(k[2]->text == "Status");  // a custom style based on Heading 2
    CHECK(k[2]->kind == BlockKind::heading);
    CHECK(k[2]->number == "1.2");
    CHECK(k[3]->number == "2");
    CHECK(k[4]->number == "2.1");  // not 1.3: the level below restarts
    CHECK(k[5]->kind == BlockKind::heading);
    CHECK(k[5]->level == 3);
    // Numbered headings are headings, not list items; a number typed as text is split off.
    CHECK(k[6]->kind == BlockKind::heading);
    CHECK(k[6]->number == "1.4");
    CHECK(k[6]->text == "Typed number heading");
}

namespace {

const std::string k_prose = "This policy sets out how staff, pupils and parents should use social media in ways that keep everyone safe.";

}  // namespace

TEST_CASE("DOCX: a short line in plain body text is a heading only where the document's headings are plain too", "[import][docx]") {
    std::string styles =
        std::string("<w:styles ") + test::k_w_ns +
        "><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"20\"/></w:rPr></w:rPrDefault></w:docDefaults>"
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:rPr><w:sz "
        "w:val=\"22\"/></w:rPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Subhead\"><w:name w:val=\"Subhead\"/><w:basedOn w:val=\"Normal\"/><w:rPr><w:b/></w:rPr></w:style>"
        "<w:style w:type=\"character\" w:styleId=\"Strong\"><w:name w:val=\"Strong\"/><w:rPr><w:b/></w:rPr></w:style>"
        "</w:styles>";
    std::string body = test::para("Social Media Policy") +  // the title page: left as it is
                       test::para("Purpose", "", "<w:b/>") + test::para(k_prose) +
                       // A rule whose full stop was forgotten, in plain body text: a paragraph, imported as text.
                       test::para("Staff must not accept pupils as friends on social media") + test::para("Personal use", "", "<w:rStyle w:val=\"Strong\"/>") +
                       test::para("Facebook") + test::para("2.3 Scope of the rules") +  // a dotted number: a heading whatever its look
                       test::para("1. Report concerns") +  // a number typed before a plain line: a list item
                       test::para("Monitoring", "", "<w:u w:val=\"single\"/>") + test::para("REPORTING CONCERNS") +
                       test::para("Larger type", "", "<w:sz w:val=\"28\"/>") + test::para("Set apart by its style", "<w:pStyle w:val=\"Subhead\"/>") +
                       test::para("Plain despite its style", "<w:pStyle w:val=\"Subhead\"/>", "<w:b w:val=\"0\"/>");
    util::Diagnostics diags;
    auto d = docx(test::make_docx(body, {{"word/styles.xml", styles}}), diags);
    REQUIRE(rules(diags).empty());
    auto kind = [&](const std::string& text) {
        const import::Block* b = find(d, text);
        REQUIRE(b);
        return b->kind;
    };
    CHECK(kind("Social Media Policy") == BlockKind::heading);
    CHECK(kind("Purpose") == BlockKind::heading);  // bold
    CHECK(kind("Staff must not accept pupils") == BlockKind::paragraph);
    CHECK(kind("Personal use") == BlockKind::heading);  // bold through a character style
    CHECK(kind("Facebook") == BlockKind::paragraph);
    CHECK(kind("Scope of the rules") == BlockKind::heading);
    CHECK(kind("Report concerns") == BlockKind::list_item);
    CHECK(find(d, "Report concerns")->number == "1.");
    CHECK(kind("Monitoring") == BlockKind::heading);  // underlined
    CHECK(kind("REPORTING CONCERNS") == BlockKind::heading);  // capitals
    CHECK(kind("Larger type") == BlockKind::heading);  // 14 pt over an 11 pt body
    CHECK(kind("Set apart by its style") == BlockKind::heading);  // the paragraph style is bold
    CHECK(kind("Plain despite its style") == BlockKind::paragraph);  // the run turns the style's bold off

    // A document whose headings are all plain lines keeps every one of them.
    std::string plain = test::para("Purpose") + test::para(k_prose) + test::para("Staff must not accept pupils as friends on social media");
    util::Diagnostics diags2;
    auto d2 = docx(test::make_docx(plain), diags2);
    REQUIRE(rules(diags2).empty());
    CHECK(find(d2, "Purpose")->kind == BlockKind::heading);
    CHECK(find(d2, "Staff must not accept")->kind == BlockKind::heading);
}

TEST_CASE("DOCX: headings numbered as a Word list are headings, a list of short items is a list", "[import][docx]") {
    std::string numbering =
        std::string("<w:numbering ") + test::k_w_ns +
        ">"
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl></w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"-\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>"
        "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
    auto num = [](int id, int lvl) {
        return "<w:numPr><w:ilvl w:val=\"" + std::to_string(lvl) + "\"/><w:numId w:val=\"" + std::to_string(id) + "\"/></w:numPr>";
    };
    std::string body = test::para("Introduction", num(1, 0)) + test::para("This policy applies to every member of staff.", num(1, 1)) +
                       test::para("Scope", num(1, 0), "<w:b/>") + test::para(k_prose) +  // bold: a heading though no item follows
                       test::para("Staff must:", num(1, 0)) + test::para("Keep their profiles private.", num(1, 1)) +  // a lead-in, not a heading
                       test::para("Sites named in this policy include:") + test::para("Facebook", num(2, 0)) + test::para("Instagram", num(2, 0)) +
                       test::para("Be kind", num(3, 0), "<w:b/>");  // a bullet is a list item, bold or not
    util::Diagnostics diags;
    auto d = docx(test::make_docx(body, {{"word/numbering.xml", numbering}}), diags);
    REQUIRE(rules(diags).empty());
    const import::Block* intro = find(d, "Introduction");
    REQUIRE(intro);
    CHECK(intro->kind == BlockKind::heading);
    CHECK(intro->level == 1);
    CHECK(intro->number == "1.");
    CHECK(find(d, "This policy applies")->kind == BlockKind::list_item);
    CHECK(find(d, "This policy applies")->number == "1.1");
    CHECK(find(d, "Scope")->kind == BlockKind::heading);
    CHECK(find(d, "Scope")->number == "2.");
    CHECK(find(d, "Staff must:")->kind == BlockKind::list_item);
    CHECK(find(d, "Facebook")->kind == BlockKind::list_item);
    CHECK(find(d, "Instagram")->kind == BlockKind::list_item);
    CHECK(find(d, "Be kind")->kind == BlockKind::list_item);
}

TEST_CASE("DOCX: list numbering from numbering.xml, restarts, bullets and numbering typed as text", "[import][docx]") {
    std::string numbering =
        std::string("<w:numbering ") + test::k_w_ns +
        ">"
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%2)\"/></w:lvl></w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xEF\x82\xB7\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
        "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
    auto item = [](const std::string& t, int num, int lvl) {
        return test::para(t, "<w:numPr><w:ilvl w:val=\"" + std::to_string(lvl) + "\"/><w:numId w:val=\"" + std::to_string(num) + "\"/></w:numPr>");
    };
    std::string body = item("first", 1, 0) + item("sub one", 1, 1) + item("sub two", 1, 1) + item("second", 1, 0) + item("sub again", 1, 1) +
                       test::para("Between lists") + item("restarted", 2, 0) + item("a bullet", 3, 0) + test::para("b) typed letter item") +
                       test::para("3. typed number item");
    util::Diagnostics diags;
    auto d = docx(test::make_docx(body, {{"word/numbering.xml", numbering}}), diags);
    REQUIRE(rules(diags).empty());
    auto k = kept(d);
    REQUIRE(k.size() == 10);
    CHECK(k[0]->kind == BlockKind::list_item);
    CHECK(k[0]->number == "1.");
    CHECK(k[1]->number == "(a)");
    CHECK(k[1]->level == 1);
    CHECK(k[2]->number == "(b)");
    CHECK(k[3]->number == "2.");
    CHECK(k[4]->number == "(a)");  // the sub-list restarts under each item
    CHECK(k[6]->number == "1.");  // a new list instance with a start override
    CHECK(k[7]->kind == BlockKind::list_item);
    CHECK(k[7]->number.empty());
    CHECK(k[8]->kind == BlockKind::list_item);
    CHECK(k[8]->number == "b)");
    CHECK(k[8]->text == "typed letter item");
    CHECK(k[9]->number == "3.");
}

TEST_CASE("DOCX: tables, hyperlinks, fields, a contents field, text boxes and footnotes", "[import][docx]") {
    std::string body =
        // A contents field over two paragraphs, its cached entries to be dropped.
        "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> TOC \\o \"1-3\" </w:instrText></w:r><w:r><w:fldChar "
        "w:fldCharType=\"separate\"/></w:r>"
        "<w:r><w:t>Introduction 1</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Scope 2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>" +
        test::para("Body text starts here.") +
        "<w:p><w:r><w:t xml:space=\"preserve\">See </w:t></w:r><w:hyperlink r:id=\"rId9\"><w:r><w:t>the council page</w:t></w:r></w:hyperlink>"
        "<w:r><w:t xml:space=\"preserve\"> for help</w:t></w:r><w:r><w:footnoteReference w:id=\"2\"/></w:r><w:r><w:t>.</w:t></w:r></w:p>"
        "<w:p><w:r><w:t xml:space=\"preserve\">Reviewed on </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> DATE "
        "</w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>4 May 2024</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>" +
        test::para("Text in a box.") + "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>" +
        test::para("Text in a box.") +
        "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        "<w:tbl><w:tr><w:tc>" +
        test::para("Role") + "</w:tc><w:tc>" + test::para("Name") +
        "</w:tc></w:tr>"
        "<w:tr><w:tc>" +
        test::para("Headteacher") + "</w:tc><w:tc>" + test::para("Ann Example") +
        "</w:tc></w:tr></w:tbl>"
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId1\"/></w:sectPr>";
    std::string footnotes = std::string("<w:footnotes ") + test::k_w_ns + "><w:footnote w:type=\"separator\" w:id=\"0\">" + test::para("---") +
                            "</w:footnote><w:footnote w:id=\"2\">" + test::para("Footnote words.") + "</w:footnote></w:footnotes>";
    std::string header = std::string("<w:hdr ") + test::k_w_ns + ">" + test::para("RUNNING HEADER") + "</w:hdr>";
    util::Diagnostics diags;
    auto d = docx(test::make_docx(body, {{"word/footnotes.xml", footnotes}, {"word/header1.xml", header}}), diags);
    REQUIRE(rules(diags).empty());
    CHECK(find(d, "Introduction 1")->dropped == "contents page");
    CHECK(find(d, "Scope 2")->dropped == "contents page");
    CHECK(find(d, "Body text starts here.")->dropped.empty());
    CHECK(find(d, "See the council page for help.")->dropped.empty());
    CHECK(find(d, "Footnote words."));
    CHECK(find(d, "Reviewed on 4 May 2024"));  // a field's shown result, not its code
    CHECK_FALSE(find(d, "DATE"));
    int boxes = 0;
    for (const auto& b : d.blocks) boxes += b.text == "Text in a box.";
    CHECK(boxes == 1);  // the fallback copy of the drawing is not read twice
    const auto* table = find(d, "Headteacher");
    REQUIRE(table);
    CHECK(table->kind == BlockKind::table);
    REQUIRE(table->cells.size() == 2);
    CHECK(table->cells[1][1] == "Ann Example");
    // A header is not body text: kept dropped, for the facts reader only.
    REQUIRE(find(d, "RUNNING HEADER"));
    CHECK(find(d, "RUNNING HEADER")->dropped == import::k_docx_page_furniture);
}

TEST_CASE("DOCX: tracked changes are refused with a count and place, or accepted, or rejected", "[import][docx]") {
    std::string body =
        test::para("Unchanged paragraph.") +
        "<w:p><w:r><w:t xml:space=\"preserve\">Pupils must be </w:t></w:r><w:del w:author=\"A\" w:id=\"1\"><w:r><w:delText>13</w:delText></w:r></w:del>"
        "<w:ins w:author=\"B\" w:id=\"2\"><w:r><w:t>14</w:t></w:r></w:ins><w:r><w:t xml:space=\"preserve\"> to hold an account.</w:t></w:r>"
        "<w:commentRangeStart w:id=\"7\"/><w:r><w:commentReference w:id=\"7\"/></w:r></w:p>";
    std::string comments = std::string("<w:comments ") + test::k_w_ns + "><w:comment w:id=\"7\" w:author=\"Chair\" w:date=\"2024-05-01T00:00:00Z\">" +
                           test::para("Check the age with the head.") + "</w:comment></w:comments>";
    auto bytes = test::make_docx(body, {{"word/comments.xml", comments}});
    {
        util::Diagnostics diags;
        docx(bytes, diags);
        REQUIRE(diags.has_errors());
        CHECK(diags.items()[0].rule == "import-tracked-changes");
        CHECK(diags.items()[0].message.find("2 tracked changes") != std::string::npos);
        CHECK(diags.items()[0].message.find("paragraph 2") != std::string::npos);
        CHECK(diags.items()[0].hint.find("--changes accept") != std::string::npos);
    }
    {
        util::Diagnostics diags;
        auto d = docx(bytes, diags, import::Changes::accept);
        REQUIRE_FALSE(diags.has_errors());
        CHECK(find(d, "Pupils must be 14 to hold an account."));
        // Each tracked change is a note with its author and text (issue 16's report lists them), then the comment.
        REQUIRE(d.notes.size() == 3);
        CHECK(d.notes[0].kind == "deletion");
        CHECK(d.notes[0].author == "A");
        CHECK(d.notes[0].text == "13");
        CHECK(d.notes[1].kind == "insertion");
        CHECK(d.notes[1].author == "B");
        CHECK(d.notes[1].text == "14");
        CHECK(d.notes[1].position == 2);
        CHECK(d.notes[2].kind == "comment");
        CHECK(d.notes[2].author == "Chair");
        CHECK(d.notes[2].text == "Check the age with the head.");
        CHECK(d.notes[2].position == 2);
    }
    {
        util::Diagnostics diags;
        auto d = docx(bytes, diags, import::Changes::reject);
        CHECK(find(d, "Pupils must be 13 to hold an account."));
    }
}

TEST_CASE("DOCX: bad packages are refused with clear errors", "[import][docx]") {
    auto first_rule = [](const std::string& bytes, const import::ReadOptions& o = {}) {
        util::Diagnostics diags;
        import::read_docx(bytes, "t.docx", o, diags);
        return diags.items().empty() ? std::string() : diags.items()[0].rule + ": " + diags.items()[0].message;
    };
    auto good = test::make_docx(test::para("Hello there."));
    CHECK(first_rule(good).empty());
    // Truncated: the end of the archive (its directory) is missing.
    CHECK(first_rule(good.substr(0, good.size() / 2)).find("import-") == 0);
    // Not a ZIP at all.
    CHECK(first_rule("this is plain text with a .docx name").find("import-corrupt: the file is not a ZIP package") == 0);
    // A spreadsheet renamed .docx.
    auto xlsx = test::make_zip(
        {{"[Content_Types].xml", "<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"},
         {"xl/workbook.xml", "<workbook/>"}});
    CHECK(first_rule(xlsx).find("import-not-docx: this is a spreadsheet") == 0);
    // A DOCTYPE with entities (a "billion laughs").
    auto doctype = test::make_zip(
        {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]><w:document/>"}});
    CHECK(first_rule(doctype).find("import-xml-doctype") == 0);
    // A part that inflates past the limit (here set low; the default is 64 MiB).
    import::ReadOptions small;
    small.max_part_bytes = 100000;
    auto bomb = test::make_docx(test::para(std::string(300000, 'a')));
    CHECK(first_rule(bomb, small).find("import-corrupt: the part word/document.xml inflates past") == 0);
    // Damaged XML.
    auto broken = test::make_zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document><w:body><w:p>"}});
    CHECK(first_rule(broken).find("import-corrupt: the XML is damaged") == 0);
}

TEST_CASE("HTML: only the main content, not navigation, banners or footers", "[import][html]") {
    std::string html =
        "<!DOCTYPE html><html><head><title>x</title><script>var a = 1;</script></head><body>"
        "<div class=\"cookie-banner\">We use cookies. Accept?</div><nav><ul><li>Home</li><li>Policies</li></ul></nav>"
        "<header><h1>Site name</h1></header>"
        "<main><h1>Bike policy</h1><p>Pupils lock bikes in the <b>shed</b>.</p><h2>2. Helmets</h2><ol><li>Wear one.<ul><li>Always.</li></ul></li><li>Fasten "
        "it.</li></ol>"
        "<table><tr><th>Day</th><th>Time</th></tr><tr><td>Mon</td><td>9am</td></tr></table></main>"
        "<aside>Latest news</aside><footer>Copyright school</footer></body></html>";
    util::Diagnostics diags;
    auto d = import::read_html(html, "t.html", diags);
    REQUIRE_FALSE(diags.has_errors());
    CHECK_FALSE(find(d, "cookies"));
    CHECK_FALSE(find(d, "Home"));
    CHECK_FALSE(find(d, "Site name"));
    CHECK_FALSE(find(d, "Latest news"));
    CHECK_FALSE(find(d, "Copyright"));
    CHECK_FALSE(find(d, "var a"));
    REQUIRE(d.blocks.size() == 7);
    CHECK(d.blocks[0].kind == BlockKind::heading);
    CHECK(d.blocks[1].text == "Pupils lock bikes in the shed.");
    CHECK(d.blocks[2].number == "2.");
    CHECK(d.blocks[2].text == "Helmets");
    CHECK(d.blocks[3].number == "1.");
    CHECK(d.blocks[4].text == "Always.");
    CHECK(d.blocks[4].level == 1);
    CHECK(d.blocks[5].number == "2.");
    CHECK(d.blocks[6].kind == BlockKind::table);
}

TEST_CASE("HTML: a short paragraph all in bold is a heading, a bold sentence or a plain line is text", "[import][html]") {
    std::string html =
        "<!DOCTYPE html><html><body><main><h1>Social Media Policy</h1><p><strong>Purpose</strong></p>"
        "<p>This policy sets out how staff, pupils and parents use social media.</p>"
        "<p><b>Staff must never share their passwords.</b></p><p>Facebook</p><p><strong>Personal</strong> use</p>"
        "<p><strong>2. Reporting <em>concerns</em></strong></p></main></body></html>";
    util::Diagnostics diags;
    auto d = import::read_html(html, "t.html", diags);
    REQUIRE_FALSE(diags.has_errors());
    auto block = [&](const std::string& text) {
        const import::Block* b = find(d, text);
        REQUIRE(b);
        return b;
    };
    CHECK(block("Purpose")->kind == BlockKind::heading);
    CHECK(block("Purpose")->level == 3);
    CHECK(block("Staff must never share")->kind == BlockKind::paragraph);  // a sentence, bold for emphasis
    CHECK(block("Facebook")->kind == BlockKind::paragraph);
    CHECK(block("Personal use")->kind == BlockKind::paragraph);  // only partly bold
    CHECK(block("Reporting concerns")->kind == BlockKind::heading);
    CHECK(block("Reporting concerns")->number == "2.");
}

namespace {

// A PDF of `text` made by LibreOffice from a text file.
std::string pdf_from_text(const test::TempDir& dir, const std::string& name, const std::string& text) {
    test::write_file(dir.path() / (name + ".txt"), text);
    std::string cmd = "cd '" + dir.path().string() + "' && soffice -env:UserInstallation=file://" + (dir.path() / "profile").string() +
                      " --headless --convert-to pdf " + name + ".txt >/dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) return {};
    return test::read_file(dir.path() / (name + ".pdf"));
}

std::string pdf_from_docx(const test::TempDir& dir, const std::string& name, const std::string& docx_bytes) {
    test::write_file(dir.path() / (name + ".docx"), docx_bytes);
    std::string cmd = "cd '" + dir.path().string() + "' && soffice -env:UserInstallation=file://" + (dir.path() / "profile").string() +
                      " --headless --convert-to pdf " + name + ".docx >/dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) return {};
    return test::read_file(dir.path() / (name + ".pdf"));
}

}  // namespace

TEST_CASE("PDF: a short line in plain type is a heading only where the document's headings are plain too", "[import][pdf]") {
    CLAUSEBOOK_NEEDS_PROGRAM("soffice");
    test::TempDir dir;
    std::string body = test::para("Purpose", "", "<w:b/>") + test::para(k_prose) + test::para("Staff must not accept pupils as friends on social media") +
                       test::para("Personal use", "", "<w:b/>") + test::para(k_prose) + test::para("2.3 Scope of the rules") + test::para(k_prose);
    // A package Word and LibreOffice open: the relationship to the document part too.
    std::string rels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
        "Target=\"word/document.xml\"/></Relationships>";
    auto bytes = pdf_from_docx(dir, "bold", test::make_docx(body, {{"_rels/.rels", rels}}));
    REQUIRE_FALSE(bytes.empty());
    util::Diagnostics diags;
    auto d = import::read_pdf(bytes, "bold.pdf", diags);
    REQUIRE(rules(diags).empty());
    auto kind = [&](const import::ImportedDocument& doc, const std::string& text) {
        const import::Block* b = find(doc, text);
        REQUIRE(b);
        return b->kind;
    };
    CHECK(kind(d, "Purpose") == BlockKind::heading);  // bold
    CHECK(kind(d, "Personal use") == BlockKind::heading);
    CHECK(kind(d, "Staff must not accept pupils") == BlockKind::paragraph);  // plain: a rule, imported as text
    CHECK(kind(d, "Scope of the rules") == BlockKind::heading);  // a dotted number

    // The same lines all in plain type: the short ones stay headings.
    auto plain = pdf_from_text(dir, "plain", "Purpose\n\n" + k_prose + "\n\nStaff must not accept pupils as friends on social media\n\n" + k_prose + "\n");
    REQUIRE_FALSE(plain.empty());
    util::Diagnostics diags2;
    auto d2 = import::read_pdf(plain, "plain.pdf", diags2);
    REQUIRE(rules(diags2).empty());
    CHECK(kind(d2, "Purpose") == BlockKind::heading);
    CHECK(kind(d2, "Staff must not accept pupils") == BlockKind::heading);
}

TEST_CASE("PDF: paragraphs, bullets and headings from a PDF LibreOffice makes, page numbers dropped", "[import][pdf]") {
    CLAUSEBOOK_NEEDS_PROGRAM("soffice");
    test::TempDir dir;
    std::string text;
    for (int i = 1; i <= 70; ++i) text += "Paragraph " + std::to_string(i) + " says that pupils lock their bikes in the shed every single day.\n\n";
    text += "\xE2\x80\xA2 A bullet item at the end.\n";
    auto bytes = pdf_from_text(dir, "bikes", text);
    REQUIRE_FALSE(bytes.empty());
    util::Diagnostics diags;
    auto d = import::read_pdf(bytes, "bikes.pdf", diags);
    REQUIRE(rules(diags).empty());
    for (int i : {1, 35, 70}) {
        const auto* b = find(d, "Paragraph " + std::to_string(i) + " says");
        REQUIRE(b);
        CHECK(b->text == "Paragraph " + std::to_string(i) + " says that pupils lock their bikes in the shed every single day.");
        CHECK(b->kind == BlockKind::paragraph);
    }
    CHECK(find(d, "Paragraph 70")->page >= 2);
    const auto* bullet = find(d, "A bullet item at the end.");
    REQUIRE(bullet);
    CHECK(bullet->kind == BlockKind::list_item);
}

TEST_CASE("PDF: a scan without text, a password-protected file and a damaged file are refused", "[import][pdf]") {
    // A one-page PDF with no text on the page, written by hand.
    std::string objs[] = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", "<< /Length 0 >>\nstream\n\nendstream"};
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (int i = 0; i < 4; ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
    }
    std::size_t xref = pdf.size();
    pdf += "xref\n0 5\n0000000000 65535 f \n";
    for (auto o : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
        pdf += line;
    }
    pdf += "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    util::Diagnostics diags;
    import::read_pdf(pdf, "scan.pdf", diags);
    CHECK(rules(diags) == "import-scanned-pdf: this PDF is a scanned image; it has no text to import\n");

    util::Diagnostics damaged;
    import::read_pdf("%PDF-1.4\nnot really", "bad.pdf", damaged);
    CHECK(rules(damaged).find("import-corrupt") == 0);

    util::Diagnostics renamed;
    import::read_pdf("PK\x03\x04 zip", "bad.pdf", renamed);
    CHECK(rules(renamed).find("import-corrupt: the file does not start as a PDF does") == 0);

    if (!test::have_program("qpdf")) CLAUSEBOOK_SKIP("program not installed: qpdf (for the password-protected PDF)");
    test::TempDir dir;
    test::write_file(dir.path() / "plain.pdf", pdf);
    std::string cmd = "qpdf --encrypt secret secret 256 -- '" + (dir.path() / "plain.pdf").string() + "' '" + (dir.path() / "locked.pdf").string() + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    util::Diagnostics locked;
    import::read_pdf(test::read_file(dir.path() / "locked.pdf"), "locked.pdf", locked);
    CHECK(rules(locked) == "import-encrypted-pdf: this PDF is protected by a password\n");
}

TEST_CASE("read_document: chooses the reader by extension and refuses empty documents and unknown formats", "[import]") {
    test::TempDir dir;
    util::Diagnostics diags;
    test::write_file(dir.path() / "empty.txt", "\n\n   \nSigned\nDate\n");
    import::read_document(dir.path() / "empty.txt", "empty.txt", {}, diags);
    CHECK(rules(diags).find("import-empty") == 0);
    util::Diagnostics d2;
    test::write_file(dir.path() / "x.xls", "whatever");
    import::read_document(dir.path() / "x.xls", "x.xls", {}, d2);
    CHECK(rules(d2).find("import-format") == 0);
}

TEST_CASE("text reader: a title page's publication, creation and lead are its record, a bracketed role under a blank line a signature box", "[import][text]") {
    util::Diagnostics diags;
    auto d = import::read_text(
        "Bike Policy\n\nPublished: July 2021\n\nDate created - April 2023\n\nPolicy Lead: Ann Example\n\nAuthorised: ....................\n\n"
        "(Headteacher)\n\nThis policy says how pupils who cycle to school keep their bikes safe and where they leave them during the day.\n\n"
        "Published guidance on cycling is kept in the office.\n",
        "t.txt", false, diags);
    for (const char* record : {"Published: July 2021", "Date created - April 2023", "Policy Lead: Ann Example"}) {
        const auto* b = find(d, record);
        REQUIRE(b);
        CHECK(b->dropped.find("the document's own record") != std::string::npos);
    }
    CHECK(find(d, "(Headteacher)")->dropped.find("signature box") != std::string::npos);
    CHECK(find(d, "Published guidance")->dropped.empty());  // prose, after the title page
}

TEST_CASE("text reader: a section number on a line of its own belongs to the line below it", "[import][text]") {
    // A PDF's text extraction: each number alone on its line, its heading or paragraph below.
    std::string txt =
        "Bike Policy\n1\nIntroduction\n1.1\nThis policy says how pupils who cycle to school keep their bikes safe.\n"
        "1.2\nIt applies to pupils and staff.\n2\nThe Shed\n2.1\nBikes are locked in the shed.\n"
        "7\nHELMETS AND LIGHTS\nHelmets are worn on the way to school.\n";
    util::Diagnostics diags;
    auto d = import::read_text(txt, "t.txt", false, diags);
    const auto* intro = find(d, "Introduction");
    REQUIRE(intro);
    CHECK(intro->kind == BlockKind::heading);
    CHECK(intro->number == "1");
    const auto* scope = find(d, "This policy says how");
    REQUIRE(scope);
    CHECK(scope->number == "1.1");
    CHECK(scope->dropped.empty());
    CHECK(find(d, "It applies to pupils")->number == "1.2");
    CHECK(find(d, "The Shed")->kind == BlockKind::heading);
    CHECK(find(d, "Bikes are locked")->number == "2.1");
    // No number is left as a block of its own text.
    for (const auto* b : kept(d)) CHECK_FALSE(b->text.empty());
    for (const auto& b : d.blocks) CHECK(b.text != "1.1");
    // A page number ("7", with no 7.1 after it) stays a page number, and the line after it,
    // standing alone in capitals, is a heading.
    CHECK(find(d, "HELMETS AND LIGHTS")->kind == BlockKind::heading);
    CHECK(find(d, "HELMETS AND LIGHTS")->number.empty());
}

TEST_CASE("text reader: a section number run into its first word, as a PDF's text layer has it, is still its number", "[import][text]") {
    std::string txt =
        "Bike Policy\n\n1. Introduction\n\n1.1Bikes are locked in the shed before the bell.\n\n"
        "1.2It applies to pupils and staff who cycle.\n\n2.5GHz radios open the gate for bikes.\n";
    util::Diagnostics diags;
    auto d = import::read_text(txt, "t.txt", false, diags);
    const auto* shed = find(d, "Bikes are locked");
    REQUIRE(shed);
    CHECK(shed->number == "1.1");
    CHECK(shed->text.rfind("Bikes are locked", 0) == 0);
    REQUIRE(find(d, "It applies to pupils"));
    CHECK(find(d, "It applies to pupils")->number == "1.2");
    // A number run into no capitalised word ("2.5GHz") is text, not a section number.
    const auto* radio = find(d, "radios open the gate");
    REQUIRE(radio);
    CHECK(radio->number.empty());
    CHECK(radio->text.rfind("2.5GHz radios", 0) == 0);
}

TEST_CASE("text reader: short lines after a lead-in are its items, and an item with an aside is no heading", "[import][text]") {
    std::string txt =
        "Bike Policy\n\nBikes kept at school include, but are not limited to:\n\nRoad Bikes\n\nMountain Bikes\n\nScooters\n\n"
        "Every bike is locked in the shed during the day.\n\nOur Shed\n\nThe shed is locked at nine.\n\n"
        "Quick access to the shed from the gate (on weekdays before nine)\n\nStaff (including volunteers)\n\nStaff check the shed.\n";
    util::Diagnostics diags;
    auto d = import::read_text(txt, "t.txt", false, diags);
    for (const char* item : {"Road Bikes", "Mountain Bikes", "Scooters"}) {
        const auto* b = find(d, item);
        REQUIRE(b);
        CHECK(b->kind == BlockKind::list_item);
    }
    CHECK(find(d, "Our Shed")->kind == BlockKind::heading);  // after a sentence, not a lead-in
    CHECK(find(d, "Quick access to the shed")->kind == BlockKind::paragraph);
    CHECK(find(d, "Staff (including volunteers)")->kind == BlockKind::heading);
}

TEST_CASE("text reader: a list of the document's parts before them is its contents", "[import][text]") {
    std::string txt =
        "Bike Policy\n\nBikes are welcome at school, and this policy says how they are kept.\n\nThere are three key areas:\n\n"
        "A. Bikes on the way to school\n\nB. Bikes in the shed\n\nA. Bikes on the way to school\n\nPupils wear helmets.\n\n"
        "B. Bikes in the shed\n\nThe shed is locked at nine.\n";
    util::Diagnostics diags;
    auto d = import::read_text(txt, "t.txt", false, diags);
    std::vector<const import::Block*> way;
    for (const auto& b : d.blocks)
        if (b.text == "A. Bikes on the way to school") way.push_back(&b);
    REQUIRE(way.size() == 2);
    CHECK(way[0]->dropped == "contents page");
    CHECK(way[1]->dropped.empty());
    CHECK(find(d, "There are three key areas")->dropped == "contents page");
    CHECK(find(d, "Bikes are welcome")->dropped.empty());
    CHECK(find(d, "The shed is locked")->dropped.empty());
}
