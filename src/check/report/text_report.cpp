// --format text: what a person reads in a terminal, in the compiler style of every other
// clausebook message.
#include "check/report/report.hpp"

namespace clausebook::check::report {

namespace {
std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }
}  // namespace

std::string write_text(const Report& r, const util::SourceFiles& sources) {
    std::string out;
    for (const auto& f : r.findings) {
        util::Diagnostic d{f.pos, f.severity, f.rule, f.message, f.hint};
        if (f.waiver) {
            d.message = "waived: " + d.message;
            d.hint = "waived for this policy at " + location_text(f.waiver_pos) + ": " + *f.waiver;
        }
        out += util::format_diagnostic(d, sources);
    }
    std::size_t waived = 0;
    for (const auto& f : r.findings) waived += f.waiver ? 1 : 0;
    out += "clausebook check: " + plural(r.count(util::Severity::error), "error") + ", " + plural(r.count(util::Severity::warning), "warning") + ", " +
           std::to_string(r.count(util::Severity::info)) + " info";
    if (waived) out += ", " + std::to_string(waived) + " waived";
    out += " (today " + util::to_iso(r.today) + ", fail level " + util::severity_name(r.fail_level) + "): ";
    out += r.failing() ? "FAILED\n" : "passed\n";
    return out;
}

}  // namespace clausebook::check::report
