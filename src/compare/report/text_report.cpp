// --format text: the matrix for a terminal (colour only when stdout is one), the counts, then
// every params / variant / reworded cell with its redline.
#include <algorithm>

#include "compare/markup.hpp"
#include "compare/report/report.hpp"
#include "util/text.hpp"

namespace clausebook::compare::report {

namespace {

constexpr std::size_t k_min_width = 10;
constexpr std::size_t k_max_width = 20;

const char* color_of(const Cell& c) {
    switch (c.status) {
    case Status::same: return "";
    case Status::params: return "\x1b[36m";
    case Status::variant: return "\x1b[34m";
    case Status::reworded: return "\x1b[33m";
    case Status::missing: return c.gap ? "\x1b[1;31m" : "\x1b[2m";
    case Status::local: return "\x1b[35m";
    }
    return "";
}

// `s` cut or padded to `width` bytes (labels and ids are ASCII), then a space.
std::string fit(const std::string& s, std::size_t width) {
    std::string out = s.size() > width ? s.substr(0, width - 1) + "~" : s;
    out.resize(width, ' ');
    return out + " ";
}

}  // namespace

std::string write_text(const Matrix& m, const ReportOptions& options) {
    std::string schools = std::to_string(m.columns.size()) + (m.columns.size() == 1 ? " school" : " schools");
    std::string out = m.kind == Kind::register_entry ? m.policy_title + " (" + m.policy_id + ", a register entry: clausebook does not write it): " + schools +
                                                           ", whether each keeps it and its review (review dates as of " + util::to_iso(m.today) + ")\n"
                                                     : m.policy_title + ": " + schools + " against " + m.trust_name + "'s model wording (review dates as of " +
                                                           util::to_iso(m.today) + ")\n";
    for (const auto& col : m.columns) {
        out += "\n" + col.school_id + "  " + col.school_name + "\n";
        for (const auto& row : meta_rows(col))
            if (!col.registered || !row.value.empty()) out += "  " + fit(row.label, 14) + row.value + "\n";
    }
    if (m.kind == Kind::register_entry) {
        // No text, so no clause table: the status rows above, then one line per school.
        out += "\n";
        for (const auto& col : m.columns) {
            std::string line = col.school_id + ": " + col.summary();
            bool gap = col.keeping == Keeping::gap;
            out += options.color && gap ? "\x1b[1;31m" + line + "\x1b[0m\n" : line + "\n";
        }
        return out;
    }

    std::size_t id_width = 8;
    for (const auto& row : m.rows) id_width = std::max(id_width, row.clause_id.size() + 2);
    id_width = std::min<std::size_t>(id_width, 40);
    std::vector<std::size_t> widths;
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
        std::size_t w = std::max(k_min_width, m.columns[c].school_id.size());
        for (const auto& row : m.rows) w = std::max(w, cell_label(row.cells[c]).size());
        widths.push_back(std::min(w, k_max_width));
    }
    out += "\n" + fit("clause", id_width);
    for (std::size_t c = 0; c < m.columns.size(); ++c) out += fit(m.columns[c].school_id, widths[c]);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
    std::string section;
    for (const auto& row : m.rows) {
        if (row.section_title != section) out += (section = row.section_title) + "\n";
        out += "  " + fit(row.clause_id, id_width - 2);
        for (std::size_t c = 0; c < m.columns.size(); ++c) {
            const Cell& cell = row.cells[c];
            std::string text = fit(cell_label(cell), widths[c]);
            const char* color = color_of(cell);
            out += options.color && *color ? color + text + "\x1b[0m" : text;
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += "\n";
    }

    bool any_local = false;
    for (const auto& col : m.columns) {
        if (col.locals.empty()) continue;
        if (!any_local) out += "\nLocal clauses (only the school named has them)\n";
        any_local = true;
        for (const auto& l : col.locals) {
            std::string text = "  " + fit(col.school_id, id_width - 2) + local_line(l);
            out += options.color ? "\x1b[35m" + text + "\x1b[0m\n" : text + "\n";
        }
    }

    out += "\n";
    for (const auto& col : m.columns) out += col.school_id + ": " + col.summary() + "\n";

    bool any = false;
    for (const auto& row : m.rows)
        for (std::size_t c = 0; c < m.columns.size(); ++c) {
            const Cell& cell = row.cells[c];
            if (cell.status != Status::params && cell.status != Status::variant && cell.status != Status::reworded) continue;
            if (!any) out += "\nDifferences from the model wording\n";
            any = true;
            out += "\n" + row.clause_id + " (" + row.title + ") in " + m.columns[c].school_id + " " + cell.number + ": " + cell_detail(cell) + "\n";
            if (cell.redline.changed()) {
                std::string text = redline_text(cell.redline, options.color);
                std::string indented = "    ";
                for (char ch : text) indented += ch == '\n' ? std::string("\n    ") : std::string(1, ch);
                out += indented + "\n";
            }
        }
    return out;
}

}  // namespace clausebook::compare::report
