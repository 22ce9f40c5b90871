#include "util/html_shell.hpp"

#include "util/escape.hpp"

namespace clausebook::util {

std::string html_page_start(const HtmlHead& head) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    if (!head.content_security_policy.empty())
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + std::string(head.content_security_policy) + "\">\n";
    out += "<title>" + escape_html(head.title) + "</title>\n<style>";
    out += head.css;
    out += "</style>\n</head>\n<body>\n";
    return out;
}

std::string_view html_page_end() { return "</body>\n</html>\n"; }

}  // namespace clausebook::util
