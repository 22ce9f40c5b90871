// The review schedule: every school's every policy with its approval, review period, next review
// and status on a given day, sorted by due date. What `clausebook schedule` prints and the index
// page shows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/repository.hpp"
#include "model/document.hpp"
#include "util/date.hpp"

namespace clausebook::schedule {

enum class Status {
    overdue,  // next review before today
    due_soon,  // within due_within_days of today (today included)
    scheduled,  // later
    missing,  // no next review date, stated or derivable
};

// "overdue", "due-soon", "scheduled", "no-date": for CSV, CSS classes and ICS categories.
const char* status_id(Status s);

// The status of a policy with this metadata on `today`.
Status status_of(const model::Metadata& meta, const util::Date& today, int due_within_days);
// Days from today to the review date (negative when overdue); 0 when there is none.
long days_until(const model::Metadata& meta, const util::Date& today);
// "overdue since April 2022", "due in 12 days", "due 3 May 2027", "no review date", for people.
std::string status_text(const model::Metadata& meta, const util::Date& today, int due_within_days);

struct Entry {
    model::Metadata meta;
    Status status = Status::missing;
    long days = 0;  // days_until(meta, today)
    std::string school_path;  // schools/<id>.yaml
};

struct Schedule {
    std::string trust_name;
    util::Date today;
    int due_within_days = 60;
    std::string scratch_folder = "/tmp";  // TMPDIR from the run's environment: where the XLSX writer works
    std::string stamp;  // the ICS DTSTAMP, UTC, YYYYMMDDTHHMMSSZ: from SOURCE_DATE_EPOCH or --today, never the clock
    std::vector<Entry> entries;  // by next review (earliest first), then school, then policy; no date last
};

// The schedule of every policy `schools` keep, both kinds (the outlines each lists and its
// register entries), or only those whose id is in `policy_ids` when it is not empty.
Schedule make_schedule(const model::Repository& repo, const std::vector<const model::School*>& schools, const std::vector<std::string>& policy_ids,
                       const util::Date& today, int due_within_days);

}  // namespace clausebook::schedule
