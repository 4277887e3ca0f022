/* bridge.c: push the C model to Lua, see bridge.h. Every function notes
 * its stack effect as the Lua manual does: [-pop, +push, errors]. */
#include "bridge.h"

#include <lauxlib.h>
#include <stdio.h>

#include "../read/docx.h"

/* t[k] = s when s is not NULL. [-0, +0, m] */
static void set_str(lua_State *L, const char *k, const char *s) {
  if (!s) return;
  lua_pushstring(L, s);
  lua_setfield(L, -2, k);
}

static void set_int(lua_State *L, const char *k, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, k);
}

static void set_bool(lua_State *L, const char *k, int v) {
  lua_pushboolean(L, v);
  lua_setfield(L, -2, k);
}

/* line, column, end_line, end_column (prefix "" or e.g. "title_"). [-0, +0, m] */
static void set_span(lua_State *L, const vb_span *s, const char *prefix) {
  char k[32];
  if (!s->line) return;
  snprintf(k, sizeof k, "%sline", prefix);
  set_int(L, k, s->line);
  if (*prefix) return; /* secondary spans carry only their line */
  set_int(L, "column", s->column);
  set_int(L, "end_line", s->end_line);
  set_int(L, "end_column", s->end_column);
}

/* ---- .docx formatting (model.md §3, "Documents read from .docx") ---- */

/* A size in points from half-points: an integer when whole. [-0, +1, -] */
static void push_pt(lua_State *L, int half_pt) {
  if (half_pt % 2 == 0) lua_pushinteger(L, half_pt / 2);
  else lua_pushnumber(L, half_pt / 2.0);
}

/* Twips as millimetres, to a tenth. [-0, +1, -] */
static void push_mm(lua_State *L, long twips) {
  long long tenths = ((long long)twips * 254 + 720) / 1440; /* twips >= 0 */
  if (tenths % 10 == 0) lua_pushinteger(L, (lua_Integer)(tenths / 10));
  else lua_pushnumber(L, (double)tenths / 10.0);
}

/* t[k] = true/false for 1/0; a mixed (-1) property is left nil and its
 * name added to the list at index mixed. [-0, +0, m] */
static void set_tri(lua_State *L, const char *k, int v, int mixed) {
  if (v >= 0) {
    set_bool(L, k, v);
    return;
  }
  lua_pushstring(L, k);
  lua_rawseti(L, mixed, (lua_Integer)lua_rawlen(L, mixed) + 1);
}

/* t[key] = the formatting of span s, when the document is a .docx and
 * the span holds formatted text. [-0, +0, m] */
static void set_format(lua_State *L, const vb_doc *d, const vb_span *s, const char *key) {
  static const char *const align[VB_ALIGN_COUNT] = {"left", "center", "right", "justify"};
  if (!d->docx || !s->line) return;
  vb_docx_format f;
  if (!vb_docx_format_of(d->docx, d->text, s, &f)) return;
  luaL_checkstack(L, 6, "format");
  lua_createtable(L, 0, 12);
  set_str(L, "font", vb_docx_font_name(d->docx, f.font));
  lua_createtable(L, (int)f.nfonts, 0);
  for (size_t i = 0; i < f.nfonts; i++) {
    lua_pushstring(L, vb_docx_font_name(d->docx, f.fonts[i]));
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "fonts");
  if (f.half_pt) {
    push_pt(L, f.half_pt);
    lua_setfield(L, -2, "size");
    push_pt(L, f.min_half_pt);
    lua_setfield(L, -2, "size_min");
    push_pt(L, f.max_half_pt);
    lua_setfield(L, -2, "size_max");
  }
  lua_newtable(L);
  int mixed = lua_gettop(L);
  lua_pushvalue(L, -2); /* the format table on top */
  set_tri(L, "bold", f.bold, mixed);
  set_tri(L, "italic", f.italic, mixed);
  set_tri(L, "underline", f.underline, mixed);
  lua_pop(L, 1);
  if (lua_rawlen(L, -1)) lua_setfield(L, -2, "mixed");
  else lua_pop(L, 1);
  if (f.uppercase >= 0) set_bool(L, "uppercase", f.uppercase);
  set_str(L, "align", align[f.align]);
  lua_setfield(L, -2, key);
}

/* {line, width, height, orientation, margins, table} of one section. [-0, +1, m] */
static void push_section(lua_State *L, const vb_docx_section *sec) {
  lua_createtable(L, 0, 6);
  set_int(L, "line", (lua_Integer)sec->line + 1);
  if (sec->has_size && sec->width > 0 && sec->height > 0) {
    push_mm(L, sec->width);
    lua_setfield(L, -2, "width");
    push_mm(L, sec->height);
    lua_setfield(L, -2, "height");
    set_str(L, "orientation", sec->landscape || sec->width > sec->height ? "landscape" : "portrait");
  }
  if (sec->has_margins) {
    lua_createtable(L, 0, 4);
    const long v[4] = {sec->top, sec->bottom, sec->left, sec->right};
    const char *const k[4] = {"top", "bottom", "left", "right"};
    for (int i = 0; i < 4; i++) {
      push_mm(L, v[i]);
      lua_setfield(L, -2, k[i]);
    }
    lua_setfield(L, -2, "margins");
  }
  set_bool(L, "table", sec->has_table);
}

/* doc.page (the first section), doc.sections, doc.fonts. [-0, +0, m] */
static void set_docx(lua_State *L, const vb_docx *dx) {
  luaL_checkstack(L, 6, "docx");
  if (dx->nsections) {
    push_section(L, &dx->sections[0]);
    lua_setfield(L, -2, "page");
  }
  lua_createtable(L, (int)dx->nsections, 0);
  for (size_t i = 0; i < dx->nsections; i++) {
    push_section(L, &dx->sections[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "sections");
  /* fonts used, most text first */
  lua_createtable(L, 0, 0);
  size_t n = 0;
  for (size_t i = 0; i < dx->nfonts; i++) {
    if (!dx->fonts[i].chars) continue;
    lua_createtable(L, 0, 3);
    set_str(L, "name", vb_docx_font_name(dx, (uint32_t)i + 1));
    set_int(L, "chars", (lua_Integer)dx->fonts[i].chars);
    set_int(L, "line", (lua_Integer)dx->fonts[i].line + 1);
    /* insertion by chars, descending (few fonts) */
    size_t at = n + 1;
    while (at > 1) {
      lua_rawgeti(L, -2, (lua_Integer)at - 1);
      lua_getfield(L, -1, "chars");
      lua_Integer c = lua_tointeger(L, -1);
      lua_pop(L, 1);
      if (c >= (lua_Integer)dx->fonts[i].chars) {
        lua_pop(L, 1);
        break;
      }
      lua_rawseti(L, -3, (lua_Integer)at);
      at--;
    }
    lua_rawseti(L, -2, (lua_Integer)at);
    n++;
  }
  lua_setfield(L, -2, "fonts");
}

/* {text, line, ..., format} [-0, +1, m] */
static void push_textline(lua_State *L, const vb_doc *d, const vb_textline *t) {
  lua_createtable(L, 0, 6);
  set_str(L, "text", t->text);
  set_span(L, &t->at, "");
  set_format(L, d, &t->at, "format");
}

/* Push item it and its children; map[lightuserdata(it)] = its table so
 * paragraphs can share the same tables. [-0, +1, m] */
static void push_item(lua_State *L, const vb_doc *d, const vb_item *it, int map) {
  luaL_checkstack(L, 4, "item tree too deep");
  lua_createtable(L, 0, 11);
  set_str(L, "label", it->label);
  set_str(L, "kind", it->kind);
  set_int(L, "level", it->level);
  set_str(L, "text", it->text);
  set_span(L, &it->at, "");
  set_format(L, d, &it->at, "format");
  lua_createtable(L, (int)it->nchildren, 0);
  for (size_t i = 0; i < it->nchildren; i++) {
    push_item(L, d, it->children[i], map);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "children");
  lua_pushvalue(L, -1);
  lua_rawsetp(L, map, it);
}

void vb_push_doc(lua_State *L, const vb_doc *d) {
  luaL_checkstack(L, 8, "push_doc");
  lua_createtable(L, 0, 28);
  set_str(L, "path", d->path);
  set_str(L, "format", vb_format_name(d->format));
  set_str(L, "family", d->family);
  set_bool(L, "diacritics", d->diacritics);
  set_str(L, "draft", d->draft);
  set_str(L, "urgency", d->urgency);
  if (d->national) {
    lua_createtable(L, 0, 8);
    set_str(L, "text", d->national->text);
    set_str(L, "motto", d->national->motto);
    set_str(L, "kind", d->national->kind);
    set_span(L, &d->national->at, "");
    set_span(L, &d->national->motto_at, "motto_");
    set_format(L, d, &d->national->at, "format");
    set_format(L, d, &d->national->motto_at, "motto_format");
    lua_setfield(L, -2, "national");
  }
  if (d->issuer) {
    lua_createtable(L, 0, 7);
    set_str(L, "name", d->issuer->name);
    set_str(L, "parent", d->issuer->parent);
    lua_createtable(L, (int)d->issuer->nlines, 0);
    for (size_t i = 0; i < d->issuer->nlines; i++) {
      lua_pushstring(L, d->issuer->lines[i]);
      lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "lines");
    set_span(L, &d->issuer->at, "");
    set_span(L, &d->issuer->name_at, "name_");
    set_span(L, &d->issuer->parent_at, "parent_");
    set_format(L, d, &d->issuer->name_at, "format");
    set_format(L, d, &d->issuer->parent_at, "parent_format");
    lua_setfield(L, -2, "issuer");
  }
  if (d->number) {
    const vb_number *n = d->number;
    lua_createtable(L, 0, 14);
    set_str(L, "raw", n->raw);
    if (n->has_seq) set_int(L, "seq", n->seq);
    set_bool(L, "colon", n->colon);
    set_str(L, "form", n->form);
    if (n->year) set_int(L, "year", n->year);
    set_str(L, "symbol", n->symbol);
    set_str(L, "type_code", n->type_code);
    set_str(L, "issuer_code", n->issuer_code);
    set_str(L, "unit_code", n->unit_code);
    set_span(L, &n->at, "");
    set_format(L, d, &n->at, "format");
    lua_setfield(L, -2, "number");
  }
  if (d->place_date) {
    const vb_place_date *pd = d->place_date;
    lua_createtable(L, 0, 14);
    set_str(L, "raw", pd->raw);
    set_str(L, "place", pd->place);
    if (pd->day) set_int(L, "day", pd->day);
    if (pd->month) set_int(L, "month", pd->month);
    if (pd->year) set_int(L, "year", pd->year);
    set_str(L, "day_text", pd->day_text);
    set_str(L, "month_text", pd->month_text);
    set_bool(L, "has_comma", pd->has_comma);
    set_bool(L, "valid", pd->valid);
    if (pd->valid) set_str(L, "iso", pd->iso);
    set_span(L, &pd->at, "");
    set_format(L, d, &pd->at, "format");
    lua_setfield(L, -2, "place_date");
  }
  if (d->doc_type) {
    lua_createtable(L, 0, 6);
    set_str(L, "name", d->doc_type->name);
    set_str(L, "code", d->doc_type->code);
    set_span(L, &d->doc_type->at, "");
    set_format(L, d, &d->doc_type->at, "format");
    lua_setfield(L, -2, "doc_type");
  }
  if (d->subject) {
    push_textline(L, d, d->subject);
    lua_setfield(L, -2, "subject");
  }
  lua_createtable(L, (int)d->naddressees, 0);
  for (size_t i = 0; i < d->naddressees; i++) {
    push_textline(L, d, &d->addressees[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "addressees");
  if (d->addressees_at.line) set_int(L, "addressees_line", d->addressees_at.line);
  set_format(L, d, &d->addressees_at, "addressees_format");
  /* items, then paragraphs pointing at the same item tables */
  lua_newtable(L);
  int map = lua_gettop(L);
  lua_createtable(L, (int)d->nitems, 0);
  for (size_t i = 0; i < d->nitems; i++) {
    push_item(L, d, d->items[i], map);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -3, "items");
  lua_createtable(L, (int)d->nparagraphs, 0);
  for (size_t i = 0; i < d->nparagraphs; i++) {
    const vb_paragraph *pa = &d->paragraphs[i];
    lua_createtable(L, 0, 7);
    set_str(L, "text", pa->text);
    set_span(L, &pa->at, "");
    set_format(L, d, &pa->at, "format");
    if (pa->item) {
      lua_rawgetp(L, map, pa->item);
      lua_setfield(L, -2, "item");
    }
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -3, "paragraphs");
  lua_pop(L, 1); /* map */
  lua_newtable(L);
  lua_setfield(L, -2, "tasks");
  if (d->signature) {
    const vb_signature *s = d->signature;
    lua_createtable(L, 0, 10);
    lua_createtable(L, (int)s->nauthority, 0);
    for (size_t i = 0; i < s->nauthority; i++) {
      lua_createtable(L, 0, 6);
      set_str(L, "prefix", s->authority[i].prefix);
      set_str(L, "of", s->authority[i].of);
      set_span(L, &s->authority[i].at, "");
      set_format(L, d, &s->authority[i].at, "format");
      lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "authority");
    set_str(L, "title", s->title);
    set_str(L, "name", s->name);
    set_span(L, &s->at, "");
    set_span(L, &s->title_at, "title_");
    set_span(L, &s->name_at, "name_");
    set_format(L, d, &s->at, "format");
    set_format(L, d, &s->title_at, "title_format");
    set_format(L, d, &s->name_at, "name_format");
    lua_setfield(L, -2, "signature");
  }
  if (d->recipients) {
    const vb_recipients *r = d->recipients;
    lua_createtable(L, 0, 8);
    set_span(L, &r->at, "");
    set_format(L, d, &r->at, "format");
    lua_createtable(L, (int)r->nitems, 0);
    for (size_t i = 0; i < r->nitems; i++) {
      push_textline(L, d, &r->items[i]);
      lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "items");
    if (r->archive) {
      push_textline(L, d, r->archive);
      lua_setfield(L, -2, "archive");
    }
    lua_setfield(L, -2, "recipients");
  }
  lua_createtable(L, (int)d->nrefs, 0);
  for (size_t i = 0; i < d->nrefs; i++) {
    const vb_reference *r = &d->refs[i];
    lua_createtable(L, 0, 8);
    set_str(L, "text", r->text);
    set_str(L, "number", r->number);
    set_str(L, "doc_type", r->doc_type);
    if (r->iso[0]) set_str(L, "iso", r->iso);
    set_span(L, &r->at, "");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "references");
  /* zones: where missing elements belong */
  lua_createtable(L, 0, 3);
  const vb_zone *z[3] = {&d->header, &d->body, &d->footer};
  const char *zn[3] = {"header", "body", "footer"};
  for (int i = 0; i < 3; i++) {
    if (!z[i]->line) continue;
    lua_createtable(L, 0, 2);
    set_int(L, "line", z[i]->line);
    set_int(L, "end_line", z[i]->end_line ? z[i]->end_line : z[i]->line);
    lua_setfield(L, -2, zn[i]);
  }
  lua_setfield(L, -2, "zones");
  /* original lines */
  const vb_text *t = d->text;
  lua_createtable(L, (int)t->nlines, 0);
  for (size_t i = 0; i < t->nlines; i++) {
    lua_pushlstring(L, t->nfc.data + t->lines[i].off, t->lines[i].len);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "lines");
  if (d->docx) set_docx(L, d->docx);
}
