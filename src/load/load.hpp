// Entry point of the load stage: find the repository and read every input file in it.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>
#include <optional>

#include "model/page_assets.hpp"
#include "model/reference_data.hpp"
#include "model/repository.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::load {

// The nearest folder at or above `start` that holds clausebook.yaml. Throws Fatal if none.
std::filesystem::path find_root(const std::filesystem::path& start);

// Reads clausebook.yaml, templates/*.yaml, clauses/**/*.md and schools/*.yaml under `root`,
// then checks what refers to what (clause ids, variants, placeholders, positions). Every
// problem goes to `diags`; the repository is usable for assembly only if it has no errors.
model::Repository load_repository(const std::filesystem::path& root, util::Diagnostics& diags);

// For `build`'s school cache: asked of each school file (its id, display path and path) before it
// is read, from several threads at once. Returns the ids of the policies the school keeps when
// the caller vouches that the file need not be read (the school is then a stub, School::cached,
// and no diagnostic of it is made), else nullptr.
using SchoolVouch = std::function<const std::vector<std::string_view>*(const std::string& id, const std::string& display, const std::filesystem::path& file)>;

// As load_repository, except for the school files `vouch` vouches for.
model::Repository load_repository_cached(const std::filesystem::path& root, util::Diagnostics& diags, const SchoolVouch& vouch);

// As load_repository, but of the schools only `school_id` (schools/<school_id>.yaml, if it
// exists) is read, with its approved copies: what import and adopt need, whatever the number of
// other schools. The other school files are neither read nor checked.
model::Repository load_repository_for_school(const std::filesystem::path& root, const std::string& school_id, util::Diagnostics& diags);

// Replaces school `id` of a repository load_repository read with `text`, its file as import has
// just written it, and checks it as load_repository checks a school (its keys, values, policies,
// clause references and wording), without reading the other schools again. `diags` has that
// school's problems only.
void reload_school(model::Repository& repo, const std::string& id, const std::string& path, const std::string& text, util::Diagnostics& diags);

// The reference data `check` reads (model/reference_data.hpp), from data/ under the repository's
// root; a file that is absent gives an empty list. The files read are added to `sources`;
// problems (bad YAML, a pattern RE2 refuses, an unknown value) go to `diags` as errors.
model::ReferenceData load_reference_data(const model::Repository& repo, util::SourceFiles& sources, util::Diagnostics& diags);

// The trust's styling (model/page_assets.hpp) for `build`: what the repository has of
// templates/page.html, page.css and docx/styles.xml, and the font files clausebook.yaml names.
// A file that exists but cannot be read, and a named font file that is missing, are errors.
model::PageAssets load_page_assets(const model::Repository& repo, util::SourceFiles& sources, util::Diagnostics& diags);

// For renew's summary: the newest approved copy of `policy_id` for `school_id` dated before
// `before` (approved/<school>/<policy>/<YYYY-MM-DD>.md), or nullopt. A copy that cannot be read
// has empty text.
std::optional<model::ApprovedCopy> load_previous_approved_copy(const model::Repository& repo, const std::string& school_id, const std::string& policy_id,
                                                               const util::Date& before);

}  // namespace clausebook::load
