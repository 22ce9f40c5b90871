// out/<school>/index.html: the page a school links from its website. Every policy it keeps,
// each with its status in words, approval and next review dates and links to its PDF and web
// page, in the trust's page template (templates/page.html, page.css).
//
// One policy is one PolicyRow, a plain struct that says nothing of where the policy came from:
// a generated document (policy_row below) or any other list of policies a school keeps can be
// turned into rows and shown the same way, by policy_row_html.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"
#include "util/date.hpp"
#include "write/writer.hpp"

namespace clausebook::write {

struct PolicyLink {
    std::string label;  // "PDF", "Web page": what the file is, in words
    std::string href;  // relative to out/<school>/, or an absolute http(s) address
};

struct PolicyRow {
    std::string anchor;  // the row's id in the page ("policy-social-networking"): the contents link to it
    std::string title;  // "Social Media Policy"
    std::string status;  // in words: "Approved", "Draft for approval"
    std::string approved_on;  // "3 April 2024", or words saying why there is none ("Not recorded")
    std::string next_review;  // "3 April 2027" or "Not set"
    std::string review;  // in words: "review overdue since April 2022"; may be empty
    std::string review_state;  // "overdue", "due-soon", "fine" or "missing" (model::review_state_name): the row's look only
    std::vector<PolicyLink> links;
    std::string without_links = "Not published yet";  // what the documents cell says when there are none
};

// The <tr> of one policy in the school page's table.
std::string policy_row_html(const PolicyRow& row);

// The row of a policy: for a generated one, `extensions` are the files out/<school>/<policy>.<ext>
// there are, and the page links the PDF and the web page among them; a register entry links its
// https address, and says the school holds it when its document is a file of the repository
// (not published by clausebook). Review status as of `today`.
PolicyRow policy_row(const model::Metadata& meta, const std::vector<std::string>& extensions, const util::Date& today);

struct SchoolPage {
    std::string school_id;
    std::string school_name;
    std::string trust_name;
    std::string as_of;  // the day the review status is reckoned on, in words
    std::vector<PolicyRow> rows;
};

// The whole page, through the trust's page template.
std::string write_school_page(const SchoolPage& page, const WriteOptions& options);

// The school page's file, relative to the output folder: "<school>/index.html".
std::string school_page_path(const std::string& school_id);

// Due soon means within this many days, as check's default.
inline constexpr int k_due_within_days = 60;

}  // namespace clausebook::write
