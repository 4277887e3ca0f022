/* standalone.c: replay inputs through a fuzz target without libFuzzer:
 * each argument is a file or a folder of files. Used by CTest to keep
 * every input that once crashed a target (spec/fuzz/regress/<target>/)
 * and the seed fixtures passing in normal and sanitizer builds. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    return 1;
  }
  size_t cap = 1 << 16, n = 0;
  unsigned char *buf = malloc(cap);
  if (!buf) {
    fclose(f);
    return 1;
  }
  size_t r;
  while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
    n += r;
    if (n == cap) {
      unsigned char *x = realloc(buf, cap * 2);
      if (!x) {
        free(buf);
        fclose(f);
        return 1;
      }
      buf = x;
      cap *= 2;
    }
  }
  int bad = ferror(f);
  fclose(f);
  if (!bad) LLVMFuzzerTestOneInput(buf, n);
  free(buf);
  return bad;
}

static int run(const char *path, size_t *count) {
  struct stat st;
  if (stat(path, &st)) {
    perror(path);
    return 1;
  }
  if (!S_ISDIR(st.st_mode)) {
    (*count)++;
    return run_file(path);
  }
  DIR *d = opendir(path);
  if (!d) {
    perror(path);
    return 1;
  }
  int bad = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    size_t len = strlen(path) + strlen(e->d_name) + 2;
    char *sub = malloc(len);
    if (!sub) {
      bad = 1;
      break;
    }
    snprintf(sub, len, "%s/%s", path, e->d_name);
    bad |= run(sub, count);
    free(sub);
  }
  closedir(d);
  return bad;
}

int main(int argc, char **argv) {
  size_t count = 0;
  int bad = 0;
  for (int i = 1; i < argc; i++) bad |= run(argv[i], &count);
  printf("%zu inputs replayed\n", count);
  return bad;
}
