#include "model/reference_data.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace clausebook::model {

std::optional<int> edition_year(const std::string& value) {
    for (std::size_t i = 0; i + 4 <= value.size(); ++i) {
        bool digits = true;
        for (std::size_t k = 0; k < 4; ++k) digits = digits && std::isdigit(static_cast<unsigned char>(value[i + k]));
        bool bounded = (i == 0 || !std::isdigit(static_cast<unsigned char>(value[i - 1]))) &&
                       (i + 4 == value.size() || !std::isdigit(static_cast<unsigned char>(value[i + 4])));
        if (digits && bounded) return std::stoi(value.substr(i, 4));
    }
    return std::nullopt;
}

std::optional<int> leading_year(std::string_view s) {
    auto at = s.find_first_of("0123456789");
    if (at == std::string_view::npos || s.size() < at + 4) return std::nullopt;
    int year = 0;
    auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + 4, year);
    if (ec != std::errc{} || p != s.data() + at + 4) return std::nullopt;
    return year;
}

const KcsieEdition* KcsieList::in_force_on(const util::Date& day) const {
    const KcsieEdition* best = nullptr;
    for (const auto& e : editions)
        if (!(day < e.in_force)) best = &e;
    return best;
}

const char* approval_level_name(ApprovalLevel l) {
    switch (l) {
    case ApprovalLevel::board: return "board";
    case ApprovalLevel::committee: return "committee";
    case ApprovalLevel::headteacher: return "headteacher";
    }
    return "board";
}

std::optional<util::Duration> StatutoryPolicy::longest_period() const {
    if (trust_period) return trust_period;
    if (review == "annually") return util::Duration{1, 0, 0};
    if (review == "every-2-years") return util::Duration{2, 0, 0};
    if (review == "every-3-years") return util::Duration{3, 0, 0};
    if (review == "every-4-years") return util::Duration{4, 0, 0};
    return std::nullopt;
}

bool StatutoryPolicy::applies(const model::School& school) const {
    if (!applies_to.empty()) {
        if (!school.type) return false;  // a school that states no type is not held to a type's list
        if (std::find(applies_to.begin(), applies_to.end(), school.type->value) == applies_to.end()) return false;
    }
    if (!phases.empty()) {
        if (!school.phase) return false;
        if (std::find(phases.begin(), phases.end(), school.phase->value) == phases.end()) return false;
    }
    return true;
}

const StatutoryPolicy* StatutoryList::find(const std::string& id) const {
    for (const auto& p : policies)
        if (p.id == id) return &p;
    return nullptr;
}

}  // namespace clausebook::model
