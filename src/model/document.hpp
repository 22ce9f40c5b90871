// One school's policy, assembled: what every writer, compare and check read. Clause text is
// final Markdown (placeholders filled, values escaped). Section and clause numbers are not
// stored: they follow from the order here (see numbering.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "util/date.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::model {

// Where a clause's wording came from.
enum class ClauseSource {
    library,  // the library's default wording
    variant,  // a named variant from the library
    override_,  // the school's own wording for a library clause
    local,  // a clause only this school has
};

const char* source_name(ClauseSource s);

struct Clause {
    std::string id;
    std::string title;
    ClauseSource source = ClauseSource::library;
    std::string variant;  // for ClauseSource::variant
    std::string version;  // the library clause's version; empty for local clauses
    std::string markdown;  // the body, final
    util::SourcePos origin;  // the file and line the wording came from
};

struct Section {
    std::string id;
    std::string title;
    std::vector<Clause> clauses;
};

// Whether the text is the text the board approved (issue 13). Settled once, by assemble: a
// policy is approved only when its text equals the newest approved copy (approved/, kept by
// renew) and that copy's date is the approval date the school file states.
enum class ApprovalState { draft, approved };

enum class DraftReason {
    none,  // approved
    never_approved,  // no approval date and no approved copy
    copy_missing,  // an approval date, and no approved copy of any date
    copy_date_differs,  // the newest approved copy is not dated the stated approval date
    text_changed,  // the text differs from the approved copy
    unsettled,  // make_metadata alone: a copy of the right date, text not compared yet
};

// "draft" or "approved", as reports and JSON write it.
const char* approval_state_name(ApprovalState s);

struct Metadata {
    std::string school_id;
    std::string school_name;
    std::string trust_name;
    std::string policy_id;
    std::string title;
    std::optional<util::Date> approved;
    std::string approved_by;
    std::string minute;
    std::optional<util::Duration> review_period;
    std::optional<util::LooseDate> next_review;
    bool next_review_derived = false;  // computed from approved + review_period, not stated
    std::vector<std::string> audiences;
    ApprovalState state = ApprovalState::draft;
    DraftReason draft_reason = DraftReason::never_approved;
    std::string approved_copy;  // display path of the newest approved copy; empty if none
    std::optional<util::Date> approved_copy_date;
    // A register entry (a policy the school keeps that clausebook does not write, issue 17):
    // no text, so approved whenever an approval date is recorded. Empty for generated ones.
    bool registered = false;
    std::string category;  // register: the entry's category
    std::string location;  // register: a path in the repository or an https URL
    std::string owner;  // register: who looks after it

    bool draft() const { return state == ApprovalState::draft; }
};

// What every format says of the status, in words: "Approved on 3 April 2019", "Draft for
// approval — replaces the policy approved on 3 April 2019", "Draft for approval — no approved
// version on record".
std::string status_line(const Metadata& meta);

struct Document {
    Metadata meta;
    std::vector<Section> sections;

    // The number of the clause `id` ("3.2"), or empty if it is not in this document.
    std::string number_of(const std::string& clause_id) const;
    const Clause* find(const std::string& clause_id) const;
};

}  // namespace clausebook::model
