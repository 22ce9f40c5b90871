// The PDF's XMP metadata (ISO 32000-1, 14.3.2; XMP, ISO 16684-1): the packet the catalog's
// /Metadata stream holds, made from the same facts as the document information dictionary
// (/Info), so that a reader of either finds the same title, author, subject, keywords, producer
// and dates. docs/pdf.md, "Metadata".
#pragma once

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

// The packet: UTF-8, with its xpacket wrapper, ready to be the stream's data uncompressed.
std::string xmp_packet(const XmpFacts& facts);

// A name-based id in the form of a UUID (version 8, RFC 9562) made from `seed` by hashing: the
// same seed gives the same id, and no clock or random number is read. "uuid:xxxxxxxx-...".
std::string derived_uuid(std::string_view seed);

}  // namespace clausebook::write::pdf
