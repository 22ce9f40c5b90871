// school-name-inconsistent: the school's own wording names the school almost, but not exactly, as
// its file does ("St Peters CE Primary" for "St Peter's CE Primary School", "Wimbourne First
// School"). Compares every run of as many words as the name has, allowing a few characters'
// difference: more than that is a different name, not a misspelling.
#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "check/rules.hpp"
#include "util/text.hpp"

namespace clausebook::check::rules_impl {

namespace {

struct Word {
    std::size_t begin;
    std::size_t end;
};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Words of `text` with surrounding punctuation trimmed (but not inner apostrophes or dots).
std::vector<Word> words(const std::string& text) {
    std::vector<Word> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        std::size_t j = i;
        while (j < text.size() && !is_space(text[j])) ++j;
        std::size_t b = i, e = j;
        auto trim_char = [](char c) {
            return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '*' || c == '_' || c == '.' || c == '!' || c == '?';
        };
        while (b < e && trim_char(text[b])) ++b;
        while (e > b && trim_char(text[e - 1])) --e;
        if (e > b) out.push_back({b, e});
        i = j;
    }
    return out;
}

std::size_t word_count(const std::string& s) { return words(s).size(); }

// A lower bound of the edit distance between `text` and the name whose letters `name_counts`
// counts: each edit (insertion, deletion, substitution, swap) changes the count of at most one
// letter on each side, so letters one side has more of than the other need at least as many
// edits. Nearly every run of words in a policy is far from the school's name; this finds that
// in one pass, without the table edit_distance fills.
std::size_t letter_count_distance(std::string_view text, const std::array<int, 256>& name_counts, std::size_t name_size) {
    std::array<int, 256> counts = name_counts;
    std::size_t missing = 0;  // letters of the text the name does not have
    for (unsigned char c : text) {
        if (counts[c] > 0)
            --counts[c];
        else
            ++missing;
    }
    std::size_t matched = text.size() - missing;
    std::size_t unmatched_in_name = name_size - matched;
    return std::max(missing, unmatched_in_name);
}

}  // namespace

void school_name_inconsistent(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.subjects) {
        const std::string& name = s.school->name;
        std::size_t n = word_count(name);
        if (n < 2) continue;  // a one-word name is too easily confused with ordinary words
        std::size_t allowed = std::max<std::size_t>(1, name.size() / 8);
        std::array<int, 256> name_counts{};
        for (unsigned char c : name) ++name_counts[c];
        for (const auto& w : ctx.school_wording(s)) {
            auto ws = words(w.text);
            for (std::size_t i = 0; i + n <= ws.size(); ++i) {
                std::string_view run = std::string_view(w.text).substr(ws[i].begin, ws[i + n - 1].end - ws[i].begin);
                // Lengths further apart than `allowed` are more edits apart (a line break below
                // becomes a space, which keeps the length): passed over before any copy is made.
                std::size_t length_gap = run.size() > name.size() ? run.size() - name.size() : name.size() - run.size();
                if (length_gap > allowed) continue;
                std::string candidate(run);
                if (candidate.find('\n') != std::string::npos) {
                    std::replace(candidate.begin(), candidate.end(), '\n', ' ');
                }
                if (candidate == name || letter_count_distance(candidate, name_counts, name.size()) > allowed) continue;
                std::size_t d = util::edit_distance(candidate, name, allowed);  // stops early past `allowed`
                if (d == 0 || d > allowed) continue;
                // The same name in other letter case at the start of a sentence is not a misspelling.
                if (d == 1 && std::tolower(static_cast<unsigned char>(candidate[0])) == std::tolower(static_cast<unsigned char>(name[0])) &&
                    candidate.substr(1) == name.substr(1))
                    continue;
                add_finding(out, &s, ctx.locate(w, ws[i].begin, w.text.substr(ws[i].begin, ws[i].end - ws[i].begin)),
                            "'" + candidate + "' in " + w.what + " is not how " + s.school->path + " spells the school's name: '" + name + "'",
                            "write '" + name + "', or {{school.name}} in clause text", w.what + ":" + candidate);
            }
        }
    }
}

}  // namespace clausebook::check::rules_impl
