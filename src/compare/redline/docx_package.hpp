// The smallest Word package a tracked-changes redline needs (ECMA-376 Part 2, Open Packaging
// Conventions): content types, relationships, styles, settings and the document part given.
// Same bytes every time: entries in a fixed order, each dated 1 January 1980, deflated.
#pragma once

#include <string>

namespace clausebook::compare::redline {

// The .docx bytes around `document_xml` (word/document.xml). Throws util::Fatal (exit code 3)
// if libzip fails.
std::string docx_package(const std::string& document_xml);

}  // namespace clausebook::compare::redline
