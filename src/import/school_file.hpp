// Writing what an import found into a school file: a new file, or the policy's entry of an
// existing one edited as text so that everything else (comments, order, quoting) stays as the
// clerk wrote it (the scalars through renew/yaml_edit.cpp, as `renew` edits them). Also the
// edit `adopt` makes: removing a school's own wording for some clauses.
#pragma once

#include <string>
#include <vector>

namespace clausebook::import {

struct KeyValue {
    std::string key;
    std::string yaml;  // the value as one line of YAML (already quoted where needed)
    std::string comment;  // the document's words it came from, written as a trailing comment
};

struct OverrideWrite {
    std::string clause_id;
    std::string title;  // empty: the library's title
    std::string text;  // Markdown
    std::string comment;
    bool kept = false;  // kept from the school file as it was: its lines are written back verbatim
};

struct LocalWrite {
    std::string id;
    std::string anchor_key;  // "after", "before" or "section"
    std::string anchor;
    std::string title;
    std::string text;
    std::string comment;
    bool kept = false;  // kept from the school file: its lines verbatim (the anchor line set again)
};

struct PolicyWrite {
    std::vector<KeyValue> scalars;  // title, approved, approved_by, minute, review_period, next_review
    std::vector<KeyValue> params;
    std::vector<std::string> exclude;
    std::vector<OverrideWrite> overrides;
    std::vector<LocalWrite> local;
};

// A whole new school file.
std::string new_school_file(const std::string& header_comment, const std::vector<KeyValue>& school, const std::string& policy_id, const PolicyWrite& policy);

// `text` with the policy entry updated: scalars and params set one by one; exclude, overrides
// and local written again from `policy` (the import works out what the school's file keeps).
// The clerk's comments stay: an entry `kept` is written back as it was (its comments inside
// it too); an entry the document rewrites keeps the comment lines above it; a comment on the
// `exclude:`, `overrides:` or `local:` line, and comments after a block's last entry, stay.
// `notes` gets what could not be done in place. Throws util::Fatal when the file cannot be edited safely.
std::string merge_school_file(const std::string& text, const std::string& path, const std::string& policy_id, const PolicyWrite& policy,
                              std::vector<std::string>& notes);

// `text` without the overrides of `clause_ids` in the policy's entry (an emptied `overrides:`
// goes too). `removed` gets the ids that had one. Throws util::Fatal when the overrides are
// written in flow style.
std::string remove_overrides(const std::string& text, const std::string& path, const std::string& policy_id, const std::vector<std::string>& clause_ids,
                             bool all, std::vector<std::string>& removed);

// Markdown for text taken verbatim: characters Markdown or Mustache would read as markup escaped.
std::string escape_markdown(const std::string& text, bool line_start = true);

// A quote for a trailing YAML comment: one line, at most 100 characters.
std::string comment_quote(const std::string& words);

}  // namespace clausebook::import
