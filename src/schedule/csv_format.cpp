// schedule --format csv: RFC 4180 through util/csv (CRLF, fields quoted when they hold a comma,
// quote or line break, formulas neutralised), with ISO dates so a spreadsheet sorts them, and a
// machine-readable status column.
#include "schedule/formats.hpp"
#include "util/csv.hpp"

namespace clausebook::schedule {

using util::csv_row;

std::string write_csv(const Schedule& s) {
    std::string out;
    auto head = columns();
    head.insert(head.begin(), {"School id", "Policy id"});
    head.push_back("Status code");
    head.push_back("Days until due");
    csv_row(out, head);
    for (const auto& e : s.entries) {
        auto c = cells(s, e);
        c.insert(c.begin(), {e.meta.school_id, e.meta.policy_id});
        c.push_back(status_id(e.status));
        c.push_back(e.meta.next_review ? std::to_string(e.days) : "");
        csv_row(out, c);
    }
    return out;
}

}  // namespace clausebook::schedule
