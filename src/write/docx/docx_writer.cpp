// DOCX: the WordprocessingML package of one policy (ECMA-376), parts built with pugixml and
// zipped with libzip. The parts and what goes in them: document_part.hpp (body),
// styles_part.hpp (styles and the trust's restyling), numbering.hpp (lists),
// package_parts.hpp (everything else). docs/docx.md describes the result.
#include <string>

#include "util/date.hpp"
#include "util/environment.hpp"
#include "write/docx/document_part.hpp"
#include "write/docx/own_marks.hpp"
#include "write/docx/package_parts.hpp"
#include "write/docx/styles_part.hpp"
#include "write/docx/xml.hpp"
#include "write/docx/zip_package.hpp"
#include "write/writer.hpp"

namespace clausebook::write {

namespace {

constexpr const char* k_wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

// The package's one time: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else midnight
// UTC on the approval date, else 1 January 1980. Never the clock.
docx::ZipTime package_time(const model::Metadata& meta, const WriteOptions& options) {
    if (options.source_date_epoch) {
        util::UtcTime t = util::utc_time(*options.source_date_epoch);
        return {t.date.year, t.date.month, t.date.day, t.hour, t.minute, t.second};
    }
    if (meta.approved) return {meta.approved->year, meta.approved->month, meta.approved->day, 0, 0, 0};
    return {};
}

std::string w3cdtf(const docx::ZipTime& t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour, t.minute, t.second);
    return buf;
}

}  // namespace

std::string write_docx(const model::Document& doc, const WriteOptions& options) {
    using namespace docx;
    const std::string rel = k_rel_base;
    Relationships rels;
    rels.add(rel + "styles", "styles.xml");
    rels.add(rel + "numbering", "numbering.xml");
    rels.add(rel + "settings", "settings.xml");
    PageParts page;
    page.header = rels.add(rel + "header", "header1.xml");
    page.first_header = rels.add(rel + "header", "header2.xml");
    page.footer = rels.add(rel + "footer", "footer1.xml");
    page.first_footer = rels.add(rel + "footer", "footer2.xml");

    Numbering numbering;
    std::vector<ClauseMark> marks;
    std::string document = document_part(doc, page, numbering, rels, options, &marks);  // adds lists and links

    std::vector<std::pair<std::string, std::string>> cover;
    for (const auto& row : cover_rows(doc.meta)) cover.emplace_back(row.label, row.value);
    ZipTime time = package_time(doc.meta, options);
    std::vector<PartType> types = {
        {"word/document.xml", std::string(k_wml) + "document.main+xml"},
        {"word/styles.xml", std::string(k_wml) + "styles+xml"},
        {"word/numbering.xml", std::string(k_wml) + "numbering+xml"},
        {"word/settings.xml", std::string(k_wml) + "settings+xml"},
        {"word/header1.xml", std::string(k_wml) + "header+xml"},
        {"word/header2.xml", std::string(k_wml) + "header+xml"},
        {"word/footer1.xml", std::string(k_wml) + "footer+xml"},
        {"word/footer2.xml", std::string(k_wml) + "footer+xml"},
        {"docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
        {"docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
        {"docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml"},
    };
    // Parts that read the same in every document are made and deflated once per run: `name`
    // and `input` are all that `make` depends on.
    auto constant = [&](const char* name, const std::string& input, auto make) {
        if (!options.cache) return std::make_shared<const DeflatedPart>(deflate_part(make()));
        return options.cache->get<DeflatedPart>(
            RenderKey{"zip", name, input}, [&] { return deflate_part(make()); }, [](const DeflatedPart& p) { return p.deflated.size(); });
    };
    auto own = [](const std::string& bytes) { return std::make_shared<const DeflatedPart>(deflate_part(bytes)); };
    const std::string numbering_xml = numbering.part();  // the same for most documents
    auto footer = own(footer_part(doc.meta));
    std::vector<ZipEntry> entries = {
        {"[Content_Types].xml", constant("types", "", [&] { return content_types_part(types); })},
        {"_rels/.rels", constant("rels", "", [] { return package_rels_part(); })},
        {"docProps/core.xml", own(core_part(doc.meta, w3cdtf(time)))},
        {"docProps/app.xml", own(app_part(doc.meta))},
        {"docProps/custom.xml", own(custom_part(own_properties(doc.meta.school_id, doc.meta.school_name, doc.meta.policy_id, marks, cover)))},
        {"word/document.xml", own(document)},
        {"word/_rels/document.xml.rels", own(rels.part())},
        {"word/styles.xml",
         constant("styles", options.docx_styles + '\0' + options.font_family, [&] { return styles_part(options.docx_styles, options.font_family); })},
        {"word/numbering.xml", constant("numbering", numbering_xml, [&] { return numbering_xml; })},
        {"word/settings.xml", constant("settings", "", [] { return settings_part(); })},
        {"word/header1.xml", own(header_part(doc.meta))},
        {"word/header2.xml", doc.meta.draft() ? own(first_header_part(doc.meta)) : constant("first-header", "", [&] { return first_header_part(doc.meta); })},
        {"word/footer1.xml", footer},
        {"word/footer2.xml", footer},
    };
    return zip_package(entries, time);
}

}  // namespace clausebook::write
