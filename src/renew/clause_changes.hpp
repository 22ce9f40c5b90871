// What changed between two approved copies of a policy, clause by clause: the short list for the
// governors' papers ("3.2 Personal use: changed"). Word-level differences are `clausebook diff`'s
// job; this reads only the Markdown that `renew` keeps under approved/.
#pragma once

#include <string>
#include <vector>

namespace clausebook::renew {

struct ClauseChange {
    enum class Kind { added, removed, changed } kind;
    std::string title;  // the clause heading without its number
    std::string number;  // in the newer copy (the older one for a removed clause)
};

// Clauses are the `### N.M Title` sections of the copies written by the Markdown writer; they are
// matched by title (the nth clause of a repeated title with the nth), so a clause that only moved
// is not reported. In the order of the newer copy,
// removed clauses last.
std::vector<ClauseChange> clause_changes(const std::string& older_markdown, const std::string& newer_markdown);

const char* change_name(ClauseChange::Kind k);

}  // namespace clausebook::renew
