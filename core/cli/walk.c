/* walk.c: expand command-line paths into the files to check.
 *
 * Directories are walked recursively in sorted order (stable output);
 * hidden entries are skipped, symlinked directories are not followed (no
 * loops: a symlink can only lead back to an ancestor, and a real directory
 * tree has none). Nothing else is dropped silently: a path that does not
 * exist, a directory that cannot be listed, an entry that vanished or
 * cannot be named (ENAMETOOLONG: nested deeper than PATH_MAX allows) is
 * kept, and the caller's reader reports it as unreadable with the reason
 * (core/read/errors.c). There is no depth limit of our own: opendir and
 * lstat fail past PATH_MAX (4096 bytes), which bounds the recursion to
 * about 2 048 levels of small frames, and that failure is reported. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"

typedef struct list {
  char **v;
  size_t n, cap;
  int oom;
} list;

static void push(list *l, const char *s) {
  if (l->oom) return;
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 64;
    char **x = realloc(l->v, cap * sizeof *x);
    if (!x) {
      l->oom = 1;
      return;
    }
    l->v = x;
    l->cap = cap;
  }
  char *d = strdup(s);
  if (!d) {
    l->oom = 1;
    return;
  }
  l->v[l->n++] = d;
}

static int wanted(const char *name) {
  const char *dot = strrchr(name, '.');
  if (!dot) return 0;
  return !strcasecmp(dot, ".txt") || !strcasecmp(dot, ".md") || !strcasecmp(dot, ".markdown") ||
         !strcasecmp(dot, ".docx");
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void walk_dir(list *out, const char *dir) {
  DIR *d = opendir(dir);
  if (!d) {
    push(out, dir); /* reported as unreadable by the caller, with errno's reason */
    return;
  }
  list names = {0};
  struct dirent *de;
  for (;;) {
    errno = 0;
    if (!(de = readdir(d))) break;
    if (de->d_name[0] == '.') continue;
    push(&names, de->d_name);
  }
  /* a listing cut short by an I/O error: report the folder rather than
   * check part of it as if it were all */
  if (errno) push(out, dir);
  closedir(d);
  if (names.oom) out->oom = 1;
  if (names.n) qsort(names.v, names.n, sizeof *names.v, cmp); /* qsort(NULL, 0) is undefined */
  for (size_t i = 0; i < names.n; i++) {
    size_t len = strlen(dir) + strlen(names.v[i]) + 2;
    char *full = malloc(len);
    if (!full) {
      out->oom = 1;
      break;
    }
    snprintf(full, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.v[i]);
    struct stat st;
    if (lstat(full, &st) == 0) {
      if (S_ISDIR(st.st_mode)) walk_dir(out, full);
      /* a FIFO or device named like a document is kept too: the reader
       * refuses it by name instead of it vanishing from the report */
      else if (wanted(names.v[i])) push(out, full);
    } else if (wanted(names.v[i]) || errno == ENAMETOOLONG) {
      /* removed since readdir (ENOENT), or too deep to name: the reader
       * says which. A non-document that vanished is no loss. */
      push(out, full);
    }
    free(full);
  }
  for (size_t i = 0; i < names.n; i++) free(names.v[i]);
  free(names.v);
}

char **vb_walk(char **paths, size_t npaths, size_t *n) {
  list out = {0};
  for (size_t i = 0; i < npaths; i++) {
    struct stat st;
    if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) walk_dir(&out, paths[i]);
    else push(&out, paths[i]);
  }
  if (out.oom) {
    vb_walk_free(out.v, out.n);
    return NULL;
  }
  if (!out.v) {
    out.v = malloc(sizeof *out.v);
    if (!out.v) return NULL;
  }
  *n = out.n;
  return out.v;
}

void vb_walk_free(char **list_, size_t n) {
  if (!list_) return;
  for (size_t i = 0; i < n; i++) free(list_[i]);
  free(list_);
}
