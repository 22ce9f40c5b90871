// tokenise(): the units a redline is made of. See word_diff.hpp for the contract.
#include <cctype>

#include "compare/word_diff.hpp"

namespace clausebook::compare {

namespace {

// Length of the UTF-8 sequence starting with byte `c` (1 for stray continuation bytes).
std::size_t utf8_length(unsigned char c) {
    if (c >= 0xF0) return 4;
    if (c >= 0xE0) return 3;
    if (c >= 0xC0) return 2;
    return 1;
}

// Non-ASCII characters that are punctuation or spacing, not letters: U+00A0 and U+2000-U+206F
// (spaces, dashes, quotes, ellipsis).
bool is_space_at(std::string_view s, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return true;
    return c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
           static_cast<unsigned char>(s[i + 2]) <= 0x8A;  // U+2000..U+200A spaces
}

bool is_general_punctuation(std::string_view s, std::size_t i) {
    return static_cast<unsigned char>(s[i]) == 0xE2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80;
}

bool is_word_at(std::string_view s, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return std::isalnum(c) != 0;
    return !is_space_at(s, i) && !is_general_punctuation(s, i) && c != 0xC2;  // C2 xx: Latin-1 punctuation
}

// An apostrophe inside a word: ' or U+2019, with a word character on both sides.
std::size_t apostrophe_length(std::string_view s, std::size_t i) {
    if (s[i] == '\'') return 1;
    if (s.compare(i, 3, "\xE2\x80\x99") == 0) return 3;
    return 0;
}

// Smart quotes read as straight ones when comparing.
std::string plain_quotes(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s.compare(i, 3, "\xE2\x80\x98") == 0 || s.compare(i, 3, "\xE2\x80\x99") == 0)
            out += '\'', i += 3;
        else if (s.compare(i, 3, "\xE2\x80\x9C") == 0 || s.compare(i, 3, "\xE2\x80\x9D") == 0)
            out += '"', i += 3;
        else
            out += s[i++];
    }
    return out;
}

class Tokeniser {
public:
    Tokeniser(std::string_view s, const DiffOptions& o) : m_s(s), m_exact(o.exact) {}

    std::vector<Token> run() {
        while (m_i < m_s.size()) {
            if (is_space_at(m_s, m_i))
                space();
            else if (m_line_start && list_marker())
                continue;
            else if (is_word_at(m_s, m_i))
                word();
            else
                punctuation();
        }
        return std::move(m_out);
    }

private:
    void push(std::string text, std::string key, bool word) {
        if (m_exact) key = m_lead + text;
        m_out.push_back({std::move(m_lead), std::move(text), std::move(key), word});
        m_lead.clear();
        m_line_start = false;
    }

    void space() {
        std::size_t start = m_i, newlines = 0;
        while (m_i < m_s.size() && is_space_at(m_s, m_i)) {
            if (m_s[m_i] == '\n') ++newlines;
            m_i += utf8_length(static_cast<unsigned char>(m_s[m_i]));
        }
        std::string_view run = m_s.substr(start, m_i - start);
        if (newlines >= 2 && !m_out.empty() && m_i < m_s.size()) {
            m_lead.clear();
            push("\n\n", "\n\n", false);
            m_line_start = true;
            if (m_exact) m_out.back().key = std::string(run);
            return;
        }
        m_lead += run;
        if (newlines) m_line_start = true;
    }

    // "1." / "12)" / "-" / "*" / "+" followed by a space at the start of a line.
    bool list_marker() {
        std::size_t j = m_i;
        while (j < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[j]))) ++j;
        bool ordered = j > m_i && j < m_s.size() && (m_s[j] == '.' || m_s[j] == ')');
        bool bullet = j == m_i && (m_s[j] == '-' || m_s[j] == '*' || m_s[j] == '+');
        if (!ordered && !bullet) return false;
        ++j;
        if (j < m_s.size() && m_s[j] != ' ' && m_s[j] != '\t') return false;
        std::string text(m_s.substr(m_i, j - m_i));
        m_i = j;
        push(text, ordered ? "#." : "-", false);
        m_out.back().marker = true;
        return true;
    }

    void word() {
        std::size_t start = m_i;
        while (m_i < m_s.size()) {
            if (is_word_at(m_s, m_i)) {
                m_i += utf8_length(static_cast<unsigned char>(m_s[m_i]));
                continue;
            }
            std::size_t ap = apostrophe_length(m_s, m_i);
            if (ap && m_i + ap < m_s.size() && is_word_at(m_s, m_i + ap)) {
                m_i += ap;
                continue;
            }
            break;
        }
        std::string text(m_s.substr(start, m_i - start));
        push(text, plain_quotes(text), true);
    }

    void punctuation() {
        std::size_t len = std::min(utf8_length(static_cast<unsigned char>(m_s[m_i])), m_s.size() - m_i);
        std::string text(m_s.substr(m_i, len));
        m_i += len;
        push(text, plain_quotes(text), false);
    }

    std::string_view m_s;
    bool m_exact;
    std::size_t m_i = 0;
    std::string m_lead;
    bool m_line_start = true;
    std::vector<Token> m_out;
};

}  // namespace

std::vector<Token> tokenise(std::string_view text, const DiffOptions& options) { return Tokeniser(text, options).run(); }

}  // namespace clausebook::compare
