// JSON output, for every report that writes JSON: values are built as nlohmann-json objects and
// written by that library, so escaping (control characters, invalid UTF-8) and numbers are the
// same in every report. A report that can hold hundreds of thousands of records (check's
// findings, compare's rows) is written a record at a time by JsonObjectWriter, never held as
// one tree.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace clausebook::util {

// Objects keep their members in the order they were added, as a reader expects to see them.
using Json = nlohmann::ordered_json;

// `value` on one line, a space after each colon and comma ({"rule": "x", "line": 3}); every
// string and number is written by the library, and bytes that are not UTF-8 become U+FFFD.
std::string json_line(const Json& value);

// `value` indented by two spaces a level, ending in a newline: a whole small report.
std::string json_document(const Json& value);

// Appends `s` as a JSON string, quoted, with the same bytes json_line gives for Json(s): plain
// ASCII is copied as it is (with `"` and `\` escaped), anything else is left to the library.
// For reports that write their records' text straight into the output.
void append_json_string(std::string& out, std::string_view s);
// Appends an integer as json_line writes it.
void append_json_number(std::string& out, long long n);

// A JSON object written member by member:
//
//     {
//       "tool": "clausebook",
//       "findings": [
//         {"rule":"review-overdue",...},
//         {"rule":"stale-reference",...}
//       ]
//     }
//
// Each member and each array element on its own line, written by json_line.
class JsonObjectWriter {
public:
    JsonObjectWriter();
    void member(std::string_view key, const Json& value);
    void begin_array(std::string_view key);
    void element(const Json& value);
    // Starts an element and returns the buffer, for a caller that appends the element itself in
    // json_line's layout (with append_json_string and append_json_number).
    std::string& raw_element();
    void end_array();
    // The object, closed, with a newline at the end. The writer is spent.
    std::string finish();
    // Room for `bytes` more, when the caller knows roughly how much is coming.
    void reserve(std::size_t bytes) { m_out.reserve(m_out.size() + bytes); }

private:
    void next_member(std::string_view key);
    std::string m_out;
    bool m_first_member = true;
    bool m_in_array = false;
    bool m_first_element = true;
};

}  // namespace clausebook::util
