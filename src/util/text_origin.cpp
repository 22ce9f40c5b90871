#include "util/text_origin.hpp"

#include "util/source_files.hpp"
#include "util/text.hpp"

namespace clausebook::util {

SourcePos TextOrigin::at(std::string_view text, std::size_t offset) const {
    auto lc = line_col_at(text, offset);
    SourcePos p;
    p.path = path;
    p.line = line + lc.line - 1;
    // Columns count characters, so the caret lands under the right one.
    std::size_t line_start = offset - lc.col0;
    auto end = text.find('\n', line_start);
    int c = char_column(text.substr(line_start, end == std::string_view::npos ? std::string_view::npos : end - line_start), lc.col0);
    p.col = lc.line == 1 ? col + c - 1 : indent + c;
    return p;
}

}  // namespace clausebook::util
