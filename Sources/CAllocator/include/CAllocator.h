#ifndef C_ALLOCATOR_H
#define C_ALLOCATOR_H

/// Asks glibc to keep freed memory for reuse instead of returning it to the system (no-op
/// elsewhere). A simulation frees and allocates arrays of a million draws over and over; each
/// returned array would come back page by page, zeroed by the kernel.
void burn_keep_freed_memory(void);

#endif
