// Check report formats: one file each, one row each in report_formats(). Every writer returns
// the whole report as bytes; none prints.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "check/runner.hpp"
#include "util/source_files.hpp"

namespace clausebook::check::report {

struct ReportFormat {
    std::string_view name;  // as given to --format
    std::string_view description;
    std::string (*write)(const Report&, const util::SourceFiles&);
};

const std::vector<ReportFormat>& report_formats();
const ReportFormat* find_report_format(std::string_view name);

// path:line:col: severity: message [rule], the source line and a caret; then a summary line.
std::string write_text(const Report& r, const util::SourceFiles& sources);
// One JSON object: settings, rules, findings (see docs/check.md).
std::string write_json(const Report& r, const util::SourceFiles& sources);
// JUnit XML: a test suite per school and policy (and one for the library), a test case per rule.
std::string write_junit(const Report& r, const util::SourceFiles& sources);
// SARIF 2.1.0 for GitHub code scanning: rule metadata, levels, locations, stable fingerprints.
std::string write_sarif(const Report& r, const util::SourceFiles& sources);
// GitHub Actions workflow commands (::error file=...,line=...::message).
std::string write_github(const Report& r, const util::SourceFiles& sources);

// Shared by the writers.
std::string location_text(const util::SourcePos& pos);  // path:line:col
std::string suite_name(const SuiteInfo& s);  // "conway-primary/social-networking" or "clause-library"
std::string fingerprint(const Finding& f);  // 16 hex digits, stable while the problem stays
const char* sarif_level(util::Severity s);  // error, warning, note

}  // namespace clausebook::check::report
