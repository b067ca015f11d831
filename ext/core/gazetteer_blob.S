/*
 * The compiled gazetteer, embedded read-only in .rodata. The blob is built at
 * build time by ext/tools/gazpack.c from data/places.tsv.gz (see
 * ext/core/gazetteer.h for its layout and docs/gazetteer.md for the design);
 * the Makefile passes its path as CONFLICT_GAZ_BLOB.
 */
#ifndef CONFLICT_GAZ_BLOB
#error "CONFLICT_GAZ_BLOB must name the blob written by gazpack"
#endif
    .section .rodata.conflict_gazetteer, "a"
    .balign 64
    .globl conflict_gazetteer_blob
    .hidden conflict_gazetteer_blob
    .type conflict_gazetteer_blob, %object
conflict_gazetteer_blob:
    .incbin CONFLICT_GAZ_BLOB
    .size conflict_gazetteer_blob, . - conflict_gazetteer_blob
    .globl conflict_gazetteer_blob_end
    .hidden conflict_gazetteer_blob_end
    .type conflict_gazetteer_blob_end, %object
conflict_gazetteer_blob_end:
    .byte 0
    .size conflict_gazetteer_blob_end, 1
    .section .note.GNU-stack, "", %progbits
