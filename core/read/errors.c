/* errors.c: user-facing messages for read errors, Vietnamese and English. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../include/vbcheck.h"

const char *vb_strerror(const vb_error *err, vb_lang lang, char *buf, size_t n) {
  int en = lang == VB_LANG_EN;
  switch (err->code) {
  case VB_OK:
    snprintf(buf, n, "%s", en ? "no error" : "không có lỗi");
    break;
  case VB_ENOMEM:
    snprintf(buf, n, "%s", en ? "out of memory" : "hết bộ nhớ");
    break;
  case VB_ENOENT:
    snprintf(buf, n, "%s", en ? "no such file" : "không tìm thấy tệp");
    break;
  case VB_EISDIR:
    snprintf(buf, n, "%s", en ? "is a directory, not a file" : "là thư mục, không phải tệp");
    break;
  case VB_EACCES:
    snprintf(buf, n, "%s", en ? "permission denied" : "không có quyền đọc tệp");
    break;
  case VB_EIO:
    snprintf(buf, n, en ? "read error: %s" : "lỗi đọc tệp: %s", strerror(err->sys_errno));
    break;
  case VB_EUTF8:
    snprintf(buf, n,
             en ? "not valid UTF-8 at byte %zu (legacy TCVN3/VNI/Windows-1258 text? "
                  "save it as UTF-8)"
                : "không phải UTF-8 hợp lệ tại byte %zu (văn bản mã TCVN3/VNI/"
                  "Windows-1258? hãy lưu lại dạng UTF-8)",
             err->offset);
    break;
  case VB_EUTF16:
    snprintf(buf, n, en ? "invalid UTF-16 at byte %zu" : "UTF-16 không hợp lệ tại byte %zu",
             err->offset);
    break;
  case VB_EBINARY:
    snprintf(buf, n,
             en ? "binary content (NUL byte at %zu), not a text document"
                : "tệp nhị phân (byte NUL tại vị trí %zu), không phải văn bản",
             err->offset);
    break;
  case VB_ETOOBIG:
    snprintf(buf, n,
             en ? "file larger than the %zu MiB limit"
                : "tệp lớn hơn giới hạn %zu MiB",
             VB_MAX_INPUT / (1024 * 1024));
    break;
  case VB_EFORMAT:
    snprintf(buf, n, en ? "cannot read this file format%s%s"
                        : "không đọc được định dạng tệp này%s%s",
             err->detail[0] ? ": " : "", err->detail);
    break;
  }
  return buf;
}

vb_format vb_format_from_path(const char *path) {
  const char *dot = strrchr(path, '.');
  const char *slash = strrchr(path, '/');
  if (!dot || (slash && dot < slash)) return VB_FORMAT_TEXT;
  if (!strcasecmp(dot, ".md") || !strcasecmp(dot, ".markdown")) return VB_FORMAT_MARKDOWN;
  if (!strcasecmp(dot, ".docx")) return VB_FORMAT_DOCX;
  return VB_FORMAT_TEXT;
}

const char *vb_format_name(vb_format f) {
  switch (f) {
  case VB_FORMAT_MARKDOWN: return "markdown";
  case VB_FORMAT_DOCX: return "docx";
  default: return "text";
  }
}
