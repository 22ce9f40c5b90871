// schedule --format html: one self-contained page for the governors' papers. A timeline picture
// (inline SVG: one row per school, a mark per review date, overdue red, due soon amber, later
// green, a line for today) above the full table. Colour is never the only signal: every mark has
// a tooltip and the table spells the status out.
#include <algorithm>
#include <cstdio>
#include <map>

#include "schedule/formats.hpp"
#include "util/escape.hpp"
#include "util/html_shell.hpp"

namespace clausebook::schedule {

namespace {

using util::escape_html;

constexpr int k_width = 960;
constexpr int k_label_width = 210;
constexpr int k_right = 20;
constexpr int k_top = 40;
constexpr int k_row = 34;

const char* colour(Status s) {
    switch (s) {
    case Status::overdue: return "#c62828";
    case Status::due_soon: return "#f0a500";
    case Status::scheduled: return "#2e7d32";
    case Status::missing: return "#9e9e9e";
    }
    return "#9e9e9e";
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string timeline(const Schedule& s) {
    int first_year = s.today.year - 1, last_year = s.today.year + 1;
    std::map<std::string, std::vector<const Entry*>> rows;  // by school name
    for (const auto& e : s.entries) {
        rows[e.meta.school_name].push_back(&e);
        if (e.meta.next_review) {
            first_year = std::min(first_year, e.meta.next_review->date.year);
            last_year = std::max(last_year, e.meta.next_review->date.year);
        }
    }
    long start = util::days_from_epoch({first_year, 1, 1});
    long end = util::days_from_epoch({last_year + 1, 1, 1});
    double plot = k_width - k_label_width - k_right;
    auto x = [&](const util::Date& d) {
        return k_label_width + plot * static_cast<double>(util::days_from_epoch(d) - start) / static_cast<double>(end - start);
    };
    int height = k_top + k_row * static_cast<int>(rows.size()) + 30;
    std::string svg = "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(k_width) + " " + std::to_string(height) +
                      "\" role=\"img\" aria-labelledby=\"timeline-title\">\n<title id=\"timeline-title\">Review dates by school, " +
                      std::to_string(first_year) + " to " + std::to_string(last_year) + ", with today's date marked</title>\n";
    for (int y = first_year; y <= last_year + 1; ++y) {
        std::string xs = num(x({y, 1, 1}));
        svg += "<line x1=\"" + xs + "\" y1=\"" + std::to_string(k_top - 10) + "\" x2=\"" + xs + "\" y2=\"" + std::to_string(height - 20) +
               "\" stroke=\"#ddd\"/>\n";
        if (y <= last_year)
            svg += "<text x=\"" + num(x({y, 7, 1})) + "\" y=\"" + std::to_string(k_top - 16) + "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#555\">" +
                   std::to_string(y) + "</text>\n";
    }
    int row = 0;
    for (const auto& [school, entries] : rows) {
        int cy = k_top + k_row * row + k_row / 2;
        if (row % 2 == 0)
            svg += "<rect x=\"0\" y=\"" + std::to_string(cy - k_row / 2) + "\" width=\"" + std::to_string(k_width) + "\" height=\"" + std::to_string(k_row) +
                   "\" fill=\"#f6f6f6\"/>\n";
        svg += "<text x=\"8\" y=\"" + std::to_string(cy + 4) + "\" font-size=\"13\">" + escape_html(school) + "</text>\n";
        for (const Entry* e : entries) {
            std::string tip = e->meta.title + ": " + status_text(e->meta, s.today, s.due_within_days);
            if (!e->meta.next_review) {
                svg += "<text x=\"" + std::to_string(k_label_width + 4) + "\" y=\"" + std::to_string(cy + 4) +
                       "\" font-size=\"12\" fill=\"#757575\" font-style=\"italic\">no review date<title>" + escape_html(tip) + "</title></text>\n";
                continue;
            }
            svg += "<circle class=\"" + std::string(status_id(e->status)) + "\" cx=\"" + num(x(e->meta.next_review->date)) + "\" cy=\"" + std::to_string(cy) +
                   "\" r=\"7\" fill=\"" + colour(e->status) + "\" stroke=\"#fff\" stroke-width=\"1.5\"><title>" + escape_html(tip) + "</title></circle>\n";
        }
        ++row;
    }
    std::string tx = num(x(s.today));
    svg += "<line class=\"today\" x1=\"" + tx + "\" y1=\"" + std::to_string(k_top - 6) + "\" x2=\"" + tx + "\" y2=\"" + std::to_string(height - 20) +
           "\" stroke=\"#1a237e\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\n";
    svg += "<text x=\"" + tx + "\" y=\"" + std::to_string(height - 6) + "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a237e\">Today, " +
           escape_html(util::to_long(s.today)) + "</text>\n</svg>\n";
    return svg;
}

std::string legend() {
    std::string out = "<p class=\"legend\">";
    for (Status st : {Status::overdue, Status::due_soon, Status::scheduled, Status::missing}) {
        const char* label = st == Status::overdue ? "overdue" : st == Status::due_soon ? "due soon" : st == Status::scheduled ? "later" : "no review date";
        out += "<span><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><circle cx=\"7\" cy=\"7\" r=\"6\" fill=\"" + std::string(colour(st)) +
               "\"/></svg> " + label + "</span> ";
    }
    return out + "</p>\n";
}

}  // namespace

std::string write_html(const Schedule& s) {
    std::string title = (s.trust_name.empty() ? std::string("Policy") : s.trust_name) + ": policy review schedule";
    const std::string css =
        "\n"
        "body { font-family: system-ui, sans-serif; max-width: 64rem; margin: 2rem auto; padding: 0 1rem; color: #222; }\n"
        "svg.timeline { width: 100%; height: auto; border: 1px solid #ddd; }\n"
        ".legend span { margin-right: 1.2rem; white-space: nowrap; }\n"
        "table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }\n"
        "caption { text-align: left; font-weight: 600; padding: 0 0 0.4rem; }\n"
        "th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; vertical-align: top; }\n"
        "td:nth-child(3), td:nth-child(7) { white-space: nowrap; }\n"
        "td.overdue { color: #b71c1c; font-weight: bold; } td.due-soon { color: #8a5a00; font-weight: bold; } td.no-date { color: #616161; }\n";
    std::string out = util::html_page_start({title, css, {}}) + "<main>\n<h1>" + escape_html(title) + "</h1>\n<p>As of " + escape_html(util::to_long(s.today)) +
                      ". Due soon means within " + std::to_string(s.due_within_days) + " days; a review date given as a month is due by the end of it.</p>\n";
    out += legend() + timeline(s);
    out += "<table>\n<caption>Every policy's next review, school by school</caption>\n<thead><tr>";
    for (const auto& c : columns()) out += "<th scope=\"col\">" + escape_html(c) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& e : s.entries) {
        auto c = cells(s, e);
        out += "<tr>";
        for (std::size_t i = 0; i < c.size(); ++i)
            out += (i + 1 == c.size() ? "<td class=\"" + std::string(status_id(e.status)) + "\">" : std::string("<td>")) + escape_html(c[i]) + "</td>";
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n</main>\n";
    out += util::html_page_end();
    return out;
}

}  // namespace clausebook::schedule
