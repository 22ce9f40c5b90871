// --format sarif: SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) with what GitHub
// code scanning requires: tool.driver.name and rules, and per result ruleId, level,
// message.text, a physical location (repository-relative uri, startLine) and
// partialFingerprints. A waived finding carries an accepted in-source suppression with the
// school's reason, so code scanning shows it as dismissed rather than open.
#include "check/report/report.hpp"

#ifndef CLAUSEBOOK_VERSION
#define CLAUSEBOOK_VERSION "unknown"
#endif

namespace clausebook::check::report {

namespace {

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

std::string rule_json(const RuleSetting& s) {
    std::string desc(s.rule->description);
    return "{\"id\": " + json_string(s.rule->id) + ", \"name\": " + json_string(pascal(s.rule->id)) +
           ", \"shortDescription\": {\"text\": " + json_string(desc) + "}, \"fullDescription\": {\"text\": " + json_string(desc) +
           "}, \"help\": {\"text\": " + json_string("clausebook check rule " + std::string(s.rule->id) + ": " + desc +
                                                    ". Severity can be changed in clausebook.yaml (check: severity:), and a school can waive it for one policy with a reason (waive:).") +
           "}, \"defaultConfiguration\": {\"level\": " + json_string(sarif_level(s.severity)) + "}, \"properties\": {\"tags\": [\"policy\", \"governance\"]}}";
}

std::string result_json(const Report& r, const Finding& f) {
    std::size_t index = 0;
    for (std::size_t i = 0; i < r.rules.size(); ++i)
        if (r.rules[i].rule->id == f.rule) index = i;
    std::string text = f.message + (f.hint.empty() ? "" : ". " + f.hint);
    std::string region = "\"startLine\": " + std::to_string(f.pos.line > 0 ? f.pos.line : 1);
    if (f.pos.col > 0) region += ", \"startColumn\": " + std::to_string(f.pos.col);
    std::string out = "{\"ruleId\": " + json_string(f.rule) + ", \"ruleIndex\": " + std::to_string(index) + ", \"level\": " +
                      json_string(sarif_level(f.severity)) + ", \"message\": {\"text\": " + json_string(text) + "}" +
                      ", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": " + json_string(f.pos.path) +
                      ", \"uriBaseId\": \"%SRCROOT%\"}, \"region\": {" + region + "}}}]" +
                      ", \"partialFingerprints\": {\"clausebookFinding/v1\": " + json_string(fingerprint(f)) + "}";
    if (!f.school_id.empty())
        out += ", \"properties\": {\"school\": " + json_string(f.school_id) + ", \"policy\": " + json_string(f.policy_id) + "}";
    if (f.waiver) out += ", \"suppressions\": [{\"kind\": \"inSource\", \"status\": \"accepted\", \"justification\": " + json_string(*f.waiver) + "}]";
    return out + "}";
}

}  // namespace

std::string write_sarif(const Report& r, const util::SourceFiles&) {
    std::string out = "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
                      "      \"tool\": {\"driver\": {\"name\": \"clausebook\", \"version\": \"" CLAUSEBOOK_VERSION "\", "
                      "\"informationUri\": \"https://github.com/clausebook/clausebook\", \"rules\": [";
    for (std::size_t i = 0; i < r.rules.size(); ++i) out += std::string(i ? "," : "") + "\n        " + rule_json(r.rules[i]);
    out += "\n      ]}},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [";
    for (std::size_t i = 0; i < r.findings.size(); ++i) out += std::string(i ? "," : "") + "\n        " + result_json(r, r.findings[i]);
    out += "\n      ]\n    }\n  ]\n}\n";
    return out;
}

}  // namespace clausebook::check::report
