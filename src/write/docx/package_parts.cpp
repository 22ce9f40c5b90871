#include "write/docx/package_parts.hpp"

#include "util/date.hpp"
#include "util/text.hpp"
#include "write/docx/xml.hpp"
#include "write/writer.hpp"

namespace clausebook::write::docx {

namespace {

constexpr const char* k_ns_content_types = "http://schemas.openxmlformats.org/package/2006/content-types";

void element(XmlWriter& xml, const char* name, const std::string& text, const char* type = nullptr) {
    xml.open(name);
    if (type) xml.attr("xsi:type", type);
    xml.text(xml_safe(text)).close();
}

// A header or footer part: w:hdr or w:ftr with one paragraph of `style`, whose runs `content`
// writes.
template <class Content>
std::string page_part(const char* root_name, const char* style, Content content) {
    std::string out(k_xml_declaration);
    XmlWriter xml(out);
    xml.open(root_name).attr("xmlns:w", k_ns_w).attr("xmlns:r", k_ns_r).open("w:p");
    ParagraphProps props;
    props.style = style;
    props.write(xml);
    content(xml);
    xml.close().close();
    return out;
}

}  // namespace

std::string content_types_part(const std::vector<PartType>& parts) {
    std::string out(k_xml_declaration);
    XmlWriter xml(out);
    xml.open("Types").attr("xmlns", k_ns_content_types);
    xml.open("Default").attr("Extension", "rels").attr("ContentType", "application/vnd.openxmlformats-package.relationships+xml").close();
    xml.open("Default").attr("Extension", "xml").attr("ContentType", "application/xml").close();
    for (const auto& p : parts) xml.open("Override").attr("PartName", "/" + p.name).attr("ContentType", p.content_type).close();
    xml.close();
    return out;
}

std::string package_rels_part() {
    std::string out(k_xml_declaration);
    XmlWriter xml(out);
    xml.open("Relationships").attr("xmlns", k_ns_package_rels);
    const std::pair<const char*, const char*> rels[] = {
        {"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml"},
        {"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"},
        {"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml"},
        {"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties", "docProps/custom.xml"},
    };
    int n = 1;
    for (const auto& [type, target] : rels) xml.open("Relationship").attr("Id", "rId" + std::to_string(n++)).attr("Type", type).attr("Target", target).close();
    xml.close();
    return out;
}

std::string core_part(const model::Metadata& meta, const std::string& timestamp) {
    std::string out(k_xml_declaration);
    XmlWriter xml(out);
    xml.open("cp:coreProperties")
        .attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
        .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
        .attr("xmlns:dcterms", "http://purl.org/dc/terms/")
        .attr("xmlns:dcmitype", "http://purl.org/dc/dcmitype/")
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    const DocumentProperties properties = document_properties(meta);
    element(xml, "dc:title", properties.title);  // the window's title, Word's accessibility checker's "document title"
    element(xml, "dc:language", properties.language);  // with w:lang in the styles' defaults: the language a screen reader speaks
    element(xml, "dc:subject", properties.subject);
    element(xml, "dc:creator", properties.creator);
    element(xml, "cp:keywords", keyword_list(properties));
    element(xml, "dc:description", properties.description);
    element(xml, "cp:lastModifiedBy", meta.trust_name.empty() ? meta.school_name : meta.trust_name);
    element(xml, "cp:category", "Policy");
    element(xml, "cp:contentStatus", meta.draft() ? "Draft for approval" : "Approved");
    element(xml, "dcterms:created", timestamp, "dcterms:W3CDTF");
    element(xml, "dcterms:modified", timestamp, "dcterms:W3CDTF");
    xml.close();
    return out;
}

std::string app_part(const model::Metadata& meta) {
    std::string out(k_xml_declaration);
    XmlWriter xml(out);
    xml.open("Properties")
        .attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
        .attr("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
    if (!meta.trust_name.empty()) element(xml, "Company", meta.trust_name);
    element(xml, "TotalTime", "0");
    element(xml, "Application", "clausebook");
    element(xml, "DocSecurity", "0");
    xml.close();
    return out;
}

std::string settings_part() {
    std::string out(k_xml_declaration);
    XmlWriter xml(out);
    xml.open("w:settings").attr("xmlns:w", k_ns_w);
    add_val(xml, "w:zoom", "100", "w:percent");
    add_val(xml, "w:defaultTabStop", "720");
    add_val(xml, "w:characterSpacingControl", "doNotCompress");
    xml.open("w:compat");
    auto setting = [&](const char* name, const char* value) {
        xml.open("w:compatSetting").attr("w:name", name).attr("w:uri", "http://schemas.microsoft.com/office/word").attr("w:val", value).close();
    };
    setting("compatibilityMode", "15");
    setting("overrideTableStyleFontSizeAndJustification", "1");
    setting("enableOpenTypeFeatures", "1");
    setting("doNotFlipMirrorIndents", "1");
    xml.close();
    add_val(xml, "w:themeFontLang", "en-GB");
    add_val(xml, "w:decimalSymbol", ".");
    add_val(xml, "w:listSeparator", ",");
    xml.close();
    return out;
}

// A draft's running header starts every page with what it is (issue 13).
std::string header_part(const model::Metadata& meta) {
    std::string out(k_xml_declaration);
    XmlWriter xml(out);
    xml.open("w:hdr").attr("xmlns:w", k_ns_w).attr("xmlns:r", k_ns_r);
    if (meta.draft()) draft_notice(xml, meta);
    xml.open("w:p");
    ParagraphProps props;
    props.style = "Header";
    props.write(xml);
    add_run(xml, meta.school_name);
    add_run(xml, "\t\t" + meta.title);
    xml.close().close();
    return out;
}

std::string first_header_part(const model::Metadata& meta) {
    std::string out(k_xml_declaration);
    XmlWriter xml(out);
    xml.open("w:hdr").attr("xmlns:w", k_ns_w).attr("xmlns:r", k_ns_r);
    if (meta.draft())
        draft_notice(xml, meta);
    else {
        xml.open("w:p");
        ParagraphProps props;
        props.style = "Header";
        props.write(xml);
        xml.close();
    }
    xml.close();
    return out;
}

void draft_notice(XmlWriter& xml, const model::Metadata& meta) {
    xml.open("w:p");
    ParagraphProps props;
    props.style = "DraftNotice";
    props.write(xml);
    add_run(xml, model::status_line(meta));
    xml.close();
}

std::string footer_part(const model::Metadata& meta) {
    return page_part("w:ftr", "Footer", [&](XmlWriter& xml) {
        add_run(xml, "Next review: " + (meta.next_review ? util::to_long(*meta.next_review) : std::string("not set")));
        add_run(xml, "\t\tPage ");
        add_field(xml, "PAGE \\* Arabic", "1");
        add_run(xml, " of ");
        add_field(xml, "NUMPAGES \\* Arabic", "1");
    });
}

}  // namespace clausebook::write::docx
