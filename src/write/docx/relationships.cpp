#include "write/docx/relationships.hpp"

#include "write/docx/xml.hpp"

namespace clausebook::write::docx {

std::string Relationships::add(const std::string& type, const std::string& target, bool external) {
    for (const auto& r : m_rels)
        if (r.type == type && r.target == target && r.external == external) return r.id;
    m_rels.push_back({"rId" + std::to_string(m_rels.size() + 1), type, target, external});
    return m_rels.back().id;
}

std::vector<std::string> Relationships::targets() const {
    std::vector<std::string> out;
    out.reserve(m_rels.size());
    for (const auto& r : m_rels) out.push_back(r.target);
    return out;
}

std::string Relationships::part() const {
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("Relationships");
    root.append_attribute("xmlns") = k_ns_package_rels;
    for (const auto& r : m_rels) {
        pugi::xml_node n = root.append_child("Relationship");
        n.append_attribute("Id") = r.id.c_str();
        n.append_attribute("Type") = r.type.c_str();
        n.append_attribute("Target") = xml_safe(r.target).c_str();
        if (r.external) n.append_attribute("TargetMode") = "External";
    }
    return to_bytes(doc);
}

}  // namespace clausebook::write::docx
