// The PDF's XMP metadata (src/write/pdf/xmp.cpp): the catalog's /Metadata stream, read with
// pugixml, says what the document information dictionary (/Info, read back by qpdf) says; a
// metadata reader that knows nothing of clausebook (exiftool) finds the title and the language
// in it; the ids in it are the same on every build of the same inputs.
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <map>
#include <regex>
#include <string>

#include "support/fixture.hpp"
#include "support/skip.hpp"
#include "write/pdf_support.hpp"

using namespace clausebook;
using namespace clausebook::test;
using namespace clausebook::test::pdf;
namespace fs = std::filesystem;

namespace {

// The data of the file's one /Metadata stream (written uncompressed), or empty.
std::string metadata_stream(const std::string& pdf) {
    std::size_t at = pdf.find("/Type /Metadata /Subtype /XML");
    if (at == std::string::npos) return {};
    std::size_t begin = pdf.find("stream\n", at);
    std::size_t end = pdf.find("\nendstream", begin);
    if (begin == std::string::npos || end == std::string::npos) return {};
    begin += 7;
    return pdf.substr(begin, end - begin);
}

// The object the trailer's `key` (Info, Root) refers to, as qpdf shows it (from an object
// stream or not).
std::string trailer_object(const fs::path& pdf, const std::string& key) {
    Shell trailer = shell("qpdf --show-object=trailer " + quoted(pdf));
    std::smatch m;
    REQUIRE(std::regex_search(trailer.out, m, std::regex("/" + key + R"( (\d+) 0 R)")));
    Shell object = shell("qpdf --show-object=" + m[1].str() + " " + quoted(pdf));
    INFO(object.out);
    REQUIRE(object.status == 0);
    return object.out;
}

// The document information dictionary as qpdf shows it: each key's literal string, unescaped.
std::map<std::string, std::string> info_of(const fs::path& pdf) {
    std::map<std::string, std::string> out;
    const std::string s = trailer_object(pdf, "Info");
    for (std::size_t at = s.find('/'); at != std::string::npos; at = s.find('/', at)) {
        std::size_t key_end = s.find_first_of(" (", at);
        std::string key = s.substr(at + 1, key_end - at - 1);
        std::size_t open = s.find_first_not_of(' ', key_end);
        if (open == std::string::npos || s[open] != '(') {
            at = key_end;
            continue;
        }
        std::string value;
        int depth = 1;
        std::size_t i = open + 1;
        for (; i < s.size() && depth > 0; ++i) {
            char c = s[i];
            if (c == '\\' && i + 1 < s.size()) {
                value += s[++i];
                continue;
            }
            if (c == '(') ++depth;
            if (c == ')' && --depth == 0) break;
            value += c;
        }
        out[key] = value;
        at = i;
    }
    return out;
}

std::string li(const pugi::xml_node& description, const char* property, const char* lang = nullptr) {
    pugi::xml_node list = description.child(property).first_child();
    for (pugi::xml_node item : list.children("rdf:li"))
        if (!lang || std::string(item.attribute("xml:lang").value()) == lang) return item.text().get();
    return "(missing)";
}

// XMP's date (2024-03-01T00:00:00Z) as PDF writes it (D:20240301000000Z).
std::string pdf_date(std::string xmp) {
    std::string digits;
    for (char c : xmp)
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    return "D:" + digits + "Z";
}

}  // namespace

TEST_CASE("pdf metadata: the XMP stream says what the document information says", "[pdf][client]") {
    CLAUSEBOOK_NEEDS_PROGRAM("qpdf");
    TestRepo repo;
    REQUIRE(repo.run({"build", "--format", "pdf"}).exit_code == 0);
    fs::path file = repo.out() / "alpha" / "social.pdf";
    std::string pdf = repo.read("out/alpha/social.pdf");

    std::string xmp = metadata_stream(pdf);
    REQUIRE_FALSE(xmp.empty());
    pugi::xml_document doc;
    auto parsed = doc.load_string(xmp.c_str());
    INFO(xmp);
    REQUIRE(parsed);
    pugi::xml_node d = doc.child("x:xmpmeta").child("rdf:RDF").child("rdf:Description");
    REQUIRE(d);

    std::map<std::string, std::string> info = info_of(file);
    CHECK(info["Title"] == "Social Media Policy");
    CHECK(li(d, "dc:title", "x-default") == info["Title"]);
    CHECK(li(d, "dc:title", "en-GB") == info["Title"]);
    CHECK(info["Author"] == "Alpha Primary School");
    CHECK(li(d, "dc:creator") == info["Author"]);
    CHECK(li(d, "dc:description", "x-default") == info["Subject"]);
    CHECK(info["Subject"] == "Social Media Policy of Alpha Primary School");
    CHECK(info["Keywords"] == "policy; social; Alpha Primary School; Test Trust");
    CHECK(d.child_value("pdf:Keywords") == info["Keywords"]);
    std::string bag;
    for (pugi::xml_node item : d.child("dc:subject").child("rdf:Bag").children("rdf:li")) bag += std::string(bag.empty() ? "" : "; ") + item.text().get();
    CHECK(bag == info["Keywords"]);
    CHECK(li(d, "dc:language") == "en-GB");
    std::string catalog = trailer_object(file, "Root");
    CHECK(catalog.find("/Lang (en-GB)") != std::string::npos);
    CHECK(std::regex_search(catalog, std::regex(R"(/Metadata \d+ 0 R)")));
    CHECK(info["Producer"] == "clausebook");
    CHECK(d.child_value("pdf:Producer") == info["Producer"]);
    CHECK(d.child_value("xmp:CreatorTool") == info["Creator"]);
    CHECK(info["CreationDate"] == "D:20240301000000Z");  // alpha's approval date
    CHECK(pdf_date(d.child_value("xmp:CreateDate")) == info["CreationDate"]);
    CHECK(pdf_date(d.child_value("xmp:ModifyDate")) == info["ModDate"]);
    // Not claimed: the file is not checked against PDF/UA, so it does not say it conforms.
    CHECK(xmp.find("pdfuaid") == std::string::npos);

    // The ids look like UUIDs, and the same inputs give the same ones (and the same bytes).
    std::regex uuid("uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    CHECK(std::regex_match(std::string(d.child_value("xmpMM:DocumentID")), uuid));
    CHECK(std::regex_match(std::string(d.child_value("xmpMM:InstanceID")), uuid));
    // The trailer's file identifier is the instance id's 32 hexadecimal digits, twice.
    std::string instance = d.child_value("xmpMM:InstanceID");
    std::string hex;
    for (char ch : instance.substr(5))
        if (ch != '-') hex += ch;
    Shell trailer = shell("qpdf --show-object=trailer " + quoted(file));
    INFO(trailer.out);
    CHECK(trailer.out.find("/ID [ <" + hex + "> <" + hex + "> ]") != std::string::npos);
    TestRepo again;
    REQUIRE(again.run({"build", "--format", "pdf"}).exit_code == 0);
    CHECK(again.read("out/alpha/social.pdf") == pdf);

    // Another school's policy is another document; another text of the same policy another
    // instance of the same document.
    pugi::xml_document beta;
    REQUIRE(beta.load_string(metadata_stream(repo.read("out/beta/social.pdf")).c_str()));
    pugi::xml_node bd = beta.child("x:xmpmeta").child("rdf:RDF").child("rdf:Description");
    CHECK(std::string(bd.child_value("xmpMM:DocumentID")) != d.child_value("xmpMM:DocumentID"));
    TestRepo changed;
    std::string clause = changed.read("clauses/intro/purpose.md");
    changed.write("clauses/intro/purpose.md", clause + "\nOne more sentence.\n");
    REQUIRE(changed.run({"build", "--format", "pdf"}).exit_code == 0);
    pugi::xml_document other;
    REQUIRE(other.load_string(metadata_stream(changed.read("out/alpha/social.pdf")).c_str()));
    pugi::xml_node od = other.child("x:xmpmeta").child("rdf:RDF").child("rdf:Description");
    CHECK(std::string(od.child_value("xmpMM:DocumentID")) == d.child_value("xmpMM:DocumentID"));
    CHECK(std::string(od.child_value("xmpMM:InstanceID")) != d.child_value("xmpMM:InstanceID"));

    Shell check = shell("qpdf --check " + quoted(file));
    INFO(check.out);
    CHECK(check.status == 0);
    CHECK(check.out.find("WARNING") == std::string::npos);
}

TEST_CASE("pdf metadata: exiftool reads the title and the language from the XMP", "[pdf][client]") {
    CLAUSEBOOK_NEEDS_PROGRAM("exiftool");
    TestRepo repo;
    REQUIRE(repo.run({"build", "--format", "pdf"}).exit_code == 0);
    fs::path file = repo.out() / "alpha" / "social.pdf";
    // -XMP:... reads the packet only, not the document information dictionary.
    Shell r = shell("exiftool -s -s -s -XMP-dc:Title -XMP-dc:Language -XMP-pdf:Producer -XMP-dc:Creator " + quoted(file));
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK(r.out == "Social Media Policy\nen-GB\nclausebook\nAlpha Primary School\n");
}
