// The subcommands' entry points; the table that lists them is in commands.cpp.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "cli/command.hpp"
#include "util/date.hpp"

namespace clausebook::cli {

void build_options(boost::program_options::options_description&, boost::program_options::positional_options_description&);
int build_run(const boost::program_options::variables_map&, Io&);
// What `build` is asked to do, from its options or from another command (renew rebuilds the
// school it renewed): load the repository at `root`, then build what is selected.
struct BuildArgs {
    std::filesystem::path root;
    std::vector<std::string> schools;  // empty: every school
    std::vector<std::string> policies;  // empty: every policy
    std::vector<std::string> formats;  // as --format takes them; empty: every format
    std::optional<std::string> out;  // --out; default: out/ at the root
    bool force = false;
    unsigned jobs = 1;
    bool quiet = false;
};
int build_repository(const BuildArgs& args, Io& io);
// The same, on a repository already loaded from `args.root` (with no errors).
int build_loaded(const BuildArgs& args, model::Repository& repo, Io& io);

void list_options(boost::program_options::options_description&, boost::program_options::positional_options_description&);
int list_run(const boost::program_options::variables_map&, Io&);

void compare_options(boost::program_options::options_description&, boost::program_options::positional_options_description&);
int compare_run(const boost::program_options::variables_map&, Io&);

void diff_options(boost::program_options::options_description&, boost::program_options::positional_options_description&);
int diff_run(const boost::program_options::variables_map&, Io&);

void check_options(boost::program_options::options_description&, boost::program_options::positional_options_description&);
int check_run(const boost::program_options::variables_map&, Io&);

void schedule_options(boost::program_options::options_description&, boost::program_options::positional_options_description&);
int schedule_run(const boost::program_options::variables_map&, Io&);
void pack_options(boost::program_options::options_description&, boost::program_options::positional_options_description&);
int pack_run(const boost::program_options::variables_map&, Io&);

void renew_options(boost::program_options::options_description&, boost::program_options::positional_options_description&);
int renew_run(const boost::program_options::variables_map&, Io&);

void import_options(boost::program_options::options_description&, boost::program_options::positional_options_description&);
int import_run(const boost::program_options::variables_map&, Io&);

void adopt_options(boost::program_options::options_description&, boost::program_options::positional_options_description&);
int adopt_run(const boost::program_options::variables_map&, Io&);

// --today as a date (default: the run's today, UTC, io.env.today); a bad date is a usage error.
// Shared by check, compare, diff, schedule, renew and import.
util::Date parse_today(const boost::program_options::variables_map& vm, const Io& io);

}  // namespace clausebook::cli
