// out/index.html: the list of every school's policies.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"
#include "write/writer.hpp"

namespace clausebook::write {

struct IndexRow {
    model::Metadata meta;
    std::vector<std::string> extensions;  // the files out/<school>/<policy>.<ext> that exist
};

// One row per document, linking to its files (relative to out/).
std::string write_index(const std::vector<IndexRow>& rows, const std::string& trust_name, const WriteOptions& options);

}  // namespace clausebook::write
