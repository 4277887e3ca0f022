/* pool.c: `vbcheck check` over many files: N workers, each with its own
 * Lua state and checking session, claim files in order; the main thread
 * writes each file's report chunk as soon as it and every file before it
 * are done. Workers stay at most WINDOW files ahead of the writer, so
 * memory does not grow with the number of files, and the output is the
 * same bytes whatever N is. */
#include <lauxlib.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../util/buf.h"
#include "cli.h"

enum { N_COUNTS = 5 }; /* errors, warnings, infos, unreadable, rule errors */

typedef struct result {
  char *out, *err; /* malloc'd chunks, may be NULL */
  size_t out_len, err_len;
  size_t counts[N_COUNTS];
  int state; /* 0 pending, 1 done, -1 failed */
} result;

typedef struct worker {
  lua_State *L;
  int session; /* stack index of the session object */
} worker;

typedef struct pool {
  const vb_opts *o;
  const char *today;
  int color;
  char **files;
  size_t nfiles;
  size_t window;  /* ring size: how far workers may run ahead */
  result *ring;
  size_t claimed; /* next file to hand out */
  size_t written; /* next file to write */
  int abort;
  pthread_mutex_t mu;
  pthread_cond_t done;  /* a result arrived */
  pthread_cond_t space; /* the writer moved on */
} pool;

/* Open a worker: a Lua state holding a session. 0 or -1 (printed). */
static int worker_open(worker *w, const pool *p) {
  w->L = vb_lua_open(p->o->lang);
  if (!w->L) return -1;
  lua_State *L = w->L;
  if (vb_lua_require(L, "vbcheck.session")) goto fail;
  lua_getfield(L, -1, "new");
  vb_lua_push_opts(L, p->o, p->today, p->color);
  if (vb_lua_call(L, 1, 2)) goto fail;
  if (lua_isnil(L, -2)) {
    fprintf(stderr, "vbcheck: %s\n", lua_tostring(L, -1));
    goto fail;
  }
  lua_pop(L, 1);
  w->session = lua_gettop(L);
  return 0;
fail:
  lua_close(L);
  w->L = NULL;
  return -1;
}

static void worker_close(worker *w) {
  if (w->L) lua_close(w->L);
  w->L = NULL;
}

static char *dup_chunk(lua_State *L, int idx, size_t *len) {
  size_t n = 0;
  const char *s = lua_tolstring(L, idx, &n);
  *len = 0;
  if (!s || !n) return NULL;
  char *c = malloc(n);
  if (!c) return NULL;
  memcpy(c, s, n);
  *len = n;
  return c;
}

/* session:method(...) returning one string into *out. 0 or -1. */
static int worker_text(worker *w, const char *method, vb_buf *out, const size_t *summary) {
  lua_State *L = w->L;
  lua_getfield(L, w->session, method);
  lua_pushvalue(L, w->session);
  int nargs = 1;
  if (summary) {
    static const char *const keys[] = {"files", "errors", "warnings", "infos", "unreadable", "rule_errors"};
    lua_createtable(L, 0, 6);
    for (int k = 0; k < 6; k++) {
      lua_pushinteger(L, (lua_Integer)summary[k]);
      lua_setfield(L, -2, keys[k]);
    }
    nargs = 2;
  }
  if (vb_lua_call(L, nargs, 1)) return -1;
  size_t n;
  const char *s = lua_tolstring(L, -1, &n);
  int rc = s && n ? vb_buf_add(out, s, n) : 0;
  lua_pop(L, 1);
  return rc;
}

/* Check files[i] into r. 0, or -1 when the session itself failed. */
static int worker_file(worker *w, const char *path, size_t i, result *r) {
  lua_State *L = w->L;
  int top = lua_gettop(L);
  lua_getfield(L, w->session, "file");
  lua_pushvalue(L, w->session);
  lua_pushstring(L, path);
  lua_pushinteger(L, (lua_Integer)i + 1);
  if (vb_lua_call(L, 3, 2 + N_COUNTS)) return -1;
  r->out = dup_chunk(L, top + 1, &r->out_len);
  r->err = dup_chunk(L, top + 2, &r->err_len);
  int oom = (!r->out && lua_rawlen(L, top + 1)) || (!r->err && lua_isstring(L, top + 2) && lua_rawlen(L, top + 2));
  for (int k = 0; k < N_COUNTS; k++) r->counts[k] = (size_t)lua_tointeger(L, top + 3 + k);
  lua_settop(L, top);
  /* the document and its findings are garbage now; collect at a steady
   * pace so that a worker's memory stays flat */
  lua_gc(L, LUA_GCSTEP, 0);
  if (oom) {
    fputs("vbcheck: out of memory\n", stderr);
    return -1;
  }
  return 0;
}

static void *worker_main(void *arg) {
  pool *p = arg;
  worker w = {0};
  int ok = worker_open(&w, p) == 0;
  for (;;) {
    pthread_mutex_lock(&p->mu);
    while (!p->abort && p->claimed < p->nfiles && p->claimed >= p->written + p->window)
      pthread_cond_wait(&p->space, &p->mu);
    if (p->abort || p->claimed >= p->nfiles) {
      pthread_mutex_unlock(&p->mu);
      break;
    }
    size_t i = p->claimed++;
    pthread_mutex_unlock(&p->mu);
    result r = {0};
    r.state = ok && worker_file(&w, p->files[i], i, &r) == 0 ? 1 : -1;
    if (r.state < 0) ok = 0; /* a broken state is not reused */
    pthread_mutex_lock(&p->mu);
    p->ring[i % p->window] = r;
    pthread_cond_broadcast(&p->done);
    pthread_mutex_unlock(&p->mu);
  }
  worker_close(&w);
  return NULL;
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* files done / total and rate, on one rewritten stderr line */
static void progress(const pool *p, size_t done, double t0, int final) {
  if (final) {
    fputs("\r\033[K", stderr);
    return;
  }
  double dt = now_s() - t0;
  fprintf(stderr, p->o->lang == VB_LANG_EN ? "\r%zu/%zu files, %.0f files/s\033[K" : "\r%zu/%zu tệp, %.0f tệp/s\033[K",
          done, p->nfiles, dt > 0 ? (double)done / dt : 0.0);
}

static int write_all(const char *s, size_t n, FILE *f) { return n && fwrite(s, 1, n, f) != n ? -1 : 0; }

int vb_check_files(const vb_opts *o, char **files, size_t nfiles, const char *today) {
  pool p = {0};
  p.o = o;
  p.today = today;
  p.files = files;
  p.nfiles = nfiles;
  p.color = o->color >= 0 ? o->color : (isatty(1) && !getenv("NO_COLOR"));
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  size_t jobs = o->jobs > 0 ? (size_t)o->jobs : cores > 0 ? (size_t)cores : 1;
  if (jobs > nfiles) jobs = nfiles ? nfiles : 1;

  /* The writer's own session checks the rule pack up front (a broken pack
   * is one message, not one per worker), writes the opening and closing
   * text, and with -j 1 does all the work. */
  worker main_w = {0};
  if (worker_open(&main_w, &p)) return 2;
  vb_buf out;
  vb_buf_init(&out);
  size_t sum[1 + N_COUNTS] = {nfiles, 0, 0, 0, 0, 0};
  int rc = 0;
  if (worker_text(&main_w, "begin", &out, NULL) || write_all(out.data, out.len, stdout)) rc = 2;
  out.len = 0;
  /* session.separator, written between two non-empty chunks: a copy of
   * any length (the Lua string is not kept on the stack) [-0, +0] */
  size_t sep_len = 0;
  lua_getfield(main_w.L, main_w.session, "separator");
  char *sep = dup_chunk(main_w.L, -1, &sep_len);
  if (!sep && lua_isstring(main_w.L, -1) && lua_rawlen(main_w.L, -1)) {
    fputs("vbcheck: out of memory\n", stderr);
    rc = 2;
  }
  lua_pop(main_w.L, 1);
  int wrote = 0;

  pthread_t *threads = NULL;
  size_t nthreads = 0;
  int threaded = jobs > 1 && rc == 0;
  if (threaded) {
    p.window = jobs * 8;
    p.ring = calloc(p.window, sizeof *p.ring);
    threads = calloc(jobs, sizeof *threads);
    if (!p.ring || !threads || pthread_mutex_init(&p.mu, NULL)) {
      fputs("vbcheck: out of memory\n", stderr);
      free(p.ring);
      free(threads);
      free(sep);
      worker_close(&main_w);
      vb_buf_free(&out);
      return 2;
    }
    pthread_cond_init(&p.done, NULL);
    pthread_cond_init(&p.space, NULL);
    for (; nthreads < jobs; nthreads++)
      if (pthread_create(&threads[nthreads], NULL, worker_main, &p)) break;
    if (!nthreads) threaded = 0; /* no thread at all: do the work here */
  }

  int show = isatty(2) && nfiles > 36;
  double t0 = now_s(), last = 0;
  for (size_t i = 0; i < nfiles && rc == 0; i++) {
    result r = {0};
    if (threaded) {
      pthread_mutex_lock(&p.mu);
      while (p.ring[i % p.window].state == 0) pthread_cond_wait(&p.done, &p.mu);
      r = p.ring[i % p.window];
      p.ring[i % p.window] = (result){0};
      p.written = i + 1;
      pthread_cond_broadcast(&p.space);
      pthread_mutex_unlock(&p.mu);
    } else {
      r.state = worker_file(&main_w, files[i], i, &r) == 0 ? 1 : -1;
    }
    if (r.state < 0) rc = 2;
    if (r.err) write_all(r.err, r.err_len, stderr);
    if (r.out && wrote && write_all(sep, sep_len, stdout)) rc = 2;
    if (r.out && write_all(r.out, r.out_len, stdout)) rc = 2;
    if (r.out) wrote = 1;
    for (int k = 0; k < N_COUNTS; k++) sum[1 + k] += r.counts[k];
    free(r.out);
    free(r.err);
    if (show && now_s() - last > 0.1) {
      last = now_s();
      progress(&p, i + 1, t0, 0);
    }
  }
  if (show) progress(&p, nfiles, t0, 1);

  if (threaded) {
    pthread_mutex_lock(&p.mu);
    p.abort = 1;
    pthread_cond_broadcast(&p.space);
    pthread_mutex_unlock(&p.mu);
    for (size_t t = 0; t < nthreads; t++) pthread_join(threads[t], NULL);
    for (size_t k = 0; k < p.window; k++) {
      free(p.ring[k].out);
      free(p.ring[k].err);
    }
    pthread_cond_destroy(&p.done);
    pthread_cond_destroy(&p.space);
    pthread_mutex_destroy(&p.mu);
  }
  free(p.ring);
  free(threads);
  free(sep);

  if (rc == 0) {
    if (worker_text(&main_w, "finish", &out, sum) || write_all(out.data, out.len, stdout)) rc = 2;
  }
  vb_buf_free(&out);
  worker_close(&main_w);
  if (fflush(stdout)) rc = 2;
  if (rc) return rc;
  if (sum[4] || sum[5]) return 2;
  return sum[1] ? 1 : 0;
}
