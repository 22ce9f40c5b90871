#include "util/source_files.hpp"

#include <algorithm>
#include <vector>

#include "util/text.hpp"

namespace clausebook::util {

void SourceFiles::add(const std::string& path, std::string text) { m_texts[path] = std::move(text); }

std::optional<std::string_view> SourceFiles::line(const std::string& path, int line) const {
    auto it = m_texts.find(path);
    if (it == m_texts.end() || line < 1) return std::nullopt;
    std::string_view text = it->second;
    std::size_t start = 0;
    for (int i = 1; i < line; ++i) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) return std::nullopt;
        start = nl + 1;
    }
    auto end = text.find('\n', start);
    std::string_view l = text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
}

int char_column(std::string_view line, std::size_t byte_col0) {
    int col = 1;
    for (std::size_t i = 0; i < byte_col0 && i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
    return col;
}

std::size_t byte_offset(std::string_view line, int col) {
    std::size_t i = 0;
    for (int c = 1; c < col && i < line.size(); ++c) {
        ++i;
        while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
}

std::string format_diagnostic(const Diagnostic& d, const SourceFiles& files, bool color) {
    const char* bold = color ? "\x1b[1m" : "";
    const char* reset = color ? "\x1b[0m" : "";
    const char* sev_color = "";
    if (color) sev_color = d.severity == Severity::error ? "\x1b[1;31m" : d.severity == Severity::warning ? "\x1b[1;35m" : "\x1b[1;36m";
    std::string out = bold;
    if (!d.pos.path.empty()) {
        out += d.pos.path;
        if (d.pos.line > 0) {
            out += ":" + std::to_string(d.pos.line);
            if (d.pos.col > 0) out += ":" + std::to_string(d.pos.col);
        }
        out += ": ";
    }
    out += reset;
    out += sev_color;
    out += severity_name(d.severity);
    out += ":";
    out += reset;
    // Messages quote user values: a newline or escape in one must not start a line of its own
    // (a GitHub workflow command such as ::error) or drive the terminal.
    out += " " + sanitize_for_terminal(d.message);
    if (!d.rule.empty()) out += " [" + d.rule + "]";
    out += "\n";
    if (auto l = files.line(d.pos.path, d.pos.line)) {
        std::string shown = sanitize_for_terminal(*l);
        int caret_col = d.pos.col;
        // A very long line (minified text, a runaway value) is shown as a window around the column.
        constexpr int k_shown_chars = 160;
        std::vector<std::size_t> starts;  // byte offset of each character
        for (std::size_t i = 0; i < shown.size(); ++i)
            if ((static_cast<unsigned char>(shown[i]) & 0xC0) != 0x80) starts.push_back(i);
        if (static_cast<int>(starts.size()) > k_shown_chars) {
            int first = std::max(0, std::min(caret_col - 1 - k_shown_chars / 2, static_cast<int>(starts.size()) - k_shown_chars));
            int last = first + k_shown_chars;
            std::size_t b = starts[static_cast<std::size_t>(first)];
            std::size_t e = last < static_cast<int>(starts.size()) ? starts[static_cast<std::size_t>(last)] : shown.size();
            shown = (first > 0 ? "..." : "") + shown.substr(b, e - b) + (e < shown.size() ? "..." : "");
            if (caret_col > 0) caret_col = caret_col - first + (first > 0 ? 3 : 0);
        }
        out += "    " + shown + "\n";
        if (d.pos.col > 0) {
            // Keep tabs so the caret lines up under a tab-indented line.
            std::string pad;
            int c = 1;
            for (std::size_t i = 0; i < shown.size() && c < caret_col; ++i) {
                unsigned char ch = static_cast<unsigned char>(shown[i]);
                if ((ch & 0xC0) == 0x80) continue;
                pad += shown[i] == '\t' ? '\t' : ' ';
                ++c;
            }
            out += "    " + pad + "^\n";
        }
    }
    if (!d.hint.empty()) out += "  " + sanitize_for_terminal(d.hint) + "\n";
    return out;
}

}  // namespace clausebook::util
