#include "check/runner.hpp"

#include <set>

#include <algorithm>
#include <cstdint>
#include <map>
#include <tuple>

#include "assemble/assembler.hpp"
#include "util/parallel.hpp"

#include <unordered_map>
#include <unordered_set>
#include "check/context.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace clausebook::check {

std::size_t Report::failing() const {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return !f.waiver && at_or_above(f.severity, fail_level); }));
}

std::size_t Report::count(util::Severity s, bool waived) const {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == s && f.waiver.has_value() == waived; }));
}

namespace {

std::vector<std::string> rule_ids() {
    std::vector<std::string> ids;
    for (const auto& r : rules()) ids.emplace_back(r.id);
    return ids;
}

void unknown_rule(const model::Located<std::string>& name, const std::string& where, util::Diagnostics& diags) {
    std::string hint = util::did_you_mean(name.value, rule_ids());
    diags.error(name.pos, "unknown-rule", "'" + name.value + "' in " + where + " is not a check rule",
                hint.empty() ? "'clausebook check --list-rules' lists them" : hint);
}

std::vector<RuleSetting> settings(const model::Repository& repo, util::Diagnostics& diags) {
    std::vector<RuleSetting> out;
    for (const auto& r : rules()) out.push_back({&r, r.severity});
    for (const auto& s : repo.config.severity) {
        auto level = parse_severity(s.level.value);
        if (!level) diags.error(s.level.pos, "invalid-value", "'" + s.level.value + "' is not a severity", "write error, warning or info");
        auto it = std::find_if(out.begin(), out.end(), [&](const RuleSetting& rs) { return rs.rule->id == s.rule.value; });
        if (it == out.end())
            unknown_rule(s.rule, "check.severity", diags);
        else if (level)
            it->severity = *level;
    }
    return out;
}

template <class T, class IdOf>
std::vector<const T*> pick(const std::vector<T>& all, const std::vector<std::string>& ids, const char* what, IdOf id_of) {
    std::vector<const T*> out;
    std::vector<std::string> known;
    for (const auto& x : all) known.push_back(id_of(x));
    for (const auto& x : all)
        if (ids.empty() || std::find(ids.begin(), ids.end(), id_of(x)) != ids.end()) out.push_back(&x);
    for (const auto& id : ids)
        if (std::find(known.begin(), known.end(), id) == known.end()) {
            std::string hint = util::did_you_mean(id, known);
            throw util::Fatal(std::string("there is no ") + what + " '" + id + "'; " +
                              (hint.empty() ? "the " + std::string(what) + "s are: " + util::join(known, ", ") : hint));
        }
    return out;
}

// Keeps the first k_max_findings_per_rule_and_file findings of one rule for each school, policy
// and file, and replaces the rest with one finding that counts them.
void cap_per_file(std::vector<Finding>& found) {
    if (found.size() <= k_max_findings_per_rule_and_file) return;
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> seen;
    std::vector<Finding> kept;
    std::vector<std::pair<Finding, std::size_t>> dropped;  // the first dropped of each file, and how many
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> dropped_at;
    for (auto& f : found) {
        auto key = std::make_tuple(f.school_id, f.policy_id, f.pos.path);
        if (++seen[key] <= k_max_findings_per_rule_and_file) {
            kept.push_back(std::move(f));
            continue;
        }
        auto [it, fresh] = dropped_at.emplace(key, dropped.size());
        if (fresh) dropped.emplace_back(f, 0);
        ++dropped[it->second].second;
    }
    for (auto& [f, n] : dropped) {
        f.message = std::to_string(n) + " more " + (n == 1 ? "finding" : "findings") + " of this rule in " + f.pos.path + " not listed (the first " +
                    std::to_string(k_max_findings_per_rule_and_file) + " are)";
        f.hint = "fix the ones listed and run check again";
        f.key = "more:" + f.pos.path;
        f.pos = {f.pos.path, 0, 0};
        kept.push_back(std::move(f));
    }
    found = std::move(kept);
}

// Whether cap_per_file would change `found`: some school, policy and file with more than
// k_max_findings_per_rule_and_file findings of the rule. Nothing is copied to tell.
bool over_cap_per_file(const std::vector<Finding>& found) {
    if (found.size() <= k_max_findings_per_rule_and_file) return false;
    std::vector<std::uint32_t> order(found.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
    auto key = [&found](std::uint32_t i) { return std::tie(found[i].school_id, found[i].policy_id, found[i].pos.path); };
    std::sort(order.begin(), order.end(), [&key](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
    std::size_t run = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        run = i > 0 && key(order[i]) == key(order[i - 1]) ? run + 1 : 1;
        if (run > k_max_findings_per_rule_and_file) return true;
    }
    return false;
}

}  // namespace

Report run_check(const model::Repository& repo, model::ReferenceData reference, const Options& options, util::Diagnostics& diags) {
    Report report;
    report.today = options.today;
    report.fail_level = options.fail_level;
    report.rules = settings(repo, diags);

    auto schools = pick(repo.schools, options.schools, "school", [](const model::School& s) { return s.id; });
    // --policy names an outline or a register entry of some school.
    std::vector<std::string> outline_ids;
    std::set<std::string> register_ids;
    for (const auto& school : repo.schools)
        for (const auto& e : school.register_entries) register_ids.insert(e.id);
    for (const auto& id : options.policies)
        if (repo.outline(id) || !register_ids.count(id)) outline_ids.push_back(id);
    auto outlines = pick(repo.outlines, outline_ids, "policy", [](const model::Outline& o) { return o.id; });
    if (outline_ids.empty() && !options.policies.empty()) outlines.clear();
    for (const auto& school : repo.schools) {
        for (const auto& p : school.policies)
            for (const auto& w : p.waivers)
                if (!find_rule(w.rule.value)) unknown_rule(w.rule, "waive:", diags);
        for (const auto& e : school.register_entries)
            for (const auto& w : e.waivers)
                if (!find_rule(w.rule.value)) unknown_rule(w.rule, "waive:", diags);
    }
    // Every policy each school keeps: the outlines it lists, then its register entries (a
    // --policy naming an outline narrows both: register entries are kept only when no --policy
    // is given or one names them).
    std::set<std::string> asked(options.policies.begin(), options.policies.end());
    std::vector<Subject> subjects;
    {
        std::size_t most = 0;  // reserved: a Subject is moved, not copied, and only once
        for (const auto* school : schools) most += outlines.size() + school->register_entries.size();
        subjects.reserve(most);
    }
    std::vector<std::size_t> first_subject;  // of each school in `schools`, and the end
    first_subject.reserve(schools.size() + 1);
    for (const auto* school : schools) {
        first_subject.push_back(subjects.size());
        for (const auto* outline : outlines) {
            if (!school->keeps(outline->id)) continue;
            Subject s;
            s.school = school;
            s.outline = outline;
            s.policy = school->policy(outline->id);
            subjects.push_back(std::move(s));
        }
        for (const auto& e : school->register_entries) {
            if (!asked.empty() && !asked.count(e.id)) continue;
            Subject s;
            s.school = school;
            s.entry = &e;
            subjects.push_back(std::move(s));
        }
    }
    first_subject.push_back(subjects.size());
    // Every document assembled on every core; each subject keeps its own diagnostics.
    util::parallel_for(subjects.size(), util::default_jobs(), [&](std::size_t i) {
        Subject& s = subjects[i];
        if (s.entry) {
            s.document.meta = assemble::make_register_metadata(repo, *s.school, *s.entry);
            return;
        }
        // The rules read a document's metadata and the assembly's diagnostics, never its
        // assembled text (school wording is read from the school file): the text is not made
        // (unless settling the approval needs it), and the sections are dropped, which keeps
        // memory small however many schools there are (1.7 GB at 22,000 schools otherwise).
        s.document = assemble::assemble_document(repo, *s.school, *s.outline, s.assembly, assemble::Rendering::checked);
        s.document.sections.clear();
        s.document.sections.shrink_to_fit();
    });
    if (diags.has_errors()) return report;

    const bool library = options.schools.empty();
    report.suites.reserve(subjects.size() + (library ? 1 : 0));
    if (library) report.suites.push_back({"", "", "", "Clause library", "clauses/"});
    for (const auto& s : subjects) report.suites.push_back({s.school->id, s.policy_id(), s.school->name, s.document.meta.title, s.school->path});

    // Waivers are looked up only for the schools that write any (most write none), by
    // "school/policy" of the subjects checked; the first subject of a pair wins, as it always has.
    std::unordered_map<std::string, const std::vector<model::Waiver>*> waivers_by_subject;
    std::unordered_set<std::string_view> waiving_schools;
    for (const auto* school : schools) {
        bool any = false;
        for (const auto& p : school->policies) any = any || !p.waivers.empty();
        for (const auto& e : school->register_entries) any = any || !e.waivers.empty();
        if (any) waiving_schools.insert(school->id);
    }
    for (const auto& s : subjects)
        if (waiving_schools.count(s.school->id)) waivers_by_subject.emplace(s.school->id + "/" + s.policy_id(), &s.waivers());

    // The schools in runs of whole schools, every rule over each run on every core. Each rule's
    // findings are then its findings of the first run, then of the second, ...: the order one
    // pass over every school would give, since a rule goes through the schools in order.
    const std::size_t runs = std::max<std::size_t>(1, std::min<std::size_t>(schools.size(), std::size_t{util::default_jobs()} * 8));
    std::vector<std::vector<std::vector<Finding>>> found(runs, std::vector<std::vector<Finding>>(report.rules.size()));
    std::vector<std::vector<bool>> over_cap(runs, std::vector<bool>(report.rules.size(), false));
    util::parallel_for(runs, util::default_jobs(), [&](std::size_t run) {
        const std::size_t from = schools.size() * run / runs, to = schools.size() * (run + 1) / runs;
        const std::size_t subjects_from = first_subject[from], subjects_to = first_subject[to];
        Context ctx{repo,
                    std::span<const Subject>(subjects.data() + subjects_from, subjects_to - subjects_from),
                    options.today,
                    options.due_within_days,
                    reference.stale,
                    library && run == 0,
                    reference.kcsie,
                    reference.statutory,
                    std::span<const model::School* const>(schools.data() + from, to - from)};
        std::string subject;  // "school/policy", reused
        for (std::size_t i = 0; i < report.rules.size(); ++i) {
            const auto& setting = report.rules[i];
            auto& out = found[run][i];
            setting.rule->run(ctx, out);
            over_cap[run][i] = over_cap_per_file(out);
            for (auto& f : out) {
                f.rule = std::string(setting.rule->id);
                f.severity = setting.severity;
                if (waiving_schools.empty() || !waiving_schools.count(f.school_id)) continue;
                subject.assign(f.school_id).append("/").append(f.policy_id);
                if (auto it = waivers_by_subject.find(subject); it != waivers_by_subject.end())
                    for (const auto& w : *it->second)
                        if (w.rule.value == f.rule) {
                            f.waiver = w.reason;
                            f.waiver_pos = w.rule.pos;
                        }
            }
        }
    });
    // Every rule's findings first, so that the report's list is allocated once (half a million
    // findings for 22,000 schools' registers), and each is moved into it once.
    std::vector<std::vector<Finding>> by_rule(report.rules.size());
    util::parallel_for(report.rules.size(), util::default_jobs(), [&](std::size_t i) {
        bool cap = false;
        for (std::size_t run = 0; run < runs; ++run) cap = cap || over_cap[run][i];
        if (!cap) return;  // kept in their runs, moved straight into the report below
        for (std::size_t run = 0; run < runs; ++run) {
            by_rule[i].insert(by_rule[i].end(), std::make_move_iterator(found[run][i].begin()), std::make_move_iterator(found[run][i].end()));
            std::vector<Finding>().swap(found[run][i]);
        }
        cap_per_file(by_rule[i]);
    });
    std::size_t total = 0;
    for (std::size_t i = 0; i < report.rules.size(); ++i) {
        total += by_rule[i].size();
        for (std::size_t run = 0; run < runs; ++run) total += found[run][i].size();
    }
    report.findings.reserve(total);
    for (std::size_t i = 0; i < report.rules.size(); ++i) {
        for (auto& f : by_rule[i]) report.findings.push_back(std::move(f));
        std::vector<Finding>().swap(by_rule[i]);
        for (std::size_t run = 0; run < runs; ++run) {
            for (auto& f : found[run][i]) report.findings.push_back(std::move(f));
            std::vector<Finding>().swap(found[run][i]);
        }
    }
    // A finding about a policy a school does not keep (statutory-policy-missing) gets a suite of its own.
    {
        // Pairs of ids viewed where they stay put: in the repository, or in the findings.
        using Pair = std::pair<std::string_view, std::string_view>;
        struct PairHash {
            std::size_t operator()(const Pair& p) const { return std::hash<std::string_view>{}(p.first) * 1000003u ^ std::hash<std::string_view>{}(p.second); }
        };
        // A school's subjects are one run of `subjects`: a finding's pair is known when it is
        // among its school's run (a set of every subject's pair cost 0.2 s at 22,000 schools).
        std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> subjects_of;
        subjects_of.reserve(schools.size());
        for (std::size_t k = 0; k + 1 < first_subject.size(); ++k)
            if (first_subject[k] < first_subject[k + 1]) subjects_of.emplace(schools[k]->id, std::make_pair(first_subject[k], first_subject[k + 1]));
        auto kept = [&](const Finding& f) {
            auto it = subjects_of.find(f.school_id);
            if (it == subjects_of.end()) return false;
            for (std::size_t k = it->second.first; k < it->second.second; ++k)
                if (subjects[k].policy_id() == f.policy_id) return true;
            return false;
        };
        std::unordered_set<Pair, PairHash> added;
        std::vector<const Finding*> new_suites;
        for (const auto& f : report.findings)
            if (!f.school_id.empty() && !kept(f) && added.insert({f.school_id, f.policy_id}).second) new_suites.push_back(&f);
        // Schools by id, the first of an id as Repository::school finds it: that walk, once per
        // such finding, was quadratic (4,400 findings over 22,000 schools).
        std::unordered_map<std::string_view, const model::School*> school_by_id;
        if (!new_suites.empty()) {
            school_by_id.reserve(repo.schools.size());
            for (const auto& sc : repo.schools) school_by_id.emplace(sc.id, &sc);
        }
        report.suites.reserve(report.suites.size() + new_suites.size());
        for (const Finding* f : new_suites) {
            auto it = school_by_id.find(f->school_id);
            const model::School* school = it == school_by_id.end() ? nullptr : it->second;
            const StatutoryPolicy* p = reference.statutory.find(f->policy_id);
            report.suites.push_back(
                {f->school_id, f->policy_id, school ? school->name : f->school_id, p ? p->title : f->policy_id, school ? school->path : ""});
        }
    }
    // Library first (empty school id), then schools and policies in order, then file position.
    // Sorted as positions, stable, then each finding moved once to its place: a finding is nine
    // strings, which a sort of the findings themselves would move n log n times.
    {
        std::vector<std::uint32_t> order(report.findings.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
        const auto& all = report.findings;
        std::sort(order.begin(), order.end(), [&all](std::uint32_t i, std::uint32_t j) {
            const Finding& a = all[i];
            const Finding& b = all[j];
            return std::tie(a.school_id, a.policy_id, a.pos.path, a.pos.line, a.pos.col, i) <
                   std::tie(b.school_id, b.policy_id, b.pos.path, b.pos.line, b.pos.col, j);
        });
        std::vector<Finding> sorted;
        sorted.reserve(order.size());
        for (auto i : order) sorted.push_back(std::move(report.findings[i]));
        report.findings = std::move(sorted);
    }
    // One place, one rule, one message: the same text reached through two routes is reported once.
    report.findings.erase(std::unique(report.findings.begin(), report.findings.end(),
                                      [](const Finding& a, const Finding& b) {
                                          return a.rule == b.rule && a.school_id == b.school_id && a.policy_id == b.policy_id && a.pos.path == b.pos.path &&
                                                 a.pos.line == b.pos.line && a.pos.col == b.pos.col && a.message == b.message;
                                      }),
                          report.findings.end());
    return report;
}

}  // namespace clausebook::check
