// Entries cairo 1.16 cannot put in a PDF's catalog (the document language, the viewer's
// "show the title, not the file name" preference), added by an incremental update: a new
// version of the catalog object appended after the file with its own cross-reference section
// (ISO 32000-1, 7.5.6). The bytes cairo wrote are left as they are.
#pragma once

#include <string>
#include <string_view>

namespace clausebook::write::pdf {

// Appends to `pdf` (a file as cairo writes it: one classic cross-reference table and trailer)
// a catalog holding everything the old one held and `entries` ("/Lang (en-GB)"). Throws
// util::Fatal (exit code 3) when `pdf` is not laid out that way.
void add_catalog_entries(std::string& pdf, std::string_view entries);

}  // namespace clausebook::write::pdf
