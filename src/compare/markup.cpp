#include "compare/markup.hpp"
#include "util/escape.hpp"

#include <cmath>
#include <cstdio>

namespace clausebook::compare {

namespace {

constexpr const char* k_red = "\x1b[31;9m";
constexpr const char* k_green = "\x1b[32;4m";
constexpr const char* k_reset = "\x1b[0m";

// Calls `part` for each paragraph of `text` (split at "\n\n"), and `brk` between them.
template <class Part, class Break>
void by_paragraph(const std::string& text, Part part, Break brk) {
    std::size_t start = 0;
    while (true) {
        std::size_t at = text.find("\n\n", start);
        std::string piece = text.substr(start, at == std::string::npos ? std::string::npos : at - start);
        if (!piece.empty()) part(piece);
        if (at == std::string::npos) break;
        brk();
        start = at + 2;
    }
}

// Escapes each line for CommonMark, keeping the line breaks.
std::string escape_lines(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (true) {
        std::size_t nl = text.find('\n', start);
        out += util::escape_markdown(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (nl == std::string::npos) break;
        out += '\n';
        start = nl + 1;
    }
    return out;
}

}  // namespace

std::string redline_text(const Redline& r, bool color) {
    std::string out;
    for (const auto& s : r.spans) {
        if (s.op == Op::equal)
            out += s.text;
        else if (color)
            out += std::string(s.op == Op::del ? k_red : k_green) + s.text + k_reset;
        else
            out += (s.op == Op::del ? "[-" : "{+") + s.text + (s.op == Op::del ? "-]" : "+}");
    }
    return out;
}

std::string redline_markdown(const Redline& r) {
    std::string out;
    for (const auto& s : r.spans) {
        if (s.op == Op::equal) {
            out += escape_lines(s.text);
            continue;
        }
        const char* mark = s.op == Op::del ? "~~" : "**";
        by_paragraph(
            s.text, [&](const std::string& p) { out += mark + escape_lines(p) + mark; }, [&] { out += "\n\n"; });
    }
    return out;
}

std::string redline_html(const Redline& r) {
    std::string out;
    for (const auto& s : r.spans) {
        if (s.op == Op::equal)
            out += util::escape_html(s.text);
        else if (s.op == Op::del)
            out += "<del>" + util::escape_html(s.text) + "</del>";
        else
            out += "<ins>" + util::escape_html(s.text) + "</ins>";
    }
    return out;
}

std::string percent(double similarity) { return std::to_string(static_cast<int>(std::floor(similarity * 100.0 + 1e-9))) + "%"; }

}  // namespace clausebook::compare
