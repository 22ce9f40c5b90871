// --format json: the whole report as one object, for scripts and dashboards.
#include "check/report/report.hpp"

namespace clausebook::check::report {

std::string write_json(const Report& r, const util::SourceFiles&) {
    std::string out = "{\n  \"tool\": \"clausebook\",\n  \"today\": " + json_string(util::to_iso(r.today)) +
                      ",\n  \"fail_level\": " + json_string(util::severity_name(r.fail_level)) +
                      ",\n  \"failed\": " + (r.failing() ? "true" : "false") + ",\n  \"summary\": {\"error\": " +
                      std::to_string(r.count(util::Severity::error)) + ", \"warning\": " + std::to_string(r.count(util::Severity::warning)) +
                      ", \"info\": " + std::to_string(r.count(util::Severity::info)) + ", \"failing\": " + std::to_string(r.failing()) + "},\n  \"rules\": [";
    for (std::size_t i = 0; i < r.rules.size(); ++i) {
        const auto& s = r.rules[i];
        out += std::string(i ? "," : "") + "\n    {\"id\": " + json_string(s.rule->id) + ", \"severity\": " + json_string(util::severity_name(s.severity)) +
               ", \"description\": " + json_string(s.rule->description) + "}";
    }
    out += "\n  ],\n  \"findings\": [";
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const auto& f = r.findings[i];
        out += std::string(i ? "," : "") + "\n    {\"rule\": " + json_string(f.rule) + ", \"severity\": " + json_string(util::severity_name(f.severity)) +
               ", \"path\": " + json_string(f.pos.path) + ", \"line\": " + std::to_string(f.pos.line) + ", \"column\": " + std::to_string(f.pos.col) +
               ", \"school\": " + (f.school_id.empty() ? "null" : json_string(f.school_id)) +
               ", \"policy\": " + (f.policy_id.empty() ? "null" : json_string(f.policy_id)) + ", \"message\": " + json_string(f.message) +
               ", \"hint\": " + json_string(f.hint) + ", \"fingerprint\": " + json_string(fingerprint(f)) +
               ", \"waived\": " + (f.waiver ? "{\"reason\": " + json_string(*f.waiver) + ", \"at\": " + json_string(location_text(f.waiver_pos)) + "}" : "null") + "}";
    }
    out += "\n  ]\n}\n";
    return out;
}

}  // namespace clausebook::check::report
