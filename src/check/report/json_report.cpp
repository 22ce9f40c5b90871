// --format json: the whole report as one object, for scripts and dashboards. The findings are
// written one at a time (util::JsonObjectWriter): half a million of them make a report of
// hundreds of megabytes, which is never held as one tree.
#include "check/report/report.hpp"
#include "util/json.hpp"

namespace clausebook::check::report {

namespace {

using util::Json;

Json or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json finding_json(const Finding& f) {
    Json waived = nullptr;
    if (f.waiver) waived = Json{{"reason", *f.waiver}, {"at", location_text(f.waiver_pos)}};
    return Json{{"rule", f.rule},
                {"severity", util::severity_name(f.severity)},
                {"path", f.pos.path},
                {"line", f.pos.line},
                {"column", f.pos.col},
                {"school", or_null(f.school_id)},
                {"policy", or_null(f.policy_id)},
                {"message", f.message},
                {"hint", f.hint},
                {"fingerprint", fingerprint(f)},
                {"waived", std::move(waived)}};
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
    for (const auto& f : r.findings) out.element(finding_json(f));
    out.end_array();
    return out.finish();
}

}  // namespace clausebook::check::report
