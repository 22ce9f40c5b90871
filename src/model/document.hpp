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
    library,   // the library's default wording
    variant,   // a named variant from the library
    override_, // the school's own wording for a library clause
    local,     // a clause only this school has
};

const char* source_name(ClauseSource s);

struct Clause {
    std::string id;
    std::string title;
    ClauseSource source = ClauseSource::library;
    std::string variant;           // for ClauseSource::variant
    std::string version;           // the library clause's version; empty for local clauses
    std::string markdown;          // the body, final
    util::SourcePos origin;        // the file and line the wording came from
};

struct Section {
    std::string id;
    std::string title;
    std::vector<Clause> clauses;
};

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
};

struct Document {
    Metadata meta;
    std::vector<Section> sections;

    // The number of the clause `id` ("3.2"), or empty if it is not in this document.
    std::string number_of(const std::string& clause_id) const;
    const Clause* find(const std::string& clause_id) const;
};

}  // namespace clausebook::model
