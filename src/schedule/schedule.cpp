#include "schedule/schedule.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "assemble/assembler.hpp"
#include "model/review.hpp"
#include "util/parallel.hpp"

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
    // What each entry is made from, in the order of the schools and their policies; then every
    // entry's metadata made on every core (682,000 of them for 22,000 schools' registers).
    struct Source {
        const model::School* school;
        const model::Outline* outline;  // or
        const model::RegisterEntry* entry;
    };
    std::vector<Source> sources;
    for (const auto* school : schools) {
        for (const auto* outline : repo.outlines_of(*school))
            if (wanted(outline->id)) sources.push_back({school, outline, nullptr});
        for (const auto& entry : school->register_entries)
            if (wanted(entry.id)) sources.push_back({school, nullptr, &entry});
    }
    std::vector<Entry> made(sources.size());
    util::parallel_for(sources.size(), util::default_jobs(), [&](std::size_t i) {
        const Source& from = sources[i];
        Entry& e = made[i];
        e.meta = from.outline ? assemble::make_metadata(repo, *from.school, *from.outline) : assemble::make_register_metadata(repo, *from.school, *from.entry);
        e.status = status_of(e.meta, today, due_within_days);
        e.days = days_until(e.meta, today);
        e.school_path = from.school->path;
    });
    // By next review (no date last), then school name, then title, else as made: sorted as
    // positions on keys made once (a school name by its rank among the names), then each entry
    // moved to its place.
    std::vector<long> day(made.size());
    for (std::size_t i = 0; i < made.size(); ++i) day[i] = made[i].meta.next_review ? util::days_from_epoch(made[i].meta.next_review->date) : 0L;
    std::vector<std::uint32_t> name_rank(made.size());
    {
        std::unordered_map<std::string_view, std::uint32_t> names;
        for (const auto& e : made) names.emplace(e.meta.school_name, 0);
        std::vector<std::string_view> sorted;
        sorted.reserve(names.size());
        for (const auto& [name, rank] : names) sorted.push_back(name);
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t r = 0; r < sorted.size(); ++r) names[sorted[r]] = static_cast<std::uint32_t>(r);
        for (std::size_t i = 0; i < made.size(); ++i) name_rank[i] = names[made[i].meta.school_name];
    }
    std::vector<std::uint32_t> order(made.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
    std::sort(order.begin(), order.end(), [&](std::uint32_t i, std::uint32_t j) {
        const bool a_none = !made[i].meta.next_review, b_none = !made[j].meta.next_review;
        return std::tie(a_none, day[i], name_rank[i], made[i].meta.title, i) < std::tie(b_none, day[j], name_rank[j], made[j].meta.title, j);
    });
    // Put in place along the permutation's cycles: each entry moved once, no second array.
    std::vector<bool> placed(made.size(), false);
    for (std::size_t start = 0; start < made.size(); ++start) {
        if (placed[start] || order[start] == start) continue;
        Entry held = std::move(made[start]);
        std::size_t at = start;
        while (order[at] != start) {
            made[at] = std::move(made[order[at]]);
            placed[at] = true;
            at = order[at];
        }
        made[at] = std::move(held);
        placed[at] = true;
    }
    s.entries = std::move(made);
    return s;
}

}  // namespace clausebook::schedule
