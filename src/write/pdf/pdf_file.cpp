#include "write/pdf/pdf_file.hpp"

#include <libdeflate.h>
#include <xxhash.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace clausebook::write::pdf {

void put_int(std::string& out, long long v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void put_number(std::string& out, double v, int decimals) {
    static constexpr long long k_scale[] = {1, 10, 100, 1000, 10000, 100000};
    long long scale = k_scale[decimals];
    long long n = std::llround(v * static_cast<double>(scale));
    if (n < 0) {
        out += '-';
        n = -n;
    }
    put_int(out, n / scale);
    long long frac = n % scale;
    if (frac == 0) return;
    char digits[8];
    int len = decimals;
    for (int i = decimals - 1; i >= 0; --i) {
        digits[i] = static_cast<char>('0' + frac % 10);
        frac /= 10;
    }
    while (len > 0 && digits[len - 1] == '0') --len;
    out += '.';
    out.append(digits, static_cast<std::size_t>(len));
}

void put_escaped(std::string& out, std::string_view s) {
    for (char c : s) {
        if (c == '\r')
            out += "\\r";
        else if (c == '\n')
            out += "\\n";
        else {
            if (c == '(' || c == ')' || c == '\\') out += '\\';
            out += c;
        }
    }
}

void put_literal(std::string& out, std::string_view s) {
    out += '(';
    put_escaped(out, s);
    out += ')';
}

void put_text_string(std::string& out, std::string_view s) {
    bool ascii = true;
    for (unsigned char c : s)
        if (c < 0x20 || c > 0x7e) ascii = false;
    if (ascii) {
        put_literal(out, s);
        return;
    }
    static const char* hex = "0123456789ABCDEF";
    auto unit = [&](unsigned u) {
        for (int shift = 12; shift >= 0; shift -= 4) out += hex[(u >> shift) & 0xf];
    };
    out += "<FEFF";
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        unsigned cp = 0xfffd;
        std::size_t len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
        if (i + len > s.size()) len = s.size() - i;
        if (len == 1)
            cp = c;
        else {
            cp = c & (0xff >> (len + 1));
            for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
        }
        i += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            unit(0xd800 + (cp >> 10));
            unit(0xdc00 + (cp & 0x3ff));
        } else {
            unit(cp);
        }
    }
    out += '>';
}

void put_name(std::string& out, std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    out += '/';
    for (unsigned char c : s) {
        bool plain = c > 0x20 && c < 0x7f && c != '#' && c != '/' && c != '(' && c != ')' && c != '<' && c != '>' && c != '[' && c != ']' && c != '{' &&
                     c != '}' && c != '%';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '#';
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
}

std::string deflate(std::string_view data, int level) {
    struct Deleter {
        void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
    };
    thread_local int made_level = -1;
    thread_local std::unique_ptr<libdeflate_compressor, Deleter> compressor;
    if (made_level != level) {
        compressor.reset(libdeflate_alloc_compressor(level));
        made_level = level;
    }
    if (!compressor) throw std::bad_alloc();
    std::string out(libdeflate_zlib_compress_bound(compressor.get(), data.size()), '\0');
    std::size_t n = libdeflate_zlib_compress(compressor.get(), data.data(), data.size(), out.data(), out.size());
    out.resize(n);
    return out;
}

std::string deflate_kept(std::string_view data) {
    struct Hash {
        using is_transparent = void;  // found by a string_view, no copy
        std::size_t operator()(std::string_view s) const { return static_cast<std::size_t>(XXH3_64bits(s.data(), s.size())); }
    };
    struct Store {
        std::unordered_map<std::string, std::string, Hash, std::equal_to<>> packed;  // data -> deflated
        std::unordered_set<std::size_t> seen;  // hashes of data deflated once
        std::size_t bytes = 0;
    };
    static constexpr std::size_t k_budget = std::size_t{32} << 20;  // per thread
    static constexpr std::size_t k_seen_limit = 1 << 16;  // forgotten all at once
    thread_local Store store;
    std::size_t h = Hash{}(data);
    auto found = store.packed.find(data);
    if (found != store.packed.end()) return found->second;
    std::string packed = deflate(data, k_deflate_level);
    if (store.bytes >= k_budget) return packed;
    if (store.seen.size() > k_seen_limit) store.seen.clear();
    if (store.seen.insert(h).second) return packed;  // the first time: remembered, not kept
    store.bytes += data.size() + packed.size() + 64;
    store.packed.emplace(std::string(data), packed);
    return packed;
}

PdfFile::PdfFile() {
    m_out.reserve(128 * 1024);
    // The binary comment marks the file as binary for tools that guess (7.5.2). Object and
    // cross-reference streams are PDF 1.5's.
    m_out += "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
}

int PdfFile::reserve() {
    m_entries.emplace_back();
    return static_cast<int>(m_entries.size());
}

void PdfFile::start_object(int id) {
    m_entries[static_cast<std::size_t>(id - 1)].offset = m_out.size();
    put_int(m_out, id);
    m_out += " 0 obj\n";
}

void PdfFile::object(int id, std::string_view body, bool loose) {
    if (loose) {
        start_object(id);
        m_out += body;
        m_out += "\nendobj\n";
        return;
    }
    m_packed_ids.push_back(id);
    m_packed_offsets.push_back(m_packed.size());
    m_packed += body;
    m_packed += '\n';
    if (m_packed_ids.size() >= static_cast<std::size_t>(k_objects_per_stream)) flush_packed();
}

void PdfFile::flush_packed() {
    if (m_packed_ids.empty()) return;
    // 7.5.7: the data begins with each object's number and offset (from /First), then the
    // objects themselves, with no "obj" around them.
    std::string data;
    data.reserve(m_packed.size() + m_packed_ids.size() * 12);
    for (std::size_t i = 0; i < m_packed_ids.size(); ++i) {
        put_int(data, m_packed_ids[i]);
        data += ' ';
        put_int(data, static_cast<long long>(m_packed_offsets[i]));
        data += ' ';
    }
    data.back() = '\n';
    std::size_t first = data.size();
    data += m_packed;
    int id = reserve();
    for (std::size_t i = 0; i < m_packed_ids.size(); ++i) {
        Entry& e = m_entries[static_cast<std::size_t>(m_packed_ids[i] - 1)];
        e.in_stream = id;
        e.index = static_cast<int>(i);
    }
    std::string dict = "/Type /ObjStm /N ";
    put_int(dict, static_cast<long long>(m_packed_ids.size()));
    dict += " /First ";
    put_int(dict, static_cast<long long>(first));
    m_packed_ids.clear();
    m_packed_offsets.clear();
    m_packed.clear();
    stream(id, dict, data);
}

void PdfFile::stream(int id, std::string_view dict, std::string_view data) { deflated_stream(id, dict, deflate(data, k_deflate_level)); }

void PdfFile::deflated_stream(int id, std::string_view dict, std::string_view packed) {
    start_object(id);
    m_out += "<< ";
    m_out += dict;
    m_out += " /Length ";
    put_int(m_out, static_cast<long long>(packed.size()));
    m_out += " /Filter /FlateDecode >>\nstream\n";
    m_out += packed;
    m_out += "\nendstream\nendobj\n";
}

void PdfFile::raw_stream(int id, std::string_view dict, std::string_view data) {
    start_object(id);
    m_out += "<< ";
    m_out += dict;
    m_out += " /Length ";
    put_int(m_out, static_cast<long long>(data.size()));
    m_out += " >>\nstream\n";
    m_out += data;
    m_out += "\nendstream\nendobj\n";
}

std::string PdfFile::finish(int catalog, int info, std::string_view file_id) {
    flush_packed();
    int xref = reserve();
    std::size_t xref_offset = m_out.size();
    m_entries[static_cast<std::size_t>(xref - 1)].offset = xref_offset;
    // 7.5.8: a row per object from 0: its type (0 free, 1 at an offset, 2 in an object stream)
    // and two fields, big-endian, in as many bytes as the largest value needs.
    int offset_bytes = 1;
    const std::size_t largest = std::max(xref_offset, m_entries.size());  // an offset or an object stream's number
    while (offset_bytes < 8 && (largest >> (8 * offset_bytes)) != 0) ++offset_bytes;
    const int w[3] = {1, offset_bytes, 2};
    std::string rows;
    rows.reserve((m_entries.size() + 1) * static_cast<std::size_t>(w[0] + w[1] + w[2]));
    auto field = [&](unsigned long long v, int bytes) {
        for (int b = bytes - 1; b >= 0; --b) rows += static_cast<char>((v >> (8 * b)) & 0xff);
    };
    field(0, w[0]);  // object 0: the head of the (empty) list of free objects
    field(0, w[1]);
    field(0xffff, w[2]);
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const Entry& e = m_entries[i];
        if (e.in_stream) {
            if (e.index > 0xffff) throw std::logic_error("PDF object stream too long");
            field(2, w[0]);
            field(static_cast<unsigned long long>(e.in_stream), w[1]);
            field(static_cast<unsigned long long>(e.index), w[2]);
        } else if (e.offset != std::string::npos) {
            field(1, w[0]);
            field(e.offset, w[1]);
            field(0, w[2]);
        } else {
            throw std::logic_error("PDF object " + std::to_string(i + 1) + " reserved but not written");
        }
    }
    std::string dict = "/Type /XRef /Size ";
    put_int(dict, static_cast<long long>(m_entries.size() + 1));
    dict += " /W [";
    for (int i = 0; i < 3; ++i) {
        put_int(dict, w[i]);
        dict += i < 2 ? " " : "]";
    }
    dict += " /Root ";
    put_int(dict, catalog);
    dict += " 0 R /Info ";
    put_int(dict, info);
    dict += " 0 R";
    if (!file_id.empty()) {
        // The file identifier (14.4): both halves the same, as for a file written anew.
        dict += " /ID [<";
        dict += file_id;
        dict += "> <";
        dict += file_id;
        dict += ">]";
    }
    std::string packed = deflate(rows, k_deflate_level);
    put_int(m_out, xref);
    m_out += " 0 obj\n<< ";
    m_out += dict;
    m_out += " /Length ";
    put_int(m_out, static_cast<long long>(packed.size()));
    m_out += " /Filter /FlateDecode >>\nstream\n";
    m_out += packed;
    m_out += "\nendstream\nendobj\nstartxref\n";
    put_int(m_out, static_cast<long long>(xref_offset));
    m_out += "\n%%EOF\n";
    return std::move(m_out);
}

}  // namespace clausebook::write::pdf
