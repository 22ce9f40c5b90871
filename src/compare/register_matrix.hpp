// compare --policy <register id> (issue 17): a policy clausebook does not write, across schools.
// There is no text, so the matrix has no rows: each school's column says whether it keeps the
// policy and, when it does, the status rows of its register entry. Every report format reads it
// as it reads an outline's matrix (Matrix::kind says which).
#pragma once

#include <string>
#include <vector>

#include "compare/matrix.hpp"
#include "model/reference_data.hpp"
#include "model/repository.hpp"

namespace clausebook::compare {

// A column per school of `schools`: whether it keeps `policy_id` (a register entry of that id, or
// one whose `covers:` lists it), its approval, review and where the document is. A school with
// no entry that `statutory` requires to keep it (its type and phase, or the trust's
// check.require, as check's statutory-policy-missing reads them) is a gap.
Matrix build_register_matrix(const model::Repository& repo, const std::string& policy_id, const model::StatutoryList& statutory,
                             const std::vector<const model::School*>& schools, const MatrixOptions& options);

// Whether `id` names a register policy compare can show: a register entry of any school, an id
// one of them covers, or a policy of `statutory` (which may be kept by no school at all).
bool is_register_policy(const model::Repository& repo, const model::StatutoryList& statutory, const std::string& id);

// The register ids of every school (entries and what they cover) and of `statutory`, sorted,
// each once: the choices an unknown --policy is matched against.
std::vector<std::string> register_policy_ids(const model::Repository& repo, const model::StatutoryList& statutory);

}  // namespace clausebook::compare
