#include "write/pdf/pdf_file.hpp"

#include <libdeflate.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>

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

PdfFile::PdfFile() {
    m_out.reserve(128 * 1024);
    // The binary comment marks the file as binary for tools that guess (7.5.2).
    m_out += "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
}

int PdfFile::reserve() {
    m_offsets.push_back(std::string::npos);
    return static_cast<int>(m_offsets.size());
}

void PdfFile::object(int id, std::string_view body) {
    m_offsets[static_cast<std::size_t>(id - 1)] = m_out.size();
    put_int(m_out, id);
    m_out += " 0 obj\n";
    m_out += body;
    m_out += "\nendobj\n";
}

void PdfFile::stream(int id, std::string_view dict, std::string_view data) {
    std::string packed = deflate(data, k_deflate_level);
    m_offsets[static_cast<std::size_t>(id - 1)] = m_out.size();
    put_int(m_out, id);
    m_out += " 0 obj\n<< ";
    m_out += dict;
    m_out += " /Length ";
    put_int(m_out, static_cast<long long>(packed.size()));
    m_out += " /Filter /FlateDecode >>\nstream\n";
    m_out += packed;
    m_out += "\nendstream\nendobj\n";
}

void PdfFile::raw_stream(int id, std::string_view dict, std::string_view data) {
    m_offsets[static_cast<std::size_t>(id - 1)] = m_out.size();
    put_int(m_out, id);
    m_out += " 0 obj\n<< ";
    m_out += dict;
    m_out += " /Length ";
    put_int(m_out, static_cast<long long>(data.size()));
    m_out += " >>\nstream\n";
    m_out += data;
    m_out += "\nendstream\nendobj\n";
}

std::string PdfFile::finish(int catalog, int info) {
    std::size_t xref = m_out.size();
    m_out += "xref\n0 ";
    put_int(m_out, static_cast<long long>(m_offsets.size() + 1));
    m_out += "\n0000000000 65535 f \n";
    char line[32];
    for (std::size_t i = 0; i < m_offsets.size(); ++i) {
        if (m_offsets[i] == std::string::npos) throw std::logic_error("PDF object " + std::to_string(i + 1) + " reserved but not written");
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", m_offsets[i]);
        m_out += line;
    }
    m_out += "trailer\n<< /Size ";
    put_int(m_out, static_cast<long long>(m_offsets.size() + 1));
    m_out += " /Root ";
    put_int(m_out, catalog);
    m_out += " 0 R /Info ";
    put_int(m_out, info);
    m_out += " 0 R >>\nstartxref\n";
    put_int(m_out, static_cast<long long>(xref));
    m_out += "\n%%EOF\n";
    return std::move(m_out);
}

}  // namespace clausebook::write::pdf
