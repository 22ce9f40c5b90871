// The text of every input file read in a run, kept so that a diagnostic can show its line.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "util/diagnostics.hpp"

namespace clausebook::util {

class SourceFiles {
public:
    // Remembers `text` as the content of `path` (the display path used in SourcePos).
    void add(const std::string& path, std::string text);
    // The line `line` (1-based) of `path` without its line ending; nullopt if unknown.
    std::optional<std::string_view> line(const std::string& path, int line) const;
    // Every file remembered, display path -> text.
    const std::map<std::string, std::string>& texts() const { return m_texts; }

private:
    std::map<std::string, std::string> m_texts;
};

// Formats one diagnostic as
//   path:line:col: severity: message [rule]
//       source line
//       ^
//   hint
// The caret line is omitted when the source line is unknown. `color` adds ANSI colours.
std::string format_diagnostic(const Diagnostic& d, const SourceFiles& files, bool color = false);

// The display column (1-based, in characters) of byte offset `byte_col0` in `line`.
int char_column(std::string_view line, std::size_t byte_col0);

// The byte offset in `line` of display column `col` (1-based, in characters); the line's
// length when the line is shorter.
std::size_t byte_offset(std::string_view line, int col);

}  // namespace clausebook::util
