// The stale-reference list: legislation, guidance and services that have been replaced, read
// from data/stale-references.yaml in the repository (what, pattern, replaced by, since, source).
// Kept as data so that a trust adds a line when the Department for Education publishes a new
// edition, without a new clausebook.
#pragma once

#include <filesystem>
#include <optional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "util/diagnostics.hpp"
#include "util/source_files.hpp"

namespace clausebook::check {

inline constexpr const char* k_stale_list_path = "data/stale-references.yaml";

struct StaleReference {
    std::string what;         // "Data Protection Act 1998"
    std::string replaced_by;  // "the Data Protection Act 2018 and the UK GDPR"
    std::string since;        // "2018-05-25" or "2018", as written
    std::string source;       // where the change is documented (a URL)
    std::string pattern_text;
    // RE2 (linear time whatever the pattern and the text: a trust's pattern cannot hang check);
    // shared, as RE2 objects cannot be copied.
    std::shared_ptr<const re2::RE2> pattern;
    std::shared_ptr<const re2::RE2> except;  // a match inside a match of this is not stale ("X (formerly Twitter)")
    std::optional<int> edition_before;  // group 1 holds a year: stale only when it is lower
    std::string param;        // a parameter whose value is also an edition year (kcsie_edition)
    util::SourcePos pos;      // of the entry
};

struct StaleList {
    std::vector<StaleReference> items;
};

struct StaleMatch {
    const StaleReference* ref = nullptr;
    std::size_t offset = 0;   // bytes into the text
    std::string text;         // what matched
};

// Reads data/stale-references.yaml under `root`, if it exists (no file: an empty list). Problems
// (bad YAML, a pattern that is not a valid regular expression) go to `diags` as errors.
StaleList load_stale_list(const std::filesystem::path& root, util::SourceFiles& sources, util::Diagnostics& diags);

// Every stale reference in `text`, in order.
std::vector<StaleMatch> find_stale(const StaleList& list, std::string_view text);

// Whether a parameter value is an outdated edition for `ref` (ref.param and ref.edition_before set).
bool stale_edition(const StaleReference& ref, std::string_view value);

}  // namespace clausebook::check
