#include "write/pdf/xmp.hpp"

#include <xxhash.h>

#include <cstdio>

#include "util/date.hpp"
#include "util/environment.hpp"

namespace clausebook::write::pdf {

namespace {

// Text as XML character data or an attribute value: the five special characters as
// references, and the control characters XML 1.0 does not allow left out.
void put_xml(std::string& out, std::string_view s) {
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            if (u >= 0x20 || c == '\t' || c == '\n') out += c;
        }
    }
}

void simple(std::string& out, const char* name, std::string_view value) {
    out += "   <";
    out += name;
    out += '>';
    put_xml(out, value);
    out += "</";
    out += name;
    out += ">\n";
}

// An array property: rdf:Seq, rdf:Bag or rdf:Alt of plain items.
void array(std::string& out, const char* name, const char* kind, std::initializer_list<std::string_view> items) {
    out += "   <";
    out += name;
    out += "><rdf:";
    out += kind;
    out += '>';
    for (std::string_view item : items) {
        out += "<rdf:li>";
        put_xml(out, item);
        out += "</rdf:li>";
    }
    out += "</rdf:";
    out += kind;
    out += "></";
    out += name;
    out += ">\n";
}

// A language alternative: the text as the default (what a reader shows when it matches no
// language) and again as `language`'s.
void alternative(std::string& out, const char* name, std::string_view text, std::string_view language) {
    out += "   <";
    out += name;
    out += "><rdf:Alt><rdf:li xml:lang=\"x-default\">";
    put_xml(out, text);
    out += "</rdf:li><rdf:li xml:lang=\"";
    put_xml(out, language);
    out += "\">";
    put_xml(out, text);
    out += "</rdf:li></rdf:Alt></";
    out += name;
    out += ">\n";
}

}  // namespace

std::string derived_uuid(std::string_view seed) {
    XXH128_hash_t h = XXH3_128bits(seed.data(), seed.size());
    unsigned char b[16];
    for (int i = 0; i < 8; ++i) {
        b[i] = static_cast<unsigned char>(h.high64 >> (56 - 8 * i));
        b[8 + i] = static_cast<unsigned char>(h.low64 >> (56 - 8 * i));
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x80);  // version 8: made by the application
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // the RFC's variant
    char out[48];
    std::snprintf(out, sizeof out, "uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                  b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return out;
}

std::string xmp_packet(const XmpFacts& facts) {
    const DocumentProperties& p = facts.properties;
    std::string keywords = keyword_list(p);
    std::string out;
    out.reserve(2048);
    // The packet's header: the byte order mark spelled in UTF-8, and the id XMP fixes.
    out += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    out += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
    out += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
    out += "  <rdf:Description rdf:about=\"\"\n";
    out += "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
    out += "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n";
    out += "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n";
    out += "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n";
    simple(out, "dc:format", "application/pdf");
    alternative(out, "dc:title", p.title, p.language);  // /Title
    array(out, "dc:creator", "Seq", {p.creator});  // /Author
    alternative(out, "dc:description", p.subject, p.language);  // /Subject, as XMP maps it
    out += "   <dc:subject><rdf:Bag>";  // the keywords one by one; pdf:Keywords has them as /Keywords
    for (const auto& k : p.keywords) {
        out += "<rdf:li>";
        put_xml(out, k);
        out += "</rdf:li>";
    }
    out += "</rdf:Bag></dc:subject>\n";
    array(out, "dc:language", "Bag", {p.language});  // the catalog's /Lang
    simple(out, "pdf:Keywords", keywords);
    simple(out, "pdf:Producer", facts.producer);
    simple(out, "xmp:CreatorTool", facts.creator_tool);
    simple(out, "xmp:CreateDate", facts.date);
    simple(out, "xmp:ModifyDate", facts.date);
    simple(out, "xmp:MetadataDate", facts.date);
    simple(out, "xmpMM:DocumentID", facts.document_id);
    simple(out, "xmpMM:InstanceID", facts.instance_id);
    out += "  </rdf:Description>\n";
    out += " </rdf:RDF>\n";
    out += "</x:xmpmeta>\n";
    out += "<?xpacket end=\"r\"?>";  // read-only: no padding for editing in place
    return out;
}

DocumentTime document_time(const model::Metadata& meta, const WriteOptions& options) {
    DocumentTime t;
    if (options.source_date_epoch) {
        util::UtcTime u = util::utc_time(*options.source_date_epoch);
        t.y = u.date.year, t.mo = u.date.month, t.d = u.date.day;
        t.h = u.hour, t.mi = u.minute, t.s = u.second;
    } else if (meta.approved) {
        t.y = meta.approved->year, t.mo = meta.approved->month, t.d = meta.approved->day;
    }
    return t;
}

}  // namespace clausebook::write::pdf
