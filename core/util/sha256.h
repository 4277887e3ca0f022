/* sha256.h: SHA-256 (FIPS 180-4), for content digests in the register.
 *
 * Why a cryptographic digest and not a fast 64-bit hash: `check --cache`
 * replays a file's findings when its digest is unchanged, and the register
 * is often restored from a CI cache that a pull request can influence; a
 * document crafted to collide with a clean one must not inherit its clean
 * result. FNV or xxHash collisions can be built on purpose; SHA-256's
 * cannot. It costs ~30 us for a typical 8 KB document, far below parsing. */
#ifndef VB_SHA256_H
#define VB_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct vb_sha256 {
  uint32_t h[8];
  uint64_t len;          /* bytes hashed so far */
  unsigned char blk[64]; /* pending partial block */
  size_t nblk;
} vb_sha256;

/* Start a digest. */
void vb_sha256_init(vb_sha256 *c);

/* Hash n more bytes of p. */
void vb_sha256_update(vb_sha256 *c, const void *p, size_t n);

/* Finish: write the 32-byte digest to out; c must be re-initialised before reuse. */
void vb_sha256_final(vb_sha256 *c, unsigned char out[32]);

/* The digest of p[0..n) as 64 lowercase hex digits and a NUL in hex. */
void vb_sha256_hex(const void *p, size_t n, char hex[65]);

/* Write a 32-byte digest as 64 lowercase hex digits and a NUL. */
void vb_sha256_tohex(const unsigned char d[32], char hex[65]);

#endif
