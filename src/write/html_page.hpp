// The HTML page around a policy: the trust's page template (templates/page.html) or the
// built-in one, filled with the cover, contents and body.
#pragma once

#include <string>

#include "model/document.hpp"
#include "util/diagnostics.hpp"
#include "write/writer.hpp"

namespace clausebook::write {

// The built-in page template and stylesheet (copies of this repository's templates/page.html
// and templates/page.css, compiled in).
std::string_view default_page_template();
std::string_view default_page_css();

// Checks a page template's syntax and names; problems go to `diags`.
void check_page_template(const std::string& text, const std::string& path, util::Diagnostics& diags);

// Fills the page template. `toc` and `body` are HTML.
std::string render_page(const model::Document& doc, const WriteOptions& options, const std::string& toc, const std::string& body);

}  // namespace clausebook::write
