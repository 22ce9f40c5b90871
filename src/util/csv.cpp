#include "util/csv.hpp"

namespace clausebook::util {

std::string csv_field(std::string_view s) {
    bool number = s.size() > 1 && s[0] == '-' && s.find_first_not_of("0123456789.", 1) == std::string_view::npos;
    bool formula = !s.empty() && !number && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
    if (!formula && s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    if (formula) out += '\'';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void csv_row(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_field(fields[i]);
    }
    out += "\r\n";
}

}  // namespace clausebook::util
