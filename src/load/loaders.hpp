// One reader per kind of input file. Each adds what it read to the Repository and its
// problems to the Diagnostics; none stops at the first problem.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/repository.hpp"
#include "load/yaml_reader.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::load {

// Needs the outlines (for parameter types).
void load_config(model::Repository& repo, const std::string& path, const std::string& text, util::Diagnostics& diags);
// Needs nothing else loaded. `id` is the file stem.
void load_outline(model::Repository& repo, const std::string& id, const std::string& path, const std::string& text, util::Diagnostics& diags);
void load_clause(model::Repository& repo, const std::string& path, const std::string& text, util::Diagnostics& diags);
// Needs the outlines (for parameter types).
void load_school(model::Repository& repo, const std::string& id, const std::string& path, const std::string& text, util::Diagnostics& diags);

// A school file's text, read but not yet parsed.
struct SchoolText {
    std::string id;  // the file stem
    std::string path;  // display path
    std::string text;
};
// load_school in two halves, so that many school files are read and parsed on every core (each
// file read and parsed on one thread): one school file parsed on any thread (the school, unless
// the file is unusable, and its problems), then added to the repository on one thread, files in
// order, as load_school would add it.
struct ParsedSchool {
    std::optional<model::School> school;
    util::Diagnostics diags;
};
ParsedSchool parse_school_file(const model::Repository& repo, const std::string& id, const std::string& path, const std::string& text);
void add_parsed_school(model::Repository& repo, ParsedSchool parsed, SchoolText input, util::Diagnostics& diags);

// A `params:` map typed by `outlines`: a name they declare with one type gives one value for
// all of them; a name declared with different types gives one value per outline, each marked
// with its outline (ParamValue::outline). A name none of them declares is typed by the first
// of `fallback` that does, and is an unknown-param error if none does.
std::vector<model::ParamValue> read_params_for(const YamlNode& node, const std::vector<const model::Outline*>& outlines,
                                               const std::vector<const model::Outline*>& fallback, const std::string& path, util::Diagnostics& diags);

// Every parameter any outline declares (the first declaration of a name wins).
std::vector<model::ParamSpec> all_param_specs(const model::Repository& repo);

// The names placeholders may use in `outline`'s clauses: school.*, trust.*, policy.* and the
// outline's parameters.
model::ParamType make_scope(const std::vector<model::ParamSpec>& params);

// A repository file that may be absent (templates/page.css, data/stale-references.yaml, ...):
// its text, or nullopt when it does not exist or cannot be read. One that exists but cannot be
// read (a link out of the repository, too large, not a regular file) is an error at its path,
// with what to do; `without_it` ends the hint ("use the built-in one": what removing it does).
std::optional<std::string> read_optional_file(const std::filesystem::path& root, const std::string& relative, std::string_view without_it,
                                              util::Diagnostics& diags);

}  // namespace clausebook::load
