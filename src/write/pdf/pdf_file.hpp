// The bytes of a PDF file (ISO 32000-1, 7.5): numbered objects written in any order, streams
// deflated with libdeflate at a level of our choosing, the cross-reference table and trailer.
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

class PdfFile {
public:
    PdfFile();
    // A new object number, for an object written later.
    int reserve();
    // Object `id`'s dictionary or other value, written now.
    void object(int id, std::string_view body);
    // Object `id`: a stream whose dictionary holds `dict` (without the length and filter) and
    // whose data is `data`, deflated.
    void stream(int id, std::string_view dict, std::string_view data);
    // The same, its data as it is, not deflated (the XMP metadata, which a tool that does not
    // read PDF may look for as text).
    void raw_stream(int id, std::string_view dict, std::string_view data);
    // The file's bytes written so far.
    std::string_view written() const { return m_out; }
    // Ends the file: every reserved object must have been written. Returns the bytes.
    std::string finish(int catalog, int info);

private:
    std::string m_out;
    std::vector<std::size_t> m_offsets;  // by object number - 1; npos: not written yet
};

// The level every stream is deflated at: libdeflate's 1, measured against its 3 and 6 on 100
// generated schools: a sixth less CPU than 6 for files 2% larger (bench/README.md, "PDF").
inline constexpr int k_deflate_level = 1;

}  // namespace clausebook::write::pdf
