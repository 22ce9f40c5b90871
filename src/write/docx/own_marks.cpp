#include "write/docx/own_marks.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include <xxhash.h>

#include "write/docx/xml.hpp"

#ifndef CLAUSEBOOK_VERSION
#define CLAUSEBOOK_VERSION "unknown"
#endif

namespace clausebook::write::docx {

namespace {

std::string hex64(std::uint64_t h, int digits) {
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return std::string(buf + 16 - digits, static_cast<std::size_t>(digits));
}

}  // namespace

std::string clause_bookmark(const std::string& clause_id, std::set<std::string>& taken) {
    constexpr std::size_t k_max = 40;
    std::string name = "cb_";
    for (char c : clause_id) name += std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80 ? c : '_';
    if (name.size() > k_max || taken.count(name)) {
        std::string tail = "_" + hex64(XXH3_64bits(clause_id.data(), clause_id.size()), 8);
        name = name.substr(0, std::min(name.size(), k_max - tail.size())) + tail;
        for (int n = 2; taken.count(name); ++n) name = name.substr(0, k_max - 3) + "_" + std::to_string(n % 100);
    }
    taken.insert(name);
    return name;
}

std::string canonical_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            ++i;
            continue;
        }
        out += text[i];
    }
    return out;
}

std::string visible_text(std::string_view xml) {
    std::string out;
    for (std::size_t at = xml.find("<w:t"); at != std::string_view::npos; at = xml.find("<w:t", at)) {
        std::size_t gt = xml.find('>', at);
        if (gt == std::string_view::npos) break;
        char after = xml[at + 4];
        if ((after != '>' && after != ' ') || xml[gt - 1] == '/') {  // w:tab, w:tbl, ... or an empty <w:t/>
            at = gt;
            continue;
        }
        std::size_t end = xml.find("</w:t>", gt);
        if (end == std::string_view::npos) break;
        std::string_view s = xml.substr(gt + 1, end - gt - 1);
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] != '&') {
                out += s[i];
                continue;
            }
            std::size_t semi = s.find(';', i);
            std::string_view ent = s.substr(i, semi == std::string_view::npos ? 1 : semi - i + 1);
            if (ent == "&amp;")
                out += '&';
            else if (ent == "&lt;")
                out += '<';
            else if (ent == "&gt;")
                out += '>';
            else if (ent == "&quot;")
                out += '"';
            else if (ent == "&apos;")
                out += '\'';
            else
                ent = s.substr(i, 1), out += '&';
            i += ent.size() - 1;
        }
        out += ' ';
        at = end;
    }
    return out;
}

std::string body_digest(std::string_view body) {
    std::string c = canonical_text(body);
    return hex64(XXH3_64bits(c.data(), c.size()), 16);
}

std::string xml_body_digest(std::string_view xml) {
    // visible_text and canonical_text in one pass, fed to XXH3 in chunks: the same digest as
    // body_digest(visible_text(xml)), without building either string (this runs for every
    // rendered clause body).
    struct State {
        XXH3_state_t* s = XXH3_createState();
        char buf[4096];
        std::size_t n = 0;
        State() { XXH3_64bits_reset(s); }
        ~State() { XXH3_freeState(s); }
        void put(char c) {
            if (n == sizeof buf) flush();
            buf[n++] = c;
        }
        void flush() {
            XXH3_64bits_update(s, buf, n);
            n = 0;
        }
    } st;
    auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    bool pending_c2 = false;  // a 0xC2 byte not yet known to start a no-break space
    auto emit = [&](char c) {
        unsigned char u = static_cast<unsigned char>(c);
        if (pending_c2) {
            pending_c2 = false;
            if (u == 0xA0) return;
            st.put('\xC2');
        }
        if (u == 0xC2) {
            pending_c2 = true;
            return;
        }
        if (!space(u)) st.put(c);
    };
    for (std::size_t at = xml.find("<w:t"); at != std::string_view::npos; at = xml.find("<w:t", at)) {
        std::size_t gt = xml.find('>', at);
        if (gt == std::string_view::npos) break;
        char after = xml[at + 4];
        if ((after != '>' && after != ' ') || xml[gt - 1] == '/') {
            at = gt;
            continue;
        }
        std::size_t end = xml.find("</w:t>", gt);
        if (end == std::string_view::npos) break;
        std::string_view t = xml.substr(gt + 1, end - gt - 1);
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i] != '&') {
                emit(t[i]);
                continue;
            }
            std::size_t semi = t.find(';', i);
            std::string_view ent = t.substr(i, semi == std::string_view::npos ? 1 : semi - i + 1);
            char c = ent == "&amp;" ? '&' : ent == "&lt;" ? '<' : ent == "&gt;" ? '>' : ent == "&quot;" ? '"' : ent == "&apos;" ? '\'' : 0;
            if (c == 0) {
                emit('&');
                continue;
            }
            emit(c);
            i += ent.size() - 1;
        }
        emit(' ');  // as visible_text separates runs
        at = end;
    }
    if (pending_c2) st.put('\xC2');
    st.flush();
    return hex64(XXH3_64bits_digest(st.s), 16);
}

std::string text_fingerprint(std::string_view title, const std::string& digest) {
    std::string all = canonical_text(title) + '\x1f' + digest;
    return hex64(XXH3_64bits(all.data(), all.size()), 16);
}

std::string custom_part(const std::vector<std::pair<std::string, std::string>>& props) {
    std::string out(k_xml_declaration);
    XmlWriter xml(out);
    xml.open("Properties")
        .attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties")
        .attr("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
    int pid = 2;  // 0 and 1 are reserved
    for (const auto& p : props) {
        xml.open("property").attr("fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}").attr("pid", pid++).attr("name", xml_safe(p.first));
        xml.open("vt:lpwstr").text(xml_safe(p.second)).close();
        xml.close();
    }
    xml.close();
    return out;
}

std::string cover_key(const std::string& label) {
    if (label == "Approved on" || label == "Previous text approved on") return "approved";
    if (label == "Approved by" || label == "Previous text approved by") return "approved_by";
    if (label == "Minute" || label == "Previous approval minute") return "minute";
    if (label == "Next review") return "next_review";
    return {};
}

std::vector<std::pair<std::string, std::string>> own_properties(const std::string& school_id, const std::string& school_name, const std::string& policy_id,
                                                                const std::vector<ClauseMark>& marks,
                                                                const std::vector<std::pair<std::string, std::string>>& cover) {
    std::vector<std::pair<std::string, std::string>> props;
    props.emplace_back(k_prop_school, school_id);
    props.emplace_back(k_prop_school_name, school_name);
    props.emplace_back(k_prop_policy, policy_id);
    props.emplace_back(k_prop_version, CLAUSEBOOK_VERSION);
    std::string all;
    for (const auto& m : marks) all += m.id + ' ' + m.fingerprint + '\n';
    props.emplace_back(k_prop_fingerprint, hex64(XXH3_64bits(all.data(), all.size()), 16));
    for (const auto& row : cover)
        if (std::string key = cover_key(row.first); !key.empty()) props.emplace_back(k_prop_cover_prefix + key, row.second);
    for (std::size_t i = 0; i < marks.size(); ++i) {
        char idx[32];
        std::snprintf(idx, sizeof idx, "%03zu", i + 1);
        props.emplace_back(std::string(k_prop_clause_prefix) + idx, marks[i].bookmark + " " + marks[i].id + " " + marks[i].fingerprint);
    }
    return props;
}

}  // namespace clausebook::write::docx
