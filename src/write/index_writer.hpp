// out/index.html: the list of every school's policies.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"
#include "util/date.hpp"
#include "write/writer.hpp"

namespace clausebook::write {

struct IndexRow {
    model::Metadata meta;
    std::vector<std::string> extensions;  // the files out/<school>/<policy>.<ext> that exist
};

// One policy's row of the index table, either kind: a generated policy links to its files
// (relative to out/), a register entry to where its document is kept. The school page (out/<school>/)
// can reuse it; `today` is the day review status is reckoned on.
std::string policy_row_html(const IndexRow& row, const util::Date& today);

// One row per document, linking to its files (relative to out/).
std::string write_index(const std::vector<IndexRow>& rows, const std::string& trust_name, const WriteOptions& options);

}  // namespace clausebook::write
