#include "write/docx/package_parts.hpp"

#include "util/date.hpp"
#include "util/text.hpp"
#include "write/docx/xml.hpp"

namespace clausebook::write::docx {

namespace {

constexpr const char* k_ns_content_types = "http://schemas.openxmlformats.org/package/2006/content-types";

pugi::xml_node element(pugi::xml_node parent, const char* name, const std::string& text) {
    pugi::xml_node n = parent.append_child(name);
    n.text().set(xml_safe(text).c_str());
    return n;
}

// A header or footer part: w:hdr or w:ftr with one paragraph of `style`.
pugi::xml_node page_part(pugi::xml_document& doc, const char* root_name, const char* style) {
    pugi::xml_node root = doc.append_child(root_name);
    root.append_attribute("xmlns:w") = k_ns_w;
    root.append_attribute("xmlns:r") = k_ns_r;
    pugi::xml_node p = root.append_child("w:p");
    ParagraphProps props;
    props.style = style;
    props.write(p);
    return p;
}

}  // namespace

std::string content_types_part(const std::vector<PartType>& parts) {
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("Types");
    root.append_attribute("xmlns") = k_ns_content_types;
    pugi::xml_node rels = root.append_child("Default");
    rels.append_attribute("Extension") = "rels";
    rels.append_attribute("ContentType") = "application/vnd.openxmlformats-package.relationships+xml";
    pugi::xml_node xml = root.append_child("Default");
    xml.append_attribute("Extension") = "xml";
    xml.append_attribute("ContentType") = "application/xml";
    for (const auto& p : parts) {
        pugi::xml_node o = root.append_child("Override");
        o.append_attribute("PartName") = ("/" + p.name).c_str();
        o.append_attribute("ContentType") = p.content_type.c_str();
    }
    return to_bytes(doc);
}

std::string package_rels_part() {
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("Relationships");
    root.append_attribute("xmlns") = k_ns_package_rels;
    const std::pair<const char*, const char*> rels[] = {
        {"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml"},
        {"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"},
        {"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml"},
    };
    int n = 1;
    for (const auto& [type, target] : rels) {
        pugi::xml_node r = root.append_child("Relationship");
        r.append_attribute("Id") = ("rId" + std::to_string(n++)).c_str();
        r.append_attribute("Type") = type;
        r.append_attribute("Target") = target;
    }
    return to_bytes(doc);
}

std::string core_part(const model::Metadata& meta, const std::string& timestamp) {
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("cp:coreProperties");
    root.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    root.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
    root.append_attribute("xmlns:dcmitype") = "http://purl.org/dc/dcmitype/";
    root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    element(root, "dc:title", meta.title);
    element(root, "dc:subject", meta.title + " of " + meta.school_name);
    element(root, "dc:creator", meta.school_name);
    std::vector<std::string> keywords = {"policy", meta.policy_id, meta.school_name};
    if (!meta.trust_name.empty()) keywords.push_back(meta.trust_name);
    element(root, "cp:keywords", util::join(keywords, "; "));
    std::string description = "Approved " + (meta.approved ? util::to_long(*meta.approved) : std::string("(date not recorded)"));
    if (!meta.approved_by.empty()) description += " by " + meta.approved_by;
    if (!meta.minute.empty()) description += ", minute " + meta.minute;
    description += ". Next review: " + (meta.next_review ? util::to_long(*meta.next_review) : std::string("not set")) + ".";
    element(root, "dc:description", description);
    element(root, "cp:lastModifiedBy", meta.trust_name.empty() ? meta.school_name : meta.trust_name);
    element(root, "cp:category", "Policy");
    element(root, "dcterms:created", timestamp).append_attribute("xsi:type") = "dcterms:W3CDTF";
    element(root, "dcterms:modified", timestamp).append_attribute("xsi:type") = "dcterms:W3CDTF";
    return to_bytes(doc);
}

std::string app_part(const model::Metadata& meta) {
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("Properties");
    root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
    root.append_attribute("xmlns:vt") = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
    if (!meta.trust_name.empty()) element(root, "Company", meta.trust_name);
    element(root, "TotalTime", "0");
    element(root, "Application", "clausebook");
    element(root, "DocSecurity", "0");
    return to_bytes(doc);
}

std::string settings_part() {
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("w:settings");
    root.append_attribute("xmlns:w") = k_ns_w;
    add_val(root, "w:zoom", "100", "w:percent");
    add_val(root, "w:defaultTabStop", "720");
    add_val(root, "w:characterSpacingControl", "doNotCompress");
    pugi::xml_node compat = root.append_child("w:compat");
    auto setting = [&](const char* name, const char* value) {
        pugi::xml_node s = compat.append_child("w:compatSetting");
        s.append_attribute("w:name") = name;
        s.append_attribute("w:uri") = "http://schemas.microsoft.com/office/word";
        s.append_attribute("w:val") = value;
    };
    setting("compatibilityMode", "15");
    setting("overrideTableStyleFontSizeAndJustification", "1");
    setting("enableOpenTypeFeatures", "1");
    setting("doNotFlipMirrorIndents", "1");
    add_val(root, "w:themeFontLang", "en-GB");
    add_val(root, "w:decimalSymbol", ".");
    add_val(root, "w:listSeparator", ",");
    return to_bytes(doc);
}

std::string header_part(const model::Metadata& meta) {
    pugi::xml_document doc;
    pugi::xml_node p = page_part(doc, "w:hdr", "Header");
    add_run(p, meta.school_name);
    add_run(p, "\t\t" + meta.title);
    return to_bytes(doc);
}

std::string first_header_part() {
    pugi::xml_document doc;
    page_part(doc, "w:hdr", "Header");
    return to_bytes(doc);
}

std::string footer_part(const model::Metadata& meta) {
    pugi::xml_document doc;
    pugi::xml_node p = page_part(doc, "w:ftr", "Footer");
    add_run(p, "Next review: " + (meta.next_review ? util::to_long(*meta.next_review) : std::string("not set")));
    add_run(p, "\t\tPage ");
    add_field(p, "PAGE \\* Arabic", "1");
    add_run(p, " of ");
    add_field(p, "NUMPAGES \\* Arabic", "1");
    return to_bytes(doc);
}

}  // namespace clausebook::write::docx
