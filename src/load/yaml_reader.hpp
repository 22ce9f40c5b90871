// Reading YAML with positions and diagnostics: yaml-cpp parses, this layer checks shapes and
// types and reports every problem at its line and column.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "lang/mustache.hpp"
#include "load/repository.hpp"
#include "model/schema.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::load {

// Checks that `text` is UTF-8 without NUL or other control characters but tab, CR and LF;
// reports the first problem at its line and column ("not-utf8", "control-character").
bool check_text(const std::string& path, std::string_view text, util::Diagnostics& diags, int first_line = 1);

// Checks encoding and parses `text` as one YAML document. Problems (not UTF-8, empty,
// syntax) are added to `diags`; the result is empty then.
std::optional<YAML::Node> parse_yaml(const std::string& path, const std::string& text, util::Diagnostics& diags,
                                     int first_line = 1);

SourcePos pos_of(const std::string& path, const YAML::Node& node, int first_line = 1);

// Where the text of a scalar starts, for positions inside it (templates, conditions).
lang::TextOrigin text_origin(const std::string& path, const YAML::Node& scalar, std::string_view file_text, int first_line = 1);

// A YAML mapping read key by key. Duplicate keys are reported when it is made; keys that were
// never asked for are reported by finish(), with a suggestion from `known`.
class YamlMap {
public:
    YamlMap(const YAML::Node& node, const std::string& path, util::Diagnostics& diags, std::string what,
            std::vector<std::string> known, int first_line = 1);

    bool ok() const { return m_ok; }
    // The value of `key`, if present. Reports missing-field when `required`.
    std::optional<YAML::Node> get(const std::string& key, bool required = false);
    std::optional<Located<std::string>> string(const std::string& key, bool required = false);
    std::optional<Located<bool>> boolean(const std::string& key);
    std::optional<Located<util::Date>> date(const std::string& key, bool required = false);
    std::optional<Located<util::LooseDate>> loose_date(const std::string& key);
    std::optional<Located<util::Duration>> duration(const std::string& key);
    // A list of strings; a single string is taken as a list of one.
    std::vector<Located<std::string>> string_list(const std::string& key);
    void finish();
    SourcePos pos() const;
    const std::string& path() const { return m_path; }
    util::Diagnostics& diags() { return m_diags; }
    int first_line() const { return m_first_line; }

private:
    YAML::Node m_node;
    std::string m_path;
    util::Diagnostics& m_diags;
    std::string m_what;
    std::vector<std::string> m_known;
    std::set<std::string> m_used;
    int m_first_line;
    bool m_ok = false;
};

// A scalar as text, or a wrong-type diagnostic naming `what`.
std::optional<std::string> scalar_text(const YAML::Node& node, const std::string& path, util::Diagnostics& diags,
                                       const std::string& what, int first_line = 1);

// Converts a YAML value to a typed parameter value. Type errors are reported ("wrong-type");
// an integer outside its range is a warning ("param-out-of-range") and is kept.
std::optional<model::Value> convert_param(const YAML::Node& node, const model::ParamType& type, const std::string& path,
                                          const std::string& name, util::Diagnostics& diags, int first_line = 1);

// Reads a `params:` map against an outline's schema (or any schema, for defaults).
std::vector<ParamValue> read_params(const YAML::Node& node, const std::vector<model::ParamSpec>& specs,
                                    const std::string& path, util::Diagnostics& diags, int first_line = 1);

}  // namespace clausebook::load
