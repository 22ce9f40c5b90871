#include "check/kcsie_editions.hpp"

#include <algorithm>
#include <cctype>

#include "load/yaml_reader.hpp"
#include "util/fs.hpp"

namespace clausebook::check {

std::optional<int> edition_year(const std::string& value) {
    for (std::size_t i = 0; i + 4 <= value.size(); ++i) {
        bool digits = true;
        for (std::size_t k = 0; k < 4; ++k) digits = digits && std::isdigit(static_cast<unsigned char>(value[i + k]));
        bool bounded = (i == 0 || !std::isdigit(static_cast<unsigned char>(value[i - 1]))) &&
                       (i + 4 == value.size() || !std::isdigit(static_cast<unsigned char>(value[i + 4])));
        if (digits && bounded) return std::stoi(value.substr(i, 4));
    }
    return std::nullopt;
}

const KcsieEdition* KcsieList::in_force_on(const util::Date& day) const {
    const KcsieEdition* best = nullptr;
    for (const auto& e : editions)
        if (!(day < e.in_force)) best = &e;
    return best;
}

KcsieList load_kcsie_list(const std::filesystem::path& root, util::SourceFiles& sources, util::Diagnostics& diags) {
    KcsieList list;
    std::error_code ec;
    if (!std::filesystem::exists(root / k_kcsie_list_path, ec)) return list;
    auto file = util::read_file(root / k_kcsie_list_path);
    if (!file.text) {
        diags.error({k_kcsie_list_path, 0, 0}, "unreadable", "cannot read this file: it " + file.error);
        return list;
    }
    sources.add(k_kcsie_list_path, *file.text);
    auto doc = load::parse_yaml(k_kcsie_list_path, *file.text, diags);
    if (!doc) return list;
    load::YamlMap m(*doc, k_kcsie_list_path, diags, k_kcsie_list_path, {"editions"});
    if (auto items = m.get("editions", true)) {
        if (!items->is_sequence()) {
            diags.error(load::pos_of(k_kcsie_list_path, *items), "wrong-type", "'editions' must be a list of entries (- edition: \"2025\", in_force: 2025-09-01)");
        } else {
            for (const auto& n : items->items()) {
                load::YamlMap e(n, k_kcsie_list_path, diags, "a KCSIE edition", {"edition", "in_force", "source"});
                if (!e.ok()) continue;
                KcsieEdition k;
                k.pos = e.pos();
                auto edition = e.string("edition", true);
                auto in_force = e.date("in_force", true);
                if (auto s = e.string("source")) k.source = s->value;
                e.finish();
                if (!edition || !in_force) continue;
                auto year = edition_year(edition->value);
                if (!year) {
                    diags.error(edition->pos, "invalid-value", "'edition' must name the edition's year, such as \"2025\"");
                    continue;
                }
                k.edition = edition->value;
                k.year = *year;
                k.in_force = in_force->value;
                list.editions.push_back(std::move(k));
            }
        }
    }
    m.finish();
    std::stable_sort(list.editions.begin(), list.editions.end(), [](const KcsieEdition& a, const KcsieEdition& b) { return a.in_force < b.in_force; });
    return list;
}

}  // namespace clausebook::check
