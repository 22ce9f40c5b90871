// Mustache placeholders in clause text (https://mustache.github.io/mustache.5.html): variables,
// dotted names, sections over lists, maps and booleans, inverted sections, comments and
// delimiter changes. Partials are refused. Three steps, so that a name is checked on every
// branch before any school is rendered: parse (syntax), check_names (against the schema),
// render (against one school's values).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/schema.hpp"
#include "model/template.hpp"
#include "model/value.hpp"
#include "util/diagnostics.hpp"
#include "util/text_origin.hpp"

namespace clausebook::lang {

// Limits (issue 8): sections nested deeper than this, or more tags than this in one text, are a
// syntax error ("mustache-limit"); a rendering that grows past RenderOptions::max_bytes stops
// there (sections over lists multiply).
constexpr std::size_t k_max_section_depth = 32;
constexpr std::size_t k_max_tags = 10000;
constexpr std::size_t k_max_rendered_bytes = 1024u * 1024u;

using model::MustacheNode;
using model::Template;

// Parses `text`; syntax errors are added to `diags` with rule "mustache-syntax".
Template parse_mustache(std::string_view text, const util::TextOrigin& origin, util::Diagnostics& diags);

// Checks every name in every branch against `root` (a map type): unknown names are errors with
// rule "unknown-param" and a suggestion.
void check_names(const Template& t, const model::ParamType& root, util::Diagnostics& diags);

struct RenderOptions {
    // Escapes an interpolated value for the format the text lands in.
    std::function<std::string(std::string_view)> escape;
    // Applied to the value of an unescaped tag ({{{name}}}, {{& name}}) when set: a clause may
    // let a value carry Markdown, never HTML (markdown_without_html).
    std::function<std::string(std::string_view)> unescaped;
    // Called for a variable whose value is absent (an optional parameter not given).
    std::function<void(const MustacheNode&)> on_missing;
    // Output beyond this many bytes is not produced; on_limit is called once, with the node
    // where rendering stopped, and the text rendered so far is returned.
    std::size_t max_bytes = k_max_rendered_bytes;
    std::function<void(const MustacheNode&)> on_limit;
};

std::string render(const Template& t, const model::Value& root, const RenderOptions& options);
// Renders without keeping the text: the same calls of on_missing and on_limit as render makes,
// and the length of the text render returns (check wants the problems, not the text).
std::size_t render_size(const Template& t, const model::Value& root, const RenderOptions& options);

}  // namespace clausebook::lang
