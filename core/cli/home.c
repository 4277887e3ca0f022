/* home.c: where the Lua side (lua/, rules/) of the program lives. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static int has_lua(const char *dir) {
  char p[PATH_MAX];
  struct stat st;
  if (snprintf(p, sizeof p, "%s/lua/vbcheck/init.lua", dir) >= (int)sizeof p) return 0;
  return stat(p, &st) == 0;
}

const char *vb_home(char *buf, size_t n) {
  const char *env = getenv("VBCHECK_HOME");
  if (env && *env && has_lua(env)) {
    snprintf(buf, n, "%s", env);
    return buf;
  }
  /* installed: <prefix>/bin/vbcheck -> <prefix>/share/vbcheck */
  char exe[PATH_MAX];
  ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (len > 0) {
    exe[len] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      char cand[PATH_MAX];
      if (snprintf(cand, sizeof cand, "%s/../share/vbcheck", exe) < (int)sizeof cand && has_lua(cand)) {
        snprintf(buf, n, "%s", cand);
        return buf;
      }
    }
  }
#ifdef VB_SOURCE_DIR
  if (has_lua(VB_SOURCE_DIR)) {
    snprintf(buf, n, "%s", VB_SOURCE_DIR);
    return buf;
  }
#endif
  return NULL;
}
