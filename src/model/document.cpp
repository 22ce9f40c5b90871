#include "model/document.hpp"

namespace clausebook::model {

const char* source_name(ClauseSource s) {
    switch (s) {
    case ClauseSource::library: return "library";
    case ClauseSource::variant: return "variant";
    case ClauseSource::override_: return "override";
    case ClauseSource::local: return "local";
    }
    return "library";
}

const char* approval_state_name(ApprovalState s) { return s == ApprovalState::approved ? "approved" : "draft"; }

std::string status_line(const Metadata& meta) {
    if (meta.registered) return meta.approved ? "Approved on " + util::to_long(*meta.approved) : "No approval on record";
    if (!meta.draft()) return meta.approved ? "Approved on " + util::to_long(*meta.approved) : "Approved";
    if (meta.approved) return "Draft for approval \u2014 replaces the policy approved on " + util::to_long(*meta.approved);
    return "Draft for approval \u2014 no approved version on record";
}

std::string Document::number_of(const std::string& clause_id) const {
    for (std::size_t s = 0; s < sections.size(); ++s)
        for (std::size_t c = 0; c < sections[s].clauses.size(); ++c)
            if (sections[s].clauses[c].id == clause_id) return std::to_string(s + 1) + "." + std::to_string(c + 1);
    return {};
}

const Clause* Document::find(const std::string& clause_id) const {
    for (const auto& s : sections)
        for (const auto& c : s.clauses)
            if (c.id == clause_id) return &c;
    return nullptr;
}

}  // namespace clausebook::model
