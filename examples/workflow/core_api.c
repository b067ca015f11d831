/*
 * The core library without SQLite: built by `make install-check` against an
 * installed libconflict.a with
 *   cc core_api.c $(pkg-config --static --cflags --libs conflict)
 */
#include <conflict.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    const char *names[] = {"Maaret al-Noomane", "Ma\xe2\x80\x98" "arrat an-Nu\xe2\x80\x98m\xc4\x81n"};
    char keys[2][128];
    for (int i = 0; i < 2; i++) {
        conflict_buf b;
        conflict_error err = {0};
        conflict_buf_init(&b, NULL, 0);
        if (conflict_name_key(names[i], strlen(names[i]), &b, &err)) {
            fprintf(stderr, "name_key: %s\n", err.msg);
            return 1;
        }
        snprintf(keys[i], sizeof keys[i], "%.*s", (int)b.len, b.p ? b.p : "");
        conflict_buf_free(&b);
    }
    printf("%s %s %s\n", conflict_version(), keys[0], keys[1]);
    return strcmp(keys[0], keys[1]) != 0;
}
