/* errors.c: user-facing messages for read errors, Vietnamese and English. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../include/vbcheck.h"
#include "docx.h"

/* VB_EFORMAT: what is wrong with the container and what to do. */
static void format_error(const vb_error *err, int en, char *buf, size_t n) {
  const char *d = err->detail;
  switch (err->reason) {
  case VB_FMTERR_ZIP:
    snprintf(buf, n, en ? "damaged .docx: not a readable zip package (%s)"
                        : "tệp .docx bị hỏng: không phải gói nén ZIP đọc được (%s)", d);
    break;
  case VB_FMTERR_BOMB:
    snprintf(buf, n, en ? "suspicious .docx: part %s expands beyond the limits (%zu MiB in all, %d times "
                          "its compressed size): a zip bomb?"
                        : "tệp .docx bất thường: phần %s giải nén vượt giới hạn (tổng %zu MiB, gấp %d lần "
                          "cỡ nén): nghi là zip bomb",
             d, VB_MAX_PACKAGE / (1024 * 1024), VB_DOCX_MAX_RATIO);
    break;
  case VB_FMTERR_NODOC:
    snprintf(buf, n, en ? "not a Word document: the package has no main document part (%s)"
                        : "không phải văn bản Word: gói .docx thiếu phần nội dung chính (%s)", d);
    break;
  case VB_FMTERR_XML:
    snprintf(buf, n, en ? "damaged .docx: malformed XML in %s" : "tệp .docx bị hỏng: XML sai cú pháp ở %s", d);
    break;
  case VB_FMTERR_DTD:
    snprintf(buf, n, en ? "refused .docx: %s declares a DOCTYPE or XML entities, which no Word file has "
                          "(possible XXE or billion-laughs attack); nothing was resolved"
                        : "từ chối tệp .docx: %s có khai báo DOCTYPE hoặc thực thể XML, tệp Word thật không có "
                          "(nghi tấn công XXE hoặc billion laughs); không thực thể nào được giải",
             d);
    break;
  case VB_FMTERR_ENCRYPTED:
    snprintf(buf, n, "%s",
             en ? "the document is password-protected (encrypted): remove the password in Word "
                  "(File > Info > Protect Document > Encrypt with Password) and check it again"
                : "văn bản được bảo vệ bằng mật khẩu (đã mã hóa): hãy gỡ mật khẩu trong Word (Tệp > "
                  "Thông tin > Bảo vệ tài liệu > Mã hóa bằng mật khẩu) rồi kiểm tra lại");
    break;
  case VB_FMTERR_DOC:
    snprintf(buf, n, "%s",
             en ? "an old binary Word document (.doc), not .docx: open it in Word and save it as .docx "
                  "(File > Save As > Word Document)"
                : "văn bản Word định dạng cũ (.doc nhị phân), không phải .docx: hãy mở bằng Word và lưu "
                  "lại dạng .docx (Tệp > Lưu thành > Word Document)");
    break;
  case VB_FMTERR_OLE:
    snprintf(buf, n, "%s",
             en ? "a binary Office file (OLE: .xls, .ppt, ...), not a Word .docx document"
                : "tệp Office nhị phân (OLE: .xls, .ppt, ...), không phải văn bản Word .docx");
    break;
  case VB_FMTERR_SPECIAL:
    snprintf(buf, n, "%s",
             en ? "not a regular file (a FIFO, device or socket): only files are read"
                : "không phải tệp thông thường (FIFO, thiết bị hoặc socket): chỉ đọc tệp");
    break;
  default:
    /* detail names the format recognised from its first bytes (reader.c) */
    if (d[0])
      snprintf(buf, n, en ? "not a text document but a %s file: save the document as .txt (UTF-8) or .docx"
                          : "không phải văn bản chữ mà là tệp %s: hãy lưu văn bản dạng .txt (UTF-8) hoặc .docx",
               d);
    else
      snprintf(buf, n, "%s", en ? "cannot read this file format" : "không đọc được định dạng tệp này");
  }
}

/* VB_EIO: the errors a walk over untrusted folders meets get a sentence in
 * the user's language (strerror is English whatever --lang says); the rest
 * keep strerror's text. */
static void io_error(int e, int en, char *buf, size_t n) {
  switch (e) {
  case ENAMETOOLONG:
    snprintf(buf, n, en ? "path too long (over %d bytes): folders nested too deep to open; nothing "
                          "under it was checked, move the files to a shallower folder"
                        : "đường dẫn quá dài (quá %d byte): thư mục lồng quá sâu, không mở được; không tệp "
                          "nào bên trong được kiểm tra, hãy chuyển tệp lên thư mục nông hơn",
             PATH_MAX);
    break;
  case ELOOP:
    snprintf(buf, n, "%s",
             en ? "symbolic link loop (the link leads back to itself): nothing was read"
                : "vòng lặp liên kết tượng trưng (liên kết dẫn về chính nó): không đọc được gì");
    break;
  case ENOTDIR:
    snprintf(buf, n, "%s",
             en ? "a part of the path is not a folder" : "một phần của đường dẫn không phải thư mục");
    break;
  case EMFILE:
  case ENFILE:
    snprintf(buf, n, "%s",
             en ? "too many open files (system limit): try again with fewer jobs (-j)"
                : "quá nhiều tệp đang mở (giới hạn hệ thống): hãy chạy lại với ít luồng hơn (-j)");
    break;
  default:
    snprintf(buf, n, en ? "read error: %s" : "lỗi đọc tệp: %s", strerror(e));
  }
}

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
    io_error(err->sys_errno, en, buf, n);
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
    snprintf(buf, n,
             en ? "invalid UTF-16 at byte %zu (a lone surrogate or an odd number of bytes): save it as UTF-8"
                : "UTF-16 không hợp lệ tại byte %zu (nửa cặp thay thế đứng lẻ hoặc số byte lẻ): hãy lưu lại "
                  "dạng UTF-8",
             err->offset);
    break;
  case VB_EBINARY:
    snprintf(buf, n,
             en ? "binary content (NUL byte at %zu), not a text document"
                : "tệp nhị phân (byte NUL tại vị trí %zu), không phải văn bản",
             err->offset);
    break;
  case VB_ETOOBIG:
    if (err->reason == VB_TOOBIG_LINES) {
      snprintf(buf, n,
               en ? "too many lines: the limit is %zu lines (directives have a few thousand)"
                  : "quá nhiều dòng: giới hạn là %zu dòng (văn bản hành chính thường chỉ vài nghìn dòng)",
               VB_MAX_LINES);
      break;
    }
    snprintf(buf, n,
             en ? "too large: the limits are %zu MiB of text and %zu MiB for a .docx file (directives are "
                  "well under 1 MiB)"
                : "quá lớn: giới hạn là %zu MiB chữ và %zu MiB cho tệp .docx (văn bản hành chính thường dưới "
                  "1 MiB)",
             VB_MAX_INPUT / (1024 * 1024), VB_MAX_PACKAGE / (1024 * 1024));
    break;
  case VB_EFORMAT:
    format_error(err, en, buf, n);
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
