// A trust's own typeface (clausebook.yaml `font:`): reading a font file's family names, and
// making its files available to the PDF writer's text layout (fontconfig application fonts,
// which pango's font maps then find by family name, in every thread).
#pragma once

#include <string>
#include <vector>

namespace clausebook::write::pdf {

// The family names of every face in the font file at `path` (TrueType, OpenType, a collection,
// Type 1: whatever FreeType reads), in the file's order; empty when it is not a font file.
std::vector<std::string> font_families(const std::string& path);

// Adds the font files at these absolute paths to the fonts the PDF writer can use. Call before
// any PDF is written (build's checks do); adding a file twice is harmless.
void add_font_files(const std::vector<std::string>& paths);

// For the PDF's text layout, in the thread that lays out: when font files were added since this
// thread's pango font map last looked, makes it look again and returns true (what the thread
// laid out before may now be laid out in other fonts).
bool refresh_thread_fonts();

}  // namespace clausebook::write::pdf
