// Recording a new approval of one school's policy: which values of the school file change, and the
// checks that refuse a renewal (a date in the future or before the recorded approval). The
// command (cli/renew_command.cpp) writes the file, rebuilds and keeps the approved copy.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/repository.hpp"
#include "renew/yaml_edit.hpp"
#include "util/date.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::renew {

struct Request {
    std::string school_id;
    std::string policy_id;
    util::Date approved;
    std::optional<std::string> approved_by;
    std::optional<std::string> minute;
    std::optional<util::Duration> period;
    util::Date today;
};

struct ValueChange {
    std::string key;
    std::string before;  // as written in the file; empty when the key is new
    std::string after;
};

struct Plan {
    std::string path;  // display path: schools/<id>.yaml
    std::filesystem::path file;  // on disk
    std::string old_text;
    std::string new_text;
    std::vector<ValueChange> changes;  // only values that really change
    std::optional<util::Date> previous_approval;
    std::optional<util::Date> next_review;  // as it will be after the renewal
    bool next_review_stated = false;  // written in the file (and so updated), or derived
    bool registered = false;  // a register entry: no text, so no approved copy and no rebuild of it
};

// Works out the renewal. Refusals are errors in `diags` at the place they concern (the recorded
// approval in the school file) with rule "renew-refused"; the plan is then not to be used.
// Throws util::Fatal for an unknown school or policy, or a file renew cannot edit safely.
Plan plan_renewal(const model::Repository& repo, const Request& request, util::Diagnostics& diags);

// approved/<school>/<policy>/<YYYY-MM-DD>.md under the repository root.
std::filesystem::path approved_copy_path(const std::filesystem::path& root, const std::string& school_id, const std::string& policy_id, const util::Date& date);
// Why the approved copy cannot be written at `copy` (below root/approved/): a link or a
// non-folder on the way, or something other than a regular file at its place. Empty when fine.
std::string approved_destination_problem(const std::filesystem::path& root, const std::filesystem::path& copy);

}  // namespace clausebook::renew
