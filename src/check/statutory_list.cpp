#include "check/statutory_list.hpp"

#include <algorithm>
#include <cctype>

#include "load/yaml_reader.hpp"
#include "util/fs.hpp"
#include "util/text.hpp"

namespace clausebook::check {

namespace {

const std::vector<std::string> k_reviews = {"annually", "every-2-years", "every-3-years", "every-4-years", "live", "board"};
const std::vector<std::string> k_levels = {"board", "committee", "headteacher"};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool contains(const std::string& text, const char* word) { return text.find(word) != std::string::npos; }

}  // namespace

const char* approval_level_name(ApprovalLevel l) {
    switch (l) {
    case ApprovalLevel::board: return "board";
    case ApprovalLevel::committee: return "committee";
    case ApprovalLevel::headteacher: return "headteacher";
    }
    return "board";
}

std::optional<ApprovalLevel> approval_level_of(const std::string& approved_by) {
    std::string t = lower(approved_by);
    // A committee is named as one; "on behalf of the governing body" is the board's approval,
    // whoever signed it; a headteacher alone is the headteacher's.
    if (contains(t, "committee")) return ApprovalLevel::committee;
    if (contains(t, "board") || contains(t, "governing body") || contains(t, "governors") || contains(t, "trustees") || contains(t, "fgb"))
        return ApprovalLevel::board;
    if (contains(t, "headteacher") || contains(t, "head teacher") || contains(t, "principal") || contains(t, "head of school")) return ApprovalLevel::headteacher;
    if (t == "board") return ApprovalLevel::board;
    return std::nullopt;
}

double months_of(const util::Duration& d) { return d.years * 12.0 + d.months + d.days / 30.0; }

std::optional<util::Duration> StatutoryPolicy::longest_period() const {
    if (trust_period) return trust_period;
    if (review == "annually") return util::Duration{1, 0, 0};
    if (review == "every-2-years") return util::Duration{2, 0, 0};
    if (review == "every-3-years") return util::Duration{3, 0, 0};
    if (review == "every-4-years") return util::Duration{4, 0, 0};
    return std::nullopt;
}

bool StatutoryPolicy::applies(const load::School& school) const {
    if (!applies_to.empty()) {
        if (!school.type) return false;  // a school that states no type is not held to a type's list
        if (std::find(applies_to.begin(), applies_to.end(), school.type->value) == applies_to.end()) return false;
    }
    if (!phases.empty()) {
        if (!school.phase) return false;
        if (std::find(phases.begin(), phases.end(), school.phase->value) == phases.end()) return false;
    }
    return true;
}

const StatutoryPolicy* StatutoryList::find(const std::string& id) const {
    for (const auto& p : policies)
        if (p.id == id) return &p;
    return nullptr;
}

StatutoryList load_statutory_list(const std::filesystem::path& root, const load::Config& config, util::SourceFiles& sources,
                                  util::Diagnostics& diags) {
    StatutoryList list;
    const std::string path = k_statutory_list_path;
    std::error_code ec;
    if (std::filesystem::exists(root / path, ec)) {
        auto file = util::read_repository_file(root, path);
        if (!file.text) {
            diags.error({path, 0, 0}, "unreadable", "cannot read this file: it " + file.error);
        } else {
            sources.add(path, *file.text);
            auto doc = load::parse_yaml(path, *file.text, diags);
            if (doc) {
                load::YamlMap m(*doc, path, diags, path, {"checked", "policies"});
                m.date("checked");
                if (auto items = m.get("policies", true)) {
                    if (!items->is_sequence()) {
                        diags.error(load::pos_of(path, *items), "wrong-type", "'policies' must be a list of entries (- id: ..., title: ...)");
                    } else {
                        for (const auto& n : items->items()) {
                            load::YamlMap e(n, path, diags, "a statutory policy",
                                            {"id", "title", "category", "applies_to", "phase", "review", "review_set", "approval", "source", "checked", "confirmed", "note"});
                            if (!e.ok()) continue;
                            StatutoryPolicy p;
                            p.pos = e.pos();
                            auto id = e.string("id", true);
                            auto title = e.string("title", true);
                            e.string("category");
                            e.date("checked");
                            for (auto& t : e.string_list("applies_to")) {
                                const auto& types = load::school_types();
                                if (std::find(types.begin(), types.end(), t.value) == types.end())
                                    diags.error(t.pos, "invalid-value", "school type '" + t.value + "' is not one of: " + util::join(types, ", "),
                                                util::did_you_mean(t.value, types));
                                p.applies_to.push_back(t.value);
                            }
                            for (auto& ph : e.string_list("phase")) p.phases.push_back(ph.value);
                            if (auto r = e.string("review", true)) {
                                if (std::find(k_reviews.begin(), k_reviews.end(), r->value) == k_reviews.end())
                                    diags.error(r->pos, "invalid-value", "review '" + r->value + "' is not one of: " + util::join(k_reviews, ", "),
                                                util::did_you_mean(r->value, k_reviews));
                                p.review = r->value;
                            }
                            if (auto s = e.string("review_set")) {
                                if (s->value != "required" && s->value != "recommended")
                                    diags.error(s->pos, "invalid-value", "review_set '" + s->value + "' is not one of: required, recommended");
                                p.review_required = s->value == "required";
                            }
                            for (auto& a : e.string_list("approval")) {
                                if (a.value == "board") p.approval.push_back(ApprovalLevel::board);
                                else if (a.value == "committee") p.approval.push_back(ApprovalLevel::committee);
                                else if (a.value == "headteacher") p.approval.push_back(ApprovalLevel::headteacher);
                                else diags.error(a.pos, "invalid-value", "approval level '" + a.value + "' is not one of: " + util::join(k_levels, ", "),
                                                 util::did_you_mean(a.value, k_levels));
                            }
                            if (auto s = e.string("source")) p.source = s->value;
                            if (auto c = e.boolean("confirmed")) p.confirmed = c->value;
                            if (auto s = e.string("note")) p.note = s->value;
                            e.finish();
                            if (!id || !title) continue;
                            p.id = id->value;
                            p.title = title->value;
                            list.policies.push_back(std::move(p));
                        }
                    }
                }
                m.finish();
            }
        }
    }
    for (const auto& r : config.required) {
        StatutoryPolicy p;
        p.id = r.id.value;
        p.title = r.title;
        p.applies_to = r.applies_to;
        p.pos = r.id.pos;
        p.trust = true;
        p.confirmed = true;
        p.source = config.path;
        if (r.review_period) {
            p.review_required = true;
            p.trust_period = r.review_period;
        }
        list.policies.push_back(std::move(p));
    }
    return list;
}

}  // namespace clausebook::check
