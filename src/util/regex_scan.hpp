// Searching long text with std::regex without exhausting the stack (issue 8). libstdc++'s
// matcher recurses once per repetition of a quantified atom, so `\s*` over a few hundred
// thousand spaces overflows the stack; the text is therefore searched in overlapping windows.
#pragma once

#include <functional>
#include <regex>
#include <string_view>

namespace clausebook::util {

// Longest stretch searched at once; matches up to half of it are always found whole.
constexpr std::size_t k_regex_window = 2048;

// Calls `found(offset, match)` for every match of `re` in `text`, in order, each once.
// `offset` is where the match starts in `text`; the match's positions are relative to its
// window, so use offset and match.length(), not match.position(). Matches longer than half a
// window may be cut short at the window's end.
void for_each_match(std::string_view text, const std::regex& re, const std::function<void(std::size_t, const std::cmatch&)>& found);

}  // namespace clausebook::util
