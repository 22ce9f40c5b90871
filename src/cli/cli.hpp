// The command line: one table of subcommands, one top-level catch.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace clausebook::cli {

// Runs clausebook with `args` (without the program name). Returns the exit code:
// 0 ok, 1 findings or differences, 2 bad input or usage, 3 internal error.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace clausebook::cli
