// The start and end of every HTML page clausebook writes itself (the index, compare, diff,
// schedule, pack and import reports; policy and school pages come from the trust's
// templates/page.html): one doctype, language, character set, viewport, policy and title.
#pragma once

#include <string>
#include <string_view>

namespace clausebook::util {

struct HtmlHead {
    std::string_view title;  // plain text; escaped here
    std::string_view css;  // the page's own styles, as they go inside <style>
    std::string_view content_security_policy;  // a constant of the code, written as it is; empty: none
};

// "<!DOCTYPE html> ... <body>\n", ready for the page's content.
std::string html_page_start(const HtmlHead& head);

// "</body>\n</html>\n".
std::string_view html_page_end();

}  // namespace clausebook::util
