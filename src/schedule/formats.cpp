#include "schedule/formats.hpp"

namespace clausebook::schedule {

const std::vector<ScheduleFormat>& schedule_formats() {
    static const std::vector<ScheduleFormat> k_formats = {
        {"text", "aligned columns for the terminal", &write_text},
        {"csv", "CSV for a spreadsheet", &write_csv},
        {"html", "a web page with a timeline picture", &write_html},
        {"ics", "an iCalendar file of review dates, with reminders, for Outlook or Google Calendar", &write_ics},
        {"xlsx", "an Excel workbook for the clerk: a sheet for the trust and one per school", &write_xlsx, true},
    };
    return k_formats;
}

const ScheduleFormat* find_schedule_format(std::string_view name) {
    for (const auto& f : schedule_formats())
        if (f.name == name) return &f;
    return nullptr;
}

std::vector<std::string> columns() { return {"School", "Policy", "Approved", "Approved by", "Minute", "Review period", "Next review", "Status"}; }

std::vector<std::string> cells(const Schedule& s, const Entry& e) {
    const auto& m = e.meta;
    std::string next = m.next_review ? util::to_iso(*m.next_review) + (m.next_review_derived ? " (derived)" : "") : "";
    return {m.school_name,
            m.title,
            m.approved ? util::to_iso(*m.approved) : "",
            m.approved_by,
            m.minute,
            m.review_period ? util::to_iso(*m.review_period) : "",
            next,
            status_text(m, s.today, s.due_within_days)};
}

}  // namespace clausebook::schedule
