// Taking a governor's edits back from clausebook's own DOCX (issue 16, docs/roundtrip.md).
// clausebook's DOCX names its school and policy and marks each clause (write/docx/own_marks.hpp);
// an edited copy is read with the DOCX reader and compared, clause by clause, with what it was
// built from (the fingerprints it carries) and with what the repository builds now. Each edit
// becomes exactly the school-file change that would produce it: an edited clause its override
// (or a local clause's new text), a deleted clause an exclusion, new paragraphs a local clause
// where they stand, an edited cover table the change `renew` makes. Nothing here writes a file.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "import/blocks.hpp"
#include "import/importer.hpp"
#include "model/repository.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::import {

// What the document's custom properties say of it.
struct OwnIdentity {
    std::string school_id, school_name, policy_id, version, fingerprint;
    struct Mark {
        std::string bookmark, clause_id, fingerprint;
    };
    std::vector<Mark> clauses;  // in the document's order
    std::map<std::string, std::string> cover;  // school-file key -> the cover table's value as built
};

// The identity of a DOCX clausebook wrote, from its docProps/custom.xml; nullopt for any other
// file (not a DOCX, no clausebook properties). Reads only that part.
std::optional<OwnIdentity> own_identity(const std::filesystem::path& file);
std::optional<OwnIdentity> own_identity(const ImportedDocument& doc);

// One line of the report: what happened to one clause, or to the cover.
struct OwnChange {
    std::string kind;  // edited, deleted, added, underneath, gone, cover, kept
    std::string clause_id;  // or the local clause's id
    std::string detail;
};

struct OwnPlan {
    OwnIdentity identity;
    ImportedDocument doc;
    std::string path;  // schools/<id>.yaml
    std::filesystem::path file;
    std::string old_text, new_text;
    std::vector<OwnChange> changes;
    std::vector<std::string> underneath;  // clauses whose text changed in the repository since the document was built
    std::vector<std::string> notes;  // tracked changes and comments, with the clause they sit on
    bool fall_back = false;  // no clause markers found: use the general import
    std::string fall_back_reason;
};

// Plans the import of clausebook's own document `identity` for `request`. Refusals (another
// school or policy, a school without a file, a document that does not load) are errors in
// `diags`. When the markers are gone, `fall_back` is set and nothing else is done.
OwnPlan plan_own_import(const model::Repository& repo, const Request& request, const OwnIdentity& identity, util::Diagnostics& diags);

// The report: the document, each change, the tracked changes and comments.
std::string render_own_report(const OwnPlan& plan);

// Edits of the policy entry of a school file, as text (comments and layout elsewhere kept).
// src/import/edit_map.cpp. Each throws util::Fatal when the entry cannot be edited safely.
std::string set_override(const std::string& text, const std::string& path, const std::string& policy_id, const std::string& clause_id, const std::string& title,
                         const std::string& markdown, const std::string& comment);
std::string add_exclusion(const std::string& text, const std::string& path, const std::string& policy_id, const std::string& clause_id);
// A local clause `id` placed `anchor_key` (after, before) `anchor`; replaces one of the same id.
std::string set_local(const std::string& text, const std::string& path, const std::string& policy_id, const std::string& id, const std::string& anchor_key,
                      const std::string& anchor, const std::string& title, const std::string& markdown, const std::string& comment);
// Removes local clause `id` from the entry.
std::string remove_local(const std::string& text, const std::string& path, const std::string& policy_id, const std::string& id);

}  // namespace clausebook::import
