#include "util/text.hpp"

#include <cctype>

#include <algorithm>

namespace clausebook::util {

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        unsigned cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else
            return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values beyond U+10FFFF are not UTF-8.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
        i += len;
    }
    return std::nullopt;
}

LineCol line_col_at(std::string_view text, std::size_t offset) {
    LineCol lc;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++lc.line;
            line_start = i + 1;
        }
    }
    lc.col0 = offset - line_start;
    return lc;
}

std::string sanitize_for_terminal(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        unsigned char c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7F)
            out += "\xEF\xBF\xBD";
        else
            out += ch;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    // Optimal string alignment: insertions, deletions, substitutions and swaps of two
    // neighbouring letters ("nmae" for "name") each cost 1. Three rows of the table at a time;
    // stops as soon as every cell of a row is past `limit`.
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    std::vector<std::size_t> rows(3 * (m + 1));
    std::size_t* before = rows.data();  // row i - 2
    std::size_t* prev = before + (m + 1);  // row i - 1
    std::size_t* cur = prev + (m + 1);  // row i
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], before[j - 2] + 1);
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > limit) return limit + 1;
        std::size_t* spare = before;
        before = prev;
        prev = cur;
        cur = spare;
    }
    return std::min(prev[m], limit + 1);
}

std::optional<std::string> closest_match(std::string_view name, const std::vector<std::string>& candidates) {
    std::optional<std::string> best;
    std::size_t best_d = 0;
    for (const auto& c : candidates) {
        std::size_t d = edit_distance(name, c);
        if (!best || d < best_d) {
            best = c;
            best_d = d;
        }
    }
    if (!best) return std::nullopt;
    // Close enough: at most a third of the longer name, and never more than 3 edits.
    std::size_t limit = std::min<std::size_t>(3, std::max<std::size_t>(1, std::max(name.size(), best->size()) / 3));
    if (best_d == 0 || best_d > limit) return std::nullopt;
    return best;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
    auto m = closest_match(name, candidates);
    return m ? "did you mean '" + *m + "'?" : std::string{};
}

std::string with_article(std::string_view word) {
    bool vowel = !word.empty() && std::string_view("aeiouAEIOU").find(word.front()) != std::string_view::npos;
    return (vowel ? "an " : "a ") + std::string(word);
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += sep;
        out += parts[i];
    }
    return out;
}

namespace {
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += !continuation(c);
    return n;
}

std::string utf8_prefix(std::string_view s, std::size_t max_chars) {
    std::size_t chars = 0, i = 0;
    for (; i < s.size(); ++i) {
        if (!continuation(s[i]) && chars++ == max_chars) break;
    }
    return std::string(s.substr(0, i));
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

int word_count(std::string_view s) {
    int n = 0;
    bool in = false;
    for (char c : s) {
        bool w = !std::isspace(static_cast<unsigned char>(c));
        if (w && !in) ++n;
        in = w;
    }
    return n;
}

}  // namespace clausebook::util
