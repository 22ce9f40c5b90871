// --format github: workflow commands that GitHub Actions shows as annotations on the file and
// line (https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions).
#include "check/report/report.hpp"

namespace clausebook::check::report {

namespace {

// Escapes for a command's message (after '::') and, with `property`, for a property value.
std::string escape(std::string_view s, bool property) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '%': out += "%25"; break;
        case '\r': out += "%0D"; break;
        case '\n': out += "%0A"; break;
        case ':': out += property ? "%3A" : ":"; break;
        case ',': out += property ? "%2C" : ","; break;
        default: out += c;
        }
    }
    return out;
}

const char* command(const Finding& f) {
    if (f.waiver) return "notice";
    switch (f.severity) {
    case util::Severity::error: return "error";
    case util::Severity::warning: return "warning";
    case util::Severity::info: return "notice";
    }
    return "error";
}

}  // namespace

std::string write_github(const Report& r, const util::SourceFiles&) {
    std::string out;
    for (const auto& f : r.findings) {
        out += "::" + std::string(command(f)) + " file=" + escape(f.pos.path.str(), true);
        if (f.pos.line > 0) out += ",line=" + std::to_string(f.pos.line);
        if (f.pos.col > 0) out += ",col=" + std::to_string(f.pos.col);
        out += ",title=" + escape(f.rule + (f.waiver ? " (waived)" : ""), true) + "::";
        std::string text = f.message;
        if (!f.hint.empty()) text += "\n" + f.hint;
        if (f.waiver) text += "\nwaived by the school: " + *f.waiver;
        out += escape(text, false) + "\n";
    }
    out += "clausebook check: " + std::to_string(r.failing()) + " finding(s) at or above " + util::severity_name(r.fail_level) + ", " +
           std::to_string(r.findings.size()) + " in all\n";
    return out;
}

}  // namespace clausebook::check::report
