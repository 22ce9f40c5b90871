// What every subcommand shares: the table row, the options every command takes, and loading
// the repository with diagnostics printed.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "load/repository.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::cli {

struct Io {
    std::ostream& out;
    std::ostream& err;
    bool color = false;  // stderr is a terminal
};

struct Command {
    const char* name;
    const char* summary;
    const char* usage;
    // Adds the command's own options.
    void (*add_options)(boost::program_options::options_description&, boost::program_options::positional_options_description&);
    int (*run)(const boost::program_options::variables_map&, Io&);
};

const std::vector<Command>& commands();

// The repository root: --root, or found upwards from the current folder.
std::filesystem::path repository_root(const boost::program_options::variables_map& vm);

// Prints every diagnostic to io.err, errors and warnings alike.
void print_diagnostics(const util::Diagnostics& diags, const util::SourceFiles& sources, Io& io);

// Loads the repository and prints its diagnostics. Returns nullopt (after printing) when
// there are errors.
std::optional<load::Repository> load_or_report(const std::filesystem::path& root, Io& io);

// Validates --school / --policy values against the repository; unknown ids are a usage error
// (util::Fatal with a suggestion).
std::vector<const load::School*> select_schools(const load::Repository& repo, const std::vector<std::string>& ids);
std::vector<const load::Outline*> select_outlines(const load::Repository& repo, const std::vector<std::string>& ids);

}  // namespace clausebook::cli
