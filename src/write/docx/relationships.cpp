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
    std::string out(k_xml_declaration);
    XmlWriter xml(out);
    xml.open("Relationships").attr("xmlns", k_ns_package_rels);
    for (const auto& r : m_rels) {
        xml.open("Relationship").attr("Id", r.id).attr("Type", r.type).attr("Target", xml_safe(r.target));
        if (r.external) xml.attr("TargetMode", "External");
        xml.close();
    }
    xml.close();
    return out;
}

}  // namespace clausebook::write::docx
