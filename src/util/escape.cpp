#include "util/escape.hpp"

#include <cctype>

namespace clausebook::util {

std::string escape_markdown(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    bool first = true;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\n' || c == '\r') {  // a value is one line: a newline would start a new block
            out += ' ';
            continue;
        }
        switch (c) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '!':
        case '|':
        case '~':
        case '&':
        case '{':
        case '}':
            out += '\\';
            out += c;
            break;
        case '#':
        case '+':
        case '-':
        case '=':
            // Only at the start, where the value may begin a line and make a heading or list.
            if (first) out += '\\';
            out += c;
            break;
        default:
            if (first && std::isdigit(static_cast<unsigned char>(c))) {
                // "1." or "1)" at the start of a line would begin an ordered list.
                std::size_t j = i;
                while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
                out.append(s.substr(i, j - i));
                if (j < s.size() && (s[j] == '.' || s[j] == ')')) out += '\\';
                i = j - 1;
            } else {
                out += c;
            }
        }
        first = false;
    }
    return out;
}

std::string markdown_without_html(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '<')
            out += "&lt;";
        else
            out += c;
    }
    return out;
}

std::string escape_html(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

}  // namespace clausebook::util
