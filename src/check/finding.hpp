// What check reports: one finding per problem, at the place in the user's files where it can be
// fixed, attributed to the school and policy it concerns (empty for the shared library).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "util/diagnostics.hpp"

namespace clausebook::check {

struct Finding {
    std::string rule;  // kebab-case rule id, a row of rules()
    util::Severity severity = util::Severity::error;  // after clausebook.yaml's check.severity
    util::SourcePos pos;  // where to fix it
    std::string school_id;  // empty: the clause library, shared by every school
    std::string policy_id;
    std::string message;  // what is wrong
    std::string hint;  // what to do; may be empty
    std::string key;  // tells apart findings of one rule at one subject; stable across runs (for fingerprints)
    std::optional<std::string> waiver;  // the school's written reason, when it waived this rule
    util::SourcePos waiver_pos;
};

// Severities ordered for --fail-level: error > warning > info. True when `s` is at or above `level`.
bool at_or_above(util::Severity s, util::Severity level);
// "error", "warning" or "info" to a Severity; nullopt for anything else.
std::optional<util::Severity> parse_severity(const std::string& name);

}  // namespace clausebook::check
