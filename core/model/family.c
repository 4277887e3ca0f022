/* family.c: state (NĐ 30/2020) or party (HD 36-HD/VPTW) document.
 *
 * Each cue votes (norms.md §2.5); the national header outweighs the rest
 * because drafts borrow forms (a party document typed by a state office
 * may carry "Số:" and "- Lưu: VT"). */
#include <string.h>

#include "../parse/internal.h"

void vb_parse_family(vb_parser *p) {
  vb_doc *d = &p->doc;
  int state = 0, party = 0;
  if (d->national && d->national->text) {
    if (!strcmp(d->national->kind, "party")) party += 6;
    else state += 6;
  } else if (d->national && d->national->motto) {
    state += 4;
  }
  if (d->number && d->number->form) {
    if (!strcmp(d->number->form, "party")) party += 2;
    else state += 2;
  }
  if (d->signature) {
    for (size_t i = 0; i < d->signature->nauthority; i++) {
      const char *pre = d->signature->authority[i].prefix;
      if (strchr(pre, '/')) party += 2;
      else if (strchr(pre, '.')) state += 2;
    }
  }
  if (d->recipients && d->recipients->archive) {
    p->tmp.len = 0;
    const char *t = d->recipients->archive->text;
    vb_fold_str(&p->folder, t, strlen(t), &p->tmp);
    if (vb_fold_find(p->tmp.data, p->tmp.len, "van phong") >= 0 || vb_fold_find(p->tmp.data, p->tmp.len, "vptu") >= 0 ||
        vb_fold_find(p->tmp.data, p->tmp.len, "vphu") >= 0)
      party += 1;
    else if (vb_fold_find(p->tmp.data, p->tmp.len, "vt") >= 0)
      state += 1;
  }
  if (d->issuer && d->issuer->name) {
    p->tmp.len = 0;
    vb_fold_str(&p->folder, d->issuer->name, strlen(d->issuer->name), &p->tmp);
    const char *f = p->tmp.data;
    size_t n = p->tmp.len;
    if (vb_fold_find(f, n, "dang") >= 0 || vb_fold_find(f, n, "tinh uy") >= 0 ||
        vb_fold_find(f, n, "huyen uy") >= 0 || vb_fold_find(f, n, "thanh uy") >= 0 ||
        vb_fold_find(f, n, "dang uy") >= 0)
      party += 1;
    else if (vb_fold_find(f, n, "uy ban nhan dan") >= 0 || vb_fold_find(f, n, "ubnd") >= 0 ||
             vb_fold_starts(f, n, "so") || vb_fold_starts(f, n, "bo"))
      state += 1;
  }
  d->family = party > state ? "party" : state > party ? "state" : "unknown";
}
