// Cross-references between clauses (`[words](clause:<id>)` in a clause's Markdown), resolved in
// one place for every writer.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include <cmark-gfm.h>

#include "model/document.hpp"
#include "util/markdown.hpp"

namespace clausebook::write {

// Gets a clause body's parsed Markdown ready for any writer. A link to a clause this document
// leaves out is unwrapped: its words stay, unlinked. A link to a clause it holds keeps its
// `clause:<id>` url and gains, as its last text, the words a reader sees: " (section 3.2)" after
// the link's own words, or for a link with none the reference text ("section 3.2 (Personal
// use)", reference_text). A writer then only turns `clause:<id>` into its own kind of link.
void resolve_clause_links(cmark_node* root, const model::Document& doc);

// A clause body parsed (util::parse_markdown) with its cross-references resolved: what every
// writer starts from.
util::MarkdownTree parse_clause_body(std::string_view markdown, const model::Document& doc);

// The clause id of a `clause:<id>` url, or nullopt for any other url.
std::optional<std::string_view> clause_link_target(std::string_view url);

// Where a clause stands in the document (section and clause, counted from 0), or nullopt when
// the document leaves it out. Writers build their anchors from it.
struct ClausePosition {
    std::size_t section = 0;
    std::size_t clause = 0;
};
std::optional<ClausePosition> clause_position(const model::Document& doc, std::string_view clause_id);

}  // namespace clausebook::write
