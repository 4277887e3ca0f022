/* arena.c: bump allocator, see arena.h. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define VB_ARENA_MIN_BLOCK ((size_t)64 * 1024)
#define VB_ARENA_ALIGN ((size_t)16)

struct vb_arena_block {
  vb_arena_block *next;
  size_t size; /* usable bytes in data */
  size_t pos;
  _Alignas(16) unsigned char data[];
};

void vb_arena_init(vb_arena *a, size_t limit) {
  a->head = NULL;
  a->spare = NULL;
  a->limit = limit;
  a->used = 0;
}

static void free_list(vb_arena_block *b) {
  while (b) {
    vb_arena_block *next = b->next;
    free(b);
    b = next;
  }
}

void vb_arena_free(vb_arena *a) {
  free_list(a->head);
  free_list(a->spare);
  a->head = a->spare = NULL;
  a->used = 0;
}

void vb_arena_reset(vb_arena *a) {
  /* Move all filled blocks to the spare list; keep at most a few so a
   * single huge document does not pin its memory forever. */
  size_t kept = 0;
  vb_arena_block *b = a->head;
  while (b) {
    vb_arena_block *next = b->next;
    if (kept < 4 && b->size <= 16 * VB_ARENA_MIN_BLOCK) {
      b->pos = 0;
      b->next = a->spare;
      a->spare = b;
      kept++;
    } else {
      free(b);
    }
    b = next;
  }
  a->head = NULL;
  a->used = 0;
}

static vb_arena_block *new_block(vb_arena *a, size_t need) {
  /* Reuse a spare block when one is big enough. */
  vb_arena_block **pp = &a->spare;
  while (*pp) {
    if ((*pp)->size >= need) {
      vb_arena_block *b = *pp;
      *pp = b->next;
      b->pos = 0;
      return b;
    }
    pp = &(*pp)->next;
  }
  size_t size = need > VB_ARENA_MIN_BLOCK ? need : VB_ARENA_MIN_BLOCK;
  if (size > SIZE_MAX - sizeof(vb_arena_block)) return NULL;
  vb_arena_block *b = malloc(sizeof(vb_arena_block) + size);
  if (!b) return NULL;
  b->size = size;
  b->pos = 0;
  return b;
}

void *vb_arena_alloc(vb_arena *a, size_t n) {
  if (n == 0) n = 1;
  if (n > SIZE_MAX - VB_ARENA_ALIGN) return NULL;
  size_t rounded = (n + VB_ARENA_ALIGN - 1) & ~(VB_ARENA_ALIGN - 1);
  if (a->limit && (rounded > a->limit || a->used > a->limit - rounded)) return NULL;
  vb_arena_block *b = a->head;
  if (!b || b->size - b->pos < rounded) {
    b = new_block(a, rounded);
    if (!b) return NULL;
    b->next = a->head;
    a->head = b;
  }
  void *p = b->data + b->pos;
  b->pos += rounded;
  a->used += rounded;
  memset(p, 0, n);
  return p;
}

char *vb_arena_strndup(vb_arena *a, const char *s, size_t n) {
  if (n == SIZE_MAX) return NULL;
  char *p = vb_arena_alloc(a, n + 1);
  if (!p) return NULL;
  if (n) memcpy(p, s, n);
  p[n] = '\0';
  return p;
}
