/* GeoJSON FeatureCollection writer and a JSON object checker (see geojson.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "geojson.h"
#include "internal.h"

static const char HEAD[] = "{\"type\":\"FeatureCollection\",\"features\":[";

void conflict_geojson_begin(conflict_geojson *g, const conflict_allocator *a, size_t limit) {
    conflict_buf_init(&g->out, a ? a : &conflict_default_allocator, limit);
    g->nfeatures = 0;
    conflict_buf_put(&g->out, HEAD, sizeof HEAD - 1);
}

void conflict_geojson_free(conflict_geojson *g) { conflict_buf_free(&g->out); }

/* degrees with at most 6 decimals (~0.1 m), trailing zeros trimmed */
static void put_coord(conflict_buf *b, double v) {
    char tmp[48];
    int k = snprintf(tmp, sizeof tmp, "%.6f", v);
    while (k > 1 && tmp[k - 1] == '0') k--;
    if (tmp[k - 1] == '.') k--;
    if (k == 2 && tmp[0] == '-' && tmp[1] == '0') { /* -0 */
        tmp[0] = '0';
        k = 1;
    }
    conflict_buf_put(b, tmp, (size_t)k);
}

static conflict_status check_point(double lat, double lon, conflict_error *err) {
    if (!isfinite(lat) || lat < -90 || lat > 90)
        return conflict_set_error(err, CONFLICT_ERROR, "latitude %g out of range [-90, 90]", lat);
    if (!isfinite(lon) || lon < -180 || lon > 180)
        return conflict_set_error(err, CONFLICT_ERROR, "longitude %g out of range [-180, 180]",
                                  lon);
    return CONFLICT_OK;
}

static void open_feature(conflict_geojson *g, double lat, double lon) {
    conflict_buf *b = &g->out;
    if (g->nfeatures++) conflict_buf_putc(b, ',');
    conflict_buf_puts(b, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[");
    put_coord(b, lon); /* GeoJSON order: longitude, latitude */
    conflict_buf_putc(b, ',');
    put_coord(b, lat);
    conflict_buf_puts(b, "]},\"properties\":");
}

conflict_status conflict_geojson_add(conflict_geojson *g, double lat, double lon, const char *props,
                                     size_t nprops, conflict_error *err) {
    conflict_status st = check_point(lat, lon, err);
    if (st) return st;
    if (props) {
        st = conflict_json_check_object(props, nprops, err);
        if (st) return st;
    }
    open_feature(g, lat, lon);
    if (props) {
        /* trim the surrounding whitespace of the object */
        size_t i = 0, j = nprops;
        while (i < j && (props[i] == ' ' || props[i] == '\t' || props[i] == '\n' || props[i] == '\r')) i++;
        while (j > i && (props[j - 1] == ' ' || props[j - 1] == '\t' || props[j - 1] == '\n' ||
                         props[j - 1] == '\r'))
            j--;
        conflict_buf_put(&g->out, props + i, j - i);
    } else {
        conflict_buf_put(&g->out, "{}", 2);
    }
    conflict_buf_putc(&g->out, '}');
    return g->out.failed ? (conflict_status)g->out.failed : CONFLICT_OK;
}

static int col_of(const conflict_table *t, const char *name) {
    for (int i = 0; i < t->ncols; i++)
        if (!strcmp(t->cols[i], name)) return i;
    return -1;
}

static int number(const conflict_cell *c, double *v) {
    if (c->type == CONFLICT_T_REAL) return *v = c->v.r, 1;
    if (c->type == CONFLICT_T_INT) return *v = (double)c->v.i, 1;
    return 0;
}

conflict_status conflict_geojson_add_table(conflict_geojson *g, const conflict_table *t,
                                           const char *extra, size_t nextra, conflict_error *err) {
    int clat = col_of(t, "lat"), clon = col_of(t, "lon");
    if (clat < 0 || clon < 0) return CONFLICT_OK;
    for (size_t r = 0; r < t->nrows; r++) {
        double lat, lon;
        if (!number(&t->cells[r * (size_t)t->ncols + clat], &lat) ||
            !number(&t->cells[r * (size_t)t->ncols + clon], &lon))
            continue; /* a mention without coordinates is not on the map */
        if (check_point(lat, lon, NULL)) continue;
        open_feature(g, lat, lon);
        conflict_buf *b = &g->out;
        conflict_json_open(b, '{');
        for (int c = 0; c < t->ncols; c++) {
            if (c == clat || c == clon) continue;
            const conflict_cell *cell = &t->cells[r * (size_t)t->ncols + c];
            conflict_json_key(b, t->cols[c]);
            switch (cell->type) {
                case CONFLICT_T_INT: conflict_json_int(b, cell->v.i); break;
                case CONFLICT_T_REAL: conflict_json_real(b, cell->v.r); break;
                case CONFLICT_T_BOOL: conflict_json_bool(b, cell->v.i != 0); break;
                case CONFLICT_T_TEXT: conflict_json_str(b, cell->v.t.s, cell->v.t.n); break;
                default: conflict_json_null(b);
            }
        }
        if (extra && nextra) {
            conflict_buf_putc(b, ',');
            conflict_buf_put(b, extra, nextra);
        }
        conflict_json_close(b, '}');
        conflict_buf_putc(b, '}');
        if (b->failed) return (conflict_status)b->failed;
    }
    (void)err;
    return CONFLICT_OK;
}

char *conflict_geojson_finish(conflict_geojson *g, size_t *n) {
    conflict_buf_put(&g->out, "]}", 2);
    return conflict_buf_detach(&g->out, n);
}

/* ---- JSON object checker: iterative, bounded depth ----------------------- */

static size_t ws(const char *s, size_t n, size_t i) {
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    return i;
}

static int hexd(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* returns index after the string starting at s[i]=='"', or 0 */
static size_t str_end(const char *s, size_t n, size_t i) {
    i++;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"') return i + 1;
        if (c < 0x20) return 0;
        if (c == '\\') {
            if (i + 1 >= n) return 0;
            char e = s[i + 1];
            if (e == 'u') {
                if (i + 6 > n || !hexd(s[i + 2]) || !hexd(s[i + 3]) || !hexd(s[i + 4]) ||
                    !hexd(s[i + 5]))
                    return 0;
                i += 6;
                continue;
            }
            if (!strchr("\"\\/bfnrt", e) || !e) return 0;
            i += 2;
            continue;
        }
        i++;
    }
    return 0;
}

static size_t num_end(const char *s, size_t n, size_t i) {
    if (i < n && s[i] == '-') i++;
    if (i >= n) return 0;
    if (s[i] == '0') i++;
    else if (s[i] >= '1' && s[i] <= '9')
        while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    else return 0;
    if (i < n && s[i] == '.') {
        i++;
        if (i >= n || s[i] < '0' || s[i] > '9') return 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) i++;
        if (i >= n || s[i] < '0' || s[i] > '9') return 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    }
    return i;
}

conflict_status conflict_json_check_object(const char *s, size_t n, conflict_error *err) {
    uint64_t is_obj = 0; /* bit d: container at depth d is an object */
    int depth = 0;
    size_t i = ws(s, n, 0);
    if (i >= n || s[i] != '{') goto bad;
    for (;;) {
        /* here: a value starts at s[i] */
        i = ws(s, n, i);
        if (i >= n) goto bad;
        char c = s[i];
        if (c == '{' || c == '[') {
            if (++depth > 60) return conflict_set_error(err, CONFLICT_ERROR, "JSON nested too deeply");
            if (c == '{') is_obj |= (uint64_t)1 << depth;
            else is_obj &= ~((uint64_t)1 << depth);
            i = ws(s, n, i + 1);
            if (i < n && s[i] == (c == '{' ? '}' : ']')) {
                depth--;
                i++;
                goto after_value;
            }
            if (c == '{') goto key;
            continue;
        } else if (c == '"') {
            if (!(i = str_end(s, n, i))) goto bad;
        } else if (c == 't' && n - i >= 4 && !memcmp(s + i, "true", 4)) {
            i += 4;
        } else if (c == 'f' && n - i >= 5 && !memcmp(s + i, "false", 5)) {
            i += 5;
        } else if (c == 'n' && n - i >= 4 && !memcmp(s + i, "null", 4)) {
            i += 4;
        } else {
            size_t e = num_end(s, n, i);
            if (!e) goto bad;
            i = e;
        }
    after_value:
        i = ws(s, n, i);
        if (depth == 0) {
            if (i != n) goto bad;
            return CONFLICT_OK;
        }
        if (i >= n) goto bad;
        if (s[i] == ',') {
            i = ws(s, n, i + 1);
            if (is_obj >> depth & 1) goto key;
            continue;
        }
        if (s[i] == ((is_obj >> depth & 1) ? '}' : ']')) {
            depth--;
            i++;
            goto after_value;
        }
        goto bad;
    key:
        if (i >= n || s[i] != '"' || !(i = str_end(s, n, i))) goto bad;
        i = ws(s, n, i);
        if (i >= n || s[i] != ':') goto bad;
        i++;
    }
bad:
    if (err) err->byte_offset = i < n ? i : n;
    return conflict_set_error(err, CONFLICT_ERROR, "not a JSON object");
}
