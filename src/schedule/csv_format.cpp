// schedule --format csv: RFC 4180 (CRLF, fields quoted when they hold a comma, quote or line
// break), with ISO dates so a spreadsheet sorts them, and a machine-readable status column.
#include "schedule/formats.hpp"

namespace clausebook::schedule {

namespace {

std::string field(const std::string& s) {
    // A leading = + - @ (or tab, carriage return) would be run as a formula by spreadsheet
    // programs: quote it as text.
    bool number = s.size() > 1 && s[0] == '-' && s.find_first_not_of("0123456789", 1) == std::string::npos;
    bool formula = !s.empty() && !number && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
    if (s.find_first_of(",\"\r\n") == std::string::npos && !formula) return s;
    std::string out = "\"";
    if (formula) out += "'";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void row(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + field(cells[i]);
    out += "\r\n";
}

}  // namespace

std::string write_csv(const Schedule& s) {
    std::string out;
    auto head = columns();
    head.insert(head.begin(), {"School id", "Policy id"});
    head.push_back("Status code");
    head.push_back("Days until due");
    row(out, head);
    for (const auto& e : s.entries) {
        auto c = cells(s, e);
        c.insert(c.begin(), {e.meta.school_id, e.meta.policy_id});
        c.push_back(status_id(e.status));
        c.push_back(e.meta.next_review ? std::to_string(e.days) : "");
        row(out, c);
    }
    return out;
}

}  // namespace clausebook::schedule
