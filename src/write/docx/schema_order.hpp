// The order WordprocessingML requires of the children of w:pPr (ECMA-376 Part 1, 17.3.1.26,
// CT_PPr) and w:rPr (17.3.2.28, CT_RPr / EG_RPrBase). Word refuses a document whose property
// elements are out of this order ("unreadable content"); LibreOffice does not, so it would go
// unnoticed without a check. Used to check a trust's style part and by the tests.
#pragma once

#include <string>

#include <pugixml.hpp>

namespace clausebook::write::docx {

// Empty if the children of every w:pPr and w:rPr below `root` (inclusive) are known and in
// schema order; otherwise a description of the first problem, e.g. "w:rPr: w:b after w:color".
std::string property_order_problem(pugi::xml_node root);

}  // namespace clausebook::write::docx
