#include <xxhash.h>

#include <cstdint>
#include <cstdio>

#include "check/report/report.hpp"

namespace clausebook::check::report {

const std::vector<ReportFormat>& report_formats() {
    static const std::vector<ReportFormat> k_formats = {
        {"text", "path:line:col: severity: message [rule], with the source line", &write_text},
        {"json", "one JSON object with every finding", &write_json},
        {"junit", "JUnit XML: a suite per school and policy, a case per rule", &write_junit},
        {"sarif", "SARIF 2.1.0, for GitHub code scanning", &write_sarif},
        {"github", "GitHub Actions annotations (default when GITHUB_ACTIONS=true)", &write_github},
    };
    return k_formats;
}

const ReportFormat* find_report_format(std::string_view name) {
    for (const auto& f : report_formats())
        if (f.name == name) return &f;
    return nullptr;
}

std::string location_text(const util::SourcePos& pos) {
    std::string out = pos.path;
    if (pos.line > 0) out += ":" + std::to_string(pos.line);
    if (pos.line > 0 && pos.col > 0) out += ":" + std::to_string(pos.col);
    return out;
}

std::string suite_name(const SuiteInfo& s) { return s.school_id.empty() ? "clause-library" : s.school_id + "/" + s.policy_id; }

std::string fingerprint(const Finding& f) {
    // A hash (XXH3, as the build's fingerprints) of what identifies the problem, not where it is
    // today: editing other lines of the file does not change it, so code scanning keeps one alert
    // open rather than a new one per push. Each part ends with a byte no text holds.
    std::string key;
    for (const std::string* part : {&f.rule, &f.pos.path.str(), &f.school_id, &f.policy_id, &f.key}) key.append(*part).append(1, '\xff');
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size())));
    return buf;
}

const char* sarif_level(util::Severity s) {
    switch (s) {
    case util::Severity::error: return "error";
    case util::Severity::warning: return "warning";
    case util::Severity::info: return "note";
    }
    return "error";
}

}  // namespace clausebook::check::report
