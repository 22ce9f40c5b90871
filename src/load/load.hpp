// Entry point of the load stage: find the repository and read every input file in it.
#pragma once

#include <filesystem>
#include <optional>

#include "load/repository.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::load {

// The nearest folder at or above `start` that holds clausebook.yaml. Throws Fatal if none.
std::filesystem::path find_root(const std::filesystem::path& start);

// Reads clausebook.yaml, templates/*.yaml, clauses/**/*.md and schools/*.yaml under `root`,
// then checks what refers to what (clause ids, variants, placeholders, positions). Every
// problem goes to `diags`; the repository is usable for assembly only if it has no errors.
Repository load_repository(const std::filesystem::path& root, util::Diagnostics& diags);

}  // namespace clausebook::load
