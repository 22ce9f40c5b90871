// Checks what refers to what once every file is read: outline and school references to
// clauses, variants, sections and parameters; placeholders in every clause and every school's
// own wording; links and markup inside clause text.
#pragma once

#include "model/repository.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::load {

void link_repository(model::Repository& repo, util::Diagnostics& diags);

// The school's part of link_repository: its policies' references, parameters and wording.
void link_school(const model::Repository& repo, const model::School& school, util::Diagnostics& diags);

}  // namespace clausebook::load
