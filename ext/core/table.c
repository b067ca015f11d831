/*
 * Result tables: rows of typed cells under a fixed column list. One table
 * feeds both the JSON of extract_*() and the rows of the table-valued
 * functions, so the two can never disagree.
 */
#include <stdlib.h>
#include <string.h>

#include "conflict.h"

void conflict_table_init(conflict_table *t, const conflict_allocator *a,
                         const char *const *cols, int ncols) {
    memset(t, 0, sizeof *t);
    t->a = a ? a : &conflict_default_allocator;
    t->cols = cols;
    t->ncols = ncols;
}

void conflict_table_free(conflict_table *t) {
    for (size_t i = 0; i < t->nstrings; i++) conflict_free(t->a, t->strings[i]);
    conflict_free(t->a, t->strings);
    conflict_free(t->a, t->cells);
    t->cells = NULL;
    t->strings = NULL;
    t->nrows = t->cap = t->nstrings = t->capstrings = 0;
}

long conflict_table_add(conflict_table *t) {
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        conflict_cell *c = conflict_realloc(t->a, t->cells, cap * (size_t)t->ncols * sizeof *c);
        if (!c) return -1;
        t->cells = c;
        t->cap = cap;
    }
    memset(t->cells + t->nrows * (size_t)t->ncols, 0, (size_t)t->ncols * sizeof *t->cells);
    return (long)t->nrows++;
}

conflict_cell *conflict_table_cell(conflict_table *t, size_t row, int col) {
    return &t->cells[row * (size_t)t->ncols + (size_t)col];
}

void conflict_table_set_int(conflict_table *t, size_t row, int col, int64_t v) {
    conflict_cell *c = conflict_table_cell(t, row, col);
    c->type = CONFLICT_T_INT;
    c->v.i = v;
}

void conflict_table_set_real(conflict_table *t, size_t row, int col, double v) {
    conflict_cell *c = conflict_table_cell(t, row, col);
    c->type = CONFLICT_T_REAL;
    c->v.r = v;
}

void conflict_table_set_bool(conflict_table *t, size_t row, int col, int v) {
    conflict_cell *c = conflict_table_cell(t, row, col);
    c->type = CONFLICT_T_BOOL;
    c->v.i = v != 0;
}

void conflict_table_set_text(conflict_table *t, size_t row, int col, const char *s, size_t n) {
    conflict_cell *c = conflict_table_cell(t, row, col);
    c->type = CONFLICT_T_TEXT;
    c->v.t.s = s;
    c->v.t.n = n;
}

int conflict_table_set_text_copy(conflict_table *t, size_t row, int col, const char *s,
                                 size_t n) {
    if (t->nstrings == t->capstrings) {
        size_t cap = t->capstrings ? t->capstrings * 2 : 8;
        char **p = conflict_realloc(t->a, t->strings, cap * sizeof *p);
        if (!p) return 0;
        t->strings = p;
        t->capstrings = cap;
    }
    char *copy = conflict_malloc(t->a, n + 1);
    if (!copy) return 0;
    if (n) memcpy(copy, s, n);
    copy[n] = 0;
    t->strings[t->nstrings++] = copy;
    conflict_table_set_text(t, row, col, copy, n);
    return 1;
}

void conflict_table_set_span(conflict_table *t, size_t row, const char *s, size_t start,
                             size_t len) {
    conflict_table_set_text(t, row, 0, s + start, len);
    conflict_table_set_int(t, row, 1, (int64_t)start);
    conflict_table_set_int(t, row, 2, (int64_t)len);
}

/* insertion-stable merge sort of row indices by byte start */
static void sort_rows(const conflict_table *t, size_t *idx, size_t *tmp, size_t n) {
    if (n < 2) return;
    size_t h = n / 2;
    sort_rows(t, idx, tmp, h);
    sort_rows(t, idx + h, tmp, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        int64_t a = t->cells[idx[i] * (size_t)t->ncols + 1].v.i;
        int64_t b = t->cells[idx[j] * (size_t)t->ncols + 1].v.i;
        tmp[k++] = b < a ? idx[j++] : idx[i++];
    }
    while (i < h) tmp[k++] = idx[i++];
    while (j < n) tmp[k++] = idx[j++];
    memcpy(idx, tmp, n * sizeof *idx);
}

/* Are the rows in order already (extractors mostly add them so)? */
static int rows_sorted(const conflict_table *t) {
    size_t w = (size_t)t->ncols;
    for (size_t r = 1; r < t->nrows; r++)
        if (t->cells[r * w + 1].v.i < t->cells[(r - 1) * w + 1].v.i) return 0;
    return 1;
}

conflict_status conflict_table_sort(conflict_table *t, size_t *remap) {
    size_t n = t->nrows, w = (size_t)t->ncols;
    if (rows_sorted(t)) { /* the stable sort would keep them as they are */
        for (size_t i = 0; remap && i < n; i++) remap[i] = i;
        return CONFLICT_OK;
    }
    size_t *idx = conflict_malloc(t->a, 2 * n * sizeof *idx);
    conflict_cell *cells = conflict_malloc(t->a, n * w * sizeof *cells);
    if (!idx || !cells) {
        conflict_free(t->a, idx);
        conflict_free(t->a, cells);
        return CONFLICT_NOMEM;
    }
    for (size_t i = 0; i < n; i++) idx[i] = i;
    sort_rows(t, idx, idx + n, n);
    for (size_t i = 0; i < n; i++) {
        memcpy(cells + i * w, t->cells + idx[i] * w, w * sizeof *cells);
        if (remap) remap[idx[i]] = i;
    }
    conflict_free(t->a, t->cells);
    t->cells = cells;
    t->cap = n;
    conflict_free(t->a, idx);
    return CONFLICT_OK;
}

/* Rows must be sorted by byte start: one forward pass counts characters. */
conflict_status conflict_table_finish(conflict_table *t, const char *s, size_t n) {
    size_t pos = 0, chars = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        conflict_cell *cs = conflict_table_cell(t, r, 1), *cl = conflict_table_cell(t, r, 2);
        size_t start = (size_t)cs->v.i, len = (size_t)cl->v.i;
        if (start < pos) { /* overlapping spans: recount from the beginning */
            pos = 0;
            chars = 0;
        }
        if (start > n) start = n;
        if (len > n - start) len = n - start;
        chars += conflict_utf8_chars(s + pos, start - pos);
        pos = start;
        cs->v.i = (int64_t)chars + 1;
        cl->v.i = (int64_t)conflict_utf8_chars(s + start, len);
    }
    return CONFLICT_OK;
}

/* Grows out's capacity to `want` more bytes in one step, instead of doubling
 * from 64 bytes; never past its limit and never failing (the writes report
 * errors themselves). */
static void reserve(conflict_buf *out, size_t want) {
    if (out->failed || out->len > out->limit || out->cap - out->len > want) return;
    if (want > out->limit - out->len) want = out->limit - out->len;
    size_t cap = out->len + want + 1;
    if (cap <= out->cap) return;
    char *p = conflict_realloc(out->a, out->p, cap);
    if (p) {
        out->p = p;
        out->cap = cap;
    }
}

/* The JSON's length, about: exact for keys and text without escapes, a guess for numbers. */
static size_t json_size(const conflict_table *t) {
    size_t keys = 0, n = 2;
    for (int c = 0; c < t->ncols; c++) keys += strlen(t->cols[c]) + 4; /* "k": and a comma */
    const conflict_cell *cell = t->cells;
    for (size_t r = 0; r < t->nrows; r++) {
        n += keys + 3;
        for (int c = 0; c < t->ncols; c++, cell++) {
            switch (cell->type) {
                case CONFLICT_T_TEXT: n += cell->v.t.n + 2; break;
                case CONFLICT_T_REAL: n += 10; break;
                default: n += 5;
            }
        }
    }
    return n;
}

size_t conflict_table_keys_json(const char *const *cols, int ncols) {
    size_t keys = 0;
    for (int c = 0; c < ncols; c++) {
        size_t k = strlen(cols[c]);
        if (!conflict_json_plain(cols[c], k)) return 0;
        keys += k + 4; /* "k": and a comma */
    }
    return keys;
}

/* The most bytes write_direct() can take for the table, NUL included; 0 when it
 * cannot write it (a key to escape, a real out of conflict_json_real_fits()). */
static size_t json_max(const conflict_table *t) {
    size_t n = 3; /* brackets and NUL */
    if (!t->nrows) return n; /* "[]": no key written, none to check */
    size_t keys = t->keys_json ? t->keys_json : conflict_table_keys_json(t->cols, t->ncols);
    if (!keys) return 0;
    const conflict_cell *cell = t->cells;
    for (size_t r = 0; r < t->nrows; r++) {
        n += keys + 3; /* braces and a comma */
        for (int c = 0; c < t->ncols; c++, cell++) {
            switch (cell->type) {
                case CONFLICT_T_TEXT: n += 6 * cell->v.t.n + 2; break;
                case CONFLICT_T_INT: n += CONFLICT_JSON_INT_MAX; break;
                case CONFLICT_T_REAL:
                    if (!conflict_json_real_fits(cell->v.r)) return 0;
                    n += CONFLICT_JSON_REAL_MAX;
                    break;
                default: n += 5; /* true, false, null */
            }
        }
    }
    return n;
}

/* Writes the table's JSON with one pointer, where out has room for json_max()
 * bytes: what the JSON writer's calls below write, without their checks. */
#define DIRECT_KEYS 32 /* columns whose key lengths write_direct() measures once */

/* Copies the n bytes at s to o: up to 16 in two overlapping copies, with no loop
 * over the bytes (the column keys). */
static inline char *put_bytes(char *o, const char *s, size_t n) {
    if (n >= 8 && n <= 16) {
        uint64_t a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
        memcpy(o, &a, 8);
        memcpy(o + n - 8, &b, 8);
    } else if (n >= 4 && n < 8) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        memcpy(o, &a, 4);
        memcpy(o + n - 4, &b, 4);
    } else {
        memcpy(o, s, n);
    }
    return o + n;
}

static void write_direct(const conflict_table *t, conflict_buf *out) {
    char *o = out->p + out->len;
    *o++ = '[';
    /* every row writes the same keys: their lengths are measured once */
    size_t key_len[DIRECT_KEYS];
    int measured = t->nrows ? (t->ncols < DIRECT_KEYS ? t->ncols : DIRECT_KEYS) : 0;
    for (int c = 0; c < measured; c++) key_len[c] = strlen(t->cols[c]);
    const conflict_cell *cell = t->cells;
    for (size_t r = 0; r < t->nrows; r++) {
        if (r) *o++ = ',';
        *o++ = '{';
        for (int c = 0; c < t->ncols; c++, cell++) {
            if (c) *o++ = ',';
            *o++ = '"';
            o = put_bytes(o, t->cols[c], c < measured ? key_len[c] : strlen(t->cols[c]));
            *o++ = '"';
            *o++ = ':';
            switch (cell->type) {
                case CONFLICT_T_INT: o = conflict_json_put_int(o, cell->v.i); break;
                case CONFLICT_T_REAL: o = conflict_json_put_real(o, cell->v.r); break;
                case CONFLICT_T_TEXT: o = conflict_json_put_str(o, cell->v.t.s, cell->v.t.n); break;
                case CONFLICT_T_BOOL:
                    memcpy(o, cell->v.i ? "true" : "false", cell->v.i ? 4 : 5);
                    o += cell->v.i ? 4 : 5;
                    break;
                default: memcpy(o, "null", 4); o += 4;
            }
        }
        *o++ = '}';
    }
    *o++ = ']';
    *o = 0;
    out->len = (size_t)(o - out->p);
    out->comma &= ~(uint64_t)1; /* as the array's own separator would have done */
}

conflict_status conflict_table_to_json(const conflict_table *t, conflict_buf *out) {
    /* a table at the top level, when the room for its longest JSON is there */
    size_t max = out->depth == 0 && !out->failed ? json_max(t) : 0;
    if (max) {
        reserve(out, max);
        if (!out->failed && out->cap - out->len > max) {
            write_direct(t, out);
            return CONFLICT_OK;
        }
    }
    reserve(out, json_size(t));
    conflict_json_open(out, '[');
    for (size_t r = 0; r < t->nrows; r++) {
        conflict_json_open(out, '{');
        for (int c = 0; c < t->ncols; c++) {
            const conflict_cell *cell = &t->cells[r * (size_t)t->ncols + (size_t)c];
            conflict_json_key(out, t->cols[c]);
            switch (cell->type) {
                case CONFLICT_T_INT: conflict_json_int(out, cell->v.i); break;
                case CONFLICT_T_REAL: conflict_json_real(out, cell->v.r); break;
                case CONFLICT_T_TEXT: conflict_json_str(out, cell->v.t.s, cell->v.t.n); break;
                case CONFLICT_T_BOOL: conflict_json_bool(out, (int)cell->v.i); break;
                default: conflict_json_null(out);
            }
        }
        conflict_json_close(out, '}');
        if (out->failed) break;
    }
    conflict_json_close(out, ']');
    return out->failed ? (conflict_status)out->failed : CONFLICT_OK;
}
