/* report.h: writing findings for people and machines. */
#ifndef VB_REPORT_H
#define VB_REPORT_H

#include <lua.h>
#include <stdio.h>

#include "../include/vbcheck.h"
#include "../util/buf.h"

typedef struct vb_tally {
  size_t files, errors, warnings, infos, unreadable, rule_errors;
} vb_tally;

/* Count the findings list at idx into t. [-0, +0, -] */
void vb_report_count(lua_State *L, int idx, vb_tally *t);

/* Text lines "path:line:col: severity: message [rule]" for the findings
 * list at idx. [-0, +0, m] */
void vb_report_text(lua_State *L, int idx, const char *path, int color, vb_buf *out);

/* The closing summary line. */
void vb_report_summary(const vb_tally *t, vb_lang lang, int color, vb_buf *out);

#endif
