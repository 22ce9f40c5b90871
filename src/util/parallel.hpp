// Running independent work items on a few threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace clausebook::util {

// The default number of worker threads: the machine's cores.
inline unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

// Calls `work(i)` for every i in [0, count) on up to `jobs` threads, items handed out in order.
// `work` must only touch state of its own item. If any call throws, the remaining items are
// skipped and the first exception is rethrown here once every thread has stopped.
template <class Work>
void parallel_for(std::size_t count, unsigned jobs, Work&& work) {
    jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(std::min<std::size_t>(count, 256))));
    if (jobs <= 1) {
        for (std::size_t i = 0; i < count; ++i) work(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto worker = [&] {
        while (!failed.load(std::memory_order_relaxed)) {
            std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
            if (i >= count) return;
            try {
                work(i);
            } catch (...) {
                std::lock_guard<std::mutex> lock(error_mutex);
                if (!error) error = std::current_exception();
                failed = true;
            }
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();
    if (error) std::rethrow_exception(error);
}

}  // namespace clausebook::util
