// The HTML page around a policy: the trust's page template (templates/page.html) or the
// built-in one, filled with the cover, contents and body.
#pragma once

#include <string>
#include <vector>

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

// What the page template is filled with (its names, templates/page.html): text, except `toc`,
// `body` and `extra_css`, which are HTML and CSS. An empty string is an absent value.
struct PageContent {
    std::string title, school, trust, policy_id;
    std::string toc, body;
    std::string extra_css;  // added after the trust's page.css
    bool draft = false;
    std::string status, approved, previous_approval, changes, next_review;
    std::vector<CoverRow> cover;
};

// Fills the page template with `page`.
std::string render_page(const PageContent& page, const WriteOptions& options);

// Fills the page template for a policy. `toc` and `body` are HTML.
std::string render_page(const model::Document& doc, const WriteOptions& options, const std::string& toc, const std::string& body);

}  // namespace clausebook::write
