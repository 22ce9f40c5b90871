// Reading YAML with positions and diagnostics. libyaml's event parser reads the text and this
// layer builds a small tree from its events (YamlNode), refusing what no input file needs
// (anchors, aliases, deep nesting, a second document); YamlMap and the readers below check
// shapes and types and report every problem at its line and column.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/repository.hpp"
#include "model/schema.hpp"
#include "util/diagnostics.hpp"
#include "util/text_origin.hpp"

namespace clausebook::load {

using util::SourcePos;

class YamlPairs;

// One value of a YAML file: nothing (an empty value, `~` or `null`), a single value (a scalar),
// a list or a map. A map keeps its pairs in the file's order, duplicate keys included, so that
// they can be reported. A node owns its children; parse_yaml returns the root.
class YamlNode {
public:
    enum class Kind : std::uint8_t { null, scalar, sequence, map };

    // Where the value starts (at its tag, if it has one): the line from 0 as the file's '\n'
    // count it, the column from 0 in characters (as diagnostics count them), and the byte offset
    // in the text that was parsed.
    struct Mark {
        int line = 0;
        int col = 0;
        std::size_t offset = 0;
    };

    Kind kind() const { return m_kind; }
    bool is_null() const { return m_kind == Kind::null; }
    bool is_scalar() const { return m_kind == Kind::scalar; }
    bool is_sequence() const { return m_kind == Kind::sequence; }
    bool is_map() const { return m_kind == Kind::map; }
    // A scalar's text once YAML's quotes, escapes and folding are undone; empty for the others.
    const std::string& scalar() const { return m_text; }
    // A plain scalar (not quoted, not a | or > block) without a tag: only these are read as
    // true/false or as numbers; "true" in quotes is the word true.
    bool plain() const { return m_plain; }
    // A map or list written in flow style, on one line: {a: 1} or [a, b].
    bool flow() const { return m_flow; }
    const Mark& mark() const { return m_mark; }
    // A list's items; nothing for the other kinds.
    std::span<const YamlNode> items() const { return is_sequence() ? std::span<const YamlNode>(m_children) : std::span<const YamlNode>(); }
    // A map's pairs in the file's order; nothing for the other kinds.
    YamlPairs pairs() const;

private:
    friend class YamlBuilder;
    std::string m_text;
    std::vector<YamlNode> m_children;  // a list's items; for a map, each key followed by its value
    Mark m_mark;
    Kind m_kind = Kind::null;
    bool m_plain = false;
    bool m_flow = false;
};

// One key and its value, as `for (const auto& [key, value] : node.pairs())` sees them.
struct YamlPair {
    const YamlNode& key;
    const YamlNode& value;
};

class YamlPairs {
public:
    class iterator {
    public:
        explicit iterator(const YamlNode* at) : m_at(at) {}
        YamlPair operator*() const { return {m_at[0], m_at[1]}; }
        iterator& operator++() {
            m_at += 2;
            return *this;
        }
        bool operator==(const iterator&) const = default;

    private:
        const YamlNode* m_at;
    };
    explicit YamlPairs(std::span<const YamlNode> flat) : m_flat(flat) {}
    iterator begin() const { return iterator(m_flat.data()); }
    iterator end() const { return iterator(m_flat.data() + m_flat.size()); }
    std::size_t size() const { return m_flat.size() / 2; }

private:
    std::span<const YamlNode> m_flat;
};

inline YamlPairs YamlNode::pairs() const { return YamlPairs(is_map() ? std::span<const YamlNode>(m_children) : std::span<const YamlNode>()); }

// Checks that `text` is UTF-8 without NUL or other control characters but tab, CR and LF;
// reports the first problem at its line and column ("not-utf8", "control-character").
bool check_text(const std::string& path, std::string_view text, util::Diagnostics& diags, int first_line = 1);

// Checks encoding and parses `text` as one YAML document. Problems (not UTF-8, empty,
// syntax, anchors and aliases, nesting deeper than 64, a second document) are added to `diags`;
// the result is empty then. `first_line` is the file's line number of the text's first line.
std::optional<YamlNode> parse_yaml(const std::string& path, const std::string& text, util::Diagnostics& diags, int first_line = 1);

SourcePos pos_of(const std::string& path, const YamlNode& node, int first_line = 1);

// Where the text of a scalar starts, for positions inside it (templates, conditions).
util::TextOrigin text_origin(const std::string& path, const YamlNode& scalar, std::string_view file_text, int first_line = 1);

// A YAML mapping read key by key. Duplicate keys are reported when it is made; keys that were
// never asked for are reported by finish(), with a suggestion from `known`.
class YamlMap {
public:
    YamlMap(const YamlNode& node, const std::string& path, util::Diagnostics& diags, std::string what, std::vector<std::string> known, int first_line = 1);

    bool ok() const { return m_ok; }
    // The value of `key`, if present (the first, if the key is given twice); null when it is
    // not. Reports missing-field when `required`.
    const YamlNode* get(const std::string& key, bool required = false);
    std::optional<model::Located<std::string>> string(const std::string& key, bool required = false);
    std::optional<model::Located<bool>> boolean(const std::string& key);
    std::optional<model::Located<util::Date>> date(const std::string& key, bool required = false);
    std::optional<model::Located<util::LooseDate>> loose_date(const std::string& key);
    std::optional<model::Located<util::Duration>> duration(const std::string& key);
    // A list of strings; a single string is taken as a list of one.
    std::vector<model::Located<std::string>> string_list(const std::string& key);
    void finish();
    SourcePos pos() const;
    const std::string& path() const { return m_path; }
    util::Diagnostics& diags() { return m_diags; }
    int first_line() const { return m_first_line; }

private:
    const YamlNode* m_node;
    std::string m_path;
    util::Diagnostics& m_diags;
    std::string m_what;
    std::vector<std::string> m_known;
    std::vector<bool> m_used;  // by pair, in the file's order
    int m_first_line;
    bool m_ok = false;
};

// A scalar as text, or a wrong-type diagnostic naming `what`.
std::optional<std::string> scalar_text(const YamlNode& node, const std::string& path, util::Diagnostics& diags, const std::string& what, int first_line = 1);

// Converts a YAML value to a typed parameter value. Type errors are reported ("wrong-type");
// an integer outside its range is a warning ("param-out-of-range") and is kept.
std::optional<model::Value> convert_param(const YamlNode& node, const model::ParamType& type, const std::string& path, const std::string& name,
                                          util::Diagnostics& diags, int first_line = 1);

// Reads a `params:` map against an outline's schema (or any schema, for defaults).
std::vector<model::ParamValue> read_params(const YamlNode& node, const std::vector<model::ParamSpec>& specs, const std::string& path, util::Diagnostics& diags,
                                           int first_line = 1);

}  // namespace clausebook::load
