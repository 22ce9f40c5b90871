// The bytes of a PDF file (ISO 32000-1, 7.5): numbered objects written in any order, streams
// deflated with libdeflate at a level of our choosing, object streams and a cross-reference
// stream.
// pdf_writer.cpp writes the document's objects through it; docs/pdf.md describes the result.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace clausebook::write::pdf {

// Numbers as PDF writes them: at most `decimals` places, no trailing zeros, no exponent.
void put_number(std::string& out, double v, int decimals = 3);
void put_int(std::string& out, long long v);

// A text string (7.9.2.2): a literal string if `s` is printable ASCII, else UTF-16BE with a
// byte order mark, as a hex string. `s` is UTF-8.
void put_text_string(std::string& out, std::string_view s);
// A byte string as a literal string, with ( ) \ escaped and CR and LF written as \r and \n,
// which a reader would otherwise take as a line end (names of destinations, URIs).
void put_literal(std::string& out, std::string_view s);
// The same without the parentheses: bytes inside a literal string (a glyph run's codes).
void put_escaped(std::string& out, std::string_view s);
// A name object (7.3.5): /Name with any byte outside ! to ~ (and the delimiters) as #xx.
void put_name(std::string& out, std::string_view s);

// zlib-format deflate (FlateDecode) of `data` at libdeflate's `level`, with this thread's
// compressor.
std::string deflate(std::string_view data, int level);

// The file is PDF 1.5's compact form (7.5.7, 7.5.8): objects that are not streams are packed,
// k_objects_per_stream at a time, into deflated object streams (/Type /ObjStm), and the
// cross-reference table is a deflated cross-reference stream (/Type /XRef), not a table of 20
// bytes an object. A structure tree has an object for every paragraph, cell and link, so this
// is most of what the file's objects cost.
// deflate(data, k_deflate_level), kept by this thread for later documents when the same data
// comes again: most pages' text is the same, byte for byte, in many schools' documents (58% of
// the text of 500 generated schools' pages; bench/README.md, "PDF, 3 December 2026"). Data seen
// once is only remembered by its hash; what is kept stops at a budget.
std::string deflate_kept(std::string_view data);

class PdfFile {
public:
    PdfFile();
    // A new object number, for an object written later.
    int reserve();
    // Object `id`'s dictionary or other value, written now: packed into an object stream, or,
    // with `loose`, written as it is in the file (the document information, which a tool that
    // does not read object streams may look for).
    void object(int id, std::string_view body, bool loose = false);
    // Object `id`: a stream whose dictionary holds `dict` (without the length and filter) and
    // whose data is `data`, deflated.
    void stream(int id, std::string_view dict, std::string_view data);
    // The same, `packed` being data deflate() made already (kept from an earlier document).
    void deflated_stream(int id, std::string_view dict, std::string_view packed);
    // The same, its data as it is, not deflated (the XMP metadata, which a tool that does not
    // read PDF may look for as text).
    void raw_stream(int id, std::string_view dict, std::string_view data);
    // The file's bytes written so far (the objects packed and not yet written are not in them).
    std::string_view written() const { return m_out; }
    // Ends the file: every reserved object must have been written. Returns the bytes. With
    // `file_id` (hexadecimal digits), the trailer carries it as the file identifier, /ID.
    std::string finish(int catalog, int info, std::string_view file_id = {});

private:
    // Where an object is: at a byte offset of the file, or the index-th of object stream
    // `in_stream` (7.5.8.3's entries of type 1 and 2).
    struct Entry {
        std::size_t offset = std::string::npos;  // npos: not written yet, or packed
        int in_stream = 0;
        int index = 0;
    };
    void start_object(int id);
    // Writes the objects packed so far as one object stream.
    void flush_packed();

    std::string m_out;
    std::vector<Entry> m_entries;  // by object number - 1
    std::vector<int> m_packed_ids;  // the objects packed and not yet written, in order
    std::vector<std::size_t> m_packed_offsets;  // each one's offset in m_packed
    std::string m_packed;
};

inline constexpr int k_objects_per_stream = 200;

// The level every stream is deflated at: libdeflate's 1, measured against its 3 and 6 on 100
// generated schools: a sixth less CPU than 6 for files 2% larger (bench/README.md, "PDF").
inline constexpr int k_deflate_level = 1;

}  // namespace clausebook::write::pdf
