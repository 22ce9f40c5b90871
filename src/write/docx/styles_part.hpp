// word/styles.xml: the built-in styles (this repository's templates/docx/styles.xml, compiled
// in) with a trust's own style part merged over them. docs/docx.md is the contract: the style
// ids below are the ones the writer uses, so a trust's file may restyle any of them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostics.hpp"

namespace clausebook::write::docx {

// Every style id the writer refers to, with its type ("paragraph", "character", "table").
struct StyleUse {
    std::string_view id;
    std::string_view type;
    std::string_view used_for;
};
const std::vector<StyleUse>& styles_used();

// Checks a trust's style part: well-formed XML, a w:styles root, a w:styleId and w:type on every
// style, the right type for the ids the writer uses, and property elements in schema order.
// Problems go to `diags` at their line and column, rule "docx-styles".
void check_styles(const std::string& text, const std::string& path, util::Diagnostics& diags);

// The style part: the built-in one when `trust_styles` is empty; otherwise the built-in one
// with the trust's w:docDefaults and w:latentStyles (when present) instead of its own, each of
// the trust's styles in place of the built-in style with the same id, and the trust's other
// styles added at the end. `trust_styles` must have passed check_styles. A `font` (the trust's
// typeface, clausebook.yaml) becomes the default font of w:docDefaults, so every style that
// names no font of its own uses it.
std::string styles_part(const std::string& trust_styles, const std::string& font = {});

}  // namespace clausebook::write::docx
