#include "write/pdf/fonts.hpp"

#include <atomic>
#include <mutex>
#include <set>

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

namespace clausebook::write::pdf {

namespace {

std::mutex g_mutex;
std::set<std::string> g_added;  // guarded by g_mutex
std::atomic<unsigned> g_generation{0};  // bumped each time a file is added

}  // namespace

std::vector<std::string> font_families(const std::string& path) {
    std::vector<std::string> out;
    int count = 0;
    // Face 0 tells how many faces a collection holds.
    for (int face = 0; face == 0 || face < count; ++face) {
        FcPattern* pattern = FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(path.c_str()), static_cast<unsigned>(face), nullptr, &count);
        if (!pattern) break;
        FcChar8* family = nullptr;
        for (int i = 0; FcPatternGetString(pattern, FC_FAMILY, i, &family) == FcResultMatch; ++i) {
            std::string name(reinterpret_cast<const char*>(family));
            bool seen = false;
            for (const auto& f : out) seen = seen || f == name;
            if (!seen) out.push_back(name);
        }
        FcPatternDestroy(pattern);
    }
    return out;
}

void add_font_files(const std::vector<std::string>& paths) {
    std::lock_guard<std::mutex> lock(g_mutex);
    FcConfig* config = FcConfigGetCurrent();
    bool added = false;
    for (const auto& p : paths) {
        if (!g_added.insert(p).second) continue;
        added = FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(p.c_str())) || added;
    }
    if (added) ++g_generation;
}

bool refresh_thread_fonts() {
    thread_local unsigned seen = 0;
    unsigned now = g_generation.load();
    if (now == seen) return false;
    seen = now;
    PangoFontMap* map = pango_cairo_font_map_get_default();  // this thread's
    if (PANGO_IS_FC_FONT_MAP(map)) pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(map));
    return true;
}

}  // namespace clausebook::write::pdf
