// The reference data check reads beside the repository's policies, as load reads it: the
// stale-reference list (data/stale-references.yaml), the dated KCSIE editions
// (data/kcsie-editions.yaml) and the statutory policies (data/statutory-policies.yaml, plus the
// trust's check.require). Kept as data so that a trust adds a line when the Department for
// Education publishes something new, without a new clausebook.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "model/repository.hpp"
#include "util/date.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::model {

// Legislation, guidance and services that have been replaced (what, pattern, replaced by, since, source).
inline constexpr const char* k_stale_list_path = "data/stale-references.yaml";

struct StaleReference {
    std::string what;  // "Data Protection Act 1998"
    std::string replaced_by;  // "the Data Protection Act 2018 and the UK GDPR"
    std::string since;  // "2018-05-25" or "2018", as written
    std::string source;  // where the change is documented (a URL)
    std::string pattern_text;
    // RE2 (linear time whatever the pattern and the text: a trust's pattern cannot hang check);
    // shared, as RE2 objects cannot be copied.
    std::shared_ptr<const re2::RE2> pattern;
    std::shared_ptr<const re2::RE2> except;  // a match inside a match of this is not stale ("X (formerly Twitter)")
    std::optional<int> edition_before;  // group 1 holds a year: stale only when it is lower
    std::string param;  // a parameter whose value is also an edition year (kcsie_edition)
    util::SourcePos pos;  // of the entry
};

struct StaleList {
    std::vector<StaleReference> items;
};

// The Keeping Children Safe in Education editions: which is in force on a given day.
inline constexpr const char* k_kcsie_list_path = "data/kcsie-editions.yaml";

struct KcsieEdition {
    std::string edition;  // "2025"
    int year = 0;  // 2025
    util::Date in_force;
    std::string source;
    util::SourcePos pos;
};

struct KcsieList {
    std::vector<KcsieEdition> editions;  // by in_force, oldest first
    // The newest edition in force on `day`, or nullptr when none is yet.
    const KcsieEdition* in_force_on(const util::Date& day) const;
};

// The year an edition value names ("2025", "KCSIE 2025", "September 2024"), or nullopt.
std::optional<int> edition_year(const std::string& value);
// The four digits from the first digit of `s` as a year ("2025", "KCSIE 2024" -> 2024), or
// nullopt: a stale reference's edition_before, and the edition a match or a parameter names.
std::optional<int> leading_year(std::string_view s);

// The statutory policies a school must keep.
inline constexpr const char* k_statutory_list_path = "data/statutory-policies.yaml";

// Who may approve a policy.
enum class ApprovalLevel { board, committee, headteacher };
const char* approval_level_name(ApprovalLevel l);

struct StatutoryPolicy {
    std::string id;
    std::string title;
    std::vector<std::string> applies_to;  // school types; empty: every type
    std::vector<std::string> phases;  // empty: every phase
    std::string review;  // annually, every-2-years, every-3-years, every-4-years, live, board
    bool review_required = false;  // review_set: required (else only recommended)
    std::vector<ApprovalLevel> approval;  // allowed levels; empty: any
    std::string source;
    bool confirmed = false;
    std::string note;
    bool trust = false;  // from clausebook.yaml check.require, not the DfE list
    std::optional<util::Duration> trust_period;  // check.require's review_period
    util::SourcePos pos;

    // The longest review period allowed, when the review is set (annually: P1Y, ...).
    std::optional<util::Duration> longest_period() const;
    // Whether a school of this type and phase must keep it.
    bool applies(const model::School& school) const;
};

struct StatutoryList {
    std::vector<StatutoryPolicy> policies;
    const StatutoryPolicy* find(const std::string& id) const;
};

// Reads data/statutory-policies.yaml under `root` if it exists (no file: no DfE entries), then
// appends the trust's required policies from `config`. Problems go to `diags` as errors.
StatutoryList load_statutory_list(const std::filesystem::path& root, const model::Config& config, util::SourceFiles& sources, util::Diagnostics& diags);

// Everything above, read by load::load_reference_data.
struct ReferenceData {
    StaleList stale;
    KcsieList kcsie;
    StatutoryList statutory;
};

}  // namespace clausebook::model
