// Regular expressions over a document's text, with RE2: matching takes time linear in the text
// whatever the text is (std::regex backtracks, and a hostile line can take it minutes or its
// stack). Patterns are compiled as Latin-1, so they see bytes as the rest of import does:
// `[\x80-\xFF]` is any byte of a UTF-8 letter, `\xE2\x80\x93` the three bytes of an en dash.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

namespace clausebook::import::rx {

class Regex {
public:
    explicit Regex(const std::string& pattern, bool icase = false);
    const re2::RE2& re() const { return *re_; }

private:
    std::shared_ptr<const re2::RE2> re_;
};

// One match: groups as views into the subject (a group that took no part is not matched).
struct Match {
    std::string_view subject;
    std::vector<re2::StringPiece> groups;
    bool matched(std::size_t i = 0) const { return i < groups.size() && groups[i].data() != nullptr; }
    std::string str(std::size_t i = 0) const { return matched(i) ? std::string(groups[i].data(), groups[i].size()) : std::string(); }
    std::string operator[](std::size_t i) const { return str(i); }
    std::size_t position(std::size_t i = 0) const { return matched(i) ? static_cast<std::size_t>(groups[i].data() - subject.data()) : 0; }
    std::size_t length(std::size_t i = 0) const { return matched(i) ? groups[i].size() : 0; }
    std::string prefix() const { return std::string(subject.substr(0, position())); }
    std::string suffix() const { return std::string(subject.substr(position() + length())); }
};

// The first match anywhere in `text` (std::regex_search).
bool search(std::string_view text, const Regex& re, Match* m = nullptr);
// A match of the whole of `text` (std::regex_match).
bool full(std::string_view text, const Regex& re, Match* m = nullptr);
// Every match, left to right, none overlapping (std::sregex_iterator).
std::vector<Match> all(std::string_view text, const Regex& re);
// `text` with every match replaced by `with` (taken literally).
std::string replace_all(std::string_view text, const Regex& re, std::string_view with);
// `text` with every match replaced by what `with` makes of it ("$1" in std::regex_replace).
std::string replace_all(std::string_view text, const Regex& re, const std::function<std::string(const Match&)>& with);

}  // namespace clausebook::import::rx
