// Escaping a plain value for the text format it lands in: Markdown, and HTML text and
// attributes. Every writer and report that puts a school's words into markup uses these.
#pragma once

#include <string>
#include <string_view>

namespace clausebook::util {

// Escapes for CommonMark: the value reads as plain text wherever it lands in a paragraph.
std::string escape_markdown(std::string_view s);
// Markdown that may carry formatting but no HTML: every '<' written as the entity "&lt;", which
// every format shows as "<" (a school's value cannot become a <script> even when the trust allows
// raw HTML in its own clauses).
std::string markdown_without_html(std::string_view s);
// Escapes for HTML text and attributes.
std::string escape_html(std::string_view s);

}  // namespace clausebook::util
