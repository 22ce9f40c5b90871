// `diff`'s model: two policies clause by clause, matched by clause id, each changed clause with
// its word-level redline. What every redline format (compare/redline/) reads.
#pragma once

#include <string>
#include <vector>

#include "compare/policy_text.hpp"
#include "compare/word_diff.hpp"

namespace clausebook::compare {

struct ClauseDiff {
    enum class Kind { same, changed, added, removed };
    Kind kind = Kind::same;
    std::string id;
    std::string number_a, number_b;  // empty on the side the clause is not on
    std::string title_a, title_b;
    std::string section;  // b's section, else a's
    std::string text_a, text_b;
    Redline title;  // title_a -> title_b
    Redline body;  // text_a -> text_b (added: all inserted; removed: all deleted)
    bool moved = false;  // on both sides, but in another order relative to the others
};

struct CoverDiff {
    std::string label;
    std::string value_a, value_b;  // "" when the row is on one side only
};

struct PolicyDiff {
    std::string label_a, label_b;
    std::string title_a, title_b;
    std::vector<CoverDiff> cover;  // only the rows that differ
    std::vector<ClauseDiff> clauses;  // every clause, in b's order, a's removed ones after their predecessor
    bool identical() const;
    std::size_t count(ClauseDiff::Kind kind) const;
};

// Compares `a` (the old wording) with `b` (the new). Clauses are matched by id.
PolicyDiff diff_policies(const PolicyText& a, const PolicyText& b, const DiffOptions& options);

}  // namespace clausebook::compare
