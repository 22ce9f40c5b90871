// out/index.html: every school and policy, with approval and next review, linking to the
// documents.
#include "model/review.hpp"
#include "util/date.hpp"
#include "util/escape.hpp"
#include "util/html_shell.hpp"
#include "write/index_writer.hpp"
#include "write/school_page.hpp"

namespace clausebook::write {

namespace {

// Each school's own page (out/<school>/index.html, school_page.hpp), for a school with a
// document there: the page its website links to.
std::string school_list(const std::vector<IndexSchool>& schools) {
    std::string out;
    for (const auto& school : schools)
        if (school.has_page) out += "<li><a href=\"" + util::escape_html(school_page_path(school.id)) + "\">" + util::escape_html(school.name) + "</a></li>\n";
    if (out.empty()) return out;
    return "<nav aria-labelledby=\"schools-heading\">\n<h2 id=\"schools-heading\">Each school's policies page</h2>\n<ul class=\"schools\">\n" + out +
           "</ul>\n</nav>\n";
}

}  // namespace

std::string write_index(const std::vector<IndexRow>& rows, const std::string& trust_name, const WriteOptions& options) {
    const util::Date today = options.today;
    std::vector<IndexSchool> schools;
    for (const auto& row : rows) {
        if (schools.empty() || schools.back().id != row.meta.school_id) schools.push_back({row.meta.school_id, row.meta.school_name, false, {}});
        schools.back().has_page = schools.back().has_page || !row.extensions.empty();
        schools.back().rows_html += policy_row_html(row, today);
    }
    return write_index(schools, trust_name, options);
}

std::string write_index(const std::vector<IndexSchool>& schools, const std::string& trust_name, const WriteOptions& options) {
    using util::escape_html;
    std::string title = trust_name.empty() ? "Policies" : trust_name + " policies";
    const std::string css = "\n" + options.page_css +
                            "\nbody { max-width: 64rem; }\n"
                            "td .draft { color: #b71c1c; font-weight: bold; } td.review-overdue { color: #b71c1c; font-weight: bold; } td.review-due-soon { "
                            "color: #8a5a00; font-weight: bold; }\n";
    std::string out = util::html_page_start({title, css, {}}) + "<header class=\"cover\">\n<h1>" + escape_html(title) + "</h1>\n</header>\n<main>\n" +
                      school_list(schools) +
                      "<table class=\"index\">\n<thead>\n<tr><th scope=\"col\">School</th><th scope=\"col\">Policy</th>"
                      "<th scope=\"col\">Approved</th><th scope=\"col\">Approved by</th><th scope=\"col\">Next review</th><th scope=\"col\">Status</th><th "
                      "scope=\"col\">Documents</th></tr>\n</thead>\n<tbody>\n";
    std::size_t size = out.size() + 64;
    for (const auto& school : schools) size += school.rows_html.size();
    out.reserve(size);  // one allocation for a page of tens of megabytes
    for (const auto& school : schools) out += school.rows_html;
    out += "</tbody>\n</table>\n</main>\n";
    out += util::html_page_end();
    return out;
}

std::string policy_row_html(const IndexRow& row, const util::Date& today) {
    using util::escape_html;
    std::string out;
    {
        const model::Metadata& m = row.meta;
        out += "<tr><td>" + escape_html(m.school_name) + "</td><td>" + escape_html(m.title) +
               (m.registered ? " <small class=\"register\">(" + escape_html(m.category) + ", kept outside clausebook)</small>" : std::string()) + "</td><td>" +
               // A draft's approval is the previous text's (issue 13).
               escape_html(m.approved ? (m.draft() ? "Previous text: " : "") + util::to_long(*m.approved) : "Not recorded") + "</td><td>" +
               escape_html(m.approved_by.empty() ? "Not recorded" : (m.draft() ? "Previous text: " : "") + m.approved_by) + "</td><td>" +
               escape_html(m.next_review ? util::to_long(*m.next_review) : "Not set") + "</td>";
        model::ReviewStatus review = model::review_status(m, today, k_due_within_days);
        out += "<td class=\"review-" + std::string(model::review_state_name(review.state)) + "\">";
        if (m.registered && !m.approved)
            out += "<span class=\"draft\">No approval on record</span> \u00b7 ";
        else if (m.draft())
            out += "<span class=\"draft\">Draft for approval</span> \u00b7 ";
        else
            out += "Approved \u00b7 ";
        out += escape_html(model::describe_review(m, review)) + "</td><td>";
        if (m.registered) {
            // An https URL is a link; a path in the repository is shown as written (out/ may be anywhere).
            if (m.location.rfind("https://", 0) == 0)
                out += "<a href=\"" + escape_html(m.location) + "\">" + escape_html(m.location) + "</a>";
            else if (!m.location.empty())
                out += "<code>" + escape_html(m.location) + "</code>";
            else
                out += "Not recorded";
        }
        for (std::size_t i = 0; i < row.extensions.size(); ++i) {
            if (i) out += " · ";
            std::string href = m.school_id + "/" + m.policy_id + "." + row.extensions[i];
            out += "<a href=\"" + escape_html(href) + "\">" + escape_html(row.extensions[i]) + "</a>";
        }
        out += "</td></tr>\n";
    }
    return out;
}

}  // namespace clausebook::write
