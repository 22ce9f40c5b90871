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

// One school's part of the index, made apart from the others (a build makes each on its own
// core and keeps only this, not the rows: 22,000 schools' rows are hundreds of megabytes).
struct IndexSchool {
    std::string id;
    std::string name;
    bool has_page = false;  // a row has a file in out/: the list of school pages links its page
    std::string rows_html;  // its rows, policy_row_html each, in order
};

// The same page as write_index of the rows the parts were made from, school by school.
std::string write_index(const std::vector<IndexSchool>& schools, const std::string& trust_name, const WriteOptions& options);

}  // namespace clausebook::write
