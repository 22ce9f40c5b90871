#include "check/finding.hpp"

namespace clausebook::check {

namespace {
int rank(util::Severity s) {
    switch (s) {
    case util::Severity::error: return 2;
    case util::Severity::warning: return 1;
    case util::Severity::info: return 0;
    }
    return 2;
}
}  // namespace

bool at_or_above(util::Severity s, util::Severity level) { return rank(s) >= rank(level); }

std::optional<util::Severity> parse_severity(const std::string& name) {
    for (auto s : {util::Severity::error, util::Severity::warning, util::Severity::info})
        if (name == util::severity_name(s)) return s;
    return std::nullopt;
}

}  // namespace clausebook::check
