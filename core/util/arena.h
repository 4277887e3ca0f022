/* arena.h: bump allocator for one document's model.
 *
 * Everything the parser builds for a document (strings, element structs,
 * lists) lives in one arena that is reset, not freed, between documents, so
 * a long run allocates a handful of blocks in total. */
#ifndef VB_ARENA_H
#define VB_ARENA_H

#include <stddef.h>

typedef struct vb_arena_block vb_arena_block;

typedef struct vb_arena {
  vb_arena_block *head;   /* block being filled */
  vb_arena_block *spare;  /* blocks kept after a reset */
  size_t limit;           /* total bytes allowed, 0 = no limit */
  size_t used;            /* bytes handed out since the last reset */
} vb_arena;

/* Initialise an empty arena; allocates nothing. */
void vb_arena_init(vb_arena *a, size_t limit);

/* Free every block. */
void vb_arena_free(vb_arena *a);

/* Forget every allocation but keep the blocks for reuse. */
void vb_arena_reset(vb_arena *a);

/* Allocate n bytes aligned for any object; NULL when out of memory or over
 * the limit. The memory is zeroed. */
void *vb_arena_alloc(vb_arena *a, size_t n);

/* Copy n bytes of s and add a NUL; NULL on failure. */
char *vb_arena_strndup(vb_arena *a, const char *s, size_t n);

#endif
