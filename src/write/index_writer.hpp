// out/index.html: the list of every school's policies.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"
#include "write/writer.hpp"

namespace clausebook::write {

// One row per document, linking to the files in `formats` (relative to out/).
std::string write_index(const std::vector<model::Metadata>& docs, const std::string& trust_name, const WriteOptions& options,
                        const std::vector<const Format*>& formats);

}  // namespace clausebook::write
