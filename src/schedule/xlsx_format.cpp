// schedule --format xlsx: the clerk's workbook, written by libxlsxwriter. One sheet for the whole
// trust and one per school, each with the same columns as the CSV: dates as spreadsheet dates
// (sortable, filterable, shown as "3 Apr 2019"), a status in words with a fill that follows it
// (conditional formatting on the status code column, so a clerk's edits recolour it), a filter
// on the header row, the header row frozen, column widths that fit the longest value, and a
// print layout of A4 landscape, one page wide.
// The same schedule gives the same bytes: the workbook's creation time is the schedule's day.
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

#include "schedule/formats.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace clausebook::schedule {

namespace {

// libxlsxwriter writes to a named file; it goes in a private folder that is always removed.
class ScratchDir {
public:
    explicit ScratchDir(const std::string& base) {
        std::string pattern = base + "/clausebook-xlsx-XXXXXX";
        if (!::mkdtemp(pattern.data())) throw util::Fatal("cannot make a temporary folder for the workbook in " + pattern);
        m_path = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// Most schools that get a sheet of their own (docs/check.md).
constexpr std::size_t k_max_school_sheets = 250;

enum Column { school, policy, approved, approved_by, minute, period, next_review, status, code, days, column_count };

const char* const k_headers[column_count] = {"School",        "Policy",      "Approved", "Approved by", "Minute",
                                             "Review period", "Next review", "Status",   "Status code", "Days until due"};

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* date = nullptr;
    lxw_format* overdue = nullptr;
    lxw_format* due_soon = nullptr;
    lxw_format* scheduled = nullptr;
    lxw_format* missing = nullptr;
};

lxw_format* fill(lxw_workbook* wb, lxw_color_t background, lxw_color_t text) {
    lxw_format* f = workbook_add_format(wb);
    format_set_bg_color(f, background);
    format_set_font_color(f, text);
    return f;
}

Formats make_formats(lxw_workbook* wb) {
    Formats f;
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    f.date = workbook_add_format(wb);
    format_set_num_format(f.date, "d mmm yyyy");
    // Light fills with dark text: at least 4.5:1 contrast, and the words say the same.
    f.overdue = fill(wb, 0xF8D7DA, 0x721C24);
    f.due_soon = fill(wb, 0xFFF3CD, 0x664D03);
    f.scheduled = fill(wb, 0xD1E7DD, 0x0F5132);
    f.missing = fill(wb, 0xE2E3E5, 0x41464B);
    return f;
}

lxw_datetime to_datetime(const util::Date& d) { return lxw_datetime{d.year, d.month, d.day, 0, 0, 0.0}; }

// Excel's rules for a sheet name: 1 to 31 characters, none of []:*?/\, unique ignoring case.
std::string sheet_name(const std::string& wanted, std::set<std::string>& taken) {
    std::string base;
    for (char c : wanted)
        if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) base += c;
    while (!base.empty() && base.front() == '\'') base.erase(base.begin());
    while (!base.empty() && base.back() == '\'') base.pop_back();
    if (base.empty()) base = "School";
    base = util::utf8_prefix(base, 31);
    std::string name = base;
    for (int n = 2; taken.count(util::to_lower(name)); ++n) {
        std::string suffix = " (" + std::to_string(n) + ")";
        name = util::utf8_prefix(base, 31 - suffix.size()) + suffix;
    }
    taken.insert(util::to_lower(name));
    return name;
}

// Width in characters for a column whose longest cell has `chars` characters.
double width_for(std::size_t chars) { return std::clamp(static_cast<double>(chars) + 2.0, 8.0, 60.0); }

void check(lxw_error e, const char* what) {
    if (e != LXW_NO_ERROR) throw util::Fatal(std::string("cannot write the workbook (") + what + "): " + lxw_strerror(e));
}

void write_sheet(lxw_workbook* wb, const std::string& name, const Schedule& s, const std::vector<const Entry*>& entries, const Formats& f) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    if (!ws) throw util::Fatal("cannot add the worksheet '" + name + "' to the workbook");
    std::size_t widest[column_count];
    for (int c = 0; c < column_count; ++c) {
        check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), k_headers[c], f.header), "header");
        widest[c] = util::utf8_length(k_headers[c]);
    }
    lxw_row_t row = 1;
    for (const Entry* e : entries) {
        const auto& m = e->meta;
        auto text = [&](Column c, const std::string& value) {
            if (value.empty()) return;
            check(worksheet_write_string(ws, row, c, value.c_str(), nullptr), "a cell");
            widest[c] = std::max(widest[c], util::utf8_length(value));
        };
        auto date = [&](Column c, const util::Date& d) {
            lxw_datetime dt = to_datetime(d);
            check(worksheet_write_datetime(ws, row, c, &dt, f.date), "a date");
            widest[c] = std::max<std::size_t>(widest[c], 11);
        };
        text(school, m.school_name);
        text(policy, m.title);
        if (m.approved) date(approved, *m.approved);
        text(approved_by, m.approved_by);
        text(minute, m.minute);
        if (m.review_period) text(period, util::to_words(*m.review_period));
        if (m.next_review) date(next_review, m.next_review->date);
        text(status, status_text(m, s.today, s.due_within_days));
        text(code, status_id(e->status));
        if (m.next_review) check(worksheet_write_number(ws, row, days, static_cast<double>(e->days), nullptr), "a number");
        ++row;
    }
    for (int c = 0; c < column_count; ++c) worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width_for(widest[c]), nullptr);
    worksheet_freeze_panes(ws, 1, 0);
    // Printed for the meeting: A4 landscape, one page wide, the header row on every page.
    worksheet_set_paper(ws, 9);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
    check(worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 0, column_count - 1), "filter");
    if (row > 1) {
        // The status cell's fill follows its status code, in Excel and LibreOffice alike.
        const std::pair<const char*, lxw_format*> rules[] = {
            {"overdue", f.overdue}, {"due-soon", f.due_soon}, {"scheduled", f.scheduled}, {"no-date", f.missing}};
        for (const auto& [id, format] : rules) {
            std::string formula = std::string("=$I2=\"") + id + "\"";
            lxw_conditional_format cf{};
            cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
            cf.value_string = formula.data();
            cf.format = format;
            check(worksheet_conditional_format_range(ws, 1, status, row - 1, status, &cf), "status colours");
        }
    }
}

}  // namespace

std::string write_xlsx(const Schedule& s) {
    ScratchDir dir(s.scratch_folder);
    const std::string file = (dir.path() / "schedule.xlsx").string();
    lxw_workbook_options options{};
    std::string tmp = dir.path().string();
    options.tmpdir = tmp.data();
    lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
    if (!wb) throw util::Fatal("cannot start the workbook in " + tmp);

    std::string title = "Policy review schedule" + (s.trust_name.empty() ? std::string() : ": " + s.trust_name);
    std::string subject = "Every policy's approval and next review, as on " + util::to_long(s.today);
    lxw_doc_properties props{};
    props.title = title.data();
    props.subject = subject.data();
    std::string author = "clausebook";
    props.author = author.data();
    struct tm day {};
    day.tm_year = s.today.year - 1900;
    day.tm_mon = s.today.month - 1;
    day.tm_mday = s.today.day;
    props.created = ::timegm(&day);  // the schedule's day, so that the same schedule gives the same bytes
    workbook_set_properties(wb, &props);

    Formats f = make_formats(wb);
    std::set<std::string> taken;
    std::vector<const Entry*> all;
    std::map<std::string, std::vector<const Entry*>> by_school;  // school id -> its entries, in schedule order
    std::vector<std::string> school_order;
    for (const auto& e : s.entries) {
        all.push_back(&e);
        auto [it, added] = by_school.try_emplace(e.meta.school_id);
        if (added) school_order.push_back(e.meta.school_id);
        it->second.push_back(&e);
    }
    std::sort(school_order.begin(), school_order.end());
    write_sheet(wb, sheet_name(s.trust_name.empty() ? "All schools" : "All schools", taken), s, all, f);
    // A sheet per school suits a trust; for a whole authority's thousands of schools it would
    // make a workbook nobody can open, so past the limit the trust's sheet (with its filter) is all.
    if (school_order.size() > k_max_school_sheets) school_order.clear();
    for (const auto& id : school_order) {
        const auto& entries = by_school[id];
        const std::string& name = entries.front()->meta.school_name;
        write_sheet(wb, sheet_name(name.empty() ? id : name, taken), s, entries, f);
    }
    check(workbook_close(wb), "closing it");

    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) throw util::Fatal("cannot read back the workbook written in " + tmp);
    return bytes.str();
}

}  // namespace clausebook::schedule
