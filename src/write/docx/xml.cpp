#include "write/docx/xml.hpp"


namespace clausebook::write::docx {

namespace {

bool allowed(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

// Length of the UTF-8 sequence starting at s[i] and its code point; 0 when it is not valid.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        auto c = static_cast<unsigned char>(s[i + k]);
        if ((c >> 6) != 0x2) return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr char32_t k_min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < k_min[len] || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;  // overlong or surrogate
    return len;
}

}  // namespace

std::string xml_safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        std::size_t len = decode(s, i, cp);
        if (len == 0) { ++i; continue; }
        if (allowed(cp)) out.append(s.substr(i, len));
        i += len;
    }
    return out;
}

namespace {

struct StringWriter : pugi::xml_writer {
    std::string& out;
    explicit StringWriter(std::string& o) : out(o) {}
    void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

}  // namespace

std::string to_bytes(const pugi::xml_document& doc) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    StringWriter writer(out);
    doc.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return out;
}

void append_xml(std::string& out, pugi::xml_node node) {
    StringWriter writer(out);
    node.print(writer, "", pugi::format_raw, pugi::encoding_utf8);
}

pugi::xml_node add_val(pugi::xml_node parent, const char* name, const std::string& value, const char* attr) {
    pugi::xml_node n = parent.append_child(name);
    n.append_attribute(attr) = xml_safe(value).c_str();
    return n;
}

void ParagraphProps::write(pugi::xml_node paragraph) const {
    bool any = !style.empty() || keep_next || page_break_before || num_id || border_bottom || !tabs.empty() ||
               space_before || space_after || indent_left || !justify.empty();
    if (!any) return;
    pugi::xml_node ppr = paragraph.prepend_child("w:pPr");
    if (!style.empty()) add_val(ppr, "w:pStyle", style);
    if (keep_next) ppr.append_child("w:keepNext");
    if (page_break_before) ppr.append_child("w:pageBreakBefore");
    if (num_id) {
        pugi::xml_node num = ppr.append_child("w:numPr");
        add_val(num, "w:ilvl", std::to_string(num_level));
        add_val(num, "w:numId", std::to_string(*num_id));
    }
    if (border_bottom) {
        pugi::xml_node bottom = ppr.append_child("w:pBdr").append_child("w:bottom");
        bottom.append_attribute("w:val") = "single";
        bottom.append_attribute("w:sz") = "6";
        bottom.append_attribute("w:space") = "1";
        bottom.append_attribute("w:color") = "auto";
    }
    if (!tabs.empty()) {
        pugi::xml_node ts = ppr.append_child("w:tabs");
        for (const auto& t : tabs) {
            pugi::xml_node tab = add_val(ts, "w:tab", t.kind);
            if (!t.leader.empty()) tab.append_attribute("w:leader") = t.leader.c_str();
            tab.append_attribute("w:pos") = t.pos;
        }
    }
    if (space_before || space_after) {
        pugi::xml_node sp = ppr.append_child("w:spacing");
        if (space_before) sp.append_attribute("w:before") = *space_before;
        if (space_after) sp.append_attribute("w:after") = *space_after;
    }
    if (indent_left) ppr.append_child("w:ind").append_attribute("w:left") = *indent_left;
    if (!justify.empty()) add_val(ppr, "w:jc", justify);
}

void RunProps::write(pugi::xml_node run) const {
    if (empty()) return;
    pugi::xml_node rpr = run.prepend_child("w:rPr");
    if (!style.empty()) add_val(rpr, "w:rStyle", style);
    if (bold) { rpr.append_child("w:b"); rpr.append_child("w:bCs"); }
    if (italic) { rpr.append_child("w:i"); rpr.append_child("w:iCs"); }
    if (strike) rpr.append_child("w:strike");
}

pugi::xml_node add_run(pugi::xml_node parent, std::string_view text, const RunProps& props) {
    pugi::xml_node run = parent.append_child("w:r");
    props.write(run);
    std::string clean = xml_safe(text);
    std::string piece;
    auto flush = [&] {
        if (piece.empty()) return;
        pugi::xml_node t = run.append_child("w:t");
        t.append_attribute("xml:space") = "preserve";
        t.text().set(piece.c_str());
        piece.clear();
    };
    for (char c : clean) {
        if (c == '\t') { flush(); run.append_child("w:tab"); }
        else if (c == '\n' || c == '\r') piece += ' ';
        else piece += c;
    }
    flush();
    return run;
}

void add_field_char(pugi::xml_node parent, const char* kind) {
    parent.append_child("w:r").append_child("w:fldChar").append_attribute("w:fldCharType") = kind;
}

void add_field(pugi::xml_node parent, const std::string& instruction, const std::string& result, const RunProps& props) {
    add_field_char(parent, "begin");
    pugi::xml_node instr = parent.append_child("w:r").append_child("w:instrText");
    instr.append_attribute("xml:space") = "preserve";
    instr.text().set((" " + instruction + " ").c_str());
    add_field_char(parent, "separate");
    add_run(parent, result, props);
    add_field_char(parent, "end");
}

}  // namespace clausebook::write::docx
