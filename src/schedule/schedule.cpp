#include "schedule/schedule.hpp"

#include <algorithm>
#include <tuple>

#include "assemble/assembler.hpp"
#include "model/review.hpp"

namespace clausebook::schedule {

const char* status_id(Status s) {
    switch (s) {
    case Status::overdue: return "overdue";
    case Status::due_soon: return "due-soon";
    case Status::scheduled: return "scheduled";
    case Status::missing: return "no-date";
    }
    return "no-date";
}

long days_until(const model::Metadata& meta, const util::Date& today) {
    if (!meta.next_review) return 0;
    return util::days_from_epoch(meta.next_review->date) - util::days_from_epoch(today);
}

// The same reading of dates as compare and check (model/review.hpp).
Status status_of(const model::Metadata& meta, const util::Date& today, int due_within_days) {
    switch (model::review_status(meta, today, due_within_days).state) {
    case model::ReviewState::overdue: return Status::overdue;
    case model::ReviewState::due_soon: return Status::due_soon;
    case model::ReviewState::fine: return Status::scheduled;
    case model::ReviewState::missing: return Status::missing;
    }
    return Status::missing;
}

std::string status_text(const model::Metadata& meta, const util::Date& today, int due_within_days) {
    long days = days_until(meta, today);
    switch (status_of(meta, today, due_within_days)) {
    case Status::overdue: return "overdue since " + util::to_long(*meta.next_review);
    case Status::due_soon: return days == 0 ? "due today" : "due in " + std::to_string(days) + (days == 1 ? " day" : " days");
    case Status::scheduled: return "due " + util::to_long(*meta.next_review);
    case Status::missing: return "no review date";
    }
    return {};
}

Schedule make_schedule(const model::Repository& repo, const std::vector<const model::School*>& schools, const std::vector<std::string>& policy_ids,
                       const util::Date& today, int due_within_days) {
    Schedule s;
    s.trust_name = repo.config.trust_name;
    s.today = today;
    s.due_within_days = due_within_days;
    auto wanted = [&](const std::string& id) { return policy_ids.empty() || std::find(policy_ids.begin(), policy_ids.end(), id) != policy_ids.end(); };
    auto add = [&](const model::School& school, model::Metadata meta) {
        Entry e;
        e.meta = std::move(meta);
        e.status = status_of(e.meta, today, due_within_days);
        e.days = days_until(e.meta, today);
        e.school_path = school.path;
        s.entries.push_back(std::move(e));
    };
    for (const auto* school : schools) {
        for (const auto* outline : repo.outlines_of(*school))
            if (wanted(outline->id)) add(*school, assemble::make_metadata(repo, *school, *outline));
        for (const auto& entry : school->register_entries)
            if (wanted(entry.id)) add(*school, assemble::make_register_metadata(repo, *school, entry));
    }
    std::stable_sort(s.entries.begin(), s.entries.end(), [](const Entry& a, const Entry& b) {
        auto key = [](const Entry& e) {
            return std::make_tuple(!e.meta.next_review, e.meta.next_review ? util::days_from_epoch(e.meta.next_review->date) : 0L, e.meta.school_name,
                                   e.meta.title);
        };
        return key(a) < key(b);
    });
    return s;
}

}  // namespace clausebook::schedule
