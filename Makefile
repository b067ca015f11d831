# conflict: SQLite extension for conflict news. `make help` lists the targets.
VERSION := $(shell cat VERSION)
DIST    ?= dist
OBJ     := $(DIST)/obj
CC      ?= cc
PKGS    := sqlite3 libpcre2-8 libutf8proc
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs libpcre2-8 libutf8proc 2>/dev/null)
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Werror -Wno-unused-parameter
CPPFLAGS += -D_DEFAULT_SOURCE -Iinclude -Iext/core -DCONFLICT_VERSION='"$(VERSION)"' $(PKG_CFLAGS)
CPPFLAGS += -DCONFLICT_GAZ_BLOB='"$(OBJ)/gazetteer.bin"'
SQLITE3 ?= sqlite3
# Quiet by default (V=1 shows the full commands).
V ?= 0
ifeq ($(V),1)
Q :=
else
Q := @
endif

CORE_SRC   := $(sort $(wildcard ext/core/*.c))
SQLITE_SRC := $(sort $(wildcard ext/sqlite/*.c))
DATA_OBJ   := $(wildcard ext/core/*.S)
# generated C (built by the rules at the end: the actor/source dictionaries)
GEN_SRC    := $(OBJ)/gen/dict_data.c
CORE_OBJ   := $(CORE_SRC:ext/core/%.c=$(OBJ)/core/%.o) $(DATA_OBJ:ext/core/%.S=$(OBJ)/core/%.o) $(GEN_SRC:.c=.o)
SQLITE_OBJ := $(SQLITE_SRC:ext/sqlite/%.c=$(OBJ)/sqlite/%.o)
HEADERS    := $(wildcard include/*.h ext/core/*.h ext/sqlite/*.h)
EXT        := $(DIST)/conflict.so

.PHONY: all deps test test-unit test-sql examples asan valgrind demo bench clean help fuzz fuzz-build lint check sql-tests-update test-threads tsan test-docs

all: $(EXT)

$(OBJ)/core/%.o: ext/core/%.c $(HEADERS) | $(OBJ)/core
	@echo "  CC    $<"
	$(Q)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden -c $< -o $@
$(OBJ)/core/%.o: ext/core/%.S | $(OBJ)/core
	@echo "  AS    $<"
	$(Q)$(CC) $(CPPFLAGS) -fPIC -c $< -o $@
$(OBJ)/gen/%.o: $(OBJ)/gen/%.c $(HEADERS)
	@echo "  CC    $<"
	$(Q)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden -c $< -o $@
$(OBJ)/sqlite/%.o: ext/sqlite/%.c $(HEADERS) | $(OBJ)/sqlite
	@echo "  CC    $<"
	$(Q)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden -c $< -o $@
$(OBJ)/core $(OBJ)/sqlite:
	@mkdir -p $@

$(EXT): $(CORE_OBJ) $(SQLITE_OBJ)
	@echo "  LD    $@"
	$(Q)$(CC) $(CFLAGS) -shared -o $@ $^ $(PKG_LIBS) -lm $(LDFLAGS)

# ---- dependencies (Debian) -------------------------------------------------
DEB_PKGS := build-essential sqlite3 libsqlite3-dev libpcre2-dev libutf8proc-dev pkg-config python3 gzip
deps:
	@missing=$$(for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; \
	fi

# ---- tests -----------------------------------------------------------------
UNIT_SRC := $(sort $(wildcard ext/test/test_*.c))
UNIT_BIN := $(UNIT_SRC:ext/test/%.c=$(DIST)/test/%)
SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# the SQLite binding linked statically into a test program (SQLITE_CORE)
STATIC_SRC := $(CORE_SRC) $(SQLITE_SRC) $(DATA_OBJ) $(GEN_SRC)
STATIC_LIBS := $(PKG_LIBS) -lsqlite3 -lpthread -lm

# the core compiled once with ASan+UBSan, shared by every unit test program
SAN_OBJ := $(CORE_SRC:ext/core/%.c=$(DIST)/test/obj/%.o) $(DIST)/test/obj/dict_data.o
$(DIST)/test/obj/%.o: ext/core/%.c $(HEADERS) | $(GEN_SRC)
	@mkdir -p $(DIST)/test/obj
	@echo "  CC    $@"
	$(Q)$(CC) $(CPPFLAGS) $(WARN) -O1 -g $(SAN) -c $< -o $@
$(DIST)/test/obj/dict_data.o: $(GEN_SRC) $(HEADERS)
	@mkdir -p $(DIST)/test/obj
	$(Q)$(CC) $(CPPFLAGS) $(WARN) -O1 -g $(SAN) -c $< -o $@
$(DIST)/test/core_san.a: $(SAN_OBJ) $(DATA_OBJ) $(GAZ_BLOB)
	$(Q)rm -f $@; $(CC) $(CPPFLAGS) -c $(DATA_OBJ) -o $(DIST)/test/obj/gazetteer_blob.o && \
	  ar rcs $@ $(SAN_OBJ) $(DIST)/test/obj/gazetteer_blob.o

$(DIST)/test/%: ext/test/%.c ext/test/check.h $(DIST)/test/core_san.a $(HEADERS)
	@mkdir -p $(DIST)/test
	@echo "  CC    $@"
	$(Q)$(CC) $(CPPFLAGS) $(WARN) -O1 -g $(SAN) -o $@ $< $(DIST)/test/core_san.a $(PKG_LIBS) -lm

test-unit: $(UNIT_BIN) $(DIST)/test/sqlite_api
	@pass=0; fail=0; for t in $(UNIT_BIN) $(DIST)/test/sqlite_api; do \
	  out=$$($$t 2>&1); rc=$$?; echo "$$out" | grep -v '^ok ' ; \
	  line=$$(echo "$$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$$' | tail -n 1); \
	  p=$${line%% passed*}; f=$${line#*passed, }; f=$${f%% failed*}; \
	  if [ -z "$$line" ] || [ $$rc -ne 0 -a "$$f" = 0 ]; then p=0; f=1; echo "FAIL $$t crashed (rc=$$rc)"; fi; \
	  pass=$$((pass+p)); fail=$$((fail+f)); done; \
	echo "unit: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

# C tests of the SQLite binding, linked statically with ASan+UBSan
$(DIST)/test/sqlite_api: ext/test/sqlite_api.c ext/test/check.h $(STATIC_SRC) $(HEADERS)
	@mkdir -p $(DIST)/test
	@echo "  CC    $@"
	$(Q)$(CC) $(CPPFLAGS) -DSQLITE_CORE $(WARN) -O1 -g $(SAN) -o $@ $< $(STATIC_SRC) $(STATIC_LIBS)

test-sql: $(EXT)
	@SQLITE3="$(SQLITE3)" sh sql-tests/run.sh $(EXT)

sql-tests-update: $(EXT)
	@SQLITE3="$(SQLITE3)" UPDATE=1 sh sql-tests/run.sh $(EXT)

examples: $(EXT)
	@SQLITE3="$(SQLITE3)" sh examples/run.sh $(EXT)

# Ends with one line "N passed, N failed"; exits non-zero on any failure.
test: $(EXT)
	@$(MAKE) --no-print-directory test-unit > $(DIST)/unit.log 2>&1; grep -v '^  CC ' $(DIST)/unit.log | tail -n 20; \
	$(MAKE) --no-print-directory test-sql > $(DIST)/sql.log 2>&1; cat $(DIST)/sql.log; \
	$(MAKE) --no-print-directory examples > $(DIST)/examples.log 2>&1; cat $(DIST)/examples.log; \
	$(MAKE) --no-print-directory test-docs > $(DIST)/docs.log 2>&1; cat $(DIST)/docs.log; \
	sh tools/sum_results.sh $(DIST)/unit.log $(DIST)/sql.log $(DIST)/examples.log $(DIST)/docs.log

# every SQL example of the README runs and matches its documented output
test-docs: $(EXT)
	@/usr/bin/python3 tools/check_docs.py $(EXT) README.md

# ---- sanitizers -------------------------------------------------------------
# asan: the extension built with ASan+UBSan, loaded into the stock sqlite3 CLI
# with libasan preloaded (leak detection on); every SQL test and example.
ASAN_DIST := $(DIST)/asan
ASAN_ENV = ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:fast_unwind_on_malloc=0:exitcode=23 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/tools/lsan.supp:print_suppressions=0 \
  LD_PRELOAD="$$($(CC) -print-file-name=libasan.so) $$($(CC) -print-file-name=libubsan.so)"
asan:
	@# (build-time tools such as gazpack are sanitized too: leaks at their exit are not findings)
	@ASAN_OPTIONS=detect_leaks=0 $(MAKE) --no-print-directory DIST=$(ASAN_DIST) CFLAGS="-O1 -g $(SAN)" LDFLAGS="$(SAN)" $(ASAN_DIST)/conflict.so
	@$(ASAN_ENV) SQLITE3="$(SQLITE3)" sh sql-tests/run.sh $(ASAN_DIST)/conflict.so > $(DIST)/asan-sql.log 2>&1; \
	cat $(DIST)/asan-sql.log; \
	$(ASAN_ENV) SQLITE3="$(SQLITE3)" sh examples/run.sh $(ASAN_DIST)/conflict.so > $(DIST)/asan-examples.log 2>&1; \
	cat $(DIST)/asan-examples.log; \
	sh tools/sum_results.sh $(DIST)/asan-sql.log $(DIST)/asan-examples.log

# valgrind: every SQL test and example under memcheck; any report fails the file.
VALGRIND := valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,possible
valgrind: $(EXT)
	@SQLITE3="$(VALGRIND) $(SQLITE3)" sh sql-tests/run.sh $(EXT) > $(DIST)/valgrind-sql.log 2>&1; \
	cat $(DIST)/valgrind-sql.log; \
	SQLITE3="$(VALGRIND) $(SQLITE3)" sh examples/run.sh $(EXT) > $(DIST)/valgrind-examples.log 2>&1; \
	cat $(DIST)/valgrind-examples.log; \
	sh tools/sum_results.sh $(DIST)/valgrind-sql.log $(DIST)/valgrind-examples.log

# ---- threads ------------------------------------------------------------------
# threads: N connections (and one shared serialized one) calling every function
# on shared inputs; results must equal the single-threaded run.
THREADS_SRC := ext/test/threads.c
$(DIST)/test/threads: $(THREADS_SRC) $(STATIC_SRC) $(HEADERS)
	@mkdir -p $(DIST)/test
	@echo "  CC    $@"
	$(Q)$(CC) $(CPPFLAGS) -DSQLITE_CORE $(WARN) -O2 -g -o $@ $< $(STATIC_SRC) $(STATIC_LIBS)
$(DIST)/test/threads-tsan: $(THREADS_SRC) $(STATIC_SRC) $(HEADERS)
	@mkdir -p $(DIST)/test
	@echo "  CC    $@"
	$(Q)$(CC) $(CPPFLAGS) -DSQLITE_CORE $(WARN) -O1 -g -fsanitize=thread -o $@ $< $(STATIC_SRC) $(STATIC_LIBS)

# (twice: with SQLite's memory statistics on, the default, and off; see docs/RELIABILITY.md)
test-threads: $(DIST)/test/threads
	@$(DIST)/test/threads && $(DIST)/test/threads --no-memstatus

tsan: $(DIST)/test/threads-tsan
	@TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" $(DIST)/test/threads-tsan --quick

# ---- fuzzing -----------------------------------------------------------------
# libFuzzer + ASan + UBSan (clang). Each ext/fuzz/fuzz_<t>.c runs FUZZ_SECONDS,
# starting from ext/fuzz/corpus/<t>/ (copied: the repo corpus stays as written)
# with ext/fuzz/<t>.dict when present. Crashes land in $(DIST)/fuzz/crash-<t>-*.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 30
FUZZ_JOBS    ?= 1
FUZZ_FLAGS   := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -O1 -g
FUZZ_SRC     := $(sort $(wildcard ext/fuzz/fuzz_*.c))
FUZZ_BIN     := $(FUZZ_SRC:ext/fuzz/%.c=$(DIST)/fuzz/%)

# (SQL-level harnesses: the extension linked in with SQLITE_CORE)
FUZZ_SQL_BIN := $(DIST)/fuzz/fuzz_sql $(DIST)/fuzz/fuzz_fts
$(FUZZ_SQL_BIN): $(DIST)/fuzz/%: ext/fuzz/%.c ext/fuzz/fuzz_common.h $(STATIC_SRC) $(HEADERS)
	@mkdir -p $(DIST)/fuzz
	@echo "  CC    $@"
	$(Q)$(FUZZ_CC) $(CPPFLAGS) -DSQLITE_CORE $(WARN) $(FUZZ_FLAGS) -o $@ $< $(STATIC_SRC) $(STATIC_LIBS)
$(DIST)/fuzz/%: ext/fuzz/%.c ext/fuzz/fuzz_common.h $(CORE_SRC) $(DATA_OBJ) $(GEN_SRC) $(HEADERS)
	@mkdir -p $(DIST)/fuzz
	@echo "  CC    $@"
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(WARN) $(FUZZ_FLAGS) -o $@ $< $(CORE_SRC) $(DATA_OBJ) $(GEN_SRC) $(PKG_LIBS) -lm

fuzz-build: $(FUZZ_BIN)

fuzz: $(FUZZ_BIN)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) sh tools/fuzz.sh $(DIST)/fuzz $(FUZZ_BIN:$(DIST)/fuzz/%=%)

# deps may install the libraries, so the build runs in a fresh make that
# asks pkg-config again (this one read it before they existed).
demo: deps
	@$(MAKE) --no-print-directory $(EXT)
	@sh examples/demo.sh $(EXT)

bench: $(EXT)
	@sh bench/run.sh $(EXT)

# ---- embedded gazetteer: data/places.tsv.gz -> gazpack -> .incbin (docs/gazetteer.md) ----
# gazpack links the core (as an archive: only what name_key needs is pulled in), so the
# index is keyed with this build's conflict_name_key.
GAZ_IN      := data/places.tsv.gz data/common_words.txt data/lexicon_fr_en.txt.gz
GAZ_BLOB    := $(OBJ)/gazetteer.bin
GAZ_SOURCES ?= GeoNames cities1000 2013-11-06, GeoNames cities15000 (libgeonames 0.3.0) 2022-03-04, Who's On First admin (29 countries), iso-codes 4.15.0; lexicon: wamerican-small and wamerican 2020.12.07-2, wfrench 1.2.7-2
CORE_C_OBJ  := $(CORE_SRC:ext/core/%.c=$(OBJ)/core/%.o)
$(OBJ)/libcore.a: $(CORE_C_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^
# (replaced only when the program changed, so editing an extractor does not rebuild the blob)
$(OBJ)/gazpack: ext/tools/gazpack.c $(OBJ)/libcore.a $(HEADERS)
	$(Q)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -o $@.tmp ext/tools/gazpack.c $(OBJ)/libcore.a $(PKG_LIBS) -lm
	$(Q)cmp -s $@.tmp $@ && rm -f $@.tmp || mv -f $@.tmp $@
$(GAZ_BLOB): $(OBJ)/gazpack $(GAZ_IN)
	@echo "  GAZ   $@"
	$(Q)$(OBJ)/gazpack $(GAZ_IN) $@ "$(GAZ_SOURCES)"
# every program that assembles ext/core/*.S (the .so, tests, fuzzers) needs the blob first
ext/core/gazetteer_blob.S: $(GAZ_BLOB)
$(OBJ)/core/gazetteer_blob.o: $(GAZ_BLOB)

# ---- actor and source dictionaries: data/{actors,sources}.tsv -> gen_dict -> C const tables ----
# gen_dict links the core archive (it folds every alias with the matcher's own code); the
# program is replaced only when it changed, so editing an extractor does not regenerate the tables.
$(OBJ)/gen_dict: ext/tools/gen_dict.c $(OBJ)/libcore.a $(HEADERS)
	$(Q)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -o $@.tmp ext/tools/gen_dict.c $(OBJ)/libcore.a $(PKG_LIBS) -lm
	$(Q)cmp -s $@.tmp $@ && rm -f $@.tmp || mv -f $@.tmp $@
$(GEN_SRC): $(OBJ)/gen_dict data/actors.tsv data/sources.tsv
	@mkdir -p $(OBJ)/gen
	@echo "  GEN   $@"
	$(Q)$(OBJ)/gen_dict data/actors.tsv data/sources.tsv > $@.tmp && mv -f $@.tmp $@

clean:
	rm -rf dist

help:
	@echo "make [all|deps|demo|test|test-unit|test-sql|examples|asan|valgrind|test-threads|tsan|fuzz|bench|clean]"; \
	 echo "  DIST=dir (output, default dist)  V=1 (show commands)  FUZZ_SECONDS=30 (per target)"

# ---- statically linked test programs also embed generated data (must follow its rules) ----
$(FUZZ_BIN) $(DIST)/test/sqlite_api $(DIST)/test/threads $(DIST)/test/threads-tsan: $(GAZ_BLOB)

# static libraries, pkg-config, install/uninstall (docs/INSTALL.md)
include mk/ecosystem.mk
