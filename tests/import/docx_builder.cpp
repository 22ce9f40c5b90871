#include "import/docx_builder.hpp"

#include <zip.h>

#include <stdexcept>

#include "support/fixture.hpp"

namespace clausebook::test {

const char* k_w_ns =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
    "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
    TempDir dir;
    auto path = dir.path() / "out.zip";
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z) throw std::runtime_error("zip_open failed");
    for (const auto& [name, bytes] : parts) {
        zip_source_t* src = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
        if (!src || zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) < 0) throw std::runtime_error("zip_file_add failed");
    }
    if (zip_close(z) != 0) throw std::runtime_error("zip_close failed");
    return read_file(path);
}

std::string make_docx(const std::string& body, std::vector<std::pair<std::string, std::string>> extra) {
    std::vector<std::pair<std::string, std::string>> parts = {
        {"[Content_Types].xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
         "</Types>"},
        {"word/document.xml", std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + k_w_ns + "><w:body>" + body + "</w:body></w:document>"}};
    for (auto& e : extra) parts.push_back(std::move(e));
    return make_zip(parts);
}

std::string para(const std::string& text, const std::string& ppr, const std::string& rpr) {
    return "<w:p>" + (ppr.empty() ? std::string() : "<w:pPr>" + ppr + "</w:pPr>") + "<w:r>" + (rpr.empty() ? std::string() : "<w:rPr>" + rpr + "</w:rPr>") +
           "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

}  // namespace clausebook::test
