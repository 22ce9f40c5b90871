#include "load/yaml_reader.hpp"

#include <charconv>
#include <cstdio>
#include <sstream>

#include <yaml-cpp/eventhandler.h>

#include "util/text.hpp"

namespace clausebook::load {

using model::ParamType;
using model::Value;

namespace {

constexpr int k_max_yaml_depth = 64;

const char* node_kind(const YAML::Node& n) {
    switch (n.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Null: return "nothing";
    default: return "a single value";
    }
}

bool is_plain(const YAML::Node& n) { return n.Tag() == "?"; }

// A first pass over the parser's events, before any node is built: yaml-cpp's node tree shares
// aliased nodes, so a few lines of anchors and aliases ("billion laughs") become billions of
// values for whoever walks the tree, and it nests as deep as the text does. Policy files need
// neither, so anchors and aliases are refused outright (rule yaml-alias) rather than capped:
// a refusal is simpler to explain than a budget, and copying a few lines is no hardship.
struct Refusal {
    YAML::Mark mark;
    std::string rule, message, hint;
};

class Prepass final : public YAML::EventHandler {
public:
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { anchor(m, a); }
    void OnAlias(const YAML::Mark& m, YAML::anchor_t) override {
        throw Refusal{m, "yaml-alias", "this file uses a YAML alias (*name); clausebook does not read anchors and aliases",
                      "write the value out in full where the alias stands"};
    }
    void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a, const std::string&) override { anchor(m, a); }
    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override { open(m, a); }
    void OnSequenceEnd() override { --m_depth; }
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override { open(m, a); }
    void OnMapEnd() override { --m_depth; }
    void OnAnchor(const YAML::Mark& m, const std::string&) override { anchor(m, 1); }

private:
    void anchor(const YAML::Mark& m, YAML::anchor_t a) {
        if (a != YAML::NullAnchor)
            throw Refusal{m, "yaml-alias", "this file defines a YAML anchor (&name); clausebook does not read anchors and aliases",
                          "remove the '&name' and write the value out in full wherever it is needed"};
    }
    void open(const YAML::Mark& m, YAML::anchor_t a) {
        anchor(m, a);
        if (++m_depth > k_max_yaml_depth)
            throw Refusal{m, "yaml-limit", "this value nests more than " + std::to_string(k_max_yaml_depth) + " levels deep (the limit for an input file)",
                          "no clausebook file needs more than a few levels: look for a runaway '[' or '{', or indentation that keeps growing"};
    }
    int m_depth = 0;
};

// Refuses what the node tree must never see; nullopt when the text may be loaded. Syntax errors
// are left to YAML::Load, which reports them the same way.
std::optional<Refusal> prepass(const std::string& text) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    Prepass handler;
    try {
        if (!parser.HandleNextDocument(handler)) return std::nullopt;
        YAML::Mark second;
        struct Marker final : YAML::EventHandler {
            YAML::Mark* at;
            explicit Marker(YAML::Mark* m) : at(m) {}
            void OnDocumentStart(const YAML::Mark& m) override { *at = m; throw Refusal{m, "", "", ""}; }
            void OnDocumentEnd() override {}
            void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
            void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
            void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
            void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
            void OnSequenceEnd() override {}
            void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
            void OnMapEnd() override {}
        } marker(&second);
        try {
            parser.HandleNextDocument(marker);
        } catch (const Refusal& r) {
            return Refusal{r.mark, "yaml-syntax", "this file holds a second YAML document here; clausebook reads one document per file",
                           "remove the '---' line that starts it, or move what follows into its own file"};
        }
    } catch (const Refusal& r) {
        return r;
    } catch (const YAML::Exception&) {
        // Reported with its position by YAML::Load.
    }
    return std::nullopt;
}

// The offset of the first non-breaking space (U+00A0) in a line's indentation, and how many
// lines have one; nullopt when none does.
std::optional<std::pair<std::size_t, int>> word_processor_indent(std::string_view text) {
    std::optional<std::pair<std::size_t, int>> found;
    std::size_t line = 0;
    while (line < text.size()) {
        std::size_t p = line;
        while (p < text.size() && (text[p] == ' ' || text.substr(p, 2) == "\xC2\xA0")) {
            if (text[p] == ' ') {
                ++p;
                continue;
            }
            if (!found) found = std::pair<std::size_t, int>{p, 0};
            found->second++;
            break;
        }
        auto nl = text.find('\n', line);
        if (nl == std::string_view::npos) break;
        line = nl + 1;
    }
    return found;
}

}  // namespace

SourcePos pos_of(const std::string& path, const YAML::Node& node, int first_line) {
    auto m = node.Mark();
    if (m.is_null()) return {path, 0, 0};
    return {path, m.line + first_line, m.column + 1};
}

bool check_text(const std::string& path, std::string_view text, util::Diagnostics& diags, int first_line) {
    auto at = [&](std::size_t offset) {
        auto lc = util::line_col_at(text, offset);
        return SourcePos{path, lc.line + first_line - 1, static_cast<int>(lc.col0) + 1};
    };
    if (auto bad = util::find_invalid_utf8(text)) {
        diags.error(at(*bad), "not-utf8", "this file is not UTF-8 text (byte " + std::to_string(*bad) + ")",
                    "save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)");
        return false;
    }
    // Control characters other than tab and line endings cannot appear in XML (DOCX, JUnit) and
    // show as nothing on a page: refuse the first one, where it is.
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') continue;
        char code[8];
        std::snprintf(code, sizeof code, "U+%04X", c);
        if (c == 0) diags.error(at(i), "not-utf8", "this file contains a NUL byte", "save it as plain UTF-8 text");
        else
            diags.error(at(i), "control-character", std::string("this file contains the control character ") + code + ", which no document can show",
                        c == 0x0B ? "a line break pasted from Word (Shift+Enter) arrives as U+000B: replace it with a new line"
                                  : "delete it (it is invisible in most editors: search for it, or retype the line)");
        return false;
    }
    return true;
}

std::optional<YAML::Node> parse_yaml(const std::string& path, const std::string& text, util::Diagnostics& diags, int first_line) {
    if (!check_text(path, text, diags, first_line)) return std::nullopt;
    if (util::trim(text).empty() || util::trim(text) == "\xEF\xBB\xBF") {
        diags.error({path, first_line, 1}, "empty-file", "this file is empty", "see docs/formats.md for what it must contain");
        return std::nullopt;
    }
    if (auto nbsp = word_processor_indent(text)) {
        auto lc = util::line_col_at(text, nbsp->first);
        diags.error({path, lc.line + first_line - 1, static_cast<int>(lc.col0) + 1}, "yaml-syntax",
                    "this line is indented with a non-breaking space, which YAML does not read as indentation (word processors insert them)",
                    nbsp->second > 1 ? "replace them with ordinary spaces: " + std::to_string(nbsp->second) + " lines have them; save the file from a text editor"
                                     : "replace it with ordinary spaces, and save the file from a text editor");
        return std::nullopt;
    }
    if (auto refused = prepass(text)) {
        diags.error({path, refused->mark.line + first_line, refused->mark.column + 1}, refused->rule, refused->message, refused->hint);
        return std::nullopt;
    }
    try {
        YAML::Node root = YAML::Load(text);
        if (root.IsNull()) {
            diags.error({path, first_line, 1}, "empty-file", "this file holds no values (only comments or blank lines)");
            return std::nullopt;
        }
        return root;
    } catch (const YAML::Exception& e) {
        std::string msg = e.msg;
        std::string hint;
        int line = e.mark.line + first_line, col = e.mark.column + 1;
        auto lc_line = std::string_view(text);
        // A tab in indentation is the most common cause of "illegal map value" and friends.
        {
            std::size_t start = 0;
            for (int i = 0; i < e.mark.line && start != std::string::npos; ++i) {
                start = lc_line.find('\n', start);
                if (start != std::string::npos) ++start;
            }
            if (start != std::string::npos) {
                auto end = lc_line.find('\n', start);
                auto l = lc_line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
                if (l.find('\t') != std::string_view::npos) hint = "this line has a tab: YAML indents with spaces only";
            }
        }
        if (hint.empty()) {
            // Curly quotes from a word processor are not YAML quotes: "text: with colons" breaks.
            std::size_t start = 0;
            for (int i = 0; i < e.mark.line && start != std::string::npos; ++i)
                if ((start = text.find('\n', start)) != std::string::npos) ++start;
            std::string_view l = start == std::string::npos ? std::string_view{} : std::string_view(text).substr(start, text.find('\n', start) - start);
            for (const char* q : {"\u201C", "\u201D", "\u2018", "\u2019"})
                if (l.find(q) != std::string_view::npos)
                    hint = "this line has curly quotes (\u201C \u201D) from a word processor: YAML quotes are straight (\" or '); retype them in a text editor";
        }
        if (hint.empty() && e.mark.line > 0) {
            // Indented deeper than the line above, which holds a value rather than opening a map.
            std::vector<std::string_view> lines;
            std::string_view rest(text);
            for (int i = 0; i <= e.mark.line && !rest.empty(); ++i) {
                auto nl = rest.find('\n');
                lines.push_back(rest.substr(0, nl));
                rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
            }
            auto indent = [](std::string_view l) { return l.find_first_not_of(' '); };
            if (lines.size() == static_cast<std::size_t>(e.mark.line) + 1) {
                std::string_view here = lines.back();
                for (auto it = lines.rbegin() + 1; it != lines.rend(); ++it) {
                    std::string_view above = util::trim(*it);
                    if (above.empty() || above[0] == '#') continue;
                    if (indent(here) != std::string_view::npos && indent(*it) != std::string_view::npos && indent(here) > indent(*it) && above.back() != ':')
                        hint = "this line is indented further than the line above, which already has its value: line them up";
                    break;
                }
            }
        }
        if (hint.empty()) hint = "check the indentation and the ':' after each key; text with ': ' or '#' in it needs quotes";
        // yaml-cpp's words for the commonest mistakes, in the user's terms.
        static const std::pair<const char*, const char*> k_plain[] = {
            {"end of sequence flow not found", "a list opened with '[' is never closed with ']'"},
            {"end of map flow not found", "a map opened with '{' is never closed with '}'"},
            {"end of sequence not found", "a list opened with '[' is never closed with ']'"},
            {"end of map not found", "a map opened with '{' is never closed with '}'"},
            {"unknown escape character", "an unknown escape after '\\' in double quotes (write '\\\\' for a backslash, or use single quotes)"},
            {"end of string not found", "a quoted value is never closed: add the closing quote"},
        };
        for (const auto& [from, to] : k_plain)
            if (msg.find(from) != std::string::npos) msg = std::string(to) + " (" + msg + ")";
        diags.error({path, line, col}, "yaml-syntax", "this is not valid YAML: " + msg, hint);
        return std::nullopt;
    }
}

lang::TextOrigin text_origin(const std::string& path, const YAML::Node& scalar, std::string_view file_text, int first_line) {
    lang::TextOrigin o;
    o.path = path;
    auto m = scalar.Mark();
    o.line = m.line + first_line;
    o.col = m.column + 1;
    o.indent = 0;
    if (m.pos >= 0 && static_cast<std::size_t>(m.pos) < file_text.size()) {
        char c = file_text[static_cast<std::size_t>(m.pos)];
        if (c == '"' || c == '\'') {
            o.col += 1;
        } else if (c == '|' || c == '>') {
            // Block scalar: the text starts on the next line, at the block's indentation.
            auto nl = file_text.find('\n', static_cast<std::size_t>(m.pos));
            if (nl != std::string_view::npos) {
                std::size_t p = nl + 1;
                int indent = 0;
                while (p < file_text.size() && file_text[p] == ' ') { ++indent; ++p; }
                o.line += 1;
                o.col = indent + 1;
                o.indent = indent;
            }
        }
    }
    return o;
}

YamlMap::YamlMap(const YAML::Node& node, const std::string& path, util::Diagnostics& diags, std::string what,
                 std::vector<std::string> known, int first_line)
    : m_node(node), m_path(path), m_diags(diags), m_what(std::move(what)), m_known(std::move(known)), m_first_line(first_line) {
    if (!node.IsMap()) {
        m_diags.error(pos_of(path, node, first_line), "wrong-type", m_what + " must be a map of keys and values, not " + node_kind(node));
        return;
    }
    m_ok = true;
    std::set<std::string> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar()) {
            m_diags.error(pos_of(path, it->first, first_line), "wrong-type", "a key in " + m_what + " must be a plain word");
            continue;
        }
        const std::string& key = it->first.Scalar();
        if (!seen.insert(key).second)
            m_diags.error(pos_of(path, it->first, first_line), "duplicate-key", "'" + key + "' is given twice in " + m_what,
                          "keep one of them: YAML would silently use only one");
    }
}

std::optional<YAML::Node> YamlMap::get(const std::string& key, bool required) {
    if (!m_ok) return std::nullopt;
    m_used.insert(key);
    for (auto it = m_node.begin(); it != m_node.end(); ++it)
        if (it->first.IsScalar() && it->first.Scalar() == key) return it->second;
    if (required)
        m_diags.error(pos(), "missing-field", m_what + " has no '" + key + "'", "add '" + key + ":' with a value");
    return std::nullopt;
}

std::optional<std::string> scalar_text(const YAML::Node& node, const std::string& path, util::Diagnostics& diags,
                                       const std::string& what, int first_line) {
    if (node.IsScalar()) return node.Scalar();
    diags.error(pos_of(path, node, first_line), "wrong-type", what + " must be a single value, not " + node_kind(node));
    return std::nullopt;
}

std::optional<Located<std::string>> YamlMap::string(const std::string& key, bool required) {
    auto n = get(key, required);
    if (!n) return std::nullopt;
    if (n->IsNull()) {
        if (required) m_diags.error(pos_of(m_path, *n, m_first_line), "missing-field", "'" + key + "' in " + m_what + " has no value");
        return std::nullopt;
    }
    auto s = scalar_text(*n, m_path, m_diags, "'" + key + "'", m_first_line);
    if (!s) return std::nullopt;
    return Located<std::string>{*s, pos_of(m_path, *n, m_first_line)};
}

std::optional<Located<bool>> YamlMap::boolean(const std::string& key) {
    auto n = get(key);
    if (!n) return std::nullopt;
    auto s = scalar_text(*n, m_path, m_diags, "'" + key + "'", m_first_line);
    if (!s) return std::nullopt;
    if (is_plain(*n) && (*s == "true" || *s == "false")) return Located<bool>{*s == "true", pos_of(m_path, *n, m_first_line)};
    m_diags.error(pos_of(m_path, *n, m_first_line), "wrong-type", "'" + key + "' must be true or false, not '" + *s + "'");
    return std::nullopt;
}

std::optional<Located<util::Date>> YamlMap::date(const std::string& key, bool required) {
    auto s = string(key, required);
    if (!s) return std::nullopt;
    std::string why;
    auto d = util::parse_date(s->value, &why);
    if (!d) {
        m_diags.error(s->pos, "invalid-date", "'" + key + "': " + why);
        return std::nullopt;
    }
    return Located<util::Date>{*d, s->pos};
}

std::optional<Located<util::LooseDate>> YamlMap::loose_date(const std::string& key) {
    auto s = string(key);
    if (!s) return std::nullopt;
    std::string why;
    auto d = util::parse_loose_date(s->value, &why);
    if (!d) {
        m_diags.error(s->pos, "invalid-date", "'" + key + "': " + why);
        return std::nullopt;
    }
    return Located<util::LooseDate>{*d, s->pos};
}

std::optional<Located<util::Duration>> YamlMap::duration(const std::string& key) {
    auto s = string(key);
    if (!s) return std::nullopt;
    std::string why;
    auto d = util::parse_duration(s->value, &why);
    if (!d) {
        m_diags.error(s->pos, "invalid-duration", "'" + key + "': " + why);
        return std::nullopt;
    }
    return Located<util::Duration>{*d, s->pos};
}

std::vector<Located<std::string>> YamlMap::string_list(const std::string& key) {
    std::vector<Located<std::string>> out;
    auto n = get(key);
    if (!n || n->IsNull()) return out;
    if (n->IsScalar()) {
        out.push_back({n->Scalar(), pos_of(m_path, *n, m_first_line)});
        return out;
    }
    if (!n->IsSequence()) {
        m_diags.error(pos_of(m_path, *n, m_first_line), "wrong-type", "'" + key + "' must be a list, not " + node_kind(*n));
        return out;
    }
    for (const auto& item : *n)
        if (auto s = scalar_text(item, m_path, m_diags, "an item of '" + key + "'", m_first_line))
            out.push_back({*s, pos_of(m_path, item, m_first_line)});
    return out;
}

void YamlMap::finish() {
    if (!m_ok) return;
    for (auto it = m_node.begin(); it != m_node.end(); ++it) {
        if (!it->first.IsScalar()) continue;
        const std::string& key = it->first.Scalar();
        if (m_used.count(key)) continue;
        std::string hint = util::did_you_mean(key, m_known);
        if (hint.empty()) hint = "the keys allowed here are: " + util::join(m_known, ", ");
        m_diags.error(pos_of(m_path, it->first, m_first_line), "unknown-key", "'" + key + "' is not a key of " + m_what, hint);
    }
}

SourcePos YamlMap::pos() const { return pos_of(m_path, m_node, m_first_line); }

std::optional<Value> convert_param(const YAML::Node& node, const ParamType& type, const std::string& path,
                                   const std::string& name, util::Diagnostics& diags, int first_line) {
    SourcePos p = pos_of(path, node, first_line);
    auto wrong = [&](const std::string& got) -> std::optional<Value> {
        diags.error(p, "wrong-type", "'" + name + "' must be " + type.describe() + ", not " + got);
        return std::nullopt;
    };
    switch (type.kind) {
    case ParamType::Kind::list: {
        if (!node.IsSequence()) return wrong(node_kind(node));
        Value::List items;
        std::size_t i = 0;
        for (const auto& item : node) {
            auto v = convert_param(item, type.item ? *type.item : ParamType{}, path, name + "[" + std::to_string(i++) + "]", diags, first_line);
            if (v) items.push_back(std::move(*v));
        }
        return Value::list(std::move(items));
    }
    case ParamType::Kind::person: {
        if (node.IsScalar()) {  // a bare name is accepted as {name: ...}
            Value v = Value::map();
            v.set("name", node.Scalar());
            return v;
        }
        YamlMap m(node, path, diags, "person '" + name + "'", {"name", "role", "email", "phone"}, first_line);
        if (!m.ok()) return std::nullopt;
        Value v = Value::map();
        for (const char* f : {"name", "role", "email", "phone"})
            if (auto s = m.string(f, std::string(f) == "name")) v.set(f, s->value);
        m.finish();
        return v;
    }
    case ParamType::Kind::map: return wrong(node_kind(node));
    default: break;
    }
    if (!node.IsScalar()) return wrong(node_kind(node));
    const std::string& s = node.Scalar();
    switch (type.kind) {
    case ParamType::Kind::integer: {
        long long n = 0;
        auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
        if (!is_plain(node) || ec != std::errc{} || ptr != s.data() + s.size()) return wrong("'" + s + "'");
        if ((type.min && n < *type.min) || (type.max && n > *type.max))
            diags.warning(p, "param-out-of-range", "'" + name + "' is " + s + ", outside its range: it must be " + type.describe());
        return Value(static_cast<std::int64_t>(n));
    }
    case ParamType::Kind::boolean:
        if (is_plain(node) && (s == "true" || s == "false")) return Value(s == "true");
        return wrong("'" + s + "'");
    case ParamType::Kind::date: {
        std::string why;
        auto d = util::parse_date(s, &why);
        if (!d) {
            diags.error(p, "invalid-date", "'" + name + "': " + why);
            return std::nullopt;
        }
        return Value(util::to_long(*d));
    }
    case ParamType::Kind::duration: {
        std::string why;
        auto d = util::parse_duration(s, &why);
        if (!d) {
            diags.error(p, "invalid-duration", "'" + name + "': " + why);
            return std::nullopt;
        }
        return Value(util::to_words(*d));
    }
    case ParamType::Kind::enum_: {
        for (const auto& v : type.values)
            if (v == s) return Value(s);
        std::string hint = util::did_you_mean(s, type.values);
        diags.error(p, "invalid-value", "'" + name + "' is '" + s + "', which is not one of: " + util::join(type.values, ", "), hint);
        return std::nullopt;
    }
    default: return Value(s);
    }
}

std::vector<ParamValue> read_params(const YAML::Node& node, const std::vector<model::ParamSpec>& specs,
                                    const std::string& path, util::Diagnostics& diags, int first_line) {
    std::vector<ParamValue> out;
    std::vector<std::string> names;
    for (const auto& s : specs) names.push_back(s.name);
    YamlMap m(node, path, diags, "params", names, first_line);
    if (!m.ok()) return out;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar()) continue;
        const std::string& key = it->first.Scalar();
        const model::ParamSpec* spec = nullptr;
        for (const auto& s : specs)
            if (s.name == key) spec = &s;
        if (!spec) continue;  // reported by finish()
        m.get(key);
        if (auto v = convert_param(it->second, spec->type, path, key, diags, first_line))
            out.push_back({key, std::move(*v), pos_of(path, it->second, first_line)});
    }
    m.finish();
    return out;
}

}  // namespace clausebook::load
