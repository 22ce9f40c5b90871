// clausebook.yaml: the trust, default parameter values and settings.
#include "load/loaders.hpp"
#include "load/yaml_reader.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace clausebook::load {

using namespace model;  // load produces the model (model/repository.hpp)

void load_config(Repository& repo, const std::string& path, const std::string& text, util::Diagnostics& diags) {
    repo.sources.add(path, text);
    repo.config.path = path;
    auto root = parse_yaml(path, text, diags);
    if (!root) return;
    YamlMap m(*root, path, diags, "clausebook.yaml", {"trust", "defaults", "settings", "check", "font"});
    if (!m.ok()) return;
    if (auto t = m.get("trust")) {
        YamlMap tm(*t, path, diags, "'trust'", {"name", "kind"});
        if (auto n = tm.string("name", true)) repo.config.trust_name = n->value;
        if (auto k = tm.string("kind")) {
            if (k->value != "trust" && k->value != "local-authority" && k->value != "diocese" && k->value != "other")
                diags.error(k->pos, "invalid-value", "trust kind '" + k->value + "' is not one of: trust, local-authority, diocese, other");
            repo.config.trust_kind = k->value;
        }
        tm.finish();
    }
    if (auto d = m.get("defaults")) {
        YamlMap dm(*d, path, diags, "'defaults'", {"params"});
        // Typed by the outlines, which are read first.
        std::vector<const Outline*> all;
        for (const auto& o : repo.outlines) all.push_back(&o);
        if (auto p = dm.get("params")) repo.config.default_params = read_params_for(*p, all, {}, path, diags);
        dm.finish();
    }
    if (auto s = m.get("settings")) {
        YamlMap sm(*s, path, diags, "'settings'", {"allow_raw_html"});
        if (auto b = sm.boolean("allow_raw_html")) repo.config.allow_raw_html = b->value;
        sm.finish();
    }
    if (auto f = m.get("font")) {
        YamlMap fm(*f, path, diags, "'font'", {"name", "files"});
        if (fm.ok()) {
            Config::FontSetting font;
            font.pos = fm.pos();
            auto name = fm.string("name", true);
            font.files = fm.string_list("files");
            if (font.files.empty())
                diags.error(fm.pos(), "missing-field", "'font' needs 'files': the font files of the family, relative to the repository",
                            "for example  files: [fonts/TrustSans-Regular.ttf, fonts/TrustSans-Bold.ttf]");
            if (name) {
                font.name = *name;
                repo.config.font = std::move(font);
            }
        }
        fm.finish();
    }
    if (auto c = m.get("check")) {
        YamlMap cm(*c, path, diags, "'check'", {"severity", "require"});
        if (auto req = cm.get("require")) {
            if (!req->is_sequence()) {
                diags.error(pos_of(path, *req), "wrong-type", "'check.require' must be a list of policies (- id: ..., title: ...)");
            } else {
                for (const auto& n : req->items()) {
                    YamlMap rm(n, path, diags, "a required policy", {"id", "title", "review_period", "applies_to"});
                    if (!rm.ok()) continue;
                    Config::RequiredPolicy r;
                    auto id = rm.string("id", true);
                    auto title = rm.string("title", true);
                    if (auto p = rm.duration("review_period")) r.review_period = p->value;
                    for (auto& t : rm.string_list("applies_to")) {
                        const auto& types = school_types();
                        if (std::find(types.begin(), types.end(), t.value) == types.end())
                            diags.error(t.pos, "invalid-value", "school type '" + t.value + "' is not one of: " + util::join(types, ", "),
                                        util::did_you_mean(t.value, types));
                        r.applies_to.push_back(t.value);
                    }
                    rm.finish();
                    if (!id || !title) continue;
                    r.id = *id;
                    r.title = title->value;
                    repo.config.required.push_back(std::move(r));
                }
            }
        }
        if (auto sev = cm.get("severity")) {
            YamlMap sv(*sev, path, diags, "'check.severity'", {});
            if (sv.ok())
                for (const auto& [key, value] : sev->pairs())
                    if (key.is_scalar()) {
                        auto level = scalar_text(value, path, diags, "the severity of '" + key.scalar() + "'");
                        if (level) repo.config.severity.push_back({{key.scalar(), pos_of(path, key)}, {*level, pos_of(path, value)}});
                    }
        }
        cm.finish();
    }
    m.finish();
}

}  // namespace clausebook::load
