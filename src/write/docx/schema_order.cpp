#include "write/docx/schema_order.hpp"

#include <string_view>
#include <vector>

namespace clausebook::write::docx {

namespace {

const std::vector<std::string_view> k_ppr_order = {"w:pStyle",
                                                   "w:keepNext",
                                                   "w:keepLines",
                                                   "w:pageBreakBefore",
                                                   "w:framePr",
                                                   "w:widowControl",
                                                   "w:numPr",
                                                   "w:suppressLineNumbers",
                                                   "w:pBdr",
                                                   "w:shd",
                                                   "w:tabs",
                                                   "w:suppressAutoHyphens",
                                                   "w:kinsoku",
                                                   "w:wordWrap",
                                                   "w:overflowPunct",
                                                   "w:topLinePunct",
                                                   "w:autoSpaceDE",
                                                   "w:autoSpaceDN",
                                                   "w:bidi",
                                                   "w:adjustRightInd",
                                                   "w:snapToGrid",
                                                   "w:spacing",
                                                   "w:ind",
                                                   "w:contextualSpacing",
                                                   "w:mirrorIndents",
                                                   "w:suppressOverlap",
                                                   "w:jc",
                                                   "w:textDirection",
                                                   "w:textAlignment",
                                                   "w:textboxTightWrap",
                                                   "w:outlineLvl",
                                                   "w:divId",
                                                   "w:cnfStyle",
                                                   "w:rPr",
                                                   "w:sectPr",
                                                   "w:pPrChange"};

const std::vector<std::string_view> k_rpr_order = {"w:ins",
                                                   "w:del",
                                                   "w:moveFrom",
                                                   "w:moveTo",  // paragraph-mark properties only
                                                   "w:rStyle",
                                                   "w:rFonts",
                                                   "w:b",
                                                   "w:bCs",
                                                   "w:i",
                                                   "w:iCs",
                                                   "w:caps",
                                                   "w:smallCaps",
                                                   "w:strike",
                                                   "w:dstrike",
                                                   "w:outline",
                                                   "w:shadow",
                                                   "w:emboss",
                                                   "w:imprint",
                                                   "w:noProof",
                                                   "w:snapToGrid",
                                                   "w:vanish",
                                                   "w:webHidden",
                                                   "w:color",
                                                   "w:spacing",
                                                   "w:w",
                                                   "w:kern",
                                                   "w:position",
                                                   "w:sz",
                                                   "w:szCs",
                                                   "w:highlight",
                                                   "w:u",
                                                   "w:effect",
                                                   "w:bdr",
                                                   "w:shd",
                                                   "w:fitText",
                                                   "w:vertAlign",
                                                   "w:rtl",
                                                   "w:cs",
                                                   "w:em",
                                                   "w:lang",
                                                   "w:eastAsianLayout",
                                                   "w:specVanish",
                                                   "w:oMath",
                                                   "w:rPrChange"};

std::string check_one(pugi::xml_node pr, const std::vector<std::string_view>& order) {
    std::size_t last = 0;
    std::string last_name;
    for (pugi::xml_node c : pr.children()) {
        if (c.type() != pugi::node_element) continue;
        std::size_t at = 0;
        while (at < order.size() && order[at] != c.name()) ++at;
        if (at == order.size()) return std::string(pr.name()) + ": unknown element " + c.name();
        if (!last_name.empty() && at <= last) return std::string(pr.name()) + ": " + c.name() + (at == last ? " twice" : " after " + last_name);
        last = at;
        last_name = c.name();
    }
    return {};
}

}  // namespace

std::string property_order_problem(pugi::xml_node root) {
    std::string problem;
    auto visit = [&](pugi::xml_node n, auto& self) -> void {
        if (!problem.empty()) return;
        std::string_view name = n.name();
        if (name == "w:pPr")
            problem = check_one(n, k_ppr_order);
        else if (name == "w:rPr")
            problem = check_one(n, k_rpr_order);
        for (pugi::xml_node c : n.children())
            if (c.type() == pugi::node_element) self(c, self);
    };
    visit(root, visit);
    return problem;
}

}  // namespace clausebook::write::docx
