// The approved copies `renew` keeps: approved/<school>/<policy>/<YYYY-MM-DD>.md at the
// repository root, the rendered Markdown of the policy as the governors approved it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "util/date.hpp"

namespace clausebook::compare {

struct ApprovedCopy {
    std::filesystem::path path;  // absolute
    std::string display_path;    // relative to the root, '/'-separated, for messages
    util::Date date;             // from the file name
};

// The newest approved copy of `policy_id` for `school_id` (by the date in its name), or nullopt
// if there is none. Files whose names are not a date are ignored.
std::optional<ApprovedCopy> newest_approved(const std::filesystem::path& root, const std::string& school_id, const std::string& policy_id);

}  // namespace clausebook::compare
