// A part's relationships (word/_rels/document.xml.rels and the package's _rels/.rels): ids in
// the order they were added, one id per distinct target.
#pragma once

#include <string>
#include <vector>

namespace clausebook::write::docx {

class Relationships {
public:
    // The id ("rId1", ...) of a relationship of `type` (a full URI) to `target`; the same id
    // again for the same type and target. `external` targets are URLs (TargetMode="External").
    std::string add(const std::string& type, const std::string& target, bool external = false);

    // The .rels part.
    std::string part() const;

    // The targets in id order: rId1's first.
    std::vector<std::string> targets() const;

private:
    struct Rel {
        std::string id;
        std::string type;
        std::string target;
        bool external;
    };
    std::vector<Rel> m_rels;
};

}  // namespace clausebook::write::docx
