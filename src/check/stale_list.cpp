#include "check/stale_list.hpp"

#include <algorithm>

namespace clausebook::check {

namespace {

// Calls `found(begin, end, groups)` for every match of `re` in `text`, left to right, each
// once; RE2 keeps the whole text as context, so \b sees the character before `begin`.
template <class Found>
void for_each_match(std::string_view text, const re2::RE2& re, Found found) {
    int groups = std::min(re.NumberOfCapturingGroups(), 1) + 1;
    re2::StringPiece subject(text.data(), text.size());
    re2::StringPiece m[2];
    std::size_t pos = 0;
    while (pos <= text.size() && re.Match(subject, pos, text.size(), re2::RE2::UNANCHORED, m, groups)) {
        auto begin = static_cast<std::size_t>(m[0].data() - text.data());
        auto end = begin + m[0].size();
        found(begin, end, groups > 1 ? std::string_view(m[1].data(), m[1].size()) : std::string_view(), groups > 1 && m[1].data() != nullptr);
        pos = end > begin ? end : begin + 1;
    }
}

}  // namespace

std::vector<StaleMatch> find_stale(const StaleList& list, std::string_view text) {
    std::vector<StaleMatch> out;
    for (const auto& ref : list.items) {
        std::vector<std::pair<std::size_t, std::size_t>> excepted;  // in order, as found
        if (ref.except)
            for_each_match(text, *ref.except, [&](std::size_t begin, std::size_t end, std::string_view, bool) { excepted.emplace_back(begin, end); });
        std::size_t next_except = 0;
        for_each_match(text, *ref.pattern, [&](std::size_t begin, std::size_t finish, std::string_view group, bool has_group) {
            // Matches and excepted stretches both come left to right: skip the stretches that end
            // before this match starts, once (linear, however many of either).
            while (next_except < excepted.size() && excepted[next_except].second <= begin) ++next_except;
            bool inside = next_except < excepted.size() && excepted[next_except].first <= begin && finish <= excepted[next_except].second;
            if (inside || finish == begin) return;
            if (ref.edition_before) {
                auto year = has_group ? model::leading_year(group) : std::nullopt;
                if (!year || *year >= *ref.edition_before) return;
            }
            out.push_back({&ref, begin, std::string(text.substr(begin, finish - begin))});
        });
    }
    std::stable_sort(out.begin(), out.end(), [](const StaleMatch& a, const StaleMatch& b) { return a.offset < b.offset; });
    return out;
}

bool stale_edition(const StaleReference& ref, std::string_view value) {
    if (ref.param.empty() || !ref.edition_before) return false;
    auto year = model::leading_year(value);
    return year && *year < *ref.edition_before;
}

}  // namespace clausebook::check
