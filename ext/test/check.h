/* Minimal unit-test harness: CHECK(cond) and a summary "N passed, N failed". */
#ifndef CONFLICT_CHECK_H
#define CONFLICT_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_pass, check_fail;

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (cond) check_pass++;                                                  \
        else {                                                                   \
            check_fail++;                                                        \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);               \
        }                                                                        \
    } while (0)

#define CHECK_STR(got, want)                                                     \
    do {                                                                         \
        const char *g_ = (got), *w_ = (want);                                    \
        if (g_ && strcmp(g_, w_) == 0) check_pass++;                             \
        else {                                                                   \
            check_fail++;                                                        \
            printf("FAIL %s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__,  \
                   g_ ? g_ : "(null)", w_);                                      \
        }                                                                        \
    } while (0)

static inline int check_summary(void) {
    printf("%d passed, %d failed\n", check_pass, check_fail);
    return check_fail != 0;
}
#endif
