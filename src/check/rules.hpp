// The check rules: one row each in rules(), one file each under check/rules/. Adding a rule is a
// new file and a row; --list-rules, severity settings, waivers and every report format follow
// from the table.
#pragma once

#include <string_view>
#include <vector>

#include "check/context.hpp"
#include "check/finding.hpp"

namespace clausebook::check {

struct Rule {
    std::string_view id;  // kebab-case, as in reports, clausebook.yaml and waive:
    util::Severity severity;  // the default; clausebook.yaml check.severity changes it
    std::string_view description;  // one line, for --list-rules and SARIF
    void (*run)(const Context&, std::vector<Finding>&);
    bool library = false;  // also looks at the shared clause library
    // Load diagnostics this rule reports itself, in school files: check takes them over instead of
    // stopping with exit 2 (see cli/check_command.cpp).
    std::vector<std::string_view> takes_over = {};
};

const std::vector<Rule>& rules();
const Rule* find_rule(std::string_view id);

namespace rules_impl {
void review_missing(const Context&, std::vector<Finding>&);
void review_overdue(const Context&, std::vector<Finding>&);
void review_due_soon(const Context&, std::vector<Finding>&);
void review_period_mismatch(const Context&, std::vector<Finding>&);
void approval_missing(const Context&, std::vector<Finding>&);
void approval_in_future(const Context&, std::vector<Finding>&);
void required_clause_missing(const Context&, std::vector<Finding>&);
void unknown_reference(const Context&, std::vector<Finding>&);
void placeholder_unresolved(const Context&, std::vector<Finding>&);
void param_out_of_range(const Context&, std::vector<Finding>&);
void stale_reference(const Context&, std::vector<Finding>&);
void school_name_inconsistent(const Context&, std::vector<Finding>&);
void approved_text_changed(const Context&, std::vector<Finding>&);
void approved_text_unknown(const Context&, std::vector<Finding>&);
void kcsie_edition_outdated(const Context&, std::vector<Finding>&);
void statutory_policy_missing(const Context&, std::vector<Finding>&);
void statutory_review_period(const Context&, std::vector<Finding>&);
void approval_level(const Context&, std::vector<Finding>&);
void approval_level_unclear(const Context&, std::vector<Finding>&);
void register_location_missing(const Context&, std::vector<Finding>&);
}  // namespace rules_impl

}  // namespace clausebook::check
