// Runs every rule over a loaded repository and applies the repository's settings: severities
// from clausebook.yaml (check.severity) and the schools' waivers (waive: in a policy entry).
#pragma once

#include <string>
#include <vector>

#include "check/finding.hpp"
#include "check/rules.hpp"
#include "model/reference_data.hpp"
#include "model/repository.hpp"
#include "util/date.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::check {

struct Options {
    util::Date today;
    int due_within_days = 60;
    std::vector<std::string> schools;  // empty: every school (and the shared library)
    std::vector<std::string> policies;  // empty: every policy
    util::Severity fail_level = util::Severity::error;
};

// One school's copy of one policy, as reports list it (a JUnit test suite, a SARIF run's scope).
struct SuiteInfo {
    std::string school_id;  // empty for the shared library
    std::string policy_id;
    std::string school_name;
    std::string policy_title;
    std::string path;  // the school file, or "clauses/"
};

struct RuleSetting {
    const Rule* rule = nullptr;
    util::Severity severity = util::Severity::error;  // after clausebook.yaml
};

struct Report {
    std::vector<Finding> findings;  // sorted: library first, then by school, policy, file position
    std::vector<SuiteInfo> suites;  // the library (when checked), then every school x policy checked
    std::vector<RuleSetting> rules;
    util::Severity fail_level = util::Severity::error;
    util::Date today;

    // Findings that count: not waived, at or above the fail level.
    std::size_t failing() const;
    std::size_t count(util::Severity s, bool waived = false) const;
};

// Validates the settings (unknown rule names in check.severity or waive:, unknown severities) and
// runs every rule over `repo`, with the reference data load read for it
// (load::load_reference_data). Problems with the settings are errors in `diags`, with positions; the report
// is then incomplete and must not be used. Throws util::Fatal for unknown --school / --policy ids.
Report run_check(const model::Repository& repo, model::ReferenceData reference, const Options& options, util::Diagnostics& diags);

}  // namespace clausebook::check
