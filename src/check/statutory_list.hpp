// The DfE's statutory policies as data (data/statutory-policies.yaml in the repository), plus a
// trust's own required policies (clausebook.yaml check.require): which policies a school of a
// given type and phase must keep, how often each must be reviewed where that is set, and which
// approval levels are allowed (rules statutory-policy-missing, statutory-review-period,
// approval-level).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "load/repository.hpp"
#include "util/date.hpp"
#include "util/diagnostics.hpp"
#include "util/source_files.hpp"

namespace clausebook::check {

inline constexpr const char* k_statutory_list_path = "data/statutory-policies.yaml";

// Who may approve a policy.
enum class ApprovalLevel { board, committee, headteacher };
const char* approval_level_name(ApprovalLevel l);
// The level an approved_by text names ("Full governing board", "Curriculum committee",
// "Steve Piper, headteacher"), or nullopt when it names none of them.
std::optional<ApprovalLevel> approval_level_of(const std::string& approved_by);

struct StatutoryPolicy {
    std::string id;
    std::string title;
    std::vector<std::string> applies_to;  // school types; empty: every type
    std::vector<std::string> phases;      // empty: every phase
    std::string review;                   // annually, every-2-years, every-3-years, every-4-years, live, board
    bool review_required = false;         // review_set: required (else only recommended)
    std::vector<ApprovalLevel> approval;  // allowed levels; empty: any
    std::string source;
    bool confirmed = false;
    std::string note;
    bool trust = false;                   // from clausebook.yaml check.require, not the DfE list
    std::optional<util::Duration> trust_period;  // check.require's review_period
    util::SourcePos pos;

    // The longest review period allowed, when the review is set (annually: P1Y, ...).
    std::optional<util::Duration> longest_period() const;
    // Whether a school of this type and phase must keep it.
    bool applies(const load::School& school) const;
};

struct StatutoryList {
    std::vector<StatutoryPolicy> policies;
    const StatutoryPolicy* find(const std::string& id) const;
};

// Reads data/statutory-policies.yaml under `root` if it exists (no file: no DfE entries), then
// appends the trust's required policies from `config`. Problems go to `diags` as errors.
StatutoryList load_statutory_list(const std::filesystem::path& root, const load::Config& config, util::SourceFiles& sources,
                                  util::Diagnostics& diags);

// Months in a duration, for comparing review periods (a day counts as 1/30 of a month).
double months_of(const util::Duration& d);

}  // namespace clausebook::check
