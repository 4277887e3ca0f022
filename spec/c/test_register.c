/* The register (core/store) and SHA-256 (core/util/sha256). */
#include <stdlib.h>
#include <unistd.h>

#include "../../core/store/register.h"
#include "../../core/util/sha256.h"
#include "check.h"

static void sha_vectors(void) {
  char hex[65];
  /* FIPS 180-4 examples and the empty string */
  vb_sha256_hex("", 0, hex);
  CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  vb_sha256_hex("abc", 3, hex);
  CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"; /* 448 bits: padding spills */
  vb_sha256_hex(two, strlen(two), hex);
  CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  /* one million 'a' fed in uneven pieces */
  vb_sha256 c;
  vb_sha256_init(&c);
  char a[1000];
  memset(a, 'a', sizeof a);
  size_t fed = 0, step = 1;
  while (fed < 1000000) {
    size_t k = step < 1000000 - fed ? step : 1000000 - fed;
    if (k > sizeof a) k = sizeof a;
    vb_sha256_update(&c, a, k);
    fed += k;
    step = step * 7 % 997 + 1;
  }
  unsigned char d[32];
  vb_sha256_final(&c, d);
  vb_sha256_tohex(d, hex);
  CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  /* 55 and 56 bytes: the length fits, or needs another block */
  vb_sha256_hex(a, 55, hex);
  CHECK_STR(hex, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  vb_sha256_hex(a, 56, hex);
  CHECK_STR(hex, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
}

static sqlite3_stmt *bind_text(vb_reg *r, const char *name, const char *param, const char *v) {
  sqlite3_stmt *st = vb_reg_stmt(r, name);
  if (st) sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, param), v, -1, SQLITE_TRANSIENT);
  return st;
}

static long long count(const char *path, const char *sql) {
  sqlite3 *db;
  sqlite3_stmt *st;
  long long n = -1;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
    if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return n;
}

static void reg(const char *dir) {
  char path[512], err[256];
  snprintf(path, sizeof path, "%s/r.db", dir);
  /* reading a register that does not exist fails with a message */
  CHECK(vb_reg_open(path, VB_REG_READ, 100, err, sizeof err) == NULL);
  CHECK(strstr(err, "cannot open") != NULL);

  vb_reg *w = vb_reg_open(path, VB_REG_WRITE, 1000, err, sizeof err);
  CHECK(w != NULL);
  if (!w) return;
  CHECK_INT(count(path, "PRAGMA user_version"), VB_REG_SCHEMA);
  CHECK_INT(count(path, "PRAGMA application_id"), VB_REG_APP_ID);
  CHECK(vb_reg_stmt(w, "no such statement") == NULL);
  CHECK(strstr(vb_reg_errmsg(w), "no statement") != NULL);

  /* a document with a finding, in one transaction */
  CHECK_INT(vb_reg_begin(w), 0);
  sqlite3_stmt *st = bind_text(w, "doc_insert", ":path", "a.txt");
  sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":hash"), "h", -1, SQLITE_STATIC);
  sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":cache_key"), "k", -1, SQLITE_STATIC);
  sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":ran"), "r", -1, SQLITE_STATIC);
  CHECK_INT(sqlite3_step(st), SQLITE_DONE);
  sqlite3_int64 id = sqlite3_last_insert_rowid(sqlite3_db_handle(st));
  st = vb_reg_stmt(w, "finding_insert");
  sqlite3_bind_int64(st, 1, id);
  for (int i = 2; i <= sqlite3_bind_parameter_count(st); i++) sqlite3_bind_int(st, i, 1);
  sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":severity"), "error", -1, SQLITE_STATIC);
  CHECK_INT(sqlite3_step(st), SQLITE_DONE);
  /* a finding for a document that does not exist: foreign keys are on */
  st = vb_reg_stmt(w, "finding_insert");
  sqlite3_bind_int64(st, 1, id + 100);
  for (int i = 2; i <= sqlite3_bind_parameter_count(st); i++) sqlite3_bind_int(st, i, 1);
  sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":severity"), "error", -1, SQLITE_STATIC);
  CHECK_INT(sqlite3_step(st), SQLITE_CONSTRAINT_FOREIGNKEY);
  CHECK_INT(vb_reg_commit(w), 0);
  CHECK_INT(count(path, "SELECT count(*) FROM finding"), 1);

  /* a reader sees it and cannot write */
  vb_reg *rd = vb_reg_open(path, VB_REG_READ, 1000, err, sizeof err);
  CHECK(rd != NULL);
  if (rd) {
    st = bind_text(rd, "doc_get", ":path", "a.txt");
    CHECK(st && sqlite3_step(st) == SQLITE_ROW);
    CHECK(vb_reg_stmt(rd, "doc_delete") == NULL);
    CHECK(strstr(vb_reg_errmsg(rd), "read-only") != NULL);
    CHECK_INT(vb_reg_begin(rd), -1);
    char ok[64];
    CHECK_INT(vb_reg_integrity(rd, ok, sizeof ok), 0);
    CHECK_STR(ok, "ok");
    vb_reg_close(rd);
  }

  /* a rolled-back delete keeps the rows; a committed one cascades */
  CHECK_INT(vb_reg_begin(w), 0);
  st = bind_text(w, "doc_delete", ":path", "a.txt");
  CHECK_INT(sqlite3_step(st), SQLITE_DONE);
  CHECK_INT(vb_reg_rollback(w), 0);
  CHECK_INT(count(path, "SELECT count(*) FROM finding"), 1);
  CHECK_INT(vb_reg_rollback(w), 0); /* nothing open: fine */
  CHECK_INT(vb_reg_begin(w), 0);
  st = bind_text(w, "doc_delete", ":path", "a.txt");
  CHECK_INT(sqlite3_step(st), SQLITE_DONE);
  CHECK_INT(vb_reg_commit(w), 0);
  CHECK_INT(count(path, "SELECT count(*) FROM finding"), 0);
  vb_reg_close(w);

  /* reopening does not migrate again */
  w = vb_reg_open(path, VB_REG_WRITE, 1000, err, sizeof err);
  CHECK(w != NULL);
  vb_reg_close(w);

  /* a register from a newer vbcheck, and a database that is not ours */
  sqlite3 *db;
  CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
  CHECK_INT(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(db);
  CHECK(vb_reg_open(path, VB_REG_WRITE, 1000, err, sizeof err) == NULL);
  CHECK(strstr(err, "newer") != NULL);
  CHECK(vb_reg_open(path, VB_REG_READ, 1000, err, sizeof err) == NULL);
  CHECK(strstr(err, "newer") != NULL);

  snprintf(path, sizeof path, "%s/other.db", dir);
  CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
  CHECK_INT(sqlite3_exec(db, "CREATE TABLE t (x)", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(db);
  CHECK(vb_reg_open(path, VB_REG_WRITE, 1000, err, sizeof err) == NULL);
  CHECK(strstr(err, "not a vbcheck register") != NULL);
  CHECK(vb_reg_open(path, VB_REG_READ, 1000, err, sizeof err) == NULL);
  CHECK(strstr(err, "not a vbcheck register") != NULL);
  CHECK_INT(count(path, "SELECT count(*) FROM sqlite_schema"), 1); /* untouched */
}

int main(void) {
  sha_vectors();
  char dir[] = "/tmp/vbreg-XXXXXX";
  if (!mkdtemp(dir)) return 1;
  reg(dir);
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
  return CHECK_DONE();
}
