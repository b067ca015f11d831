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
SQLITE3 ?= sqlite3

CORE_SRC   := $(sort $(wildcard ext/core/*.c))
SQLITE_SRC := $(sort $(wildcard ext/sqlite/*.c))
DATA_OBJ   := $(wildcard ext/core/*.S)
CORE_OBJ   := $(CORE_SRC:ext/core/%.c=$(OBJ)/core/%.o) $(DATA_OBJ:ext/core/%.S=$(OBJ)/core/%.o)
SQLITE_OBJ := $(SQLITE_SRC:ext/sqlite/%.c=$(OBJ)/sqlite/%.o)
HEADERS    := $(wildcard include/*.h ext/core/*.h ext/sqlite/*.h)
EXT        := $(DIST)/conflict.so

.PHONY: all deps test test-unit test-sql examples asan valgrind demo bench clean help fuzz lint check sql-tests-update

all: $(EXT)

$(OBJ)/core/%.o: ext/core/%.c $(HEADERS) | $(OBJ)/core
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden -c $< -o $@
$(OBJ)/core/%.o: ext/core/%.S | $(OBJ)/core
	$(CC) $(CPPFLAGS) -fPIC -c $< -o $@
$(OBJ)/sqlite/%.o: ext/sqlite/%.c $(HEADERS) | $(OBJ)/sqlite
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden -c $< -o $@
$(OBJ)/core $(OBJ)/sqlite:
	mkdir -p $@

$(EXT): $(CORE_OBJ) $(SQLITE_OBJ)
	$(CC) $(CFLAGS) -shared -o $@ $^ $(PKG_LIBS) -lm $(LDFLAGS)

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

$(DIST)/test/%: ext/test/%.c ext/test/check.h $(CORE_SRC) $(DATA_OBJ) $(HEADERS)
	@mkdir -p $(DIST)/test
	$(CC) $(CPPFLAGS) $(WARN) -O1 -g $(SAN) -o $@ $< $(CORE_SRC) $(DATA_OBJ) $(PKG_LIBS) -lm

test-unit: $(UNIT_BIN)
	@pass=0; fail=0; for t in $(UNIT_BIN); do \
	  out=$$($$t 2>&1); rc=$$?; echo "$$out" | grep -v '^ok ' ; \
	  p=$$(echo "$$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$$/\1/p'); \
	  f=$$(echo "$$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$$/\2/p'); \
	  [ -z "$$p" ] && { p=0; f=1; echo "FAIL $$t crashed (rc=$$rc)"; }; \
	  pass=$$((pass+p)); fail=$$((fail+f)); done; \
	echo "unit: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

test-sql: $(EXT)
	@SQLITE3=$(SQLITE3) sh sql-tests/run.sh $(EXT)

sql-tests-update: $(EXT)
	@SQLITE3=$(SQLITE3) UPDATE=1 sh sql-tests/run.sh $(EXT)

examples: $(EXT)
	@SQLITE3=$(SQLITE3) sh examples/run.sh $(EXT)

test: $(EXT)
	@u=0; s=0; e=0; \
	$(MAKE) --no-print-directory test-unit > $(DIST)/unit.log 2>&1; u=$$?; tail -n 20 $(DIST)/unit.log; \
	$(MAKE) --no-print-directory test-sql > $(DIST)/sql.log 2>&1; s=$$?; cat $(DIST)/sql.log; \
	$(MAKE) --no-print-directory examples > $(DIST)/examples.log 2>&1; e=$$?; cat $(DIST)/examples.log; \
	sh tools/sum_results.sh $(DIST)/unit.log $(DIST)/sql.log $(DIST)/examples.log

asan:
	$(MAKE) DIST=dist/asan CFLAGS="-O1 -g $(SAN)" LDFLAGS="$(SAN)" dist/asan/conflict.so
	@ASAN_OPTIONS=detect_leaks=1 LD_PRELOAD="$$($(CC) -print-file-name=libasan.so) $$($(CC) -print-file-name=libubsan.so)" \
	  SQLITE3=$(SQLITE3) sh sql-tests/run.sh dist/asan/conflict.so

valgrind: $(EXT)
	@SQLITE3="valgrind -q --leak-check=full --error-exitcode=99 $(SQLITE3)" sh sql-tests/run.sh $(EXT)

demo: deps $(EXT)
	@sh examples/demo.sh $(EXT)

bench: $(EXT)
	@sh bench/run.sh $(EXT)

clean:
	rm -rf dist

help:
	@echo "make [all|deps|demo|test|test-unit|test-sql|examples|asan|valgrind|bench|clean]"
