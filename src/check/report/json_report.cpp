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
    // Appended piece by piece into one buffer: half a million findings make a report of hundreds
    // of megabytes, which a chain of temporary strings per finding would copy several times.
    std::size_t size = out.size() + 16;
    for (const auto& f : r.findings) size += 260 + f.pos.path.size() + f.message.size() + f.hint.size() + f.school_id.size() + f.policy_id.size();
    out.reserve(size);
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const auto& f = r.findings[i];
        if (i) out += ',';
        out += "\n    {\"rule\": ";
        out += json_string(f.rule);
        out += ", \"severity\": ";
        out += json_string(util::severity_name(f.severity));
        out += ", \"path\": ";
        out += json_string(f.pos.path);
        out += ", \"line\": ";
        out += std::to_string(f.pos.line);
        out += ", \"column\": ";
        out += std::to_string(f.pos.col);
        out += ", \"school\": ";
        out += f.school_id.empty() ? std::string("null") : json_string(f.school_id);
        out += ", \"policy\": ";
        out += f.policy_id.empty() ? std::string("null") : json_string(f.policy_id);
        out += ", \"message\": ";
        out += json_string(f.message);
        out += ", \"hint\": ";
        out += json_string(f.hint);
        out += ", \"fingerprint\": ";
        out += json_string(fingerprint(f));
        out += ", \"waived\": ";
        if (f.waiver) {
            out += "{\"reason\": ";
            out += json_string(*f.waiver);
            out += ", \"at\": ";
            out += json_string(location_text(f.waiver_pos));
            out += '}';
        } else {
            out += "null";
        }
        out += '}';
    }
    out += "\n  ]\n}\n";
    return out;
}

}  // namespace clausebook::check::report
