#include "model/repository.hpp"

namespace clausebook::model {

const ParamSpec* Outline::param(const std::string& name) const {
    for (const auto& p : params)
        if (p.name == name) return &p;
    return nullptr;
}

const ClauseEntry* Outline::entry(const std::string& clause_id) const {
    for (const auto& s : sections)
        for (const auto& e : s.clauses)
            if (e.id == clause_id) return &e;
    return nullptr;
}

const SchoolPolicy* School::policy(const std::string& id) const {
    for (const auto& p : policies)
        if (p.policy_id == id) return &p;
    return nullptr;
}

const ParamValue* find_param(const std::vector<ParamValue>& values, const std::string& name, const std::string& outline_id) {
    for (const auto& v : values)
        if (v.name == name && (v.outline.empty() || v.outline == outline_id)) return &v;
    return nullptr;
}

const RegisterEntry* School::register_entry(const std::string& id) const {
    for (const auto& r : register_entries)
        if (r.id == id) return &r;
    return nullptr;
}

const std::vector<std::string>& register_categories() {
    static const std::vector<std::string> k = {"admissions", "attendance", "behaviour",         "complaints", "curriculum",    "data-protection", "equality",
                                               "finance",    "governance", "health-and-safety", "premises",   "pupil-welfare", "safeguarding",    "send",
                                               "staff",      "other"};
    return k;
}

const std::vector<std::string>& school_types() {
    static const std::vector<std::string> k = {"maintained", "academy", "free-school", "independent"};
    return k;
}

std::vector<const Outline*> Repository::outlines_of(const School& school) const {
    std::vector<const Outline*> out;
    for (const auto& o : outlines)
        if (school.keeps(o.id)) out.push_back(&o);
    return out;
}

const Outline* Repository::outline(const std::string& id) const {
    for (const auto& o : outlines)
        if (o.id == id) return &o;
    return nullptr;
}

const School* Repository::school(const std::string& id) const {
    for (const auto& s : schools)
        if (s.id == id) return &s;
    return nullptr;
}

const ClauseFile* Repository::clause(const std::string& id, const std::string& variant) const {
    auto it = clauses.find(id);
    if (it == clauses.end()) return nullptr;
    for (const auto& c : it->second)
        if (c.variant == variant) return &c;
    return nullptr;
}

std::vector<std::string> Repository::clause_ids() const {
    std::vector<std::string> out;
    for (const auto& [id, files] : clauses) out.push_back(id);
    return out;
}

const ApprovedCopy* Repository::approved_copy(const std::string& school_id, const std::string& policy_id) const {
    auto it = approved.find(school_id + "/" + policy_id);
    return it == approved.end() ? nullptr : &it->second;
}

}  // namespace clausebook::model
