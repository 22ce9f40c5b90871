// diff's output formats: one file per format, one row per format in formats(); each turns a
// PolicyDiff into the bytes printed or written with --output.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compare/policy_diff.hpp"

namespace clausebook::compare::redline {

struct RedlineOptions {
    bool color = false;  // text: ANSI colours instead of [- -]{+ +}
    std::string author = "clausebook";  // docx: w:author of every tracked change
    std::string date;  // docx: w:date, ISO 8601 UTC ("2025-06-01T00:00:00Z")
};

struct Format {
    std::string_view name;
    std::string_view description;
    bool binary;  // not for a terminal: needs --output
    std::string (*write)(const PolicyDiff&, const RedlineOptions&);
};

const std::vector<Format>& formats();
const Format* find_format(std::string_view name);

std::string write_text(const PolicyDiff& d, const RedlineOptions& options);
std::string write_markdown(const PolicyDiff& d, const RedlineOptions& options);
std::string write_html_inline(const PolicyDiff& d, const RedlineOptions& options);
std::string write_html_side(const PolicyDiff& d, const RedlineOptions& options);
std::string write_docx(const PolicyDiff& d, const RedlineOptions& options);

// One generated policy of a meeting pack (clausebook pack): its draft against its last approved
// copy (or against itself, when none is on record), and a line saying which.
struct PackPolicy {
    PolicyDiff diff;
    std::string note;
};
// The meeting pack as one Word document: `title`, the `intro` paragraphs (the list of policies
// due), then each policy's draft with its changes since approval as tracked changes.
std::string write_docx_pack(const std::string& title, const std::vector<std::string>& intro, const std::vector<PackPolicy>& policies,
                            const RedlineOptions& options);

// "3.2 Personal use" on the new side, "3.2 → 3.3 Personal use" when the number changed,
// "(removed) 3.2 Personal use" for a clause only on the old side.
std::string clause_heading(const ClauseDiff& c);

// "2 clauses changed, 1 added, 0 removed, 40 unchanged; cover: 3 rows differ".
std::string summary(const PolicyDiff& d);

}  // namespace clausebook::compare::redline
