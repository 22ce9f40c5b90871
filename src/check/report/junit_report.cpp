// --format junit: for CI systems that show test results (GitLab, Jenkins, Azure). One test suite
// per school and policy, plus one for the shared clause library; one test case per rule, passing
// ones included, so a dashboard shows what was checked as well as what failed. A rule that found
// only problems below the fail level passes, with them in the suite's system-out; a rule whose
// findings are all waived is skipped with the school's reasons. Valid against the Apache Ant
// JUnit schema (../shared/junit/JUnit.xsd), which tests check with xmllint.
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <pugixml.hpp>

#include "check/report/report.hpp"

namespace clausebook::check::report {

namespace {

std::string describe(const Finding& f) {
    std::string s = location_text(f.pos) + ": " + util::severity_name(f.severity) + ": " + f.message + " [" + f.rule + "]";
    if (!f.hint.empty()) s += "\n  " + f.hint;
    if (f.waiver) s += "\n  waived: " + *f.waiver;
    return s + "\n";
}

// `suite`'s findings, in the report's order.
using SuiteFindings = std::vector<const Finding*>;

void add_suite(pugi::xml_node root, const Report& r, const SuiteInfo& suite, const SuiteFindings& findings, int id) {
    pugi::xml_node ts = root.append_child("testsuite");
    std::string classname = "clausebook." + (suite.school_id.empty() ? std::string("library") : suite.school_id + "." + suite.policy_id);
    ts.append_attribute("name") = suite_name(suite).c_str();
    ts.append_attribute("package") = "clausebook";
    ts.append_attribute("id") = id;
    // Deterministic: the day checked, not the clock (same inputs, same bytes).
    ts.append_attribute("timestamp") = (util::to_iso(r.today) + "T00:00:00").c_str();
    ts.append_attribute("hostname") = "clausebook";
    pugi::xml_node props = ts.append_child("properties");
    auto prop = [&](const char* name, const std::string& value) {
        pugi::xml_node p = props.append_child("property");
        p.append_attribute("name") = name;
        p.append_attribute("value") = value.c_str();
    };
    if (!suite.school_id.empty()) prop("school", suite.school_name);
    prop("policy", suite.policy_title);
    prop("file", suite.path);
    prop("fail-level", util::severity_name(r.fail_level));
    int tests = 0, failures = 0, skipped = 0;
    std::string below;
    for (const auto& setting : r.rules) {
        if (suite.school_id.empty() && !setting.rule->library) continue;
        ++tests;
        std::string failing_text, waived_text, first_message;
        for (const Finding* found : findings) {
            const Finding& f = *found;
            if (f.rule != setting.rule->id) continue;
            if (f.waiver)
                waived_text += describe(f);
            else if (at_or_above(f.severity, r.fail_level)) {
                if (first_message.empty()) first_message = f.message;
                failing_text += describe(f);
            } else
                below += describe(f);
        }
        pugi::xml_node tc = ts.append_child("testcase");
        tc.append_attribute("name") = std::string(setting.rule->id).c_str();
        tc.append_attribute("classname") = classname.c_str();
        tc.append_attribute("time") = "0";
        if (!failing_text.empty()) {
            ++failures;
            pugi::xml_node fail = tc.append_child("failure");
            fail.append_attribute("message") = first_message.c_str();
            fail.append_attribute("type") = util::severity_name(setting.severity);
            fail.text() = (failing_text + waived_text).c_str();
        } else if (!waived_text.empty()) {
            ++skipped;
            pugi::xml_node skip = tc.append_child("skipped");
            skip.append_attribute("message") = "waived by the school";
            skip.text() = waived_text.c_str();
        }
    }
    ts.append_attribute("tests") = tests;
    ts.append_attribute("failures") = failures;
    ts.append_attribute("errors") = 0;
    ts.append_attribute("skipped") = skipped;
    ts.append_attribute("time") = "0";
    ts.append_child("system-out").text() = below.c_str();
    ts.append_child("system-err");
}

}  // namespace

std::string write_junit(const Report& r, const util::SourceFiles&) {
    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    pugi::xml_node root = doc.append_child("testsuites");
    // Each suite's findings, gathered once: 22,000 schools' suites each scanning every finding
    // would take hours.
    auto key = [](const std::string& school, const std::string& policy) { return school + '\n' + policy; };
    std::unordered_map<std::string, SuiteFindings> by_suite;
    by_suite.reserve(r.suites.size());
    for (const auto& f : r.findings) by_suite[key(f.school_id, f.policy_id)].push_back(&f);
    const SuiteFindings none;
    int id = 0;
    for (const auto& suite : r.suites) {
        auto it = by_suite.find(key(suite.school_id, suite.policy_id));
        add_suite(root, r, suite, it == by_suite.end() ? none : it->second, id++);
    }
    std::ostringstream os;
    doc.save(os, "  ", pugi::format_default, pugi::encoding_utf8);
    return os.str();
}

}  // namespace clausebook::check::report
