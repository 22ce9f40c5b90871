// --format sarif: SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) with what GitHub
// code scanning requires: tool.driver.name and rules, and per result ruleId, level,
// message.text, a physical location (repository-relative uri, startLine) and
// partialFingerprints. A waived finding carries an accepted in-source suppression with the
// school's reason, so code scanning shows it as dismissed rather than open.
#include <unordered_map>

#include "check/report/report.hpp"
#include "util/json.hpp"

#ifndef CLAUSEBOOK_VERSION
#define CLAUSEBOOK_VERSION "unknown"
#endif

namespace clausebook::check::report {

namespace {

using util::Json;

// "review-overdue" -> "ReviewOverdue": SARIF's rule name is a readable identifier.
std::string pascal(std::string_view id) {
    std::string out;
    bool up = true;
    for (char c : id) {
        if (c == '-') {
            up = true;
            continue;
        }
        out += up ? static_cast<char>(c - ('a' <= c && c <= 'z' ? 32 : 0)) : c;
        up = false;
    }
    return out;
}

Json rule_json(const RuleSetting& s) {
    std::string desc(s.rule->description);
    std::string help = "clausebook check rule " + std::string(s.rule->id) + ": " + desc +
                       ". Severity can be changed in clausebook.yaml (check: severity:), and a school can waive it for one policy with a reason (waive:).";
    return Json{{"id", s.rule->id},
                {"name", pascal(s.rule->id)},
                {"shortDescription", {{"text", desc}}},
                {"fullDescription", {{"text", desc}}},
                {"help", {{"text", help}}},
                {"defaultConfiguration", {{"level", sarif_level(s.severity)}}},
                {"properties", {{"tags", {"policy", "governance"}}}}};
}

Json result_json(std::size_t rule_index, const Finding& f) {
    Json region{{"startLine", f.pos.line > 0 ? f.pos.line : 1}};
    if (f.pos.col > 0) region["startColumn"] = f.pos.col;
    Json location{{"physicalLocation", {{"artifactLocation", {{"uri", f.pos.path}, {"uriBaseId", "%SRCROOT%"}}}, {"region", std::move(region)}}}};
    Json out{{"ruleId", f.rule},
             {"ruleIndex", rule_index},
             {"level", sarif_level(f.severity)},
             {"message", {{"text", f.message + (f.hint.empty() ? "" : ". " + f.hint)}}},
             {"locations", Json::array({std::move(location)})},
             {"partialFingerprints", {{"clausebookFinding/v1", fingerprint(f)}}}};
    if (!f.school_id.empty()) out["properties"] = Json{{"school", f.school_id}, {"policy", f.policy_id}};
    if (f.waiver) out["suppressions"] = Json::array({Json{{"kind", "inSource"}, {"status", "accepted"}, {"justification", *f.waiver}}});
    return out;
}

}  // namespace

std::string write_sarif(const Report& r, const util::SourceFiles&) {
    Json rules = Json::array();
    std::unordered_map<std::string_view, std::size_t> index_of;
    for (std::size_t i = 0; i < r.rules.size(); ++i) {
        rules.push_back(rule_json(r.rules[i]));
        index_of[r.rules[i].rule->id] = i;
    }
    Json results = Json::array();
    for (const auto& f : r.findings) {
        auto at = index_of.find(f.rule);
        results.push_back(result_json(at == index_of.end() ? 0 : at->second, f));
    }
    Json driver{
        {"name", "clausebook"}, {"version", CLAUSEBOOK_VERSION}, {"informationUri", "https://github.com/clausebook/clausebook"}, {"rules", std::move(rules)}};
    Json run{{"tool", {{"driver", std::move(driver)}}}, {"columnKind", "unicodeCodePoints"}, {"results", std::move(results)}};
    Json sarif{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", Json::array({std::move(run)})}};
    return util::json_document(sarif);
}

}  // namespace clausebook::check::report
