#include "write/docx/styles_part.hpp"

#include "util/text.hpp"
#include "write/docx/schema_order.hpp"
#include "write/docx/xml.hpp"

namespace clausebook::write {
std::string_view default_docx_styles();  // generated from templates/docx/styles.xml
}

namespace clausebook::write::docx {

namespace {

constexpr const char* k_rule = "docx-styles";

pugi::xml_node find_style(pugi::xml_node styles, const char* id) {
    for (pugi::xml_node s : styles.children("w:style"))
        if (std::string_view(s.attribute("w:styleId").value()) == id) return s;
    return {};
}

util::SourcePos position(const std::string& text, const std::string& path, std::ptrdiff_t offset) {
    if (offset < 0) offset = 0;
    util::LineCol lc = util::line_col_at(text, static_cast<std::size_t>(offset));
    return {path, lc.line, static_cast<int>(lc.col0) + 1};
}

}  // namespace

const std::vector<StyleUse>& styles_used() {
    static const std::vector<StyleUse> k_styles = {
        {"Normal", "paragraph", "the base of every paragraph style"},
        {"Title", "paragraph", "the policy's title on the first page"},
        {"Subtitle", "paragraph", "the school's name under the title"},
        {"DraftNotice", "paragraph", "a draft's status line, on the cover and in the running header"},
        {"CoverLabel", "paragraph", "the left column of the cover table (Approved on, ...)"},
        {"CoverValue", "paragraph", "the right column of the cover table"},
        {"TOCHeading", "paragraph", "the \"Contents\" heading"},
        {"TOC1", "paragraph", "a section's entry in the table of contents"},
        {"TOC2", "paragraph", "a clause's entry in the table of contents"},
        {"Heading1", "paragraph", "a section heading (\"3 Staff\"), outline level 1"},
        {"Heading2", "paragraph", "a clause heading (\"3.2 Personal use\"), outline level 2"},
        {"Heading3", "paragraph", "a heading inside a clause's text"},
        {"BodyText", "paragraph", "the paragraphs of clause text"},
        {"ListParagraph", "paragraph", "list items (numbering from word/numbering.xml)"},
        {"Quote", "paragraph", "block quotes"},
        {"SourceCode", "paragraph", "code blocks and raw HTML shown as text"},
        {"TableHeading", "paragraph", "header-row cells of tables in clause text"},
        {"TableText", "paragraph", "other cells of tables in clause text"},
        {"Header", "paragraph", "the running header (school, policy)"},
        {"Footer", "paragraph", "the running footer (next review, page X of Y)"},
        {"Hyperlink", "character", "links and cross-references"},
        {"VerbatimChar", "character", "inline code"},
        {"TableGrid", "table", "tables in clause text (repeating header row)"},
        {"CoverTable", "table", "the cover table"},
    };
    return k_styles;
}

void check_styles(const std::string& text, const std::string& path, util::Diagnostics& diags) {
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        diags.error(position(text, path, parsed.offset), k_rule, std::string("not well-formed XML: ") + parsed.description());
        return;
    }
    pugi::xml_node root = doc.document_element();
    if (std::string_view(root.name()) != "w:styles") {
        diags.error(position(text, path, root.offset_debug()), k_rule, "the root element must be w:styles (a Word styles.xml, w: prefix)",
                    "start from this repository's templates/docx/styles.xml");
        return;
    }
    for (pugi::xml_node s : root.children("w:style")) {
        std::string id = s.attribute("w:styleId").value();
        std::string type = s.attribute("w:type").value();
        if (id.empty() || type.empty()) {
            diags.error(position(text, path, s.offset_debug()), k_rule, "a w:style needs both w:styleId and w:type");
            continue;
        }
        for (const auto& use : styles_used())
            if (use.id == id && use.type != type)
                diags.error(position(text, path, s.offset_debug()), k_rule,
                            "style '" + id + "' is used for " + std::string(use.used_for) + " and must have w:type=\"" + std::string(use.type) + "\"");
    }
    std::string problem = property_order_problem(root);
    if (!problem.empty())
        diags.error({path, 0, 0}, k_rule, "property elements out of schema order: " + problem, "Word refuses such a file; see docs/docx.md for the order");
}

std::string styles_part(const std::string& trust_styles, const std::string& font) {
    pugi::xml_document doc;
    std::string_view builtin = default_docx_styles();
    doc.load_buffer(builtin.data(), builtin.size(), pugi::parse_default, pugi::encoding_utf8);
    pugi::xml_node root = doc.document_element();
    if (!trust_styles.empty()) {
        pugi::xml_document theirs;
        if (theirs.load_buffer(trust_styles.data(), trust_styles.size(), pugi::parse_default, pugi::encoding_utf8)) {
            pugi::xml_node their_root = theirs.document_element();
            pugi::xml_node after = root.child("w:docDefaults");
            for (const char* part : {"w:docDefaults", "w:latentStyles"}) {
                pugi::xml_node replacement = their_root.child(part);
                if (!replacement) continue;
                pugi::xml_node mine = root.child(part);
                pugi::xml_node copy = mine    ? root.insert_copy_before(replacement, mine)
                                      : after ? root.insert_copy_after(replacement, after)
                                              : root.prepend_copy(replacement);
                if (mine) root.remove_child(mine);
                after = copy;
            }
            for (pugi::xml_node s : their_root.children("w:style")) {
                pugi::xml_node mine = find_style(root, s.attribute("w:styleId").value());
                if (mine) {
                    root.insert_copy_before(s, mine);
                    root.remove_child(mine);
                } else {
                    root.append_copy(s);
                }
            }
        }
    }
    if (!font.empty()) {
        // w:docDefaults/w:rPrDefault/w:rPr/w:rFonts, made where missing; the element order
        // inside w:rPr puts w:rFonts first but for w:rStyle, which defaults have not.
        pugi::xml_node defaults = root.child("w:docDefaults");
        if (!defaults) defaults = root.prepend_child("w:docDefaults");
        pugi::xml_node rpr_default = defaults.child("w:rPrDefault");
        if (!rpr_default) rpr_default = defaults.prepend_child("w:rPrDefault");
        pugi::xml_node rpr = rpr_default.child("w:rPr");
        if (!rpr) rpr = rpr_default.append_child("w:rPr");
        pugi::xml_node fonts = rpr.child("w:rFonts");
        if (!fonts) fonts = rpr.prepend_child("w:rFonts");
        for (const char* a : {"w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"}) {
            pugi::xml_attribute attr = fonts.attribute(a);
            (attr ? attr : fonts.append_attribute(a)).set_value(font.c_str());
        }
        for (const char* theme : {"w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"}) fonts.remove_attribute(theme);
    }
    // Comments in the template are for the people who edit it, not for Word.
    std::vector<pugi::xml_node> comments;
    for (pugi::xml_node c : root.children())
        if (c.type() == pugi::node_comment) comments.push_back(c);
    for (pugi::xml_node c : comments) root.remove_child(c);
    return to_bytes(doc);
}

}  // namespace clausebook::write::docx
