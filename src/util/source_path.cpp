#include "util/source_path.hpp"

#include <mutex>
#include <unordered_set>

namespace clausebook::util {

namespace {

const std::string* const empty_text = new std::string();

// Every path's one copy. Node-based, so a copy never moves once made; never freed, and reachable
// from this pointer for as long as the process runs (leak checkers see it as in use).
struct Pool {
    std::mutex lock;
    std::unordered_set<std::string> texts;
};
Pool* const pool = new Pool();

}  // namespace

SourcePath::SourcePath() noexcept : m_text(empty_text) {}

SourcePath::SourcePath(std::string_view text) : m_text(empty_text) {
    if (text.empty()) return;
    // A thread reads one file's values in a row: the path it asked for last is most often the
    // one it asks for now, found without the lock.
    thread_local const std::string* last = nullptr;
    if (last && *last == text) {
        m_text = last;
        return;
    }
    std::lock_guard<std::mutex> guard(pool->lock);
    m_text = &*pool->texts.emplace(text).first;
    last = m_text;
}

}  // namespace clausebook::util
