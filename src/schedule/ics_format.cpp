// schedule --format ics: an RFC 5545 calendar a clerk imports into Outlook or Google Calendar.
// One all-day event per policy review date, with a display reminder three weeks before (time to
// put the policy on a meeting agenda). Same inputs, same bytes: UIDs come from the school and
// policy ids (so a re-import after `renew` moves the event rather than adding one), and DTSTAMP
// from Schedule::stamp, never the clock. Lines end in CRLF and are folded at 75 octets without
// splitting a UTF-8 character (RFC 5545 section 3.1); text values are escaped (section 3.3.11).
#include <cstdio>

#include "schedule/formats.hpp"

#ifndef CLAUSEBOOK_VERSION
#define CLAUSEBOOK_VERSION "unknown"
#endif

namespace clausebook::schedule {

namespace {

constexpr std::size_t k_max_octets = 75;
constexpr const char* k_reminder = "-P21D";

std::string escape_text(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case ';': out += "\\;"; break;
        case ',': out += "\\,"; break;
        case '\n': out += "\\n"; break;
        case '\r': break;
        default: out += c;
        }
    }
    return out;
}

// Appends one content line, folded: no line longer than 75 octets, continuation lines start
// with a space, and a fold never falls inside a UTF-8 sequence.
void line(std::string& out, std::string_view content) {
    std::size_t limit = k_max_octets;
    while (content.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(content[cut]) & 0xC0) == 0x80) --cut;
        out.append(content.substr(0, cut));
        out += "\r\n ";
        content.remove_prefix(cut);
        limit = k_max_octets - 1;  // the leading space counts
    }
    out.append(content);
    out += "\r\n";
}

std::string ics_date(const util::Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
    return buf;
}

}  // namespace

std::string write_ics(const Schedule& s) {
    std::string out;
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//clausebook//clausebook " CLAUSEBOOK_VERSION "//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:" + escape_text((s.trust_name.empty() ? std::string("Policy") : s.trust_name) + " policy reviews"));
    for (const auto& e : s.entries) {
        const auto& m = e.meta;
        if (!m.next_review) continue;  // nothing to put in a calendar; check reports it
        util::Date day = m.next_review->date;
        std::string what = "Review due: " + m.title + " (" + m.school_name + ")";
        std::string desc = m.school_name + ": " + m.title + ".\n";
        desc += m.next_review->month_only ? "Review due by the end of " + util::to_long(*m.next_review) + ".\n" : "Review due on " + util::to_long(day) + ".\n";
        desc += "Last approved: " + (m.approved ? util::to_long(*m.approved) : std::string("not recorded"));
        if (!m.approved_by.empty()) desc += " by " + m.approved_by;
        if (!m.minute.empty()) desc += " (minute " + m.minute + ")";
        desc += ".\n";
        if (m.review_period) desc += "Review period: " + util::to_words(*m.review_period) + ".\n";
        desc += "When approved, record it: clausebook renew " + m.school_id + " " + m.policy_id + " --approved YYYY-MM-DD";
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + m.policy_id + "." + m.school_id + "@clausebook");
        line(out, "DTSTAMP:" + s.stamp);
        line(out, "DTSTART;VALUE=DATE:" + ics_date(day));
        line(out, "DTEND;VALUE=DATE:" + ics_date(util::date_from_epoch_days(util::days_from_epoch(day) + 1)));
        line(out, "SUMMARY:" + escape_text(what));
        line(out, "DESCRIPTION:" + escape_text(desc));
        line(out, "CATEGORIES:Policy review," + std::string(status_id(e.status)));
        line(out, "TRANSP:TRANSPARENT");
        line(out, "BEGIN:VALARM");
        line(out, "ACTION:DISPLAY");
        line(out, std::string("TRIGGER:") + k_reminder);
        line(out, "DESCRIPTION:" + escape_text("In three weeks: " + what));
        line(out, "END:VALARM");
        line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out;
}

}  // namespace clausebook::schedule
