// The words of a PDF page's running header and footer: one function, so that a change to what
// every page says (a draft marking, say) is made here alone. The PDF writer (pdf_writer.cpp)
// draws `header_left` and `footer_left` at the left margin and the others at the right.
#pragma once

#include <string>

#include "model/document.hpp"

namespace clausebook::write::pdf {

struct PageText {
    std::string banner;  // above the header, the full width, on every page: a draft's status line
    std::string header_left;
    std::string header_right;
    std::string footer_left;
    std::string footer_right;
};

// Page `page` (1-based) of `pages`. The first page carries the title already: no header there,
// as in the DOCX (docs/docx.md). A draft says so on every page, the first included, as the
// DOCX's running header does: "Draft for approval — replaces the policy approved on ...".
PageText page_text(const model::Metadata& meta, int page, int pages);

}  // namespace clausebook::write::pdf
