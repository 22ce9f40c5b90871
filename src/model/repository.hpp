// The repository as load produces it (load/load.hpp) and every later stage reads it, validated:
// settings, outlines, the clause library, the schools and their approved copies. Positions are
// kept so that later stages (assemble, check) can report problems at the line where a value was
// written.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/template.hpp"
#include "model/schema.hpp"
#include "model/value.hpp"
#include "util/date.hpp"
#include "util/diagnostics.hpp"
#include "util/source_files.hpp"

namespace clausebook::model {

using util::SourcePos;

// A value with the place it was written.
template <class T>
struct Located {
    T value{};
    SourcePos pos;
};

struct ParamValue {
    std::string name;
    Value value;
    SourcePos pos;
    // Empty: the value holds for every policy that declares `name`. Otherwise the one outline
    // whose type it was read with: two outlines may declare a parameter of the same name with
    // different types, and a school-wide value is then read once per type (load/school_loader.cpp).
    std::string outline;
};

// The value of `name` in `values` that holds for `outline_id` (see ParamValue::outline), or nullptr.
const ParamValue* find_param(const std::vector<ParamValue>& values, const std::string& name, const std::string& outline_id);

struct Config {
    std::string path;  // display path, "clausebook.yaml"
    std::string trust_name;
    std::string trust_kind = "trust";
    std::vector<ParamValue> default_params;
    bool allow_raw_html = false;
    // check.severity: rule id -> severity name, as written (validated by check, which knows the rules).
    struct SeveritySetting {
        Located<std::string> rule;
        Located<std::string> level;
    };
    std::vector<SeveritySetting> severity;
    // font: the trust's own typeface for the PDF (embedded) and the DOCX (named): its family
    // name and its font files, relative to the repository (checked by build, write/pdf/fonts.hpp).
    struct FontSetting {
        Located<std::string> name;
        std::vector<Located<std::string>> files;
        SourcePos pos;  // the 'font' key
    };
    std::optional<FontSetting> font;
    // check.require: the trust's own required policies, beside the DfE's statutory list (issue 17).
    struct RequiredPolicy {
        Located<std::string> id;  // a register entry id or an outline id
        std::string title;
        std::optional<util::Duration> review_period;  // the longest period allowed, if any
        std::vector<std::string> applies_to;  // school types; empty: every school
    };
    std::vector<RequiredPolicy> required;
};

// One clause file: the default wording (variant empty) or a named variant.
struct ClauseFile {
    std::string id;
    std::string variant;
    std::string title;
    std::vector<std::string> audience;
    std::string version;
    std::optional<Condition> when;
    std::string path;  // display path
    SourcePos id_pos;
    std::string body;  // Markdown with placeholders
    int body_line = 1;  // the file line the body starts on
    Template body_template;
};

struct ClauseEntry {
    std::string id;
    bool optional = false;
    std::optional<Condition> when;
    SourcePos pos;
};

struct OutlineSection {
    std::string id;
    std::string title;
    std::optional<Condition> when;
    std::vector<ClauseEntry> clauses;
    SourcePos pos;
};

struct Outline {
    std::string id;  // the file stem: templates/<id>.yaml
    std::string path;  // display path
    std::string title;
    std::optional<Located<util::Duration>> review_period;
    std::string approval;
    std::vector<ParamSpec> params;
    std::vector<OutlineSection> sections;
    ParamType scope;  // every name placeholders may use: built-ins and params

    const ParamSpec* param(const std::string& name) const;
    const ClauseEntry* entry(const std::string& clause_id) const;
};

// A school's own wording for a library clause.
struct Override {
    std::string clause_id;
    SourcePos pos;  // of the key
    std::optional<std::string> title;
    std::string text;
    Template text_template;
};

struct LocalClause {
    std::string id;
    SourcePos pos;
    enum class Anchor { after, before, section } anchor = Anchor::section;
    Located<std::string> anchor_id;
    std::string title;
    std::string text;
    Template text_template;
};

// A school's decision not to apply one check rule to one policy (`waive:` in the policy entry).
// The rule id is validated by check; the reason is required and shown in every report.
struct Waiver {
    Located<std::string> rule;
    std::string reason;
};

struct VariantChoice {
    std::string clause_id;
    std::string variant;
    SourcePos pos;  // of the clause id (the key)
    SourcePos variant_pos;  // of the variant name (the value)
};

// What a school says about one policy.
struct SchoolPolicy {
    std::string policy_id;
    SourcePos pos;
    std::optional<Located<std::string>> title;
    std::optional<Located<util::Date>> approved;
    std::optional<Located<std::string>> approved_by;
    std::optional<Located<std::string>> minute;
    std::optional<Located<util::Duration>> review_period;
    std::optional<Located<util::LooseDate>> next_review;
    std::vector<ParamValue> params;
    std::vector<Located<std::string>> exclude;
    std::vector<VariantChoice> variants;
    std::vector<Override> overrides;
    std::vector<LocalClause> local;
    std::vector<Waiver> waivers;
};

// A policy the school keeps that clausebook does not write (`register:` in the school file):
// written elsewhere, a local authority's model, a PDF on the website. It has the dates and
// names of a generated policy's entry, and where the current document is.
struct RegisterEntry {
    std::string id;  // the key: a policy id of data/statutory-policies.yaml, or the school's own
    SourcePos pos;  // of the key
    Located<std::string> title;
    Located<std::string> category;
    std::optional<Located<util::Date>> approved;
    std::optional<Located<std::string>> approved_by;
    std::optional<Located<std::string>> minute;
    std::optional<Located<util::Duration>> review_period;
    std::optional<Located<util::LooseDate>> next_review;
    std::optional<Located<std::string>> location;  // a path inside the repository or an https URL
    // A location that is a path: whether it names a regular file inside the repository (a link
    // out of it does not count). Settled by load (load_repository); check's
    // register-location-missing reads it. Always true for an https URL.
    bool location_found = true;
    std::optional<Located<std::string>> owner;
    // Statutory policies this one document also meets (the DfE allows one document to meet
    // several requirements): ids of data/statutory-policies.yaml or check.require.
    std::vector<Located<std::string>> covers;
    std::vector<Waiver> waivers;
};

// The categories a register entry may have (`category:`).
const std::vector<std::string>& register_categories();
// The school types `school.type` may name, as data/statutory-policies.yaml writes them.
const std::vector<std::string>& school_types();

struct School {
    std::string id;  // file stem
    std::string path;  // display path
    Value info;  // the `school` map as placeholders see it (name, short_name, ...)
    std::string name;
    std::optional<Located<std::string>> type;  // school.type: maintained, academy, ...
    std::optional<Located<std::string>> phase;  // school.phase
    std::vector<ParamValue> params;
    std::vector<SchoolPolicy> policies;  // the outlines this school keeps, and nothing else
    std::vector<RegisterEntry> register_entries;  // the policies it keeps that clausebook does not write
    SourcePos register_pos;  // the `register:` key, else the `school:` key: where a missing policy is reported
    // Not read: `build`'s school cache (make/school_cache.hpp) vouched that the file and the
    // outputs made from it are as an earlier build left them. Only `id`, `path` and each policy's
    // `policy_id` are set; only load_repository_cached makes such a school, for `build` alone.
    bool cached = false;

    const SchoolPolicy* policy(const std::string& id) const;
    const RegisterEntry* register_entry(const std::string& id) const;
    // Whether the school keeps `outline_id` (lists it under `policies:`): only those are built.
    bool keeps(const std::string& outline_id) const { return policy(outline_id) != nullptr; }
};

// The newest copy renew kept of one school's policy: approved/<school>/<policy>/<YYYY-MM-DD>.md,
// the Markdown of the text as the board approved it (see compare/policy_text.hpp).
struct ApprovedCopy {
    std::string display_path;  // "approved/conway-primary/social-networking/2019-04-03.md"
    util::Date date;  // from the file name
    std::string text;
};

struct Repository {
    std::filesystem::path root;
    Config config;
    std::vector<Outline> outlines;  // sorted by id
    std::map<std::string, std::vector<ClauseFile>> clauses;  // id -> default first, then variants
    std::vector<School> schools;  // sorted by id
    util::SourceFiles sources;
    // The newest approved copy of each school's policy, by "school/policy" (inputs of the
    // document: they settle whether it is a draft, see assemble/assembler.hpp).
    std::map<std::string, ApprovedCopy> approved;

    const Outline* outline(const std::string& id) const;
    const School* school(const std::string& id) const;
    // The clause file for `id` and `variant` ("" for the default wording), or nullptr.
    const ClauseFile* clause(const std::string& id, const std::string& variant = {}) const;
    std::vector<std::string> clause_ids() const;
    const ApprovedCopy* approved_copy(const std::string& school_id, const std::string& policy_id) const;
    // The outlines `school` keeps, in outline order.
    std::vector<const Outline*> outlines_of(const School& school) const;
};

}  // namespace clausebook::model
