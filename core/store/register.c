/* register.c: the SQLite register; see register.h. Every SQL text of the
 * program is in this file: the schema migrations and the named
 * statements. */
#include "register.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Migration i brings a register from user_version i to i + 1; each runs in
 * one transaction together with its user_version bump. */
static const char *const migrations[VB_REG_SCHEMA] = {
    /* 0 -> 1 */
    "CREATE TABLE document ("
    " id INTEGER PRIMARY KEY,"
    " path TEXT NOT NULL UNIQUE,"          /* relative to the register's root */
    " hash TEXT NOT NULL,"                 /* SHA-256 of the file's bytes */
    " cache_key TEXT NOT NULL,"            /* engine, rules and options the findings came from */
    " ran TEXT NOT NULL,"                  /* ids of the rules that ran, space-separated */
    " format TEXT, family TEXT,"
    " issuer TEXT, issuer_parent TEXT, issuer_key TEXT,"
    " number TEXT, seq INTEGER, symbol TEXT, symbol_key TEXT, type_code TEXT, issuer_code TEXT,"
    " number_line INTEGER, number_col INTEGER, number_end_line INTEGER, number_end_col INTEGER,"
    " year INTEGER, date TEXT, doc_type TEXT, subject TEXT"
    ") STRICT;"
    "CREATE INDEX document_symbol ON document(symbol_key, year);"
    "CREATE INDEX document_issuer ON document(issuer_key);"
    "CREATE TABLE finding ("
    " doc_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
    " ord INTEGER NOT NULL,"
    " rule TEXT NOT NULL, severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),"
    " message TEXT NOT NULL, message_id TEXT, failed_rule TEXT,"
    " line INTEGER NOT NULL, col INTEGER NOT NULL, end_line INTEGER NOT NULL, end_col INTEGER NOT NULL,"
    " PRIMARY KEY (doc_id, ord)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE INDEX finding_rule ON finding(rule);"
    "CREATE TABLE task ("
    " doc_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
    " ord INTEGER NOT NULL,"
    " line INTEGER, col INTEGER, end_line INTEGER, end_col INTEGER,"
    " item TEXT, parent TEXT, text TEXT, deliverable TEXT,"
    " dl_text TEXT, dl_kind TEXT, dl_iso TEXT, dl_from TEXT, dl_to TEXT, dl_invalid INTEGER, dl_time TEXT,"
    " dl_cadence TEXT, dl_day ANY, dl_value ANY, dl_unit TEXT, dl_working INTEGER, dl_anchor TEXT,"
    " dl_year_inferred INTEGER, dl_inherited INTEGER,"
    " PRIMARY KEY (doc_id, ord)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE INDEX task_due ON task(dl_iso);"
    "CREATE TABLE task_agency ("
    " doc_id INTEGER NOT NULL, task_ord INTEGER NOT NULL,"
    " role TEXT NOT NULL CHECK (role IN ('lead', 'support')), ord INTEGER NOT NULL,"
    " name TEXT NOT NULL, name_key TEXT NOT NULL,"
    " PRIMARY KEY (doc_id, task_ord, role, ord),"
    " FOREIGN KEY (doc_id, task_ord) REFERENCES task(doc_id, ord) ON DELETE CASCADE"
    ") STRICT, WITHOUT ROWID;"
    "CREATE INDEX task_agency_name ON task_agency(name_key);"
    "CREATE TABLE reference ("
    " doc_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
    " ord INTEGER NOT NULL,"
    " text TEXT, number TEXT NOT NULL, symbol_key TEXT NOT NULL, doc_type TEXT, named INTEGER NOT NULL,"
    " date TEXT, year INTEGER, line INTEGER, col INTEGER, end_line INTEGER, end_col INTEGER,"
    " PRIMARY KEY (doc_id, ord)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE INDEX reference_symbol ON reference(symbol_key);"
    "PRAGMA application_id = 1986159464;" /* VB_REG_APP_ID */
    "PRAGMA user_version = 1;",
};

/* The statements callers may run, by name. Status of a task on :as_of
 * follows tasks_format.status: dated or period deadlines before as_of are
 * overdue, no deadline is none, anything else is open. */
#define TASK_STATUS                                                                                      \
  "CASE WHEN t.dl_kind IS NULL THEN 'none' WHEN t.dl_kind IN ('date', 'period') AND t.dl_iso < :as_of " \
  "THEN 'overdue' ELSE 'open' END"

static const struct {
  const char *name, *sql;
} statements[] = {
    /* writes: one document's rows, always inside vb_reg_begin/commit */
    {"doc_delete", "DELETE FROM document WHERE path = :path"},
    {"doc_insert",
     "INSERT INTO document (path, hash, cache_key, ran, format, family, issuer, issuer_parent, issuer_key, number, seq,"
     " symbol, symbol_key, type_code, issuer_code, number_line, number_col, number_end_line, number_end_col, year,"
     " date, doc_type, subject) VALUES (:path, :hash, :cache_key, :ran, :format, :family, :issuer, :issuer_parent,"
     " :issuer_key, :number, :seq, :symbol, :symbol_key, :type_code, :issuer_code, :number_line, :number_col,"
     " :number_end_line, :number_end_col, :year, :date, :doc_type, :subject)"},
    {"finding_insert",
     "INSERT INTO finding (doc_id, ord, rule, severity, message, message_id, failed_rule, line, col, end_line,"
     " end_col) VALUES (:doc_id, :ord, :rule, :severity, :message, :message_id, :failed_rule, :line, :col,"
     " :end_line, :end_col)"},
    {"task_insert",
     "INSERT INTO task (doc_id, ord, line, col, end_line, end_col, item, parent, text, deliverable, dl_text, dl_kind,"
     " dl_iso, dl_from, dl_to, dl_invalid, dl_time, dl_cadence, dl_day, dl_value, dl_unit, dl_working, dl_anchor,"
     " dl_year_inferred, dl_inherited)"
     " VALUES (:doc_id, :ord, :line, :col, :end_line, :end_col, :item, :parent, :text, :deliverable, :dl_text,"
     " :dl_kind, :dl_iso, :dl_from, :dl_to, :dl_invalid, :dl_time, :dl_cadence, :dl_day, :dl_value, :dl_unit,"
     " :dl_working, :dl_anchor, :dl_year_inferred, :dl_inherited)"},
    {"agency_insert",
     "INSERT INTO task_agency (doc_id, task_ord, role, ord, name, name_key)"
     " VALUES (:doc_id, :task_ord, :role, :ord, :name, :name_key)"},
    {"reference_insert",
     "INSERT INTO reference (doc_id, ord, text, number, symbol_key, doc_type, named, date, year, line, col,"
     " end_line, end_col) VALUES (:doc_id, :ord, :text, :number, :symbol_key, :doc_type, :named, :date, :year,"
     " :line, :col, :end_line, :end_col)"},
    /* one document */
    {"doc_get", "SELECT * FROM document WHERE path = :path"},
    {"doc_paths", "SELECT path FROM document ORDER BY path"},
    {"doc_findings",
     "SELECT rule, severity, message, message_id, failed_rule, line, col, end_line, end_col FROM finding"
     " WHERE doc_id = :doc_id ORDER BY ord"},
    {"doc_references",
     "SELECT text, number, symbol_key, doc_type, named, date, year, line, col, end_line, end_col FROM reference"
     " WHERE doc_id = :doc_id ORDER BY ord"},
    /* cross-document rules */
    {"cited_find",
     "SELECT path, symbol, date, year, doc_type, family, issuer, issuer_key FROM document"
     " WHERE symbol_key = :symbol_key AND path <> :path ORDER BY path"},
    {"issuer_docs", "SELECT count(*) AS n FROM document WHERE issuer_key = :issuer_key"},
    /* queries */
    {"tasks_all",
     "SELECT d.path AS file, t.* FROM task t JOIN document d ON d.id = t.doc_id ORDER BY d.path, t.ord"},
    {"agencies_all",
     "SELECT d.path AS file, a.task_ord, a.role, a.name FROM task_agency a JOIN document d ON d.id = a.doc_id"
     " ORDER BY d.path, a.task_ord, a.role, a.ord"},
    {"stats_totals",
     "SELECT (SELECT count(*) FROM document) AS documents, (SELECT count(*) FROM finding) AS findings,"
     " (SELECT count(*) FROM task) AS tasks, (SELECT count(*) FROM reference) AS refs"},
    {"stats_types",
     "SELECT coalesce(doc_type, 'unknown') AS doc_type, coalesce(issuer, '') AS issuer, count(*) AS n"
     " FROM document GROUP BY 1, 2 ORDER BY n DESC, 1, 2"},
    {"stats_rules",
     "SELECT rule, severity, count(*) AS n, count(DISTINCT doc_id) AS docs FROM finding GROUP BY rule, severity"
     " ORDER BY n DESC, rule, severity"},
    {"stats_tasks",
     "SELECT coalesce(a.name_key, '') AS agency_key, min(a.name) AS agency, " TASK_STATUS " AS status,"
     " count(*) AS n FROM task t LEFT JOIN task_agency a ON a.doc_id = t.doc_id AND a.task_ord = t.ord"
     " AND a.role = 'lead' GROUP BY 1, 3 ORDER BY 1, 3"},
};

enum { NSTMT = sizeof statements / sizeof statements[0] };

struct vb_reg {
  sqlite3 *db;
  vb_reg_mode mode;
  sqlite3_stmt *stmt[NSTMT];
  char msg[256];
};

static void set_err(char *err, size_t n, const char *what, const char *detail) {
  if (err && n) snprintf(err, n, "%s%s%s", what, detail ? ": " : "", detail ? detail : "");
}

/* A one-integer PRAGMA or query; -1 on error. */
static long long query_int(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st = NULL;
  long long v = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

/* Apply the migrations from the current user_version, in one write
 * transaction that re-reads the version: concurrent openers migrate once. */
static int migrate(vb_reg *r, char *err, size_t n) {
  long long v = query_int(r->db, "PRAGMA user_version");
  if (v > 0 && query_int(r->db, "PRAGMA application_id") != VB_REG_APP_ID) {
    set_err(err, n, "not a vbcheck register", NULL);
    return -1;
  }
  if (v == VB_REG_SCHEMA) return 0;
  if (sqlite3_exec(r->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
    set_err(err, n, "cannot lock the register", sqlite3_errmsg(r->db));
    return -1;
  }
  v = query_int(r->db, "PRAGMA user_version");
  const char *bad = NULL;
  if (v < 0) bad = "cannot read the schema version";
  else if (v > VB_REG_SCHEMA) bad = "the register was written by a newer vbcheck";
  else if (v == 0 && query_int(r->db, "SELECT count(*) FROM sqlite_schema") != 0)
    bad = "not a vbcheck register (the database already has tables)";
  char *emsg = NULL;
  for (long long i = v; !bad && i < VB_REG_SCHEMA; i++) {
    if (sqlite3_exec(r->db, migrations[i], NULL, NULL, &emsg) != SQLITE_OK) bad = "cannot create the schema";
  }
  if (bad) {
    set_err(err, n, bad, emsg);
    sqlite3_free(emsg);
    /* the error above is the one to report; closing the connection
     * rolls back anyway if this fails */
    (void)sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
  }
  if (sqlite3_exec(r->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
    set_err(err, n, "cannot write the schema", sqlite3_errmsg(r->db));
    (void)sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL); /* as above */
    return -1;
  }
  return 0;
}

/* The PRAGMAs a write connection needs, in order: the busy timeout first
 * so that the others wait for a concurrent opener instead of failing. */
static int setup_write(vb_reg *r, int busy_ms, char *err, size_t n) {
  sqlite3_stmt *st = NULL;
  sqlite3_busy_timeout(r->db, busy_ms);
  /* journal_mode answers with the mode in force */
  const unsigned char *mode = NULL;
  if (sqlite3_prepare_v2(r->db, "PRAGMA journal_mode = WAL", -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    mode = sqlite3_column_text(st, 0);
  int ok = mode && !strcmp((const char *)mode, "wal");
  sqlite3_finalize(st);
  if (!ok) {
    set_err(err, n, "cannot switch the register to WAL mode", sqlite3_errmsg(r->db));
    return -1;
  }
  /* WAL + NORMAL: a commit survives the process being killed (it is in
   * the WAL file); only a power cut can lose the last commits. */
  if (sqlite3_exec(r->db, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK) {
    set_err(err, n, "cannot configure the register", sqlite3_errmsg(r->db));
    return -1;
  }
  return migrate(r, err, n);
}

static int setup_read(vb_reg *r, int busy_ms, char *err, size_t n) {
  sqlite3_busy_timeout(r->db, busy_ms);
  if (sqlite3_exec(r->db, "PRAGMA query_only = ON", NULL, NULL, NULL) != SQLITE_OK) {
    set_err(err, n, "cannot open the register", sqlite3_errmsg(r->db));
    return -1;
  }
  long long v = query_int(r->db, "PRAGMA user_version");
  long long app = query_int(r->db, "PRAGMA application_id");
  if (v < 0) {
    set_err(err, n, "cannot read the register", sqlite3_errmsg(r->db));
    return -1;
  }
  if (app != VB_REG_APP_ID) {
    set_err(err, n, "not a vbcheck register", NULL);
    return -1;
  }
  if (v > VB_REG_SCHEMA) {
    set_err(err, n, "the register was written by a newer vbcheck", NULL);
    return -1;
  }
  if (v < VB_REG_SCHEMA) {
    set_err(err, n, "the register has an older schema (run vbcheck index to update it)", NULL);
    return -1;
  }
  return 0;
}

vb_reg *vb_reg_open(const char *path, vb_reg_mode mode, int busy_ms, char *err, size_t n) {
  /* workers hold one connection each, in their own threads */
  if (!sqlite3_threadsafe()) {
    set_err(err, n, "SQLite was built without thread support", NULL);
    return NULL;
  }
  vb_reg *r = calloc(1, sizeof *r);
  if (!r) {
    set_err(err, n, "out of memory", NULL);
    return NULL;
  }
  r->mode = mode;
  /* NOMUTEX: a connection is used by one thread only */
  int flags = SQLITE_OPEN_NOMUTEX |
              (mode == VB_REG_WRITE ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY);
  int rc = sqlite3_open_v2(path, &r->db, flags, NULL);
  if (rc != SQLITE_OK) {
    set_err(err, n, "cannot open the register", r->db ? sqlite3_errmsg(r->db) : sqlite3_errstr(rc));
    vb_reg_close(r);
    return NULL;
  }
  sqlite3_extended_result_codes(r->db, 1);
  if ((mode == VB_REG_WRITE ? setup_write : setup_read)(r, busy_ms, err, n)) {
    vb_reg_close(r);
    return NULL;
  }
  return r;
}

void vb_reg_close(vb_reg *r) {
  if (!r) return;
  for (size_t i = 0; i < NSTMT; i++) sqlite3_finalize(r->stmt[i]);
  /* close_v2: a still-running statement cannot keep the connection open */
  sqlite3_close_v2(r->db);
  free(r);
}

const char *vb_reg_errmsg(const vb_reg *r) { return r->msg[0] ? r->msg : sqlite3_errmsg(r->db); }

static int exec(vb_reg *r, const char *sql) {
  if (sqlite3_exec(r->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
    snprintf(r->msg, sizeof r->msg, "%s", sqlite3_errmsg(r->db));
    return -1;
  }
  return 0;
}

int vb_reg_begin(vb_reg *r) {
  r->msg[0] = '\0';
  if (r->mode != VB_REG_WRITE) {
    snprintf(r->msg, sizeof r->msg, "the register is open read-only");
    return -1;
  }
  return exec(r, "BEGIN IMMEDIATE");
}

int vb_reg_commit(vb_reg *r) {
  r->msg[0] = '\0';
  return exec(r, "COMMIT");
}

int vb_reg_rollback(vb_reg *r) {
  r->msg[0] = '\0';
  /* nothing to undo is not an error */
  if (sqlite3_get_autocommit(r->db)) return 0;
  return exec(r, "ROLLBACK");
}

sqlite3_stmt *vb_reg_stmt(vb_reg *r, const char *name) {
  r->msg[0] = '\0';
  for (size_t i = 0; i < NSTMT; i++) {
    if (strcmp(statements[i].name, name)) continue;
    if (!r->stmt[i] && sqlite3_prepare_v3(r->db, statements[i].sql, -1, SQLITE_PREPARE_PERSISTENT, &r->stmt[i],
                                          NULL) != SQLITE_OK) {
      snprintf(r->msg, sizeof r->msg, "%s: %s", name, sqlite3_errmsg(r->db));
      r->stmt[i] = NULL;
      return NULL;
    }
    if (r->mode == VB_REG_READ && !sqlite3_stmt_readonly(r->stmt[i])) {
      snprintf(r->msg, sizeof r->msg, "%s: the register is open read-only", name);
      return NULL;
    }
    sqlite3_reset(r->stmt[i]);
    sqlite3_clear_bindings(r->stmt[i]);
    return r->stmt[i];
  }
  snprintf(r->msg, sizeof r->msg, "no statement called '%s'", name);
  return NULL;
}

int vb_reg_integrity(vb_reg *r, char *out, size_t n) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(r->db, "PRAGMA integrity_check(20)", -1, &st, NULL) != SQLITE_OK) {
    snprintf(r->msg, sizeof r->msg, "%s", sqlite3_errmsg(r->db));
    return -1;
  }
  size_t len = 0;
  if (n) out[0] = '\0';
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *s = (const char *)sqlite3_column_text(st, 0);
    if (len + 1 >= n) continue; /* full: keep stepping to the end */
    int w = snprintf(out + len, n - len, "%s%s", len ? "; " : "", s ? s : "");
    if (w > 0) len = (size_t)w >= n - len ? n - 1 : len + (size_t)w;
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    snprintf(r->msg, sizeof r->msg, "%s", sqlite3_errmsg(r->db));
    return -1;
  }
  return 0;
}
