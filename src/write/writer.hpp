// The writers: one per output format, each a function from a Document to the bytes of one
// file. None knows another; adding a format is one file and one row in formats().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"
#include "util/date.hpp"
#include "write/render_cache.hpp"

namespace clausebook::write {

struct WriteOptions {
    bool allow_raw_html = false;
    std::string page_template;  // HTML page template (Mustache); see templates/page.html
    std::string page_css;  // inlined into every page
    std::string page_template_path = "templates/page.html";
    std::string docx_styles;  // the trust's templates/docx/styles.xml, empty for the built-in styles
    // The trust's own typeface (clausebook.yaml `font:`), checked by build: its family name (the
    // PDF's text and the DOCX's default font) and its files, absolute paths (embedded in the PDF).
    // Empty: Liberation Sans in the PDF, the styles' own font in the DOCX.
    std::string font_family;
    std::vector<std::string> font_files;
    // Rendered clause bodies shared by every document of one run (see render_cache.hpp); none
    // when empty. Only for options that stay the same for the cache's whole life.
    std::shared_ptr<RenderCache> cache;
    // From the run's environment (util::Environment), never read by a writer itself:
    // SOURCE_DATE_EPOCH, the one time a package (DOCX, PDF) records when it is set; and the day
    // the index and school pages give statuses as of ("overdue", "due soon").
    std::optional<std::int64_t> source_date_epoch;
    util::Date today;
};

// `render()`'s result, from `options.cache` when it has one: the clause body rendered for
// `format`. `layout` is the per-document memo of link_context.
template <class T, class Render>
std::shared_ptr<const T> cached_body(const WriteOptions& options, std::string_view format, const model::Document& doc, const std::string& markdown,
                                     std::string& layout, Render render, std::size_t (*size)(const T&)) {
    if (!options.cache) return std::make_shared<const T>(render());
    return options.cache->get<T>(RenderKey{format, link_context(doc, markdown, layout), markdown}, render, size);
}
inline std::size_t string_size(const std::string& s) { return s.size(); }

struct Format {
    std::string_view name;  // as given to --format
    std::string_view extension;  // of the file written: out/<school>/<policy>.<extension>
    std::string_view description;
    std::string (*write)(const model::Document&, const WriteOptions&);
};

// Every output format, in the order --help lists them.
const std::vector<Format>& formats();
const Format* find_format(std::string_view name);

std::string write_markdown(const model::Document& doc, const WriteOptions& options);
std::string write_html(const model::Document& doc, const WriteOptions& options);
std::string write_docx(const model::Document& doc, const WriteOptions& options);  // see docs/docx.md
std::string write_pdf(const model::Document& doc, const WriteOptions& options);  // see docs/pdf.md

// The rows of the cover block, shared by every writer: {label, value}.
struct CoverRow {
    std::string label;
    std::string value;
};
std::vector<CoverRow> cover_rows(const model::Metadata& meta);

// What a file says of itself in its properties, shared so that every format says the same: the
// DOCX's core properties (docProps/core.xml) and the PDF's document information and XMP
// metadata (docs/pdf.md).
struct DocumentProperties {
    std::string title;  // the policy's title
    std::string subject;  // "Social networking policy of Conway Primary"
    std::string creator;  // the school
    std::vector<std::string> keywords;  // "policy", the policy id, the school, the trust
    std::string description;  // the approval (or draft status) and the next review, in words
    std::string language = "en-GB";
};
DocumentProperties document_properties(const model::Metadata& meta);
// The keywords as one string, "policy; social-networking; Conway Primary".
std::string keyword_list(const DocumentProperties& properties);

// The redline of a draft against its approved copy that build writes beside it
// ("social-networking.changes.html", in the same folder), or empty when there is none: the
// document is approved, or there is no approved copy to compare with.
std::string changes_file(const model::Metadata& meta);

// How a cross-reference to `clause_id` reads: "section 3.2 (Personal use)"; for a clause left
// out of this school's policy, its title alone.
std::string reference_text(const model::Document& doc, const std::string& clause_id);

}  // namespace clausebook::write
