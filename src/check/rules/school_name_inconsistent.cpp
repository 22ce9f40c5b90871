// school-name-inconsistent: the school's own wording names the school almost, but not exactly, as
// its file does ("St Peters CE Primary" for "St Peter's CE Primary School", "Wimbourne First
// School"). Compares every run of as many words as the name has, allowing a few characters'
// difference: more than that is a different name, not a misspelling.
#include <algorithm>
#include <cctype>

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

}  // namespace

void school_name_inconsistent(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.subjects) {
        const std::string& name = s.school->name;
        std::size_t n = word_count(name);
        if (n < 2) continue;  // a one-word name is too easily confused with ordinary words
        std::size_t allowed = std::max<std::size_t>(1, name.size() / 8);
        for (const auto& w : ctx.school_wording(s)) {
            auto ws = words(w.text);
            for (std::size_t i = 0; i + n <= ws.size(); ++i) {
                std::string candidate = w.text.substr(ws[i].begin, ws[i + n - 1].end - ws[i].begin);
                if (candidate.find('\n') != std::string::npos) {
                    std::replace(candidate.begin(), candidate.end(), '\n', ' ');
                }
                if (candidate == name) continue;
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
