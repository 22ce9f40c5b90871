// The subcommands' entry points; the table that lists them is in commands.cpp.
#pragma once

#include <boost/program_options.hpp>

#include "cli/command.hpp"

namespace clausebook::cli {

void build_options(boost::program_options::options_description&, boost::program_options::positional_options_description&);
int build_run(const boost::program_options::variables_map&, Io&);

void list_options(boost::program_options::options_description&, boost::program_options::positional_options_description&);
int list_run(const boost::program_options::variables_map&, Io&);

}  // namespace clausebook::cli
