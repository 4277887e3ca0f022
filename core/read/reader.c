/* reader.c: read files and decode them to UTF-8, see reader.h. */
#include "reader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static vb_status fail(vb_error *err, vb_status code, size_t offset) {
  if (err) {
    err->code = code;
    err->offset = offset;
    err->sys_errno = 0;
    err->detail[0] = '\0';
    err->reason = 0;
  }
  return code;
}

static vb_status fail_errno(vb_error *err, int e) {
  vb_status code = e == ENOENT ? VB_ENOENT : e == EISDIR ? VB_EISDIR
                 : e == EACCES ? VB_EACCES : VB_EIO;
  fail(err, code, 0);
  if (err) err->sys_errno = e;
  return code;
}

vb_status vb_read_file(const char *path, vb_buf *out, vb_error *err) {
  out->len = 0;
  /* O_NONBLOCK: opening a FIFO (or a symlink to one) named like a document
   * must not wait for a writer forever; fstat on the opened descriptor then
   * refuses anything but a regular file (FIFO, device, socket), so the
   * checked file is the one stat saw. */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return fail_errno(err, errno);
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int e = errno;
    close(fd);
    return fail_errno(err, e);
  }
  if (S_ISDIR(st.st_mode)) {
    close(fd);
    return fail(err, VB_EISDIR, 0);
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    fail(err, VB_EFORMAT, 0);
    if (err) err->reason = VB_FMTERR_SPECIAL;
    return VB_EFORMAT;
  }
  /* refuse before reading; the loop below still stops a file that grows.
   * Only a .docx may exceed the text limit (vb_parse refuses any other
   * file past it), so a 50 MB text file is not read in full first. */
  size_t cap = vb_format_from_path(path) == VB_FORMAT_DOCX ? VB_MAX_PACKAGE : VB_MAX_INPUT;
  if ((unsigned long long)st.st_size > cap) {
    close(fd);
    return fail(err, VB_ETOOBIG, 0);
  }
  FILE *f = fdopen(fd, "rb");
  if (!f) {
    int e = errno;
    close(fd);
    return fail_errno(err, e);
  }
  char chunk[65536];
  for (;;) {
    size_t n = fread(chunk, 1, sizeof chunk, f);
    if (n > 0) {
      if (out->len + n > cap) {
        fclose(f);
        return fail(err, VB_ETOOBIG, out->len);
      }
      if (vb_buf_add(out, chunk, n)) {
        fclose(f);
        return fail(err, VB_ENOMEM, 0);
      }
    }
    if (n < sizeof chunk) {
      if (ferror(f)) {
        int e = errno ? errno : EIO;
        fclose(f);
        return fail_errno(err, e == EISDIR ? EISDIR : e);
      }
      break;
    }
  }
  fclose(f);
  if (vb_buf_cstr(out)) return fail(err, VB_ENOMEM, 0);
  return VB_OK;
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 when the
 * bytes there are not valid UTF-8 (overlong, surrogate, > U+10FFFF,
 * truncated). */
static size_t utf8_seq(const unsigned char *s, size_t n) {
  unsigned char c = s[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return (n >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
  if (c < 0xF0) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0; /* overlong */
    if (c == 0xED && s[1] >= 0xA0) return 0; /* surrogate */
    return 3;
  }
  if (c < 0xF5) {
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
        (s[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && s[1] < 0x90) return 0; /* overlong */
    if (c == 0xF4 && s[1] >= 0x90) return 0; /* > U+10FFFF */
    return 4;
  }
  return 0;
}

static vb_status validate_utf8(const char *p, size_t len, size_t base,
                               vb_error *err) {
  const unsigned char *s = (const unsigned char *)p;
  size_t i = 0;
  while (i < len) {
    unsigned char c = s[i];
    if (c < 0x80) {
      if (c == 0) return fail(err, VB_EBINARY, base + i);
      i++;
      continue;
    }
    size_t k = utf8_seq(s + i, len - i);
    if (!k) return fail(err, VB_EUTF8, base + i);
    i += k;
  }
  return VB_OK;
}

static int put_utf8(vb_buf *out, uint32_t cp) {
  char b[4];
  size_t n;
  if (cp < 0x80) {
    b[0] = (char)cp;
    n = 1;
  } else if (cp < 0x800) {
    b[0] = (char)(0xC0 | (cp >> 6));
    b[1] = (char)(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    b[0] = (char)(0xE0 | (cp >> 12));
    b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[2] = (char)(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    b[0] = (char)(0xF0 | (cp >> 18));
    b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  }
  return vb_buf_add(out, b, n);
}

static vb_status decode_utf16(const unsigned char *s, size_t len, int big,
                              vb_buf *out, vb_error *err) {
  if (len % 2) return fail(err, VB_EUTF16, len - 1 + 2);
  for (size_t i = 0; i < len; i += 2) {
    uint32_t u = big ? ((uint32_t)s[i] << 8 | s[i + 1])
                     : ((uint32_t)s[i + 1] << 8 | s[i]);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 >= len) return fail(err, VB_EUTF16, i + 2);
      uint32_t v = big ? ((uint32_t)s[i + 2] << 8 | s[i + 3])
                       : ((uint32_t)s[i + 3] << 8 | s[i + 2]);
      if (v < 0xDC00 || v > 0xDFFF) return fail(err, VB_EUTF16, i + 2);
      u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      return fail(err, VB_EUTF16, i + 2);
    } else if (u == 0) {
      return fail(err, VB_EBINARY, i + 2);
    }
    if (put_utf8(out, u)) return fail(err, VB_ENOMEM, 0);
  }
  return VB_OK;
}

/* Common binary formats by their first bytes: a PDF or image saved as .txt
 * is named, not blamed on a legacy Vietnamese encoding. */
static const char *magic(const unsigned char *s, size_t len) {
  static const struct {
    const char *sig;
    size_t n;
    const char *name;
  } m[] = {{"%PDF-", 5, "PDF"},
           {"PK\x03\x04", 4, "ZIP (.docx, .xlsx, .odt...)"},
           {"\x89PNG", 4, "PNG"},
           {"\xFF\xD8\xFF", 3, "JPEG"},
           {"GIF8", 4, "GIF"},
           {"\x7F" "ELF", 4, "ELF"},
           {"{\\rtf", 5, "RTF"}};
  for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
    if (len >= m[i].n && !memcmp(s, m[i].sig, m[i].n)) return m[i].name;
  return NULL;
}

vb_status vb_decode(const char *bytes, size_t len, vb_buf *out, vb_error *err) {
  const unsigned char *s = (const unsigned char *)bytes;
  out->len = 0;
  vb_status st;
  const char *kind = magic(s, len);
  if (kind) {
    fail(err, VB_EFORMAT, 0);
    if (err) snprintf(err->detail, sizeof err->detail, "%s", kind);
    return VB_EFORMAT;
  }
  /* a NUL anywhere means binary (grep and git decide so too), whatever
   * invalid UTF-8 comes first: random bytes would otherwise be reported as
   * text in a legacy encoding. UTF-16 has its BOM checked first. */
  const unsigned char *nul = memchr(s, 0, len);
  int utf16 = len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF));
  if (nul && !utf16) return fail(err, VB_EBINARY, (size_t)(nul - s));
  if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
    st = decode_utf16(s + 2, len - 2, 0, out, err);
  } else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
    st = decode_utf16(s + 2, len - 2, 1, out, err);
  } else {
    size_t skip = (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) ? 3 : 0;
    st = validate_utf8(bytes + skip, len - skip, skip, err);
    if (st == VB_OK && vb_buf_add(out, bytes + skip, len - skip))
      st = fail(err, VB_ENOMEM, 0);
  }
  if (st == VB_OK && vb_buf_cstr(out)) st = fail(err, VB_ENOMEM, 0);
  if (st == VB_OK) st = vb_check_lines(out->data, out->len, err);
  return st;
}

vb_status vb_check_lines(const char *s, size_t len, vb_error *err) {
  /* line ends as the normaliser counts them: LF, CRLF, lone CR */
  size_t lines = 1;
  const char *end = s + len;
  for (const char *q = s; q < end; q++) {
    if (*q == '\n' || (*q == '\r' && (q + 1 == end || q[1] != '\n'))) {
      if (++lines > VB_MAX_LINES) {
        fail(err, VB_ETOOBIG, (size_t)(q - s));
        if (err) err->reason = VB_TOOBIG_LINES;
        return VB_ETOOBIG;
      }
    }
  }
  return VB_OK;
}
