/* cli.h: the vbcheck program: options, file walking, data directory. */
#ifndef VB_CLI_H
#define VB_CLI_H

#include <stddef.h>

#include "../include/vbcheck.h"

#define VB_MAX_LIST 64

typedef struct vb_opts {
  const char *command;   /* check, parse, rules, explain, tasks, index, stats, new-rule, test;
                            internal: cache (the register pass of check --cache) */
  const char *format;    /* text, json, ... */
  const char *stage;     /* draft | issued; NULL: not given */
  vb_lang lang;
  int lang_given;        /* --lang on the command line (beats a configuration's) */
  const char *enable[VB_MAX_LIST];
  size_t nenable;
  const char *disable[VB_MAX_LIST];
  size_t ndisable;
  const char *rules_dirs[VB_MAX_LIST];
  size_t nrules_dirs;
  const char *as_of;     /* tasks --as-of */
  const char *agency;    /* tasks --agency */
  const char *config;    /* --config FILE */
  int no_config;         /* --no-config */
  const char *db;        /* --db FILE */
  int cache;             /* check --cache */
  int overdue;           /* tasks --overdue */
  int quiet;
  int color;             /* -1 auto, 0 off, 1 on */
  int jobs;              /* -j; 0: the number of cores */
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

/* ---- Lua states (luastate.c) ---- */
#include <lua.h>

/* A new Lua state with the standard libraries, vbcheck.core preloaded and
 * package.path pointing at vbcheck's Lua files; NULL (message printed)
 * when out of memory or the files cannot be found. */
lua_State *vb_lua_open(vb_lang lang);

/* lua_pcall with a traceback; on error prints it to stderr, pops it and
 * returns -1, else 0. [-(nargs+1), +nres, -] */
int vb_lua_call(lua_State *L, int nargs, int nres);

/* Push require(name); -1 on error (printed). [-0, +1|0, -] */
int vb_lua_require(lua_State *L, const char *name);

/* Push the options table every Lua entry point receives: the command
 * line as fields (format, stage, lang, today, enable, disable, rules_dirs,
 * config, db, ...). today is YYYY-MM-DD; color 0/1. [-0, +1, m] */
void vb_lua_push_opts(lua_State *L, const vb_opts *o, const char *today, int color);

/* ---- check (pool.c) ---- */

/* Run `vbcheck check` over files with o->jobs workers (one Lua state
 * each), writing the report to stdout in input order as files finish.
 * Returns the exit status (0, 1, 2). */
int vb_check_files(const vb_opts *o, char **files, size_t nfiles, const char *today);

#endif
