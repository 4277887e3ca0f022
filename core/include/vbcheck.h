/* vbcheck.h: the public C interface of the vbcheck core.
 *
 * Data flows one way: read (bytes -> UTF-8) -> normalise (NFC text and a
 * folded copy) -> segment (zones, cells) -> model (elements). The Lua bridge
 * turns the model into Lua tables; rules and reports work from there.
 *
 * Every function that can fail returns a vb_status and fills a vb_error;
 * none aborts or prints. */
#ifndef VBCHECK_H
#define VBCHECK_H

#include <stddef.h>

#define VB_VERSION "0.1.0"

/* Largest text accepted, in bytes: a text file, or the text of a .docx
 * (documented in README). Directives are well under
 * 1 MiB; the limit bounds memory and time per document. */
#define VB_MAX_INPUT ((size_t)16 * 1024 * 1024)

/* Most lines accepted (text lines, or a .docx's paragraphs). Each line
 * costs ~200 bytes of line facts before any rule runs, so 16 MiB of bare
 * newlines would take 3 GB and 15 s; a directive has a few thousand
 * lines and 16 MiB of ordinary text under 400 000. Refused as VB_ETOOBIG
 * with reason VB_TOOBIG_LINES. */
#define VB_MAX_LINES ((size_t)1 << 20)
#define VB_TOOBIG_LINES 1

/* Largest .docx file, and the most its parts may unpack to in all. */
#define VB_MAX_PACKAGE ((size_t)64 * 1024 * 1024)

typedef enum vb_status {
  VB_OK = 0,
  VB_ENOMEM,   /* out of memory */
  VB_ENOENT,   /* no such file */
  VB_EISDIR,   /* path is a directory */
  VB_EACCES,   /* permission denied */
  VB_EIO,      /* other read error (errno in sys_errno) */
  VB_EUTF8,    /* invalid UTF-8 at offset */
  VB_EUTF16,   /* invalid UTF-16 (lone surrogate, odd length) at offset */
  VB_EBINARY,  /* NUL or other binary bytes at offset */
  VB_ETOOBIG,  /* larger than VB_MAX_INPUT */
  VB_EFORMAT   /* a container that cannot be read (see vb_error.reason) */
} vb_status;

/* Why a container could not be read: vb_error.reason with VB_EFORMAT. */
typedef enum vb_format_error {
  VB_FMTERR_NONE = 0,  /* unspecified: detail names the format */
  VB_FMTERR_ZIP,       /* .docx: not a zip archive, or a damaged one (detail: why) */
  VB_FMTERR_BOMB,      /* .docx: a part expands beyond the limits (detail: the part) */
  VB_FMTERR_NODOC,     /* .docx: no main document part (word/document.xml) */
  VB_FMTERR_XML,       /* .docx: malformed XML (detail: part, line, what) */
  VB_FMTERR_DTD,       /* .docx: a DOCTYPE or entity declaration (XXE, billion laughs) */
  VB_FMTERR_ENCRYPTED, /* a password-protected (encrypted) Office package */
  VB_FMTERR_DOC,       /* legacy binary Word (.doc) */
  VB_FMTERR_OLE,       /* another OLE compound file (.xls, .ppt, ...) */
  VB_FMTERR_SPECIAL    /* not a regular file: a FIFO, device or socket */
} vb_format_error;

typedef struct vb_error {
  vb_status code;
  size_t offset;   /* byte offset in the input for encoding errors */
  int sys_errno;   /* errno for VB_EIO */
  char detail[96]; /* optional short detail, may be empty */
  int reason;      /* vb_format_error, with VB_EFORMAT; VB_TOOBIG_LINES or 0 with VB_ETOOBIG */
} vb_error;

/* Language of user messages. */
typedef enum vb_lang { VB_LANG_VI = 0, VB_LANG_EN = 1 } vb_lang;

/* Input formats. */
typedef enum vb_format {
  VB_FORMAT_TEXT = 0,
  VB_FORMAT_MARKDOWN,
  VB_FORMAT_DOCX
} vb_format;

/* Write a one-line message for err into buf (size n) in lang; returns buf. */
const char *vb_strerror(const vb_error *err, vb_lang lang, char *buf, size_t n);

/* The format implied by a path's extension (.md/.markdown -> markdown,
 * .docx -> docx, anything else -> text). */
vb_format vb_format_from_path(const char *path);

/* Name of a format as used in the model: "text", "markdown", "docx". */
const char *vb_format_name(vb_format f);

#endif
