// CSV output (RFC 4180) shared by every command that writes it: compare and schedule. One rule
// for formula injection (OWASP, "CSV Injection"): a cell a spreadsheet would run as a formula
// (starting with = + - @, tab or carriage return; a plain negative number excepted) gets a
// leading apostrophe and is quoted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clausebook::util {

// One field: quoted when it holds a comma, quote or line break, or when it is neutralised.
std::string csv_field(std::string_view s);

// One record: the fields joined by commas, ended by CRLF, appended to `out`.
void csv_row(std::string& out, const std::vector<std::string>& fields);

}  // namespace clausebook::util
