// Schedule output formats: one file each, one row each in schedule_formats().
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "schedule/schedule.hpp"

namespace clausebook::schedule {

struct ScheduleFormat {
    std::string_view name;  // as given to --format
    std::string_view description;
    std::string (*write)(const Schedule&);
    bool binary = false;  // not for a terminal: standard output only when redirected
};

const std::vector<ScheduleFormat>& schedule_formats();
const ScheduleFormat* find_schedule_format(std::string_view name);

// Aligned columns for a terminal.
std::string write_text(const Schedule& s);
// RFC 4180 CSV with a header row, CRLF line endings, for a spreadsheet.
std::string write_csv(const Schedule& s);
// A self-contained web page: a timeline picture (inline SVG) and a table.
std::string write_html(const Schedule& s);
// An RFC 5545 calendar: an all-day event per review date, with a reminder.
std::string write_ics(const Schedule& s);
// An Excel workbook (libxlsxwriter): a sheet for the trust and one per school.
std::string write_xlsx(const Schedule& s);

// The cells every tabular format shows, in order: school, policy, approved, approved by, minute,
// review period, next review, status.
std::vector<std::string> columns();
std::vector<std::string> cells(const Schedule& s, const Entry& e);

}  // namespace clausebook::schedule
