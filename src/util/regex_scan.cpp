#include "util/regex_scan.hpp"

namespace clausebook::util {

void for_each_match(std::string_view text, const std::regex& re, const std::function<void(std::size_t, const std::cmatch&)>& found) {
    constexpr std::size_t k_step = k_regex_window / 2;
    std::size_t next = 0;  // matches starting before this were reported by an earlier window
    for (std::size_t start = 0;; start += k_step) {
        bool last = start + k_regex_window >= text.size();
        const char* begin = text.data() + start;
        const char* end = text.data() + (last ? text.size() : start + k_regex_window);
        // Keep a window's matches that start in its first half (all of them in the last window):
        // the next window starts there and sees every such match with room to spare.
        std::size_t keep_before = last ? text.size() + 1 : start + k_step;
        auto flags = start > 0 ? std::regex_constants::match_prev_avail : std::regex_constants::match_default;
        for (std::cregex_iterator it(begin, end, re, flags), stop; it != stop; ++it) {
            std::size_t at = start + static_cast<std::size_t>(it->position(0));
            if (at >= keep_before) break;
            if (at < next) continue;
            found(at, *it);
            next = at + std::max<std::size_t>(1, static_cast<std::size_t>(it->length(0)));
        }
        if (last) break;
    }
}

}  // namespace clausebook::util
