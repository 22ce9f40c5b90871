// Small text helpers shared by every layer.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clausebook::util {

// Byte offset of the first byte that is not part of valid UTF-8, or nullopt if `s` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// 1-based line and byte column (0-based) of byte `offset` in `text`.
struct LineCol {
    int line = 1;
    std::size_t col0 = 0;
};
LineCol line_col_at(std::string_view text, std::size_t offset);

// Replaces control characters (other than tab) with U+FFFD so a line can be echoed safely.
std::string sanitize_for_terminal(std::string_view s);

std::string_view trim(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);

// Edit distance (Levenshtein, with swaps of neighbouring letters costing 1), for "did you mean"
// suggestions and near-miss spellings. Past `limit` the exact value is not worked out:
// limit + 1 is returned.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit = std::size_t(-1) - 1);

// The candidate closest to `name`, if it is close enough to be a likely misspelling.
std::optional<std::string> closest_match(std::string_view name, const std::vector<std::string>& candidates);

// "did you mean 'x'?" for the closest candidate, or empty.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

// Joins with a separator.
std::string join(const std::vector<std::string>& parts, std::string_view sep);

// `word` after the indefinite article its first letter asks for: "an academy", "a maintained".
// By spelling, not sound (no school type needs the difference).
std::string with_article(std::string_view word);

// The number of characters (code points) in valid UTF-8.
std::size_t utf8_length(std::string_view s);
// The first `max_chars` characters of valid UTF-8, never cutting one in two.
std::string utf8_prefix(std::string_view s, std::size_t max_chars);
// ASCII letters lowered; other bytes unchanged.
std::string to_lower(std::string_view s);
// The number of runs of non-space characters.
int word_count(std::string_view s);

}  // namespace clausebook::util
