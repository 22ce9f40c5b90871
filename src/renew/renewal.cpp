#include "renew/renewal.hpp"

#include <algorithm>

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/text.hpp"

namespace clausebook::renew {

namespace fs = std::filesystem;

namespace {

std::string before_text(const std::optional<model::Located<std::string>>& v) { return v ? v->value : std::string(); }

}  // namespace

Plan plan_renewal(const model::Repository& repo, const Request& r, util::Diagnostics& diags) {
    const model::School* school = repo.school(r.school_id);
    const model::Outline* outline = repo.outline(r.policy_id);
    auto known = [](const auto& all) {
        std::vector<std::string> ids;
        for (const auto& x : all) ids.push_back(x.id);
        return ids;
    };
    if (!school) {
        std::string hint = util::did_you_mean(r.school_id, known(repo.schools));
        throw util::Fatal("there is no school '" + r.school_id + "'; " + (hint.empty() ? "the schools are: " + util::join(known(repo.schools), ", ") : hint));
    }
    const model::RegisterEntry* entry = !outline && school ? school->register_entry(r.policy_id) : nullptr;
    if (!outline && !entry) {
        std::vector<std::string> ids = known(repo.outlines);
        if (school)
            for (const auto& e : school->register_entries) ids.push_back(e.id);
        std::string hint = util::did_you_mean(r.policy_id, ids);
        throw util::Fatal("there is no policy '" + r.policy_id + "'; " + (hint.empty() ? "the policies are: " + util::join(ids, ", ") : hint));
    }
    const model::SchoolPolicy* policy = school->policy(r.policy_id);
    Plan plan;
    plan.path = school->path;
    plan.registered = entry != nullptr;
    // What the edits read: the policy entry, or the register entry in the same shape.
    std::optional<model::SchoolPolicy> as_policy;
    if (entry) {
        as_policy.emplace();
        as_policy->pos = entry->pos;
        as_policy->approved = entry->approved;
        as_policy->approved_by = entry->approved_by;
        as_policy->minute = entry->minute;
        as_policy->review_period = entry->review_period;
        as_policy->next_review = entry->next_review;
        policy = &*as_policy;
    }
    // Through a link (the loader has made sure it stays inside the repository): the file it names
    // is edited and the link kept.
    std::error_code ec;
    plan.file = fs::canonical(repo.root / school->path, ec);
    if (ec) plan.file = repo.root / school->path;
    if (r.today < r.approved)
        throw util::Fatal("--approved " + util::to_iso(r.approved) + " is after today (" + util::to_iso(r.today) +
                          "); record an approval once the meeting has taken place");
    if (policy && policy->approved) {
        plan.previous_approval = policy->approved->value;
        if (r.approved < policy->approved->value)
            diags.error(
                policy->approved->pos, "renew-refused",
                "--approved " + util::to_iso(r.approved) + " is earlier than the approval recorded here (" + util::to_iso(policy->approved->value) + ")",
                "give the date of the meeting that approved the policy this time; it cannot go back in time");
    }
    std::optional<util::Duration> period = r.period;
    if (!period && policy && policy->review_period) period = policy->review_period->value;
    if (!period && outline && outline->review_period) period = outline->review_period->value;
    plan.next_review_stated = policy && policy->next_review;
    if (period) plan.next_review = util::add(r.approved, *period);
    if (!period)
        diags.error(policy ? policy->pos : util::SourcePos{school->path, 1, 1}, "renew-refused",
                    "no review period is recorded for this policy, so the renewal would leave it without a next review date",
                    "give one with --period, such as --period P1Y (it is then written to the school file)");
    if (diags.has_errors()) return plan;

    std::vector<ScalarEdit> edits;
    std::vector<std::string> old_values;
    auto want = [&](const std::string& key, const std::string& value, const std::string& old) {
        if (value == old) return;
        edits.push_back({key, value});
        old_values.push_back(old);
    };
    want("approved", util::to_iso(r.approved), policy && policy->approved ? util::to_iso(policy->approved->value) : "");
    if (r.approved_by) want("approved_by", *r.approved_by, policy ? before_text(policy->approved_by) : "");
    if (r.minute) want("minute", *r.minute, policy ? before_text(policy->minute) : "");
    if (r.period) want("review_period", util::to_iso(*r.period), policy && policy->review_period ? util::to_iso(policy->review_period->value) : "");
    if (plan.next_review_stated) want("next_review", util::to_iso(*plan.next_review), util::to_iso(policy->next_review->value));

    auto file = util::read_file(plan.file);
    if (!file.text) throw util::Fatal(plan.path + ": cannot read this file: it " + file.error);
    plan.old_text = *file.text;
    EditOutcome edited = set_policy_scalars(plan.old_text, plan.path, r.policy_id, edits, entry ? "register" : "policies");
    plan.new_text = edited.text;
    for (std::size_t i = 0; i < edits.size(); ++i) plan.changes.push_back({edits[i].key, edited.before[i], edits[i].value});
    return plan;
}

fs::path approved_copy_path(const fs::path& root, const std::string& school_id, const std::string& policy_id, const util::Date& date) {
    return root / "approved" / school_id / policy_id / (util::to_iso(date) + ".md");
}

std::string approved_destination_problem(const fs::path& root, const fs::path& copy) {
    std::error_code ec;
    fs::path rel = copy.lexically_relative(root);
    fs::path at = root;
    for (auto it = rel.begin(); it != rel.end(); ++it) {
        at /= *it;
        bool last = std::next(it) == rel.end();
        auto st = fs::symlink_status(at, ec);
        if (ec || st.type() == fs::file_type::not_found) return {};  // created by renew
        std::string shown = at.lexically_relative(root).generic_string();
        if (st.type() == fs::file_type::symlink)
            return shown + " is a link; approved copies are written only into real folders inside the repository: replace the link with a folder";
        if (!last && st.type() != fs::file_type::directory) return shown + " is not a folder: move it aside so that renew can keep the approved copy there";
        if (last && st.type() != fs::file_type::regular) return shown + " exists and is not a regular file: move it aside";
    }
    return {};
}

}  // namespace clausebook::renew
