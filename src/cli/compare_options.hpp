// What `compare` and `diff` share on the command line: which policy, which day, where the
// report goes, whether it may be coloured.
#pragma once

#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "cli/command.hpp"
#include "model/repository.hpp"
#include "util/date.hpp"

namespace clausebook::cli {

// --policy ID, or the repository's only policy, or the only one every school of `schools` keeps
// (when `schools` is not empty). Unknown ids, a policy one of `schools` does not keep, or several
// policies and no --policy, are usage errors (util::Fatal) naming the choices.
const model::Outline& pick_outline(const model::Repository& repo, const boost::program_options::variables_map& vm,
                                   const std::vector<const model::School*>& schools = {});

// Validates --format against `names`; "did you mean" for a near miss. Returns the name.
std::string format_option(const boost::program_options::variables_map& vm, const std::vector<std::string>& names, const std::string& fallback);

// True when the report goes to a terminal that may be coloured: no --output, stdout is a
// terminal, and NO_COLOR (https://no-color.org) is unset.
bool color_output(const boost::program_options::variables_map& vm, const Io& io);

// Writes the report to --output (atomically) or to io.out.
void emit_report(const boost::program_options::variables_map& vm, Io& io, const std::string& bytes);

}  // namespace clausebook::cli
