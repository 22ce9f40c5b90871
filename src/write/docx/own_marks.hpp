// What a clausebook DOCX carries so that `clausebook import` recognises it after someone has
// edited it in Word or LibreOffice (issue 16, docs/roundtrip.md): custom document properties
// (docProps/custom.xml: school, policy, clausebook's version, a fingerprint of the text, and per
// clause its bookmark and the fingerprint of its visible text), and a bookmark named from the
// clause id around each clause heading.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clausebook::write::docx {

// Property names in docProps/custom.xml.
constexpr const char* k_prop_school = "clausebook.school";
constexpr const char* k_prop_school_name = "clausebook.school-name";
constexpr const char* k_prop_policy = "clausebook.policy";
constexpr const char* k_prop_version = "clausebook.version";
constexpr const char* k_prop_fingerprint = "clausebook.fingerprint";
constexpr const char* k_prop_clause_prefix = "clausebook.clause.";  // + 3-digit index: "BOOKMARK ID FINGERPRINT"
constexpr const char* k_prop_cover_prefix = "clausebook.cover.";  // + a school-file key: the cover table's value as built

// The school-file key a cover-table row shows ("Approved on" and "Previous text approved on":
// approved; approved_by, minute, next_review), or empty for the other rows.
std::string cover_key(const std::string& label);

// One clause as marked in the document.
struct ClauseMark {
    std::string id;  // clause id
    std::string bookmark;  // its bookmark name
    std::string fingerprint;  // of its title and visible text (16 hex digits)
};

// A bookmark name for `clause_id`: "cb_" and the id with every character other than a letter
// or digit made '_', at most 40 characters (Word's limit) and starting with a letter; a long or
// already `taken` name is cut and ends in 8 hex digits of the id's hash. Adds it to `taken`.
std::string clause_bookmark(const std::string& clause_id, std::set<std::string>& taken);

// The text as compared: every character but whitespace (spaces, tabs, line ends, no-break
// spaces), so that how an editor splits runs and paragraphs does not matter.
std::string canonical_text(std::string_view text);

// The visible text of WordprocessingML `xml` (the w:t elements' contents, unescaped).
std::string visible_text(std::string_view xml);

// 16 hex digits of XXH3-64 over canonical(body): computed once per rendered clause body (the
// render cache keeps it with the body), as a clause's fingerprint is made in every document.
std::string body_digest(std::string_view body);
// body_digest(visible_text(xml)), in one pass.
std::string xml_body_digest(std::string_view xml);
// A clause's fingerprint: 16 hex digits of XXH3-64 over canonical(title) 0x1F body_digest(body).
std::string text_fingerprint(std::string_view title, const std::string& digest);

// docProps/custom.xml with `props` (name, value) in order, each a vt:lpwstr.
std::string custom_part(const std::vector<std::pair<std::string, std::string>>& props);

// The properties a policy's document carries: school, policy, version, the document's
// fingerprint (over every clause's) and one property per clause.
// `cover` is the cover table's (label, value) rows: those with a cover_key are kept, so that an
// edit of the cover is told from a change of the school file since.
std::vector<std::pair<std::string, std::string>> own_properties(const std::string& school_id, const std::string& school_name, const std::string& policy_id,
                                                                const std::vector<ClauseMark>& marks,
                                                                const std::vector<std::pair<std::string, std::string>>& cover = {});

}  // namespace clausebook::write::docx
