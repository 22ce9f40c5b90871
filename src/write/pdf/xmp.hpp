// The PDF's XMP metadata (ISO 32000-1, 14.3.2; XMP, ISO 16684-1): the packet the catalog's
// /Metadata stream holds, made from the same facts as the document information dictionary
// (/Info), so that a reader of either finds the same title, author, subject, keywords, producer
// and dates. docs/pdf.md, "Metadata".
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "write/writer.hpp"

namespace clausebook::write::pdf {

struct XmpFacts {
    DocumentProperties properties;
    std::string creator_tool;  // /Creator
    std::string producer;  // /Producer
    std::string date;  // /CreationDate and /ModDate, as XMP writes a date: 2024-03-01T00:00:00Z
    std::string document_id;  // xmpMM:DocumentID, "uuid:..."
    std::string instance_id;  // xmpMM:InstanceID, "uuid:..."
};

// The document's one time, as the DOCX's (src/write/docx/docx_writer.cpp): SOURCE_DATE_EPOCH
// (from the run's environment, in `options`) when set, else midnight UTC on the approval date,
// else 1 January 1980. Never the clock.
struct DocumentTime {
    int y = 1980, mo = 1, d = 1, h = 0, mi = 0, s = 0;
    // As a PDF date (ISO 32000-1, 7.9.4): D:20240301000000Z.
    std::string pdf() const {
        char buf[40];
        std::snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02dZ", y, mo, d, h, mi, s);
        return buf;
    }
    // As XMP writes a date: 2024-03-01T00:00:00Z.
    std::string xmp() const {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s);
        return buf;
    }
};
DocumentTime document_time(const model::Metadata& meta, const WriteOptions& options);

// The packet: UTF-8, with its xpacket wrapper, ready to be the stream's data uncompressed.
std::string xmp_packet(const XmpFacts& facts);

// A name-based id in the form of a UUID (version 8, RFC 9562) made from `seed` by hashing: the
// same seed gives the same id, and no clock or random number is read. "uuid:xxxxxxxx-...".
std::string derived_uuid(std::string_view seed);

}  // namespace clausebook::write::pdf
