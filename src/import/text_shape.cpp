#include "import/text_shape.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "import/rx.hpp"
#include "util/text.hpp"

namespace clausebook::import {

namespace {

// Bullet characters as they come out of Word, PDF and copy-and-paste: the Symbol and
// Wingdings private-use glyphs (U+F0B7, U+F0A7, U+F0D8, U+F0FC), their Latin-1 look-alikes
// (§, Ø, ü, o), and the ordinary ones.
constexpr std::array<std::string_view, 22> k_bullets = {"\xEF\x82\xB7",
                                                        "\xEF\x82\xA7",
                                                        "\xEF\x83\x98",
                                                        "\xEF\x83\xBC",
                                                        "\xEF\x82\xA8",
                                                        "\xE2\x80\xA2",
                                                        "\xC2\xB7",
                                                        "\xE2\x96\xAA",
                                                        "\xE2\x96\xA0",
                                                        "\xE2\x97\xA6",
                                                        "\xE2\x97\x8F",
                                                        "\xE2\x97\x8B",
                                                        "\xE2\x9E\xA2",
                                                        "\xE2\x9E\xA4",
                                                        "\xE2\x9C\x93",
                                                        "\xC2\xA7",
                                                        "\xC3\x98",
                                                        "\xC3\xBC",
                                                        "\xE2\x80\x93",
                                                        "-",
                                                        "*",
                                                        "o"};

std::string_view skip_space(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == ' ' || s[i] == '\t')
            ++i;
        else if (s.substr(i, 2) == "\xC2\xA0")
            i += 2;
        else
            break;
    }
    return s.substr(i);
}

// The bullet at the start of `s`, followed by a space or tab: its length, else 0.
std::size_t bullet_length(std::string_view s) {
    for (auto b : k_bullets) {
        if (s.size() > b.size() && s.substr(0, b.size()) == b) {
            char next = s[b.size()];
            if (next == ' ' || next == '\t') return b.size();
            // Private-use glyphs are often followed straight by the text.
            if (static_cast<unsigned char>(b[0]) == 0xEF) return b.size();
        }
    }
    return 0;
}

// "1.2 Scope", and "1.2Scope" as a PDF's text layer often has it (the space lost, a capital
// then a small letter straight after the number: "1.10" or "2.5GHz" is no such).
const rx::Regex& dotted_number() {
    static const rx::Regex r(R"(^(\d{1,3}(?:\.\d{1,3})+)\.?(?:[ \t]+(\S.*)|([A-Z][a-z].*))$)");
    return r;
}
// The text after a dotted_number match's number.
std::string dotted_rest(const rx::Match& m) { return m.matched(2) ? m.str(2) : m.str(3); }
const rx::Regex& plain_number() {
    static const rx::Regex r(R"(^\(?(\d{1,3})([.)])[ \t]+(\S.*)$)");
    return r;
}
const rx::Regex& bare_number() {
    static const rx::Regex r(R"(^(\d{1,2})[ \t]+([A-Z].*)$)");
    return r;
}
const rx::Regex& letter_number() {
    static const rx::Regex r(R"(^(\(?(?:[a-z]|[ivx]{1,4})\)|(?:[a-z]|[ivx]{1,4})\.)[ \t]+(\S.*)$)");
    return r;
}
const rx::Regex& section_word() {
    static const rx::Regex r(
        R"(^((?:Section|SECTION|Part|PART|Appendix|APPENDIX|Annex|Chapter)[ \t]+[0-9A-Z]{1,3})[:.]?[ \t]*(?:(?:-|\xE2\x80\x93|:)[ \t]*)?(.*)$)");
    return r;
}

}  // namespace

bool starts_lower(std::string_view s) {
    s = skip_space(s);
    return !s.empty() && std::islower(static_cast<unsigned char>(s[0]));
}

bool ends_sentence(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    while (!s.empty() && (s.back() == '"' || s.back() == ')' || s.back() == '\'' || s.back() == '*')) s.remove_suffix(1);
    if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" || s.substr(s.size() - 3) == "\xE2\x80\x99")) s.remove_suffix(3);
    if (s.empty()) return false;
    char c = s.back();
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

bool heading_like(std::string_view s) {
    s = util::trim(s);
    if (s.empty() || s.size() > 90) return false;
    if (s.find('\t') != std::string_view::npos) return false;
    int words = util::word_count(s);
    if (words > 12) return false;
    char last = s.back();
    if (last == ':' && words <= 3 && s.find(": ") == std::string_view::npos) {  // "School Principles:", not "Read it with:"
        bool capitals = true, start = true;
        for (char c : s) {
            if (start && std::isalpha(static_cast<unsigned char>(c)) && !std::isupper(static_cast<unsigned char>(c))) capitals = false;
            start = c == ' ';
        }
        return capitals;
    }
    if (last == '.' || last == ',' || last == ';' || last == ':') return false;
    // A line ending in a dash or an ellipsis leads into what follows ("We will not -"): a heading
    // names it and ends in a word.
    if (last == '-' || s.ends_with("\xE2\x80\x93") || s.ends_with("\xE2\x80\x94") || s.ends_with("\xE2\x80\xA6")) return false;
    if (last == '?' && words > 8) return false;
    unsigned char first = static_cast<unsigned char>(s[0]);
    if (!(std::isupper(first) || std::isdigit(first) || first >= 0x80 || first == '"' || first == '\'')) return false;
    if (s.find(": ") != std::string_view::npos) return false;
    // A phrase with an aside in lower case at its end ("Easy access to updates via Facebook feeds
    // (on smartphones where appropriate)") is a short item of a list, not a heading, which names
    // a topic ("Staff (including volunteers)", "Designated Safeguarding Lead (DSL)").
    if (last == ')') {
        auto open = s.rfind('(');
        if (open != std::string_view::npos && open > 0) {
            auto aside = s.substr(open + 1, s.size() - open - 2);
            if (!aside.empty() && std::islower(static_cast<unsigned char>(aside[0])) && util::word_count(aside) >= 3 &&
                util::word_count(s.substr(0, open)) >= 4)
                return false;
        }
    }
    bool letter = false;
    for (char c : s)
        if (std::isalpha(static_cast<unsigned char>(c))) letter = true;
    return letter;
}

bool web_page_furniture(std::string_view s) {
    static const rx::Regex k_web(R"(^(skip to (the )?(main )?content|skip navigation|top of (the )?page|back to top|return to top)\W*$)", true);
    std::string t(util::trim(s));
    return !t.empty() && t.size() < 40 && rx::full(t, k_web);
}

bool starts_with_marker(std::string_view line) {
    auto s = skip_space(line);
    if (bullet_length(s)) return true;
    std::string str(s);
    rx::Match m;
    return rx::full(str, dotted_number(), &m) || rx::full(str, plain_number(), &m) || rx::full(str, letter_number(), &m);
}

Shape shape_of(std::string_view line, bool alone) {
    Shape out;
    auto s = skip_space(line);
    if (auto n = bullet_length(s)) {
        out.kind = BlockKind::list_item;
        out.bullet = true;
        out.rest = std::string(skip_space(s.substr(n)));
        // "- 2.4.4 Staff should ...": a numbered paragraph that a converter gave a bullet.
        rx::Match dm;
        if (rx::full(out.rest, dotted_number(), &dm)) {
            Shape inner = shape_of(out.rest, alone);
            inner.bullet = false;
            return inner;
        }
        return out;
    }
    std::string str(s);
    rx::Match m;
    if (rx::full(str, section_word(), &m)) {
        std::string rest = m[2];
        if (rest.empty() || heading_like(rest)) {
            out.kind = BlockKind::heading;
            out.level = 1;
            out.number = m[1];
            out.rest = rest;
            return out;
        }
    }
    if (rx::full(str, dotted_number(), &m)) {
        std::string number = m[1];
        int depth = 1 + static_cast<int>(std::count(number.begin(), number.end(), '.'));
        out.number = number;
        out.rest = dotted_rest(m);
        if (heading_like(out.rest)) {
            out.kind = BlockKind::heading;
            out.level = depth;
        } else {
            out.kind = BlockKind::paragraph;  // a numbered paragraph: "1.1.1 This policy sets out ..."
            out.level = depth;
        }
        return out;
    }
    if (rx::full(str, plain_number(), &m)) {
        out.number = m[1] + m[2];
        out.rest = m[3];
        if (alone && heading_like(out.rest) && m[2] == ".") {
            out.kind = BlockKind::heading;
            out.level = 1;
        } else {
            out.kind = BlockKind::list_item;
        }
        return out;
    }
    // "4 October 2023" on a line of its own is a date, not heading 4.
    static const rx::Regex k_month_year(
        R"(^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?,?\s+\d{4}\b)", true);
    if (alone && rx::full(str, bare_number(), &m) && heading_like(m[2]) && !rx::search(m[2], k_month_year)) {
        out.kind = BlockKind::heading;
        out.level = 1;
        out.number = m[1];
        out.rest = m[2];
        return out;
    }
    if (rx::full(str, letter_number(), &m)) {
        out.kind = BlockKind::list_item;
        out.number = m[1];
        out.rest = m[2];
        return out;
    }
    out.rest = str;
    if (alone && heading_like(str)) {
        out.kind = BlockKind::heading;
        out.level = capitals_only(str) ? 1 : 2;
    }
    return out;
}

void settle_plain_headings(std::vector<Block>& blocks, std::size_t end, const std::vector<HeadingCandidate>& candidates, int marked) {
    if (marked == 0) return;
    end = std::min(end, blocks.size());
    std::size_t prose = end;
    for (std::size_t i = 0; i < end && prose == end; ++i) {
        const Block& b = blocks[i];
        if (b.dropped.empty() && b.kind == BlockKind::paragraph && util::word_count(b.text) > 14) prose = i;
    }
    for (const auto& c : candidates) {
        if (c.set_apart || c.block < prose || c.block >= end) continue;
        Shape s = shape_of(c.line, false);
        if (s.kind == BlockKind::heading) continue;  // a section word or a dotted number: "2.3 Scope"
        Block& b = blocks[c.block];
        b.kind = s.kind;
        b.level = s.level;
        b.number = s.number;
        b.text = s.rest;
    }
}

bool capitals_only(std::string_view s) {
    int letters = 0;
    for (char c : s) {
        if (std::islower(static_cast<unsigned char>(c))) return false;
        if (std::isupper(static_cast<unsigned char>(c))) ++letters;
    }
    return letters >= 2;
}

}  // namespace clausebook::import
