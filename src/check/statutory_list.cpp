#include "check/statutory_list.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <unordered_map>
#include <vector>

#include "util/text.hpp"

namespace clausebook::check {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool contains(const std::string& text, const char* word) { return text.find(word) != std::string::npos; }

// The words of `t` (lower case), split at anything that is not a letter or digit: "C&S cttee" ->
// "c", "s", "cttee".
std::vector<std::string> words_of(const std::string& t) {
    std::vector<std::string> out;
    std::string word;
    for (char c : t) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word += c;
        } else if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

bool has_word(const std::vector<std::string>& words, std::initializer_list<const char*> any) {
    for (const auto& w : words)
        for (const char* a : any)
            if (w == a) return true;
    return false;
}

std::optional<ApprovalLevel> read_approval_level(const std::string& approved_by) {
    std::string t = lower(approved_by);
    // The chair acting alone ("Chair of Governors", "Chair of the board", "Chair's action") is
    // not the board's approval, though the words name the board: the chair's words are taken out
    // before the board is looked for, so "Chair of Governors" alone names no level.
    for (const char* chair : {"chair of the local governing body", "chair of the governing body", "chair of the governing board", "chair of governors",
                              "chair of the governors", "chair of the board", "chair of trustees", "chair of the trustees", "chair of the lgb"}) {
        for (auto at = t.find(chair); at != std::string::npos; at = t.find(chair)) t.replace(at, std::char_traits<char>::length(chair), "chair");
    }
    std::vector<std::string> words = words_of(t);
    // A committee is named as one ("Curriculum committee", "Resources sub-committee", "C&S
    // cttee"); "on behalf of the governing body" is the board's approval, whoever signed it
    // ("Full Governing Body", "FGB", "the governors", "Trust board", "LGB"); a headteacher alone
    // is the headteacher's ("Headteacher", "Head", "HT", "Principal", "Head of School").
    if (contains(t, "committee") || has_word(words, {"cttee", "ctte", "cttees"})) return ApprovalLevel::committee;
    if (contains(t, "board") || contains(t, "governing body") || contains(t, "governors") || contains(t, "trustees") ||
        has_word(words, {"fgb", "gb", "lgb", "governor"}))
        return ApprovalLevel::board;
    // A deputy, assistant or vice principal is not the headteacher ("Deputy Headteacher",
    // "Assistant Head", "Vice Principal"): no level. An acting or executive head is.
    if (has_word(words, {"deputy", "assistant", "vice", "dht", "aht"})) return std::nullopt;
    if (contains(t, "headteacher") || contains(t, "head teacher") || contains(t, "principal") || contains(t, "head of school") ||
        has_word(words, {"head", "ht"}))
        return ApprovalLevel::headteacher;
    return std::nullopt;
}

}  // namespace

std::optional<ApprovalLevel> approval_level_of(const std::string& approved_by) {
    // A trust's clerks write the same few phrases under every entry of every school ("Full
    // governing board", "FGB"): each thread reads each phrase once, up to a bound.
    thread_local std::unordered_map<std::string, std::optional<ApprovalLevel>> read;
    if (auto it = read.find(approved_by); it != read.end()) return it->second;
    std::optional<ApprovalLevel> level = read_approval_level(approved_by);
    if (read.size() >= 4096) read.clear();
    read.emplace(approved_by, level);
    return level;
}

std::string allowed_levels(const StatutoryPolicy& p) {
    std::string allowed;
    for (std::size_t i = 0; i < p.approval.size(); ++i) {
        if (i > 0) allowed += i + 1 == p.approval.size() ? " or " : ", ";
        allowed += model::approval_level_name(p.approval[i]);
    }
    return allowed;
}

bool restricts_approval(const StatutoryPolicy& p) {
    for (auto level : {ApprovalLevel::board, ApprovalLevel::committee, ApprovalLevel::headteacher})
        if (std::find(p.approval.begin(), p.approval.end(), level) == p.approval.end()) return true;
    return false;
}

double months_of(const util::Duration& d) { return d.years * 12.0 + d.months + d.days / 30.0; }

}  // namespace clausebook::check
