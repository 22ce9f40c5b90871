// The import report: every fact (with its words), every candidate of an ambiguous one, every
// block's clause with its score and the next two candidates, every dropped block with its
// reason, each clause's outcome, local clauses, comments and tracked changes. Formats: text,
// md, html, json. Also the school file's change as a unified diff (for --dry-run).
#pragma once

#include <string>

#include "import/importer.hpp"

namespace clausebook::import {

// Throws util::Fatal for an unknown format.
std::string render_report(const Plan& plan, const std::string& format);

// A unified diff of two texts, line by line, with `path` in its header; empty when equal.
std::string unified_diff(const std::string& before, const std::string& after, const std::string& path, bool new_file);

}  // namespace clausebook::import
