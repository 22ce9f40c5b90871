// Test support: how far an import's alignment agrees with a hand-made coverage map
// (docs/coverage/<school>.md), whose rows name a place in the source policy ("Purpose •3",
// "Role of leaders ¶2", "2.3.4") and the clauses that carry its point.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "import/importer.hpp"

namespace clausebook::test {

struct Agreement {
    int rows = 0;  // rows whose place was found in the imported blocks and that name a clause
    int agreed = 0;  // ... whose block the import gave to one of the named clauses
    int unlocated = 0;  // rows naming clauses whose place could not be found
    std::vector<std::string> misses;  // "Purpose •3: import said X (0.12); map says a, b"
    double share() const { return rows ? static_cast<double>(agreed) / rows : 0.0; }
};

// `clause_ids`: every clause id of the library (to tell clause ids from other `code` in the map).
Agreement coverage_agreement(const import::Plan& plan, const std::string& coverage_markdown, const std::set<std::string>& clause_ids);

}  // namespace clausebook::test
