// The small parts around the document: content types, the package relationships, document
// properties (core and app), settings, and the running header and footer.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"
#include "write/docx/xml.hpp"

namespace clausebook::write::docx {

// A part's name in the package ("word/document.xml") and its content type.
struct PartType {
    std::string name;
    std::string content_type;
};

// [Content_Types].xml for the parts listed (rels and xml get defaults).
std::string content_types_part(const std::vector<PartType>& parts);

// _rels/.rels: the main document and the three property parts (core, app, custom).
std::string package_rels_part();

// docProps/core.xml: title, subject, creator (the school), keywords, description, and created
// and modified at `timestamp` (W3CDTF, "2019-04-03T00:00:00Z").
std::string core_part(const model::Metadata& meta, const std::string& timestamp);

// docProps/app.xml: the application and the trust as company.
std::string app_part(const model::Metadata& meta);

// word/settings.xml: British English, Word 2013+ compatibility mode (15), so Word opens the
// file without "Compatibility Mode".
std::string settings_part();

// word/header*.xml and word/footer*.xml. The header names the school and the policy; the
// first page's header is empty (the title is on it). A draft's headers, the first page's too,
// begin with its status line in style DraftNotice. Every footer reads "Next review: <date>"
// and "Page X of Y" with PAGE and NUMPAGES fields.
std::string header_part(const model::Metadata& meta);
std::string first_header_part(const model::Metadata& meta);
// A paragraph in style DraftNotice: "Draft for approval — replaces the policy approved on ...".
void draft_notice(XmlWriter& xml, const model::Metadata& meta);
std::string footer_part(const model::Metadata& meta);

}  // namespace clausebook::write::docx
