// util/html_shell: the one page shell of the reports clausebook writes itself.
#include <catch2/catch.hpp>

#include <string>

#include "util/html_shell.hpp"

using namespace clausebook;

TEST_CASE("html shell: doctype, British English, character set, viewport, escaped title, styles, and a policy only when given", "[util][html]") {
    std::string page = util::html_page_start({"Schools <compared> & more", "p { color: #222; }", {}}) + "<main></main>\n" + std::string(util::html_page_end());
    CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0);
    CHECK(page.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">") != std::string::npos);
    CHECK(page.find("<title>Schools &lt;compared&gt; &amp; more</title>") != std::string::npos);
    CHECK(page.find("<style>p { color: #222; }</style>\n</head>\n<body>\n<main>") != std::string::npos);
    CHECK(page.find("Content-Security-Policy") == std::string::npos);
    CHECK(page.size() >= 16);
    CHECK(page.substr(page.size() - 16) == "</body>\n</html>\n");
    std::string strict = util::html_page_start({"x", "", "default-src 'none'"});
    CHECK(strict.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\n<title>") != std::string::npos);
}
