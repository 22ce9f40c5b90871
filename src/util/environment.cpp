#include "util/environment.hpp"

#include <cerrno>
#include <cstdlib>
#include <string_view>

namespace clausebook::util {

namespace {

std::string variable(const char* name) {
    const char* v = std::getenv(name);  // the one place clausebook reads its environment
    return v ? std::string(v) : std::string();
}

// 7258118400 is 2200-01-01, the end of the range every other date of clausebook keeps to.
constexpr std::int64_t k_epoch_limit = 7258118400LL;

void read_epoch(const std::string& text, Environment& env) {
    if (text.empty()) return;
    bool digits = text.find_first_not_of("0123456789") == std::string::npos;
    errno = 0;
    char* end = nullptr;
    long long n = digits ? std::strtoll(text.c_str(), &end, 10) : 0;
    if (!digits || errno == ERANGE) {
        env.source_date_epoch_error = "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 (UTC), not '" + text +
                                      "'; set it to such a number, for example $(git log -1 --format=%ct), or unset it";
        return;
    }
    if (n >= k_epoch_limit) {
        env.source_date_epoch_error =
            "SOURCE_DATE_EPOCH " + text + " is after 2200; it counts seconds since 1970-01-01 (UTC), such as $(git log -1 --format=%ct)";
        return;
    }
    env.source_date_epoch = n;
}

}  // namespace

UtcTime utc_time(std::int64_t seconds) {
    std::int64_t days = seconds / 86400, rest = seconds % 86400;
    if (rest < 0) rest += 86400, --days;
    return UtcTime{date_from_epoch_days(static_cast<long>(days)), static_cast<int>(rest / 3600), static_cast<int>(rest % 3600 / 60),
                   static_cast<int>(rest % 60)};
}

std::optional<UtcTime> Environment::source_date_time() const {
    if (!source_date_epoch) return std::nullopt;
    return utc_time(*source_date_epoch);
}

Date Environment::output_day() const { return source_date_epoch ? utc_time(*source_date_epoch).date : today; }

Environment read_environment() {
    Environment env;
    read_epoch(variable("SOURCE_DATE_EPOCH"), env);
    env.today = today_utc();
    env.no_color = !variable("NO_COLOR").empty();
    env.github_actions = variable("GITHUB_ACTIONS") == "true";
    env.tmpdir = variable("TMPDIR");
    if (env.tmpdir.empty()) env.tmpdir = "/tmp";
    env.path = variable("PATH");
    env.fault_write = variable("CLAUSEBOOK_FAULT_WRITE");
    return env;
}

}  // namespace clausebook::util
