// The dated list of Keeping Children Safe in Education editions, data/kcsie-editions.yaml in the
// repository: which edition is in force on a given day, so that a new September's edition is a
// line of data (rule kcsie-edition-outdated).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "util/date.hpp"
#include "util/diagnostics.hpp"
#include "util/source_files.hpp"

namespace clausebook::check {

inline constexpr const char* k_kcsie_list_path = "data/kcsie-editions.yaml";

struct KcsieEdition {
    std::string edition;  // "2025"
    int year = 0;         // 2025
    util::Date in_force;
    std::string source;
    util::SourcePos pos;
};

struct KcsieList {
    std::vector<KcsieEdition> editions;  // by in_force, oldest first
    // The newest edition in force on `day`, or nullptr when none is yet.
    const KcsieEdition* in_force_on(const util::Date& day) const;
};

// Reads data/kcsie-editions.yaml under `root` if it exists (no file: an empty list, and the rule
// finds nothing). Problems go to `diags` as errors.
KcsieList load_kcsie_list(const std::filesystem::path& root, util::SourceFiles& sources, util::Diagnostics& diags);

// The year an edition value names ("2025", "KCSIE 2025", "September 2024"), or nullopt.
std::optional<int> edition_year(const std::string& value);

}  // namespace clausebook::check
