// Allocator: glibc's malloc settings for the burn command (see CAllocator.h).
#include "CAllocator.h"

#include <stdlib.h>  // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void burn_keep_freed_memory(void) {
#if defined(__GLIBC__)
    // Blocks up to 32 MB (glibc's ceiling) come from the heap, not from fresh mappings, and
    // the heap is not trimmed until 128 MB lie free at its top.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
}
