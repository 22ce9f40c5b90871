// Reading YAML: libyaml's events become a YamlNode tree in one pass over the text, and
// YamlMap and the typed readers below check what the loaders ask for.
#include "load/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <string_view>
#include <unordered_set>

#include <yaml.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "util/text.hpp"

namespace clausebook::load {

using namespace model;  // load produces the model (model/repository.hpp)

using model::ParamType;
using model::Value;

namespace {

constexpr int k_max_yaml_depth = 64;
// Entries in one map or items in one list (docs/formats.md, "Limits"): far more than any school
// file, outline or list of stale references needs, and a stop long before a file of 200,000 keys
// turns into 200,000 messages.
constexpr std::size_t k_max_yaml_entries = 10000;

const char* node_kind(const YamlNode& n) {
    switch (n.kind()) {
    case YamlNode::Kind::map: return "a map";
    case YamlNode::Kind::sequence: return "a list";
    case YamlNode::Kind::null: return "nothing";
    default: return "a single value";
    }
}

// The plain words YAML reads as "nothing" (an empty value is one too).
bool is_null_word(std::string_view s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

std::size_t utf8_length(unsigned char lead) { return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1; }

// libyaml counts characters from the start of the text, after any byte-order mark, and takes a
// lone CR (and NEL, LS, PS) as a line break too. Diagnostics count lines by '\n' and columns in
// characters, and text_origin needs byte offsets: this turns libyaml's marks into ours. For
// ASCII text with no lone CR they are the same numbers; otherwise it walks the text forward
// from the last mark (marks come in order, nearly always).
class Positions {
public:
    // `printable_ascii`: the caller knows the text is printable ASCII and line feeds (so simple).
    explicit Positions(std::string_view text, bool printable_ascii = false) : m_text(text) {
        if (util::starts_with(text, "\xEF\xBB\xBF")) m_bom = 3;
        m_simple = true;
        for (std::size_t i = m_bom; i < text.size() && m_simple && !printable_ascii; ++i) {
            unsigned char c = static_cast<unsigned char>(text[i]);
            m_simple = c < 0x80 && (c != '\r' || (i + 1 < text.size() && text[i + 1] == '\n'));
        }
        rewind();
    }

    YamlNode::Mark at(const yaml_mark_t& m) {
        if (m_simple) return {static_cast<int>(m.line), static_cast<int>(m.column), m_bom + m.index};
        if (m.index < m_index) rewind();
        while (m_index < m.index && m_offset < m_text.size()) {
            unsigned char c = static_cast<unsigned char>(m_text[m_offset]);
            m_offset += std::min(utf8_length(c), m_text.size() - m_offset);
            ++m_index;
            ++m_col;
            if (c == '\n') {
                ++m_line;
                m_col = 0;
            }
        }
        return {m_line, m_col, m_offset};
    }

    // The mark of a byte offset (libyaml's reader gives those).
    YamlNode::Mark at_offset(std::size_t offset) {
        offset = std::min(offset, m_text.size());
        auto lc = util::line_col_at(m_text, offset);
        std::size_t line_start = offset - lc.col0;
        if (lc.line == 1) line_start = std::max(line_start, m_bom);
        int col = 0;
        for (std::size_t i = line_start; i < offset; ++i)
            if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) ++col;
        return {lc.line - 1, col, offset};
    }

private:
    void rewind() {
        m_index = 0;
        m_offset = m_bom;
        m_line = 0;
        m_col = 0;
    }
    std::string_view m_text;
    std::size_t m_bom = 0;
    bool m_simple = true;
    std::size_t m_index = 0, m_offset = 0;
    int m_line = 0, m_col = 0;
};

// Whether every byte of `text` is printable ASCII (0x20 to 0x7E) or a line feed. Sixteen bytes at
// a time where SSE2 is there (every x86-64): a byte-by-byte loop was 4% of `check`'s instructions.
bool is_printable_ascii(std::string_view text) {
    auto printable = [](unsigned char c) { return (c >= 0x20 && c < 0x7F) || c == '\n'; };
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F), lf = _mm_set1_epi8('\n');
    for (; i + 16 <= text.size(); i += 16) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        // Signed: bytes from 0x80 up are negative, so below 0x20 as well as the controls.
        __m128i low = _mm_andnot_si128(_mm_cmpeq_epi8(v, lf), _mm_cmplt_epi8(v, space));
        if (_mm_movemask_epi8(_mm_or_si128(low, _mm_cmpeq_epi8(v, del))) != 0) return false;
    }
#endif
    for (; i < text.size(); ++i)
        if (!printable(static_cast<unsigned char>(text[i]))) return false;
    return true;
}

// A problem that stops the reading: a syntax error, or what clausebook refuses.
struct Stop {
    YamlNode::Mark mark;
    std::string rule, message, hint;
    bool syntax = false;  // not valid YAML: the message gets its prefix, the hint a guess
    bool separating_tab = false;  // a tab libyaml will not take between tokens: see parse_tree
};

}  // namespace

// Builds the tree from libyaml's events in one pass. yaml-cpp's node tree shared aliased nodes,
// so a few lines of anchors and aliases ("billion laughs") became billions of values for
// whoever walked it; policy files need neither, so anchors and aliases are refused outright
// (rule yaml-alias) rather than capped: a refusal is simpler to explain than a budget, and
// copying a few lines is no hardship. Nesting is capped as it opens, and a second document is
// refused at its start.
namespace {
std::optional<std::pair<std::size_t, unsigned>> find_unreadable(std::string_view text);
}  // namespace

class YamlBuilder {
public:
    YamlBuilder(std::string_view text, bool printable_ascii) : m_text(text), m_marks(text, printable_ascii) {}

    // The first document's root (null when there is none), or why there is none.
    std::optional<YamlNode> build(std::optional<Stop>& stop) {
        struct Parser {
            yaml_parser_t p;
            Parser() {
                if (!yaml_parser_initialize(&p)) throw std::bad_alloc();
            }
            ~Parser() { yaml_parser_delete(&p); }
        } parser;
        yaml_parser_set_input_string(&parser.p, reinterpret_cast<const unsigned char*>(m_text.data()), m_text.size());
        std::optional<YamlNode> root;
        for (bool done = false; !done && !stop;) {
            struct Event {
                yaml_event_t e;  // zeroed by yaml_parser_parse even when it fails
                ~Event() { yaml_event_delete(&e); }
            } event;
            if (!yaml_parser_parse(&parser.p, &event.e)) {
                stop = syntax_error(parser.p);
                break;
            }
            done = event.e.type == YAML_STREAM_END_EVENT;
            stop = take(event.e, root);
        }
        if (stop) return std::nullopt;
        if (!root) root.emplace();
        return root;
    }

private:
    std::optional<Stop> take(const yaml_event_t& e, std::optional<YamlNode>& root) {
        // A tag would change what a value means (!!binary decodes base64, !!int reads a number):
        // clausebook reads every value as written, so only tags that change nothing pass.
        auto refuse_tag = [&](const yaml_char_t* tag) -> std::optional<Stop> {
            if (!tag) return std::nullopt;
            std::string_view t(reinterpret_cast<const char*>(tag));
            if (t == "!" || t == "tag:yaml.org,2002:str" || t == "tag:yaml.org,2002:map" || t == "tag:yaml.org,2002:seq") return std::nullopt;
            std::string shown(t.substr(0, 80));
            if (util::starts_with(shown, "tag:yaml.org,2002:")) shown = "!!" + shown.substr(18);
            return Stop{m_marks.at(e.start_mark), "yaml-syntax", "this value has the YAML tag " + shown + ", which clausebook does not read",
                        "remove the tag: values are read as written (a date, a number or a list needs no tag)"};
        };
        auto refuse_anchor = [&](const yaml_char_t* anchor) -> std::optional<Stop> {
            if (!anchor) return std::nullopt;
            return Stop{m_marks.at(e.start_mark), "yaml-alias", "this file defines a YAML anchor (&name); clausebook does not read anchors and aliases",
                        "remove the '&name' and write the value out in full wherever it is needed"};
        };
        switch (e.type) {
        case YAML_DOCUMENT_START_EVENT:
            if (++m_documents > 1)
                return Stop{m_marks.at(e.start_mark), "yaml-syntax", "this file holds a second YAML document here; clausebook reads one document per file",
                            "remove the '---' line that starts it, or move what follows into its own file"};
            return std::nullopt;
        case YAML_ALIAS_EVENT:
            return Stop{m_marks.at(e.start_mark), "yaml-alias", "this file uses a YAML alias (*name); clausebook does not read anchors and aliases",
                        "write the value out in full where the alias stands"};
        case YAML_SCALAR_EVENT: {
            if (auto s = refuse_anchor(e.data.scalar.anchor)) return s;
            if (auto s = refuse_tag(e.data.scalar.tag)) return s;
            if (auto s = refuse_entry(e)) return s;
            YamlNode& n = place(root);
            n.m_mark = m_marks.at(e.start_mark);
            std::string_view text(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
            bool plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !e.data.scalar.tag;
            // The file's bytes were checked for control characters; a double-quoted value can
            // still spell one as an escape ("\e", "\0", "\v", "\uFFFE"), which would reach
            // every output (invalid XML and JSON, terminal escapes).
            if (e.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) {
                std::optional<unsigned> code;
                for (char ch : text)
                    if (auto c = static_cast<unsigned char>(ch); !code && c < 0x20 && c != '\t' && c != '\n') code = c;
                if (!code)
                    if (auto u = find_unreadable(text)) code = u->second;
                if (code) {
                    char name[16];
                    std::snprintf(name, sizeof name, "U+%04X", *code);
                    return Stop{m_marks.at(e.start_mark), "control-character",
                                std::string("this value holds the control character ") + name + ", written as an escape; no document can show it",
                                "remove the escape (a \\v or \\r pasted from a word processor is a line break: write the text on one line)"};
                }
            }
            if (!(plain && is_null_word(text))) {
                n.m_kind = YamlNode::Kind::scalar;
                n.m_plain = plain;
                n.m_text.assign(text);
            }
            return std::nullopt;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            bool seq = e.type == YAML_SEQUENCE_START_EVENT;
            if (auto s = refuse_anchor(seq ? e.data.sequence_start.anchor : e.data.mapping_start.anchor)) return s;
            if (auto s = refuse_tag(seq ? e.data.sequence_start.tag : e.data.mapping_start.tag)) return s;
            if (m_open.size() >= static_cast<std::size_t>(k_max_yaml_depth))
                return Stop{m_marks.at(e.start_mark), "yaml-limit",
                            "this value nests more than " + std::to_string(k_max_yaml_depth) + " levels deep (the limit for an input file)",
                            "no clausebook file needs more than a few levels: look for a runaway '[' or '{', or indentation that keeps growing"};
            if (auto s = refuse_entry(e)) return s;
            YamlNode& n = place(root);
            n.m_kind = seq ? YamlNode::Kind::sequence : YamlNode::Kind::map;
            n.m_flow = seq ? e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE : e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
            n.m_children.reserve(seq ? 4 : 8);  // most lists are short; most maps hold a few keys
            n.m_mark = m_marks.at(e.start_mark);
            m_open.push_back(&n);
            return std::nullopt;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: m_open.pop_back(); return std::nullopt;
        default: return std::nullopt;  // stream start and end, document end
        }
    }

    // The innermost open map or list is full: its next entry would be one past the limit.
    std::optional<Stop> refuse_entry(const yaml_event_t& e) {
        if (m_open.empty()) return std::nullopt;
        const YamlNode& open = *m_open.back();
        bool map = open.kind() == YamlNode::Kind::map;
        std::size_t entries = map ? open.m_children.size() / 2 : open.m_children.size();
        if (entries < k_max_yaml_entries || (map && open.m_children.size() % 2 == 1)) return std::nullopt;  // a map's value follows its key
        return Stop{m_marks.at(e.start_mark), "yaml-limit",
                    std::string("this is entry ") + std::to_string(k_max_yaml_entries + 1) + " of one " + (map ? "map" : "list") + " (the limit is " +
                        std::to_string(k_max_yaml_entries) + " entries in one map or list)",
                    "split the file, or look for lines repeated by mistake"};
    }

    // A new node where the next value goes: the root, or the next child of the innermost open
    // list or map. Only the innermost one grows, so pointers to the open ones stay valid.
    YamlNode& place(std::optional<YamlNode>& root) {
        if (m_open.empty()) return root.emplace();
        return m_open.back()->m_children.emplace_back();
    }

    Stop syntax_error(const yaml_parser_t& p) {
        std::string problem = p.problem ? p.problem : "the YAML parser stopped";
        if (p.error == YAML_READER_ERROR) {
            // Text check_text lets through but YAML does not allow: U+007F, U+0080 to U+009F
            // but U+0085, U+FFFE and U+FFFF.
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(p.problem_value));
            return Stop{m_marks.at_offset(p.problem_offset), "control-character",
                        std::string("this file contains the character ") + code + ", which YAML does not allow in a file",
                        "delete it (it is invisible in most editors: search for it, or retype the line)"};
        }
        if (p.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
        Stop s;
        s.rule = "yaml-syntax";
        s.syntax = true;
        s.mark = m_marks.at(p.problem_mark);
        std::string_view context = p.context ? p.context : "";
        YamlNode::Mark opened = m_marks.at(p.context_mark);
        std::string where = " on line " + std::to_string(opened.line + 1);
        std::string said = " (" + problem + ")";
        if (problem == "did not find expected ',' or ']'")
            s.message = "a list opened with '['" + where + " is never closed with ']', or an item in it is not followed by ','" + said;
        else if (problem == "did not find expected ',' or '}'")
            s.message = "a map opened with '{'" + where + " is never closed with '}', or a value in it is not followed by ','" + said;
        else if (problem == "found unknown escape character")
            s.message = "an unknown escape after '\\' in double quotes (write '\\\\' for a backslash, or use single quotes)" + said;
        else if (context == "while scanning a quoted scalar")
            s.message = "a quoted value opened" + where + " is never closed: add the closing quote" + said;
        else if (problem == "did not find expected key" || problem == "did not find expected '-' indicator")
            s.message = "this line does not line up with the " + std::string(problem == "did not find expected key" ? "keys" : "'-' items") + " above it (" +
                        problem + ", " + std::string(context) + " that starts on line " + std::to_string(opened.line + 1) + ")";
        else if (problem == "mapping values are not allowed in this context")
            s.message = "a key and ':' where YAML does not allow one" + said;
        else if (problem == "found character that cannot start any token") {
            std::string_view c =
                s.mark.offset < m_text.size() ? m_text.substr(s.mark.offset, utf8_length(static_cast<unsigned char>(m_text[s.mark.offset]))) : " ";
            s.separating_tab = c == "\t";
            s.message = (s.separating_tab ? std::string("a tab where YAML expects a space")
                                          : "'" + std::string(c) + "' cannot start a value: put the value in quotes") +
                        said;
        } else if (problem == "did not find expected <document start>")
            s.message = "there is more after the end of the document (the '...' line above)" + said;
        else if (problem == "did not find expected node content")
            s.message = "a value is missing here" + said;
        else if (problem == "could not find expected ':'")
            s.message = "a key on line " + std::to_string(opened.line + 1) + " has no ':' after it" + said;
        else
            s.message = problem + (context.empty() ? "" : ", " + std::string(context));
        return s;
    }

    std::string_view m_text;
    Positions m_marks;
    std::vector<YamlNode*> m_open;  // the lists and maps being read, innermost last
    int m_documents = 0;
};

namespace {

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

// The first character YAML cannot read as text, with its code point: DEL, the C1 controls
// U+0080 to U+009F (U+0085 is a line break to YAML), the separators U+2028 and U+2029 (line
// breaks to YAML) and the non-characters U+FFFE and U+FFFF. yaml-cpp passed them into documents,
// where they are invisible; libyaml refuses some and breaks lines at others. `text` is UTF-8.
std::optional<std::pair<std::size_t, unsigned>> find_unreadable(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x7F) continue;
        auto next = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
        if (c == 0x7F) return std::pair<std::size_t, unsigned>{i, 0x7F};
        if (c == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) return std::pair<std::size_t, unsigned>{i, next(1)};
        if (c == 0xE2 && next(1) == 0x80 && (next(2) == 0xA8 || next(2) == 0xA9)) return std::pair<std::size_t, unsigned>{i, 0x2000u + next(2) - 0x80};
        if (c == 0xEF && next(1) == 0xBF && (next(2) == 0xBE || next(2) == 0xBF))
            return std::pair<std::size_t, unsigned>{i, next(2) == 0xBE ? 0xFFFEu : 0xFFFFu};
    }
    return std::nullopt;
}

// The line of `text` that holds `offset`, without its line break.
std::string_view line_at(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    auto start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    start = start == std::string_view::npos || start >= offset ? 0 : start + 1;
    auto end = text.find('\n', start);
    std::string_view l = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
}

// What most likely went wrong at a syntax error, in the user's terms.
std::string syntax_hint(std::string_view text, const YamlNode::Mark& at) {
    std::string_view here = line_at(text, at.offset);
    // A tab in indentation is the most common cause of a line YAML cannot read.
    if (here.find('\t') != std::string_view::npos) return "this line has a tab: YAML indents with spaces only";
    // Curly quotes from a word processor are not YAML quotes: "text: with colons" breaks.
    for (const char* q : {"\u201C", "\u201D", "\u2018", "\u2019"})
        if (here.find(q) != std::string_view::npos)
            return "this line has curly quotes (\u201C \u201D) from a word processor: YAML quotes are straight (\" or '); retype them in a text editor";
    // Indented deeper than the line above, which holds a value rather than opening a map.
    auto indent = [](std::string_view l) { return l.find_first_not_of(' '); };
    for (std::size_t start = static_cast<std::size_t>(here.data() - text.data()); start > 0;) {
        std::string_view above_raw = line_at(text, start - 1);
        start = static_cast<std::size_t>(above_raw.data() - text.data());
        std::string_view above = util::trim(above_raw);
        if (above.empty() || above[0] == '#') continue;
        if (indent(here) != std::string_view::npos && indent(above_raw) != std::string_view::npos && indent(here) > indent(above_raw) && above.back() != ':')
            return "this line is indented further than the line above, which already has its value: line them up";
        break;
    }
    return "check the indentation and the ':' after each key; text with ': ' or '#' in it needs quotes";
}

// Reads `text` into a tree. libyaml will not take a tab between tokens where yaml-cpp, which
// clausebook read files with before, did (after '- ', before a value): such a tab is read as
// the space it stands for, so files that loaded still do. A tab in indentation stays an error.
// `printable_ascii`: every byte of `text` is known to be printable ASCII or a line feed.
std::optional<YamlNode> parse_tree(std::string_view text, std::optional<Stop>& stop, bool printable_ascii) {
    std::string patched;
    for (int tries = 0;; ++tries) {
        std::string_view input = patched.empty() ? text : std::string_view(patched);
        stop.reset();
        auto root = YamlBuilder(input, printable_ascii).build(stop);
        if (!stop || !stop->separating_tab || tries == 32) return root;
        std::string_view line = line_at(input, stop->mark.offset);
        std::size_t before = stop->mark.offset - static_cast<std::size_t>(line.data() - input.data());
        if (line.find_first_not_of(" \t") >= before) return root;  // a tab in indentation
        if (patched.empty()) patched.assign(text);
        patched[stop->mark.offset] = ' ';
    }
}

}  // namespace

SourcePos pos_of(const std::string& path, const YamlNode& node, int first_line) {
    const auto& m = node.mark();
    return {path, m.line + first_line, m.col + 1};
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
        if (c == 0)
            diags.error(at(i), "not-utf8", "this file contains a NUL byte", "save it as plain UTF-8 text");
        else
            diags.error(at(i), "control-character", std::string("this file contains the control character ") + code + ", which no document can show",
                        c == 0x0B ? "a line break pasted from Word (Shift+Enter) arrives as U+000B: replace it with a new line"
                                  : "delete it (it is invisible in most editors: search for it, or retype the line)");
        return false;
    }
    return true;
}

std::optional<YamlNode> parse_yaml(const std::string& path, const std::string& text, util::Diagnostics& diags, int first_line) {
    // Printable ASCII and line feeds hold nothing that the checks of characters below look for
    // (bad UTF-8, controls, no-break spaces, separators): one pass over most files instead of four.
    bool printable_ascii = is_printable_ascii(text);
    if (!printable_ascii && !check_text(path, text, diags, first_line)) return std::nullopt;
    if (util::trim(text).empty() || util::trim(text) == "\xEF\xBB\xBF") {
        diags.error({path, first_line, 1}, "empty-file", "this file is empty", "see docs/formats.md for what it must contain");
        return std::nullopt;
    }
    if (auto nbsp = printable_ascii ? std::nullopt : word_processor_indent(text)) {
        auto lc = util::line_col_at(text, nbsp->first);
        diags.error({path, lc.line + first_line - 1, static_cast<int>(lc.col0) + 1}, "yaml-syntax",
                    "this line is indented with a non-breaking space, which YAML does not read as indentation (word processors insert them)",
                    nbsp->second > 1
                        ? "replace them with ordinary spaces: " + std::to_string(nbsp->second) + " lines have them; save the file from a text editor"
                        : "replace it with ordinary spaces, and save the file from a text editor");
        return std::nullopt;
    }
    if (auto bad = printable_ascii ? std::nullopt : find_unreadable(text)) {
        auto [offset, code] = *bad;
        auto mark = Positions(text).at_offset(offset);
        SourcePos at{path, mark.line + first_line, mark.col + 1};
        char name[16];
        std::snprintf(name, sizeof name, "U+%04X", code);
        if (code == 0x85 || code == 0x2028 || code == 0x2029)
            diags.error(at, "control-character",
                        std::string("this file contains the character ") + name + " (a line separator), which YAML would read as a new line",
                        "replace it with a new line, or with a space (it is invisible in most editors)");
        else if (code >= 0x80 && code <= 0x9F)
            diags.error(at, "control-character", std::string("this file contains the control character ") + name + ", which no document can show",
                        "U+0080 to U+009F are usually punctuation (\u2019 \u201C \u201D \u2013 \u2026) from a Windows program, converted wrongly: retype it");
        else
            diags.error(
                at, "control-character",
                std::string("this file contains the ") + (code == 0x7F ? "control character " : "non-character ") + name + ", which no document can show",
                "delete it (it is invisible in most editors: search for it, or retype the line)");
        return std::nullopt;
    }
    std::optional<Stop> stop;
    auto root = parse_tree(text, stop, printable_ascii);
    if (stop) {
        SourcePos at{path, stop->mark.line + first_line, stop->mark.col + 1};
        if (stop->syntax)
            diags.error(at, "yaml-syntax", "this is not valid YAML: " + stop->message, syntax_hint(text, stop->mark));
        else
            diags.error(at, stop->rule, stop->message, stop->hint);
        return std::nullopt;
    }
    if (root->is_null()) {
        diags.error({path, first_line, 1}, "empty-file", "this file holds no values (only comments or blank lines)");
        return std::nullopt;
    }
    return root;
}

util::TextOrigin text_origin(const std::string& path, const YamlNode& scalar, std::string_view file_text, int first_line) {
    util::TextOrigin o;
    o.path = path;
    const auto& m = scalar.mark();
    o.line = m.line + first_line;
    o.col = m.col + 1;
    o.indent = 0;
    if (m.offset < file_text.size()) {
        char c = file_text[m.offset];
        if (c == '"' || c == '\'') {
            o.col += 1;
        } else if (c == '|' || c == '>') {
            // Block scalar: the text starts on the next line, at the block's indentation.
            auto nl = file_text.find('\n', m.offset);
            if (nl != std::string_view::npos) {
                std::size_t p = nl + 1;
                int indent = 0;
                while (p < file_text.size() && file_text[p] == ' ') {
                    ++indent;
                    ++p;
                }
                o.line += 1;
                o.col = indent + 1;
                o.indent = indent;
            }
        }
    }
    return o;
}

YamlMap::YamlMap(const YamlNode& node, const std::string& path, util::Diagnostics& diags, std::string what, std::vector<std::string> known, int first_line)
    : m_node(&node), m_path(path), m_diags(diags), m_what(std::move(what)), m_known(std::move(known)), m_first_line(first_line) {
    if (!node.is_map()) {
        m_diags.error(pos_of(path, node, first_line), "wrong-type", m_what + " must be a map of keys and values, not " + node_kind(node));
        return;
    }
    m_ok = true;
    auto pairs = node.pairs();
    m_used.assign(pairs.size(), false);
    // Duplicates are reported at each later occurrence. Maps are small: compare each key with
    // the ones before it, and keep a set only for a long map.
    std::unordered_set<std::string_view> seen;
    bool long_map = pairs.size() > 32;
    for (auto it = pairs.begin(); it != pairs.end(); ++it) {
        const YamlNode& key = (*it).key;
        if (!key.is_scalar()) {
            m_diags.error(pos_of(path, key, first_line), "wrong-type", "a key in " + m_what + " must be a plain word");
            continue;
        }
        bool again = false;
        if (long_map)
            again = !seen.insert(key.scalar()).second;
        else
            for (auto before = pairs.begin(); before != it && !again; ++before) again = (*before).key.is_scalar() && (*before).key.scalar() == key.scalar();
        if (again)
            m_diags.error(pos_of(path, key, first_line), "duplicate-key", "'" + key.scalar() + "' is given twice in " + m_what,
                          "keep one of them: YAML would silently use only one");
    }
}

const YamlNode* YamlMap::get(const std::string& key, bool required) {
    if (!m_ok) return nullptr;
    const YamlNode* found = nullptr;
    std::size_t i = 0;
    for (const auto& [k, value] : m_node->pairs()) {
        if (k.is_scalar() && k.scalar() == key) {
            m_used[i] = true;  // every occurrence: a duplicate is reported once, as a duplicate
            if (!found) found = &value;
        }
        ++i;
    }
    if (!found && required) m_diags.error(pos(), "missing-field", m_what + " has no '" + key + "'", "add '" + key + ":' with a value");
    return found;
}

std::optional<std::string> scalar_text(const YamlNode& node, const std::string& path, util::Diagnostics& diags, const std::string& what, int first_line) {
    if (node.is_scalar()) return node.scalar();
    diags.error(pos_of(path, node, first_line), "wrong-type", what + " must be a single value, not " + node_kind(node));
    return std::nullopt;
}

std::optional<Located<std::string>> YamlMap::string(const std::string& key, bool required) {
    auto n = get(key, required);
    if (!n) return std::nullopt;
    if (n->is_null()) {
        if (required) m_diags.error(pos_of(m_path, *n, m_first_line), "missing-field", "'" + key + "' in " + m_what + " has no value");
        return std::nullopt;
    }
    // The value copied once, straight into its place; the name for a message made only for one.
    if (n->is_scalar()) return Located<std::string>{n->scalar(), pos_of(m_path, *n, m_first_line)};
    scalar_text(*n, m_path, m_diags, "'" + key + "'", m_first_line);
    return std::nullopt;
}

std::optional<Located<bool>> YamlMap::boolean(const std::string& key) {
    auto n = get(key);
    if (!n) return std::nullopt;
    auto s = scalar_text(*n, m_path, m_diags, "'" + key + "'", m_first_line);
    if (!s) return std::nullopt;
    if (n->plain() && (*s == "true" || *s == "false")) return Located<bool>{*s == "true", pos_of(m_path, *n, m_first_line)};
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
    if (!n || n->is_null()) return out;
    if (n->is_scalar()) {
        out.push_back({n->scalar(), pos_of(m_path, *n, m_first_line)});
        return out;
    }
    if (!n->is_sequence()) {
        m_diags.error(pos_of(m_path, *n, m_first_line), "wrong-type", "'" + key + "' must be a list, not " + node_kind(*n));
        return out;
    }
    for (const auto& item : n->items())
        if (auto s = scalar_text(item, m_path, m_diags, "an item of '" + key + "'", m_first_line)) out.push_back({*s, pos_of(m_path, item, m_first_line)});
    return out;
}

void YamlMap::finish() {
    if (!m_ok) return;
    std::size_t i = 0;
    for (const auto& [k, value] : m_node->pairs()) {
        if (!k.is_scalar() || m_used[i++]) continue;
        const std::string& key = k.scalar();
        std::string hint = util::did_you_mean(key, m_known);
        if (hint.empty()) hint = "the keys allowed here are: " + util::join(m_known, ", ");
        m_diags.error(pos_of(m_path, k, m_first_line), "unknown-key", "'" + key + "' is not a key of " + m_what, hint);
    }
}

SourcePos YamlMap::pos() const { return pos_of(m_path, *m_node, m_first_line); }

std::optional<Value> convert_param(const YamlNode& node, const ParamType& type, const std::string& path, const std::string& name, util::Diagnostics& diags,
                                   int first_line) {
    SourcePos p = pos_of(path, node, first_line);
    auto wrong = [&](const std::string& got) -> std::optional<Value> {
        diags.error(p, "wrong-type", "'" + name + "' must be " + type.describe() + ", not " + got);
        return std::nullopt;
    };
    switch (type.kind) {
    case ParamType::Kind::list: {
        if (!node.is_sequence()) return wrong(node_kind(node));
        Value::List items;
        std::size_t i = 0;
        for (const auto& item : node.items()) {
            auto v = convert_param(item, type.item ? *type.item : ParamType{}, path, name + "[" + std::to_string(i++) + "]", diags, first_line);
            if (v) items.push_back(std::move(*v));
        }
        return Value::list(std::move(items));
    }
    case ParamType::Kind::person: {
        if (node.is_scalar()) {  // a bare name is accepted as {name: ...}
            Value v = Value::map();
            v.set("name", node.scalar());
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
    if (!node.is_scalar()) return wrong(node_kind(node));
    const std::string& s = node.scalar();
    switch (type.kind) {
    case ParamType::Kind::integer: {
        long long n = 0;
        auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
        if (!node.plain() || ec != std::errc{} || ptr != s.data() + s.size()) return wrong("'" + s + "'");
        if ((type.min && n < *type.min) || (type.max && n > *type.max))
            diags.warning(p, "param-out-of-range", "'" + name + "' is " + s + ", outside its range: it must be " + type.describe());
        return Value(static_cast<std::int64_t>(n));
    }
    case ParamType::Kind::boolean:
        if (node.plain() && (s == "true" || s == "false")) return Value(s == "true");
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

std::vector<ParamValue> read_params(const YamlNode& node, const std::vector<model::ParamSpec>& specs, const std::string& path, util::Diagnostics& diags,
                                    int first_line) {
    std::vector<ParamValue> out;
    std::vector<std::string> names;
    names.reserve(specs.size());
    for (const auto& s : specs) names.push_back(s.name);
    YamlMap m(node, path, diags, "params", std::move(names), first_line);
    if (!m.ok()) return out;
    for (const auto& [k, value] : node.pairs()) {
        if (!k.is_scalar()) continue;
        const std::string& key = k.scalar();
        const model::ParamSpec* spec = nullptr;
        for (const auto& s : specs)
            if (s.name == key) spec = &s;
        if (!spec) continue;  // reported by finish()
        m.get(key);
        if (auto v = convert_param(value, spec->type, path, key, diags, first_line)) out.push_back({key, std::move(*v), pos_of(path, value, first_line), {}});
    }
    m.finish();
    return out;
}

}  // namespace clausebook::load
