#include "compare/approved.hpp"

namespace clausebook::compare {

std::optional<ApprovedCopy> newest_approved(const std::filesystem::path& root, const std::string& school_id, const std::string& policy_id) {
    std::filesystem::path dir = root / "approved" / school_id / policy_id;
    std::error_code ec;
    std::optional<ApprovedCopy> best;
    for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file() || it->path().extension() != ".md") continue;
        auto date = util::parse_date(it->path().stem().string());
        if (!date || (best && !(best->date < *date))) continue;
        best = ApprovedCopy{it->path(), "approved/" + school_id + "/" + policy_id + "/" + it->path().filename().string(), *date};
    }
    return best;
}

}  // namespace clausebook::compare
