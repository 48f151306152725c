#ifndef C_ALLOCATOR_H
#define C_ALLOCATOR_H

/// Tunes glibc's malloc for arrays of draws (no-op elsewhere). A simulation frees and
/// allocates arrays of a million draws over and over: freed memory is kept for reuse instead
/// of being returned to the system (each returned array would come back page by page, zeroed
/// by the kernel), and the heap where the arrays land asks for huge pages, so that a fresh
/// array costs a few page faults rather than thousands.
void burn_keep_freed_memory(void);

#endif
