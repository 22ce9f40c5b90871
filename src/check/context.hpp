// Everything a check rule reads: the loaded repository, each school's assembled policies, the
// day the check runs for, and the stale-reference list.
#pragma once

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "check/finding.hpp"
#include "model/reference_data.hpp"
#include "check/stale_list.hpp"
#include "check/statutory_list.hpp"
#include "model/repository.hpp"
#include "model/document.hpp"
#include "util/date.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::check {

// One school's copy of one policy: the thing a JUnit suite and a waiver are about.
// Or one of a school's register entries (a policy clausebook does not write): then `outline`
// and `policy` are nullptr and `entry` is set, and only the rules about dates, approvals and the
// statutory list apply (a rule that reads the outline skips it).
struct Subject {
    const model::School* school = nullptr;
    const model::Outline* outline = nullptr;
    const model::SchoolPolicy* policy = nullptr;  // the school's entry under policies:
    const model::RegisterEntry* entry = nullptr;  // the school's entry under register:
    model::Document document;  // metadata only: the runner drops the assembled sections
    util::Diagnostics assembly;  // what assembling it reported (missing-value, ...)

    // Where a finding about the policy as a whole points: its key in the school file, or the
    // file's first line when the school says nothing about the policy.
    util::SourcePos where() const;
    // Where the next review date is written: next_review, else approved (the date it is derived
    // from), else where().
    util::SourcePos review_pos() const;
    // "Social Media Policy (Conway Primary School)", for messages.
    std::string label() const;
    // The outline id or the register entry id.
    const std::string& policy_id() const;
    // The ids the statutory list may know this policy by: policy_id(), then those the register
    // entry covers (`covers:`).
    std::vector<std::string> statutory_ids() const;
    // Where approved_by and the review period are written, else where().
    util::SourcePos approved_by_pos() const;
    util::SourcePos review_period_pos() const;
    // Where the approval date is written, and the next review date as stated (not derived).
    std::optional<model::Located<util::Date>> approved() const;
    std::optional<model::Located<util::LooseDate>> next_review() const;
    const std::vector<model::Waiver>& waivers() const;
};

// A piece of wording somebody wrote, with the place it was written: a library clause body, or a
// school's override, local clause, title or text parameter.
struct Wording {
    std::string text;
    std::string what;  // "clause 'staff.personal-use'", "local clause 'local.x'", ...
    const Subject* subject = nullptr;  // nullptr for the library
    util::SourcePos pos;  // of the first character of `text`, when exact
    bool exact = false;  // `pos` maps offsets exactly (a whole-file body); else offsets are searched
    int indent = 0;  // for exact text: the column lines after the first start at
    bool is_template = false;  // Mustache text: its {{tags}} are placeholders, filled when rendered
};

// What one rule run sees. run_check splits the schools into runs of whole schools, one Context
// each, and runs every rule over each on every core: a rule must read only its Context and find
// the same things in the same order whichever runs a school falls in (each school's subjects
// are in one Context, and only the first Context has `library` set).
struct Context {
    const model::Repository& repo;
    std::span<const Subject> subjects;  // owned by run_check
    util::Date today;
    int due_within_days = 60;
    const StaleList& stale;
    bool library = true;  // check the shared library too (false when --school narrows the run)
    const model::KcsieList& kcsie;  // data/kcsie-editions.yaml
    const StatutoryList& statutory;  // data/statutory-policies.yaml and clausebook.yaml check.require
    // The schools checked (--school narrows them): statutory-policy-missing looks at each.
    std::span<const model::School* const> schools;

    // The library's clause bodies and every subject's own wording.
    std::vector<Wording> library_wording() const;
    std::vector<Wording> school_wording(const Subject& s) const;
    // The file position of byte `offset` of `w.text`, where `needle` (the text found there)
    // starts: exact for file bodies; for text read out of YAML, the place in the file where that
    // occurrence of `needle` is written, searching from w.pos (w.pos itself if not found).
    util::SourcePos locate(const Wording& w, std::size_t offset, const std::string& needle) const;
};

// Rules append findings; `rule` and `severity` are filled in by the runner from the table.
// `key` tells apart several findings of one rule for one subject (see Finding::key).
// Findings of one rule listed for one file (of one school's policy); the rest are counted in one
// more finding (run_check). Rules that scan wording stop locating matches past this number in one
// text, so that 100,000 matches cost a linear scan, not a search for each one's line.
constexpr std::size_t k_max_findings_per_rule_and_file = 100;

void add_finding(std::vector<Finding>& out, const Subject* s, util::SourcePos pos, std::string message, std::string hint = {}, std::string key = {});

}  // namespace clausebook::check
