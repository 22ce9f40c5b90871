// The PDF file's own layer (src/write/pdf/pdf_file.cpp): objects packed into object streams and
// a cross-reference stream, read back by qpdf object by object; and the example's PDFs, whose
// objects are nearly all packed.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <string>

#include "support/fixture.hpp"
#include "support/skip.hpp"
#include "write/pdf/pdf_file.hpp"
#include "write/pdf_support.hpp"

using namespace clausebook;
using namespace clausebook::test;
using namespace clausebook::test::pdf;
using clausebook::write::pdf::PdfFile;
namespace fs = std::filesystem;

TEST_CASE("pdf file: objects packed in object streams are found through the cross-reference stream", "[pdf][client]") {
    CLAUSEBOOK_NEEDS_PROGRAM("qpdf");
    PdfFile file;
    int catalog = file.reserve(), pages = file.reserve();
    // More objects than one object stream holds, so that there are several; and objects
    // reserved before and written after others, as the writer does.
    std::vector<int> objects;
    for (int i = 0; i < 2 * write::pdf::k_objects_per_stream + 50; ++i) objects.push_back(file.reserve());
    for (int id : objects) file.object(id, "<< /N " + std::to_string(id) + " /S (text \\(" + std::to_string(id) + "\\)) >>");
    int content = file.reserve();
    file.stream(content, "", "BT ET");
    file.object(pages, "<< /Type /Pages /Kids [] /Count 0 >>");
    file.object(catalog, "<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R >>");
    int info = file.reserve();
    file.object(info, "<< /Title (loose) >>", true);
    std::string bytes = file.finish(catalog, info);

    CHECK(bytes.find("\nxref\n") == std::string::npos);  // no table: a stream
    CHECK(bytes.find("/Type /XRef") != std::string::npos);
    CHECK(bytes.find("/Title (loose)") != std::string::npos);  // the loose object, as it is
    CHECK(bytes.find("/N 7 ") == std::string::npos);  // a packed one, deflated
    TempDir dir;
    fs::path path = dir.path() / "objects.pdf";
    {
        std::ofstream out(path, std::ios::binary);
        out << bytes;
    }
    Shell check = shell("qpdf --check " + quoted(path));
    INFO(check.out);
    CHECK(check.status == 0);
    CHECK(check.out.find("No syntax or stream encoding errors") != std::string::npos);
    CHECK(check.out.find("WARNING") == std::string::npos);

    Shell xref = shell("qpdf --show-xref " + quoted(path));
    REQUIRE(xref.status == 0);
    std::regex packed(R"((\d+)/0: compressed; stream = (\d+), index = (\d+))");
    std::set<std::string> streams;
    int count = 0;
    for (std::sregex_iterator m(xref.out.begin(), xref.out.end(), packed), end; m != end; ++m) {
        ++count;
        streams.insert((*m)[2].str());
    }
    CHECK(count == static_cast<int>(objects.size()) + 2);  // with the page tree and the catalog
    CHECK(streams.size() == 3);
    for (int id : {objects.front(), objects[300], objects.back()}) {
        Shell shown = shell("qpdf --show-object=" + std::to_string(id) + " " + quoted(path));
        CHECK(shown.out == "<< /N " + std::to_string(id) + " /S (text \\(" + std::to_string(id) + "\\)) >>\n");
    }
    CHECK(xref.out.find(std::to_string(info) + "/0: uncompressed") != std::string::npos);
}

TEST_CASE("pdf file: the example's structure tree is packed, the file read the same by poppler and qpdf", "[pdf][client]") {
    CLAUSEBOOK_NEEDS_PROGRAM("qpdf");
    CLAUSEBOOK_NEEDS_PROGRAM("pdfinfo");
    TestRepo repo;
    REQUIRE(repo.run({"build", "--format", "pdf"}).exit_code == 0);
    fs::path file = repo.out() / "alpha" / "social.pdf";
    Shell xref = shell("qpdf --show-xref " + quoted(file));
    REQUIRE(xref.status == 0);
    int packed = 0, loose = 0;
    for (std::size_t at = xref.out.find(": compressed"); at != std::string::npos; at = xref.out.find(": compressed", at + 1)) ++packed;
    for (std::size_t at = xref.out.find(": uncompressed"); at != std::string::npos; at = xref.out.find(": uncompressed", at + 1)) ++loose;
    // Loose: each page's content, the font files and their maps, the object streams, the
    // metadata, the document information, the cross-reference stream. Everything else packed.
    INFO(xref.out);
    CHECK(packed > loose);
    Shell structure = shell("pdfinfo -struct-text " + quoted(file));
    CHECK(structure.status == 0);
    CHECK(structure.out.find("H1") != std::string::npos);
    Shell check = shell("qpdf --check " + quoted(file));
    CHECK(check.status == 0);
}

TEST_CASE("pdf file: data deflated once and kept gives the bytes deflating it again gives", "[pdf]") {
    using write::pdf::deflate;
    using write::pdf::deflate_kept;
    using write::pdf::k_deflate_level;
    std::string page = "BT /F0 11 Tf 1 0 0 1 70.9 700 Tm[(page text)]TJ ET\n";
    for (int i = 0; i < 200; ++i) page += "BT /F0 11 Tf 1 0 0 1 70.9 " + std::to_string(i) + " Tm[(line)]TJ ET\n";
    const std::string fresh = deflate(page, k_deflate_level);
    // The first time remembered, the second kept, the third found: the same bytes each time.
    for (int i = 0; i < 3; ++i) CHECK(deflate_kept(page) == fresh);
    std::string other = page + "0 0 m 1 1 l S\n";
    CHECK(deflate_kept(other) == deflate(other, k_deflate_level));
    CHECK(deflate_kept(page) == fresh);
    CHECK(deflate_kept("") == deflate("", k_deflate_level));
}
