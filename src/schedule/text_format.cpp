// schedule --format text: one line per policy, columns padded to the widest cell.
#include <algorithm>

#include "schedule/formats.hpp"

namespace clausebook::schedule {

namespace {
std::size_t width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}
}  // namespace

std::string write_text(const Schedule& s) {
    std::vector<std::vector<std::string>> rows = {columns()};
    for (const auto& e : s.entries) rows.push_back(cells(s, e));
    // Approved by and Minute are long and rarely needed at a glance: the text view leaves them out.
    const std::vector<std::size_t> shown = {0, 1, 2, 5, 6, 7};
    std::vector<std::size_t> widths(columns().size(), 0);
    for (const auto& r : rows)
        for (auto c : shown) widths[c] = std::max(widths[c], width(r[c]));
    std::string out;
    for (const auto& r : rows) {
        std::string line;
        for (auto c : shown) {
            line += r[c];
            if (c != shown.back()) line += std::string(widths[c] - width(r[c]) + 2, ' ');
        }
        out += line + "\n";
    }
    out += "As of " + util::to_long(s.today) + ": due soon means within " + std::to_string(s.due_within_days) + " days.\n";
    return out;
}

}  // namespace clausebook::schedule
