// Identifiers that become file names or anchors: validated before any use.
#pragma once

#include <string>
#include <string_view>

namespace clausebook::util {

// A school, policy, section or variant id: lower-case letters, digits, '-' and '_', starting
// with a letter or digit, at most 64 characters, and not a name Windows reserves (con, nul...).
// On failure returns false and sets `why`.
bool is_simple_id(std::string_view id, std::string* why = nullptr);

// A clause id: simple ids joined by '.', such as "staff.personal-use".
bool is_clause_id(std::string_view id, std::string* why = nullptr);

}  // namespace clausebook::util
