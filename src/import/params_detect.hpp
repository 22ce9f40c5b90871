// A clause the school words as the model does, but with other values of the outline's
// parameters: the values are written to the school's `params`, not its wording to `overrides`.
//
// - Open values (integer, string, person, date): the document's words and the model's, as
//   rendered for the school, are compared word for word (a longest-common-subsequence diff, up
//   to case and punctuation); each stretch that differs must be, on the model's side, exactly
//   the rendered value of one parameter (widened over the words around it when the value and
//   the document share some), and on the document's side a value of that parameter's type: a
//   number within range, a date, a name of at most five words, a string of at most twenty.
// - Switches (boolean, enum): the model is assembled again with each other value of each such
//   parameter; a clause whose words are then the document's takes that value. Only the clauses
//   whose Markdown the value changes are rendered as text (each distinct Markdown once a run):
//   a clause's plain words follow from its Markdown and the policy's layout (the ids, numbers
//   and titles its cross-references read), so the others read as they do in the school's own.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compare/policy_text.hpp"
#include "model/document.hpp"
#include "model/repository.hpp"

namespace clausebook::import {

struct ParamChange {
    std::string name;
    std::string yaml;  // the new value as one line of YAML
    std::string shown;  // for the report: "15", "Dan Smith", "true"
};

// The value `name` has for this school and policy: the policy's params, the school's, the
// trust's defaults, the outline's default (nullopt when none gives one).
std::optional<model::Value> param_value(const model::Repository& repo, const model::School& school, const model::Outline& outline, const std::string& name);

// The parameter values that turn `model_text` into `doc_text`, or nullopt when the texts differ
// by anything else (or are the same).
std::optional<std::vector<ParamChange>> value_changes(const std::string& doc_text, const std::string& model_text, const model::Repository& repo,
                                                      const model::School& school, const model::Outline& outline);

// How switch_changes reads the policy under another value: clause by clause (the default: only the
// clauses the value changes are rendered, each once a run), or the whole policy every time (what
// it did before; kept to prove the two give the same result, tests/import/params_test.cpp).
enum class SwitchRendering { by_clause, whole_policy };

// For the clauses in `wanted`: a boolean or enum value under which the model's words for the clause
// are the document's. `doc_texts` holds the document's plain text of every clause it has (clause id
// -> text); a value is taken only when every clause of the document that it changes then reads as
// the document does. `base` is the policy assembled for `school` and `base_text` its
// compare::policy_text (what the alignment read); each other value is assembled (cheap: the
// Mustache of each clause), and only the clauses whose Markdown it changes are rendered as text.
std::map<std::string, ParamChange> switch_changes(const model::Repository& repo, const model::School& school, const model::Outline& outline,
                                                  const model::Document& base, const compare::PolicyText& base_text,
                                                  const std::map<std::string, std::string>& doc_texts, const std::set<std::string>& wanted,
                                                  SwitchRendering rendering = SwitchRendering::by_clause);

}  // namespace clausebook::import
