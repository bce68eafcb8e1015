// Thread-local last error: the only channel by which failures cross the C ABI.
#include "common.h"

namespace {
thread_local std::string last_error;
}

namespace ht {
void set_error(const char* message) { last_error = message ? message : "unknown libtorch error"; }
void clear_error() { last_error.clear(); }
}  // namespace ht

HT_API const char* ht_last_error() { return last_error.empty() ? nullptr : last_error.c_str(); }
HT_API void ht_clear_error() { last_error.clear(); }
