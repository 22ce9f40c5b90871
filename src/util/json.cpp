#include "util/json.hpp"

#include <charconv>
#include <stdexcept>

namespace clausebook::util {

namespace {

// A scalar or key, written by the library; bytes that are not UTF-8 become U+FFFD.
void append_scalar(std::string& out, const Json& value) { out += value.dump(-1, ' ', false, Json::error_handler_t::replace); }

// The library's one-line form has no spaces; this lays objects and arrays out with them and
// leaves every key and scalar to the library.
void append_line(std::string& out, const Json& value) {
    if (value.is_object()) {
        out += '{';
        bool first = true;
        for (const auto& [key, member] : value.items()) {
            if (!first) out += ", ";
            first = false;
            append_scalar(out, Json(key));
            out += ": ";
            append_line(out, member);
        }
        out += '}';
    } else if (value.is_array()) {
        out += '[';
        bool first = true;
        for (const auto& element : value) {
            if (!first) out += ", ";
            first = false;
            append_line(out, element);
        }
        out += ']';
    } else {
        append_scalar(out, value);
    }
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    // Printable ASCII needs no escape but these two; control characters, DEL and every byte of
    // a multi-byte character (or of invalid UTF-8, which becomes U+FFFD) go to the library.
    for (unsigned char c : s)
        if (c < 0x20 || c >= 0x7F) {
            append_scalar(out, Json(std::string(s)));
            return;
        }
    out += '"';
    std::size_t from = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '"' && s[i] != '\\') continue;
        out.append(s.substr(from, i - from));
        out += '\\';
        out += s[i];
        from = i + 1;
    }
    out.append(s.substr(from));
    out += '"';
}

void append_json_number(std::string& out, long long n) {
    char buf[24];
    auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
    out.append(buf, end);
}

std::string json_line(const Json& value) {
    std::string out;
    append_line(out, value);
    return out;
}

std::string json_document(const Json& value) { return value.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

JsonObjectWriter::JsonObjectWriter() : m_out("{") {}

void JsonObjectWriter::next_member(std::string_view key) {
    if (m_in_array) throw std::logic_error("JsonObjectWriter: a member inside an open array");
    m_out += m_first_member ? "\n  " : ",\n  ";
    m_first_member = false;
    append_scalar(m_out, Json(key));
    m_out += ": ";
}

void JsonObjectWriter::member(std::string_view key, const Json& value) {
    next_member(key);
    append_line(m_out, value);
}

void JsonObjectWriter::begin_array(std::string_view key) {
    next_member(key);
    m_out += '[';
    m_in_array = true;
    m_first_element = true;
}

void JsonObjectWriter::element(const Json& value) {
    if (!m_in_array) throw std::logic_error("JsonObjectWriter: an element outside an array");
    m_out += m_first_element ? "\n    " : ",\n    ";
    m_first_element = false;
    append_line(m_out, value);
}

std::string& JsonObjectWriter::raw_element() {
    if (!m_in_array) throw std::logic_error("JsonObjectWriter: an element outside an array");
    m_out += m_first_element ? "\n    " : ",\n    ";
    m_first_element = false;
    return m_out;
}

void JsonObjectWriter::end_array() {
    if (!m_in_array) throw std::logic_error("JsonObjectWriter: no array to end");
    m_out += m_first_element ? "]" : "\n  ]";
    m_in_array = false;
}

std::string JsonObjectWriter::finish() {
    if (m_in_array) end_array();
    m_out += m_first_member ? "}\n" : "\n}\n";
    return std::move(m_out);
}

}  // namespace clausebook::util
