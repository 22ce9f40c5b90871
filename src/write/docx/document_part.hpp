// word/document.xml: title and school, the cover table, a table of contents with its entries
// filled in (inside a TOC field Word can update), then each section and clause under a numbered
// heading with a bookmark the contents and cross-references link to, then the page set-up.
#pragma once

#include <string>

#include "model/document.hpp"
#include "write/docx/numbering.hpp"
#include "write/docx/own_marks.hpp"
#include "write/docx/relationships.hpp"
#include "write/writer.hpp"

namespace clausebook::write::docx {

// The relationship ids of the header and footer parts, as added to the document's rels.
struct PageParts {
    std::string header;
    std::string first_header;
    std::string footer;
    std::string first_footer;
};

// The part. Lists go to `numbering`, hyperlinks to `rels`, each clause's bookmark and text
// fingerprint to `marks` (own_marks.hpp) when given.
std::string document_part(const model::Document& doc, const PageParts& page, Numbering& numbering, Relationships& rels, const WriteOptions& options,
                          std::vector<ClauseMark>* marks = nullptr);

}  // namespace clausebook::write::docx
