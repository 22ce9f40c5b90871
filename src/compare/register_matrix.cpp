// build_register_matrix(): a register policy's status rows across schools (issue 17).
#include "compare/register_matrix.hpp"

#include <algorithm>
#include <set>

#include "assemble/assembler.hpp"
#include "util/text.hpp"

namespace clausebook::compare {

namespace {

// The entry of `school` that is `id` or covers it: its own entry first, then the first (in file
// order) whose covers: lists it.
const model::RegisterEntry* entry_for(const model::School& school, const std::string& id, bool& covered) {
    covered = false;
    if (const model::RegisterEntry* e = school.register_entry(id)) return e;
    for (const auto& e : school.register_entries)
        for (const auto& c : e.covers)
            if (c.value == id) {
                covered = true;
                return &e;
            }
    return nullptr;
}

// Who requires `school` to keep it, in words, or empty: as statutory-policy-missing reads it.
std::string required_by(const model::Repository& repo, const model::StatutoryPolicy* p, const model::School& school) {
    if (!p || !p->applies(school)) return {};
    if (p->trust) return "the trust (" + repo.config.path + " check.require)";
    // A list entry for every type applies to a school that states none.
    std::string type = school.type ? school.type->value : std::string();
    std::string who =
        type.empty() || p->applies_to.empty() ? "the DfE's list, for every school" : "the DfE's list, for " + util::with_article(type) + " school";
    return p->confirmed ? who : who + " (entry not confirmed)";
}

}  // namespace

Matrix build_register_matrix(const model::Repository& repo, const std::string& policy_id, const model::StatutoryList& statutory,
                             const std::vector<const model::School*>& schools, const MatrixOptions& options) {
    Matrix m;
    m.kind = Kind::register_entry;
    m.policy_id = policy_id;
    m.trust_name = repo.config.trust_name;
    m.today = options.today;
    m.due_within_days = options.due_within_days;
    const model::StatutoryPolicy* listed = statutory.find(policy_id);
    for (const model::School* school : schools) {
        Column col;
        col.registered = true;
        col.school_id = school->id;
        col.school_name = school->name;
        col.required_by = required_by(repo, listed, *school);
        bool covered = false;
        if (const model::RegisterEntry* e = entry_for(*school, policy_id, covered)) {
            col.keeping = covered ? Keeping::covered : Keeping::kept;
            if (covered) col.covered_by = e->id;
            col.meta = assemble::make_register_metadata(repo, *school, *e);
            col.review = model::review_status(col.meta, options.today, options.due_within_days);
            if (m.policy_title.empty() && !covered) m.policy_title = col.meta.title;
        } else {
            col.keeping = col.required_by.empty() ? Keeping::not_kept : Keeping::gap;
            col.meta.school_id = school->id;
            col.meta.school_name = school->name;
            col.meta.trust_name = repo.config.trust_name;
            col.meta.policy_id = policy_id;
            col.meta.registered = true;
        }
        m.columns.push_back(std::move(col));
    }
    if (m.policy_title.empty()) m.policy_title = listed ? listed->title : policy_id;
    return m;
}

bool is_register_policy(const model::Repository& repo, const model::StatutoryList& statutory, const std::string& id) {
    if (statutory.find(id)) return true;
    bool covered = false;
    for (const auto& s : repo.schools)
        if (entry_for(s, id, covered)) return true;
    return false;
}

std::vector<std::string> register_policy_ids(const model::Repository& repo, const model::StatutoryList& statutory) {
    std::set<std::string> ids;
    for (const auto& p : statutory.policies) ids.insert(p.id);
    for (const auto& s : repo.schools)
        for (const auto& e : s.register_entries) {
            ids.insert(e.id);
            for (const auto& c : e.covers) ids.insert(c.value);
        }
    return {ids.begin(), ids.end()};
}

}  // namespace clausebook::compare
