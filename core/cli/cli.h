/* cli.h: the vbcheck program: options, file walking, data directory. */
#ifndef VB_CLI_H
#define VB_CLI_H

#include <stddef.h>

#include "../include/vbcheck.h"

#define VB_MAX_LIST 64

typedef struct vb_opts {
  const char *command;   /* check, parse, rules, explain, tasks */
  const char *format;    /* text, json, ... */
  const char *stage;     /* draft | issued */
  vb_lang lang;
  const char *enable[VB_MAX_LIST];
  size_t nenable;
  const char *disable[VB_MAX_LIST];
  size_t ndisable;
  const char *rules_dirs[VB_MAX_LIST];
  size_t nrules_dirs;
  const char *as_of;     /* tasks --as-of */
  const char *agency;    /* tasks --agency */
  int quiet;
  int color;             /* -1 auto, 0 off, 1 on */
  int jobs;
  char **paths;
  size_t npaths;
} vb_opts;

/* Parse argv into o. Returns 0, or 2 after printing a usage error to
 * stderr; -1 when --help/--version was handled (exit 0). */
int vb_args_parse(int argc, char **argv, vb_opts *o);

/* Print the help text in o->lang. */
void vb_args_help(vb_lang lang);

/* Expand paths: files stay, directories are walked for .txt .md .markdown
 * .docx in sorted order. A path that is missing or cannot be listed is
 * kept, so the caller reports it as unreadable. Returns a malloc'd array of malloc'd
 * strings (count in *n), or NULL when out of memory. */
char **vb_walk(char **paths, size_t npaths, size_t *n);

/* Free the result of vb_walk. */
void vb_walk_free(char **list, size_t n);

/* The folder holding lua/ and rules/: $VBCHECK_HOME, the install data dir
 * next to the program, or the source tree it was built from. Writes into
 * buf (size n); returns buf or NULL. */
const char *vb_home(char *buf, size_t n);

#endif
