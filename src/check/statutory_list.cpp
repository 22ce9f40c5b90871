#include "check/statutory_list.hpp"

#include <algorithm>
#include <cctype>

#include "util/text.hpp"

namespace clausebook::check {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool contains(const std::string& text, const char* word) { return text.find(word) != std::string::npos; }

}  // namespace

std::optional<ApprovalLevel> approval_level_of(const std::string& approved_by) {
    std::string t = lower(approved_by);
    // A committee is named as one; "on behalf of the governing body" is the board's approval,
    // whoever signed it; a headteacher alone is the headteacher's.
    if (contains(t, "committee")) return ApprovalLevel::committee;
    if (contains(t, "board") || contains(t, "governing body") || contains(t, "governors") || contains(t, "trustees") || contains(t, "fgb"))
        return ApprovalLevel::board;
    if (contains(t, "headteacher") || contains(t, "head teacher") || contains(t, "principal") || contains(t, "head of school"))
        return ApprovalLevel::headteacher;
    if (t == "board") return ApprovalLevel::board;
    return std::nullopt;
}

double months_of(const util::Duration& d) { return d.years * 12.0 + d.months + d.days / 30.0; }

}  // namespace clausebook::check
