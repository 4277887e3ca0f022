/* register.h: the document register, an SQLite database of indexed
 * documents, their findings, tasks and citations.
 *
 * Safety, by construction: WAL journal (readers never block the writer),
 * a busy timeout so concurrent writers queue instead of failing, foreign
 * keys on (a document's rows go with it), the schema version in
 * PRAGMA user_version with ordered migrations, and only the fixed,
 * prepared statements listed in register.c: callers pick a statement by
 * name and bind values; no SQL is ever built from text. A connection
 * belongs to one thread. */
#ifndef VB_REGISTER_H
#define VB_REGISTER_H

#include <sqlite3.h>
#include <stddef.h>

/* The schema version this build writes (PRAGMA user_version). */
#define VB_REG_SCHEMA 1

/* PRAGMA application_id of a vbcheck register ("vbch"). */
#define VB_REG_APP_ID 0x76626368

typedef enum vb_reg_mode {
  VB_REG_READ = 0, /* read-only connection (SQLITE_OPEN_READONLY, query_only) */
  VB_REG_WRITE = 1 /* create when missing, migrate to VB_REG_SCHEMA */
} vb_reg_mode;

typedef struct vb_reg vb_reg;

/* Open the register at path. VB_REG_READ needs an existing register of
 * this schema version; VB_REG_WRITE creates the file (not its folder) and
 * applies pending migrations. busy_ms bounds how long a statement waits
 * for another connection's write lock. Returns NULL and a one-line
 * message in err (size n) on failure: out of memory, not a register, a
 * register written by a newer vbcheck, an SQLite built without threads,
 * I/O errors. */
vb_reg *vb_reg_open(const char *path, vb_reg_mode mode, int busy_ms, char *err, size_t n);

/* Close the connection (an open transaction is rolled back); NULL is
 * accepted. */
void vb_reg_close(vb_reg *r);

/* The connection's last error message. */
const char *vb_reg_errmsg(const vb_reg *r);

/* BEGIN IMMEDIATE (take the write lock now, waiting up to busy_ms), COMMIT
 * and ROLLBACK. 0, or -1 with vb_reg_errmsg set. Writes need VB_REG_WRITE. */
int vb_reg_begin(vb_reg *r);
int vb_reg_commit(vb_reg *r);
int vb_reg_rollback(vb_reg *r);

/* The prepared statement called name, reset and with its bindings
 * cleared, ready to bind (named parameters ":field") and step. NULL when
 * name is unknown, when it writes and the connection is read-only, or when
 * preparing failed (see vb_reg_errmsg). The statement stays owned by r. */
sqlite3_stmt *vb_reg_stmt(vb_reg *r, const char *name);

/* Run PRAGMA integrity_check; writes "ok" or the first problems (joined
 * by "; ") into out (size n). 0, or -1 when the check itself failed. */
int vb_reg_integrity(vb_reg *r, char *out, size_t n);

#endif
