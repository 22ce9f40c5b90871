// Editing a few scalar values of a school file as text, so that everything else in it (comments,
// key order, blank lines, quoting, CRLF line endings) stays byte for byte as the clerk wrote it.
// The loader's YAML reader (load/yaml_reader) finds where each value starts (its mark); the edit
// replaces exactly that value's text,
// or inserts a missing key as a new line with the entry's own indentation.
#pragma once

#include <string>
#include <vector>

#include "util/diagnostics.hpp"

namespace clausebook::renew {

struct ScalarEdit {
    std::string key;  // a key of the policy entry: approved, approved_by, minute, review_period, next_review
    std::string value;  // the new value, as text (quoted on writing when YAML needs it)
};

struct EditOutcome {
    std::string text;  // the whole new file
    std::vector<std::string> before;  // per edit: the value as it was written, or empty when the key was added
};

// Sets `edits` in `policies: <policy_id>:` of `text` (a school file shown as `path`). Keys that
// are missing are added after the nearest earlier key of the usual order (title, approved,
// approved_by, minute, review_period, next_review), or first in the entry; a missing entry is
// added under policies:. Throws util::Fatal, naming path:line:col, when the value to replace is
// not a one-line scalar (a block scalar, a list), or the entry is written in flow style ({...}).
// `section` is "policies", or "register" for a register entry (a policy clausebook does not write).
EditOutcome set_policy_scalars(const std::string& text, const std::string& path, const std::string& policy_id, const std::vector<ScalarEdit>& edits,
                               const std::string& section = "policies");

// `value` as a YAML scalar: plain when YAML reads it back as the same string, else double-quoted.
std::string yaml_scalar(const std::string& value);

}  // namespace clausebook::renew
