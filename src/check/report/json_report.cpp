// --format json: the whole report as one object, for scripts and dashboards. The findings are
// written one at a time (util::JsonObjectWriter): half a million of them make a report of
// hundreds of megabytes, which is never held as one tree.
#include "check/report/report.hpp"
#include "util/json.hpp"

namespace clausebook::check::report {

namespace {

using util::Json;

// One finding in json_line's layout, appended straight to the report: the same bytes as
// json_line of the object {"rule", "severity", "path", "line", "column", "school", "policy",
// "message", "hint", "fingerprint", "waived"} (tests/util/json_test.cpp holds the two together),
// without building that object for each of half a million findings.
void append_finding(std::string& out, const Finding& f) {
    auto member = [&out](std::string_view key, bool first = false) {
        out += first ? "{\"" : ", \"";
        out.append(key);
        out += "\": ";
    };
    auto string_or_null = [&out](const std::string& s) {
        if (s.empty())
            out += "null";
        else
            util::append_json_string(out, s);
    };
    member("rule", true);
    util::append_json_string(out, f.rule);
    member("severity");
    util::append_json_string(out, util::severity_name(f.severity));
    member("path");
    util::append_json_string(out, f.pos.path.str());
    member("line");
    util::append_json_number(out, f.pos.line);
    member("column");
    util::append_json_number(out, f.pos.col);
    member("school");
    string_or_null(f.school_id);
    member("policy");
    string_or_null(f.policy_id);
    member("message");
    util::append_json_string(out, f.message);
    member("hint");
    util::append_json_string(out, f.hint);
    member("fingerprint");
    util::append_json_string(out, fingerprint(f));
    member("waived");
    if (f.waiver) {
        out += "{\"reason\": ";
        util::append_json_string(out, *f.waiver);
        out += ", \"at\": ";
        util::append_json_string(out, location_text(f.waiver_pos));
        out += '}';
    } else {
        out += "null";
    }
    out += '}';
}

}  // namespace

std::string write_json(const Report& r, const util::SourceFiles&) {
    util::JsonObjectWriter out;
    out.member("tool", "clausebook");
    out.member("today", util::to_iso(r.today));
    out.member("fail_level", util::severity_name(r.fail_level));
    out.member("failed", r.failing() > 0);
    out.member("summary", Json{{"error", r.count(util::Severity::error)},
                               {"warning", r.count(util::Severity::warning)},
                               {"info", r.count(util::Severity::info)},
                               {"failing", r.failing()}});
    out.begin_array("rules");
    for (const auto& s : r.rules) out.element(Json{{"id", s.rule->id}, {"severity", util::severity_name(s.severity)}, {"description", s.rule->description}});
    out.end_array();
    std::size_t size = 16;
    for (const auto& f : r.findings) size += 220 + f.pos.path.size() + f.message.size() + f.hint.size() + f.school_id.size() + f.policy_id.size();
    out.reserve(size);
    out.begin_array("findings");
    for (const auto& f : r.findings) append_finding(out.raw_element(), f);
    out.end_array();
    return out.finish();
}

}  // namespace clausebook::check::report
