// Test support: Word documents made in the test from XML written here (libzip), so that each
// DOCX reader test states exactly the markup it reads.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace clausebook::test {

// A ZIP archive holding `parts` (name, bytes), stored deflated.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts);

// A DOCX: [Content_Types].xml and word/document.xml with `body` inside <w:body>, plus any
// `extra` parts (word/styles.xml, word/numbering.xml, ...).
std::string make_docx(const std::string& body, std::vector<std::pair<std::string, std::string>> extra = {});

// <w:p> with the given paragraph properties and one run of text with the given run properties.
std::string para(const std::string& text, const std::string& ppr = "", const std::string& rpr = "");

// The namespaces a document part declares.
extern const char* k_w_ns;

}  // namespace clausebook::test
