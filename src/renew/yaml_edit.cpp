#include "renew/yaml_edit.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "load/yaml_reader.hpp"
#include "util/error.hpp"

namespace clausebook::renew {

namespace {

constexpr std::array<const char*, 7> k_key_order = {"title", "category", "approved", "approved_by", "minute", "review_period", "next_review"};

using load::YamlNode;

[[noreturn]] void refuse(const std::string& path, const YamlNode& node, const std::string& message) {
    throw util::Fatal(path + ":" + std::to_string(node.mark().line + 1) + ":" + std::to_string(node.mark().col + 1) + ": " + message);
}

// The value of `key` in `map`, or null when it has none (the first, if the key is given twice,
// as the loader reads it).
const YamlNode* find(const YamlNode& map, const std::string& key) {
    for (const auto& [k, v] : map.pairs())
        if (k.is_scalar() && k.scalar() == key) return &v;
    return nullptr;
}

std::size_t line_start(const std::string& text, std::size_t pos) {
    auto nl = text.rfind('\n', pos == 0 ? 0 : pos - 1);
    return pos == 0 || nl == std::string::npos ? 0 : nl + 1;
}

std::size_t line_end(const std::string& text, std::size_t pos) {
    auto nl = text.find('\n', pos);
    if (nl == std::string::npos) return text.size();
    return nl > pos && text[nl - 1] == '\r' ? nl - 1 : nl;
}

// The end of the one-line scalar value starting at `start`: past its closing quote, or before a
// comment and trailing blanks for a plain scalar.
std::size_t scalar_end(const std::string& text, std::size_t start, const std::string& path, const YamlNode& m) {
    std::size_t eol = line_end(text, start);
    char q = text[start];
    if (q == '|' || q == '>') refuse(path, m, "this value is a block of text; write it on one line so that renew can change it");
    if (q == '\'' || q == '"') {
        for (std::size_t i = start + 1; i < eol; ++i) {
            if (q == '"' && text[i] == '\\') {
                ++i;
                continue;
            }
            if (text[i] == q) {
                if (q == '\'' && i + 1 < eol && text[i + 1] == '\'') {
                    ++i;
                    continue;
                }
                return i + 1;
            }
        }
        refuse(path, m, "this quoted value goes on past the end of its line; write it on one line so that renew can change it");
    }
    std::size_t end = eol;
    for (std::size_t i = start; i + 1 < eol; ++i)
        if ((text[i] == ' ' || text[i] == '\t') && text[i + 1] == '#') {
            end = i;
            break;
        }
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    return end;
}

// The rest of the line from `end`, with the blanks before a trailing comment adjusted so that the
// comment stays in its column when the value's length changes (at least one blank remains).
std::string keep_comment_column(const std::string& text, std::size_t end, std::size_t old_len, std::size_t new_len) {
    std::size_t blanks = 0;
    while (end + blanks < text.size() && text[end + blanks] == ' ') ++blanks;
    if (blanks == 0 || end + blanks >= text.size() || text[end + blanks] != '#') return text.substr(end);
    long wanted = static_cast<long>(blanks) + static_cast<long>(old_len) - static_cast<long>(new_len);
    return std::string(static_cast<std::size_t>(std::max(1L, wanted)), ' ') + text.substr(end + blanks);
}

std::string newline_of(const std::string& text) { return text.find("\r\n") != std::string::npos ? "\r\n" : "\n"; }

int rank(const std::string& key) {
    auto it = std::find(k_key_order.begin(), k_key_order.end(), key);
    return it == k_key_order.end() ? -1 : static_cast<int>(it - k_key_order.begin());
}

// Applies one edit to `text`, re-parsing it first (with the loader's own YAML reader), so marks
// always match the current text.
std::string apply(const std::string& text, const std::string& path, const std::string& section, const std::string& policy_id, const ScalarEdit& edit,
                  std::string& before) {
    const std::string nl = newline_of(text);
    util::Diagnostics diags;
    std::optional<YamlNode> parsed = load::parse_yaml(path, text, diags);
    if (!parsed || diags.has_errors()) {
        std::string why = diags.items().empty() ? std::string("it is not valid YAML") : diags.items().front().message;
        throw util::Fatal(path + ": cannot edit this file: " + why);
    }
    const YamlNode& root = *parsed;
    std::string value = yaml_scalar(edit.value);
    const YamlNode* policies = root.is_map() ? find(root, section) : nullptr;
    if (!policies) {
        std::string out = text;
        if (!out.empty() && out.back() != '\n') out += nl;
        return out + section + ":" + nl + "  " + policy_id + ":" + nl + "    " + edit.key + ": " + value + nl;
    }
    if (!policies->is_map() || policies->flow()) refuse(path, *policies, "'" + section + "' must be a map of policy ids, one per line");
    const YamlNode* entry_key = nullptr;
    const YamlNode* entry = nullptr;
    for (const auto& [k, v] : policies->pairs())
        if (k.is_scalar() && k.scalar() == policy_id) {
            entry_key = &k;
            entry = &v;
        }
    if (!entry) {
        // Insert the entry as the first one under policies:, with the others' indentation.
        if (policies->pairs().size() == 0)
            refuse(path, *policies, "'" + section + "' is empty; write '" + section + ":' on a line of its own, then renew adds the entry");
        const YamlNode& first_key = (*policies->pairs().begin()).key;
        std::size_t indent = static_cast<std::size_t>(first_key.mark().col);
        std::size_t at = line_start(text, first_key.mark().offset);
        std::string block = std::string(indent, ' ') + policy_id + ":" + nl + std::string(indent + 2, ' ') + edit.key + ": " + value + nl;
        return text.substr(0, at) + block + text.substr(std::min(at, text.size()));
    }
    if (entry->is_map() && entry->flow())
        refuse(path, *entry, "policy '" + policy_id + "' is written on one line ({...}); write it as one key per line so that renew can change it");
    if (entry->is_null()) {
        std::size_t key_col = static_cast<std::size_t>(entry_key->mark().col);
        std::size_t at = line_end(text, entry_key->mark().offset);
        return text.substr(0, at) + nl + std::string(key_col + 2, ' ') + edit.key + ": " + value + text.substr(at);
    }
    if (!entry->is_map()) refuse(path, *entry, "policy '" + policy_id + "' must be a map of keys and values");
    // Replace the value in place.
    const YamlNode* best_before = nullptr;  // the value after whose line a missing key goes
    std::size_t indent = 0;
    bool first = true;
    for (const auto& [key, v] : entry->pairs()) {
        const std::string& k = key.scalar();
        if (first) {
            indent = static_cast<std::size_t>(key.mark().col);
            first = false;
        }
        if (k == edit.key) {
            if (!v.is_scalar() && !v.is_null()) refuse(path, v, "'" + k + "' must be a single value");
            if (v.is_null()) {
                // "key:" with nothing after it: put the value after the colon.
                std::size_t colon = text.find(':', key.mark().offset);
                before.clear();
                return text.substr(0, colon + 1) + " " + value + text.substr(colon + 1);
            }
            std::size_t start = v.mark().offset;
            std::size_t end = scalar_end(text, start, path, v);
            before = text.substr(start, end - start);
            // A plain value that goes on to the next lines reads as one value with the lines
            // joined: replacing its first line would keep the rest as part of the new value.
            if (text[start] != '"' && text[start] != '\'' && before != v.scalar())
                refuse(path, v, "this value goes on to the next line; write it on one line so that renew can change it");
            return text.substr(0, start) + value + keep_comment_column(text, end, before.size(), value.size());
        }
        if (rank(k) >= 0 && rank(k) < rank(edit.key) && v.is_scalar()) best_before = &v;
    }
    // Insert a new line: after the nearest earlier key of the usual order, else first in the entry.
    before.clear();
    std::string line = std::string(indent, ' ') + edit.key + ": " + value + nl;
    std::size_t at;
    if (best_before) {
        at = line_end(text, best_before->mark().offset);
        at = at + (text.compare(at, 2, "\r\n") == 0 ? 2 : text.compare(at, 1, "\n") == 0 ? 1 : 0);
        if (at == text.size() && !text.empty() && text.back() != '\n') line = nl + line.substr(0, line.size() - nl.size());
    } else {
        at = line_start(text, (*entry->pairs().begin()).key.mark().offset);
    }
    return text.substr(0, at) + line + text.substr(at);
}

}  // namespace

std::string yaml_scalar(const std::string& value) {
    static const std::array<const char*, 9> k_special = {"true", "false", "null", "yes", "no", "on", "off", "~", "y"};
    std::string lower;
    for (char c : value) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool control = false;
    for (char c : value) control = control || static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    bool plain = !value.empty() && !control && value.find_first_of("\"'{}[]#&*!|>%@`\\\n\r\t") == std::string::npos && value.find(": ") == std::string::npos &&
                 value.back() != ':' && value.front() != ' ' && value.back() != ' ' && value.front() != '-' && value.front() != '?' && value.front() != ',' &&
                 std::find(k_special.begin(), k_special.end(), lower) == k_special.end();
    if (plain) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '\r') {
            out += "\\r";
            continue;
        }
        if (c == '\t') {
            out += "\\t";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

EditOutcome set_policy_scalars(const std::string& text, const std::string& path, const std::string& policy_id, const std::vector<ScalarEdit>& edits,
                               const std::string& section) {
    EditOutcome out;
    // A byte-order mark is kept, but not shown to the YAML reader, so that offsets count from the text.
    constexpr std::string_view k_bom = "\xEF\xBB\xBF";
    bool bom = text.compare(0, k_bom.size(), k_bom) == 0;
    out.text = bom ? text.substr(k_bom.size()) : text;
    for (const auto& e : edits) {
        std::string before;
        out.text = apply(out.text, path, section, policy_id, e, before);
        out.before.push_back(before);
    }
    if (bom) out.text = std::string(k_bom) + out.text;
    return out;
}

}  // namespace clausebook::renew
