// What clausebook takes from its process environment. It is read once, when a run starts
// (cli::run), into this one object, which is passed to whatever needs it: nothing else calls
// getenv or reads the clock for a date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "util/date.hpp"

namespace clausebook::util {

// A moment to the second, in UTC.
struct UtcTime {
    Date date;
    int hour = 0;
    int minute = 0;
    int second = 0;
};

struct Environment {
    // SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/): seconds since
    // 1970-01-01 UTC, when set to a valid value. The one time of reproducible outputs.
    std::optional<std::int64_t> source_date_epoch;
    // Why SOURCE_DATE_EPOCH was refused, when it is set but not a whole number of seconds
    // between 1970 and 2200; empty when it is valid or unset. cli::run reports it before any
    // command runs.
    std::string source_date_epoch_error;
    // Today in UTC by the clock, read once so that every part of one run agrees on it: the day
    // check, compare and renew reckon reviews on unless --today says otherwise.
    Date today;
    bool no_color = false;  // NO_COLOR set and not empty (https://no-color.org)
    bool github_actions = false;  // GITHUB_ACTIONS is "true": messages also as workflow commands
    std::string tmpdir;  // TMPDIR, or /tmp: where the XLSX writer keeps its scratch file
    std::string path;  // PATH: where import looks for soffice
    std::string fault_write;  // CLAUSEBOOK_FAULT_WRITE, the tests' write-failure hook (util/fs.hpp)

    // SOURCE_DATE_EPOCH as a date and time, when set.
    std::optional<UtcTime> source_date_time() const;
    // The day outputs that must be reproducible are dated and give statuses as of (the index,
    // school pages, schedule, a diff's tracked changes): SOURCE_DATE_EPOCH's day when set, else today.
    Date output_day() const;
};

// Reads the environment of this process and the clock, now.
Environment read_environment();

// `seconds` since 1970-01-01 UTC as a date and time.
UtcTime utc_time(std::int64_t seconds);

}  // namespace clausebook::util
