// Allocator: glibc's malloc settings for the burn command (see CAllocator.h).
#include "CAllocator.h"

#include <stdlib.h>  // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

void burn_keep_freed_memory(void) {
#if defined(__GLIBC__)
    // Blocks up to 32 MB (glibc's ceiling) come from the heap, not from fresh mappings, and
    // the heap is not trimmed until 128 MB lie free at its top.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
    // One heap for every thread (the interpreter runs on a worker thread, which would
    // otherwise get a heap of its own), grown 128 MB at a time.
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_TOP_PAD, 128 << 20);
    // Ask for huge pages past the first 8 MB of the heap, where arrays of draws land: a
    // million draws then cost 4 page faults instead of 2,000 (on these machines a fault
    // costs about 2 µs, so the Monte Carlo benchmark spent 15 ms of system time on them).
    // Small allocations stay below.
    // (A block bigger than the free part of the heap makes it grow by the pad now.)
    void *grow = malloc(16 << 20);
    char *end = sbrk(0);
    uintptr_t from = ((uintptr_t)grow + (8 << 20) + (2 << 20) - 1) & ~(uintptr_t)((2 << 20) - 1);
    if (grow && (uintptr_t)end > from) madvise((void *)from, (uintptr_t)end - from, MADV_HUGEPAGE);
    free(grow);
#endif
}
