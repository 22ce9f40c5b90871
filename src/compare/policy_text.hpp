// A policy as a reader sees it, clause by clause in plain words: what `diff` compares. Both
// sides go through the same Markdown (the writer's output, or an approved copy that renew kept
// under approved/<school>/<policy>/<YYYY-MM-DD>.md), so a school against itself, or against a
// copy approved and never changed since, is identical by construction.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::compare {

struct TextClause {
    std::string id;  // from the clause's id marker; empty when the copy has none (see match_ids)
    std::string number;  // "3.2"
    std::string title;
    std::string section;  // the section's title
    std::string text;  // plain_text() of the body
    int line = 0;  // of the heading, in the Markdown read
};

struct CoverLine {
    std::string label;  // "Approved on"
    std::string value;
};

struct PolicyText {
    std::string label;  // "conway-primary", "conway-primary@approved (2019-04-03)"
    std::string title;
    std::vector<CoverLine> cover;
    std::vector<TextClause> clauses;
};

// The plain words of CommonMark: emphasis, link targets and escapes gone, list items as
// "- item" / "1. item" lines, table cells separated by " | ", paragraphs by a blank line.
std::string plain_text(std::string_view markdown);

// Reads a policy in the Markdown writer's shape (write/markdown_writer.cpp): "# title", the
// cover table, "## N Section", "### N.M Clause", each clause followed by its id marker
// "[clause:ID]: #ID" (a link reference definition: invisible when rendered). Problems go to
// `diags` at their line with rule "approved-copy-format".
// With `plain` false, each clause's `text` (and the title) is its Markdown as written, not
// plain_text() of it: cheaper, for callers that compare exactly first (assemble's status).
PolicyText read_policy_markdown(std::string_view markdown, const std::string& path, util::Diagnostics& diags, bool plain = true);

// The writer's Markdown for `doc`, read back: the current wording in the same shape.
PolicyText policy_text(const model::Document& doc, bool allow_raw_html);

// Gives each clause of `older` without an id (a copy written before id markers) the id of the
// clause of `newer` with the same title, else the same number; failing both, "number:N.M".
void match_ids(PolicyText& older, const PolicyText& newer);

}  // namespace clausebook::compare
