// The assemble stage: one school + one outline + the library -> one Document. Picks clauses
// (conditions, exclusions, variants, overrides, local clauses), resolves parameters (policy,
// school, repository defaults, outline defaults, highest first) and fills placeholders.
#pragma once

#include "load/repository.hpp"
#include "model/document.hpp"
#include "model/value.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::assemble {

// The parameter values for `school` and `outline`, highest precedence first resolved.
model::Value resolve_params(const load::Repository& repo, const load::School& school, const load::Outline& outline);

// The dates and names of `school`'s copy of `outline`.
model::Metadata make_metadata(const load::Repository& repo, const load::School& school, const load::Outline& outline);

// What placeholders and conditions see: school, trust, policy and the parameters.
model::Value make_context(const load::Repository& repo, const load::School& school, const load::Outline& outline,
                          const model::Metadata& meta);

// Assembles the document. Problems that only show for this school (a placeholder whose
// optional value it does not give) go to `diags` with rule "missing-value".
model::Document assemble_document(const load::Repository& repo, const load::School& school, const load::Outline& outline,
                                  util::Diagnostics& diags);

}  // namespace clausebook::assemble
