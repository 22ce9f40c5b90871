#include "write/docx/xml.hpp"

#include <cstdio>

namespace clausebook::write::docx {

namespace {

bool allowed(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
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
    // Most text is printable ASCII, which needs no decoding: copied as it is.
    std::size_t plain = 0;
    while (plain < s.size()) {
        auto c = static_cast<unsigned char>(s[plain]);
        if (c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) break;
        ++plain;
    }
    std::string out(s.substr(0, plain));
    if (plain == s.size()) return out;
    out.reserve(s.size());
    for (std::size_t i = plain; i < s.size();) {
        char32_t cp = 0;
        std::size_t len = decode(s, i, cp);
        if (len == 0) {
            ++i;
            continue;
        }
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

// pugixml's escaping: in text, & < > and control characters but tab, newline and carriage
// return; in attribute values, & < " and every control character; control characters as
// two-digit references (&#09;).
void escape(std::string& out, std::string_view s, bool attribute) {
    std::size_t done = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c > '>' || (c >= ' ' && c != '&' && c != '<' && c != '>' && c != '"')) continue;
        const char* with = nullptr;
        char numeric[8];
        if (c == '&')
            with = "&amp;";
        else if (c == '<')
            with = "&lt;";
        else if (c == '>' && !attribute)
            with = "&gt;";
        else if (c == '"' && attribute)
            with = "&quot;";
        else if (c < 32 && (attribute || (c != '\t' && c != '\n' && c != '\r'))) {
            std::snprintf(numeric, sizeof numeric, "&#%02u;", static_cast<unsigned>(c));
            with = numeric;
        }
        if (!with) continue;
        out.append(s, done, i - done);
        out += with;
        done = i + 1;
    }
    out.append(s, done, std::string_view::npos);
}

}  // namespace

std::string to_bytes(const pugi::xml_document& doc) {
    std::string out(k_xml_declaration);
    StringWriter writer(out);
    doc.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return out;
}

void XmlWriter::end_start_tag() {
    if (m_in_start_tag) {
        m_out += '>';
        m_in_start_tag = false;
    }
}

XmlWriter& XmlWriter::open(std::string_view name) {
    end_start_tag();
    m_out += '<';
    m_out += name;
    m_open.push_back(name);
    m_in_start_tag = true;
    return *this;
}

XmlWriter& XmlWriter::attr(std::string_view name, std::string_view value) {
    m_out += ' ';
    m_out += name;
    m_out += "=\"";
    escape(m_out, value, true);
    m_out += '"';
    return *this;
}

XmlWriter& XmlWriter::attr(std::string_view name, int value) { return attr(name, std::to_string(value)); }

XmlWriter& XmlWriter::text(std::string_view s) {
    end_start_tag();
    escape(m_out, s, false);
    return *this;
}

XmlWriter& XmlWriter::raw(std::string_view xml) {
    end_start_tag();
    m_out += xml;
    return *this;
}

XmlWriter& XmlWriter::close() {
    if (m_in_start_tag) {
        m_out += "/>";
        m_in_start_tag = false;
    } else {
        m_out += "</";
        m_out += m_open.back();
        m_out += '>';
    }
    m_open.pop_back();
    return *this;
}

XmlWriter& XmlWriter::empty(std::string_view name, std::string_view attr_name, std::string_view value) {
    open(name);
    if (!attr_name.empty()) attr(attr_name, value);
    return close();
}

void add_val(XmlWriter& xml, std::string_view name, std::string_view value, std::string_view attr) { xml.open(name).attr(attr, xml_safe(value)).close(); }

void ParagraphProps::write(XmlWriter& xml) const {
    bool any = !style.empty() || keep_next || page_break_before || num_id || border_top || !tabs.empty() || space_before || space_after || indent_left ||
               !justify.empty();
    if (!any) return;
    xml.open("w:pPr");
    if (!style.empty()) add_val(xml, "w:pStyle", style);
    if (keep_next) xml.empty("w:keepNext");
    if (page_break_before) xml.empty("w:pageBreakBefore");
    if (num_id) {
        xml.open("w:numPr");
        add_val(xml, "w:ilvl", std::to_string(num_level));
        add_val(xml, "w:numId", std::to_string(*num_id));
        xml.close();
    }
    if (border_top) xml.open("w:pBdr").open("w:top").attr("w:val", "single").attr("w:sz", "6").attr("w:space", "6").attr("w:color", "auto").close().close();
    if (!tabs.empty()) {
        xml.open("w:tabs");
        for (const auto& t : tabs) {
            xml.open("w:tab").attr("w:val", xml_safe(t.kind));
            if (!t.leader.empty()) xml.attr("w:leader", t.leader);
            xml.attr("w:pos", t.pos).close();
        }
        xml.close();
    }
    if (space_before || space_after) {
        xml.open("w:spacing");
        if (space_before) xml.attr("w:before", *space_before);
        if (space_after) xml.attr("w:after", *space_after);
        xml.close();
    }
    if (indent_left) xml.open("w:ind").attr("w:left", *indent_left).close();
    if (!justify.empty()) add_val(xml, "w:jc", justify);
    xml.close();
}

void RunProps::write(XmlWriter& xml) const {
    if (empty()) return;
    xml.open("w:rPr");
    if (!style.empty()) add_val(xml, "w:rStyle", style);
    if (bold) xml.empty("w:b").empty("w:bCs");
    if (italic) xml.empty("w:i").empty("w:iCs");
    if (strike) xml.empty("w:strike");
    xml.close();
}

void add_run(XmlWriter& xml, std::string_view text, const RunProps& props) {
    xml.open("w:r");
    props.write(xml);
    std::string clean = xml_safe(text);
    for (char& c : clean)
        if (c == '\n' || c == '\r') c = ' ';
    std::string_view rest = clean;
    while (!rest.empty()) {
        std::size_t tab = rest.find('\t');
        if (tab != 0) xml.open("w:t").attr("xml:space", "preserve").text(rest.substr(0, tab)).close();
        if (tab == std::string_view::npos) break;
        xml.empty("w:tab");
        rest.remove_prefix(tab + 1);
    }
    xml.close();
}

void add_field_char(XmlWriter& xml, std::string_view kind) { xml.open("w:r").empty("w:fldChar", "w:fldCharType", kind).close(); }

void add_field(XmlWriter& xml, const std::string& instruction, const std::string& result, const RunProps& props) {
    add_field_char(xml, "begin");
    xml.open("w:r").open("w:instrText").attr("xml:space", "preserve").text(" " + instruction + " ").close().close();
    add_field_char(xml, "separate");
    add_run(xml, result, props);
    add_field_char(xml, "end");
}

}  // namespace clausebook::write::docx
