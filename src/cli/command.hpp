// What every subcommand shares: the table row, the options every command takes, and loading
// the repository with diagnostics printed.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "model/repository.hpp"
#include "util/diagnostics.hpp"
#include "util/environment.hpp"

namespace clausebook::cli {

struct Io {
    std::ostream& out;
    std::ostream& err;
    bool color = false;  // stderr is a terminal
    util::Environment env;  // read once when the run starts
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

// Refuses (util::Usage) an output path that is one of the repository's input files, lies inside
// an input folder (schools/, clauses/, templates/, data/, approved/, .git/) or, for a `folder`
// (build --out), holds one. `option` names it in the message.
void refuse_input_path(const std::filesystem::path& root, const std::filesystem::path& path, const std::string& option, bool folder);

// Writes a report to --output (checked with refuse_input_path, then util::write_output) or to io.out.
void write_report(const boost::program_options::variables_map& vm, Io& io, const std::string& bytes);

// How many diagnostics a run prints; the rest are counted.
constexpr std::size_t k_max_shown_diagnostics = 100;

// Prints the diagnostics to io.err (the first k_max_shown_diagnostics, then how many more),
// errors and warnings alike.
void print_diagnostics(const util::Diagnostics& diags, const util::SourceFiles& sources, Io& io);

// Loads the repository and prints its diagnostics. Returns nullopt (after printing) when
// there are errors.
std::optional<model::Repository> load_or_report(const std::filesystem::path& root, Io& io);
// The same with only school `school_id` of the schools (load::load_repository_for_school): for
// the commands that change one school's file (import, adopt).
std::optional<model::Repository> load_school_or_report(const std::filesystem::path& root, const std::string& school_id, Io& io);

// Validates --school / --policy values against the repository; unknown ids are a usage error
// (util::Fatal with a suggestion).
std::vector<const model::School*> select_schools(const model::Repository& repo, const std::vector<std::string>& ids);
std::vector<const model::Outline*> select_outlines(const model::Repository& repo, const std::vector<std::string>& ids);
// `ids` checked: each names an outline or some school's register entry (a usage error naming
// the choices otherwise). Returned as given.
std::vector<std::string> select_policy_ids(const model::Repository& repo, const std::vector<std::string>& ids);

}  // namespace clausebook::cli
