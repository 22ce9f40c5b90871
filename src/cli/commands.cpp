#include "cli/commands.hpp"

namespace clausebook::cli {

// One row per subcommand: adding one is a new file and a row here (see ninja's kTools).
const std::vector<Command>& commands() {
    static const std::vector<Command> k_commands = {
        {"build", "write every school's policies as Markdown and HTML into out/",
         "clausebook build [--school ID]... [--policy ID]... [--format md,html] [--out DIR]", &build_options, &build_run},
        {"list", "list the schools, policies or clauses of the repository", "clausebook list schools|policies|clauses",
         &list_options, &list_run},
    };
    return k_commands;
}

}  // namespace clausebook::cli
