// The trust's model wording: what a clause reads like with the trust's default parameter
// values (clausebook.yaml defaults, then the outline's defaults) instead of the school's own.
// A parameter without any default (a person, a school fact) is the school's own and never
// counts as a difference.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "lang/mustache.hpp"
#include "model/repository.hpp"
#include "model/value.hpp"

namespace clausebook::compare {

// A parameter whose value for a school is not the trust default (and, in a compare cell, that
// the clause uses).
struct ParamChange {
    std::string name;
    std::string value;  // as text: "14", "parents", "Zoom or Microsoft Teams"; "(none)" when absent
    std::string default_value;  // the trust default, as text
};

// Every parameter of `outline` whose value in `context` (a context from assemble::make_context)
// differs from a trust default, with both values as text.
std::vector<ParamChange> changed_params(const model::Repository& repo, const model::Outline& outline, const model::Value& context);

// `context` with each changed parameter set back to its trust default.
model::Value default_context(const model::Value& context, const model::Repository& repo, const model::Outline& outline);

// The top-level names a template reads ("school", "min_platform_age"), on every branch.
std::set<std::string> names_used(const model::Template& t);

// Renders clause text as the assembler does (values escaped for Markdown); a value that is
// absent renders as nothing.
std::string render_clause(const model::Template& t, const model::Value& context);

// A value as a reader sees it: lists joined with ", ", people by name, absent as "(none)".
std::string value_text(const model::Value& v);

}  // namespace clausebook::compare
