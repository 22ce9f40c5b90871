// Where a piece of text starts in its file (a clause body, a YAML block scalar), to turn byte
// offsets into the text into file positions for diagnostics.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "util/diagnostics.hpp"

namespace clausebook::util {

// Line 1 of the text starts at (line, col); later lines start at column indent + 1 (a YAML
// block scalar's content indent, 0 for a whole file).
struct TextOrigin {
    std::string path;
    int line = 1;
    int col = 1;
    int indent = 0;
    SourcePos at(std::string_view text, std::size_t offset) const;
};

}  // namespace clausebook::util
