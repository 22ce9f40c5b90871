// cmark-gfm, wrapped: parsing with the GitHub table, strikethrough and autolink extensions into
// a tree that frees itself.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <cmark-gfm.h>

namespace clausebook::util {

struct CmarkNodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using MarkdownTree = std::unique_ptr<cmark_node, CmarkNodeDeleter>;

// Parses CommonMark + GFM tables/strikethrough/autolinks. Never fails.
MarkdownTree parse_markdown(std::string_view text);

// cmark's type name ("paragraph", "table", "table_cell", ...), for extension nodes.
std::string_view node_type_name(cmark_node* n);

// Renders a tree back to CommonMark (tables included), without hard wrapping.
std::string render_commonmark(cmark_node* root);

// True for link targets that are safe to emit: http, https, mailto, and in-document anchors.
bool is_safe_url(std::string_view url);

}  // namespace clausebook::util
