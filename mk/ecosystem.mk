# Included from the Makefile: static libraries, pkg-config, install/uninstall.
#
#   make static                      $(DIST)/libconflict.a (core, include/conflict.h)
#                                    $(DIST)/libconflict_sqlite.a (core + SQLite binding built
#                                    with -DSQLITE_CORE: link it into an application and call
#                                    sqlite3_auto_extension(sqlite3_conflict_init))
#   make install [PREFIX=/usr/local] [DESTDIR=]   extension, static libraries, headers, conflict.pc
#   make uninstall [PREFIX=...] [DESTDIR=]
#   make install-check               installs into a scratch DESTDIR and builds a program
#                                    against it with pkg-config
PREFIX     ?= /usr/local
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PCDIR      ?= $(LIBDIR)/pkgconfig
AR         ?= ar

LIB_CORE   := $(DIST)/libconflict.a
LIB_SQLITE := $(DIST)/libconflict_sqlite.a
PC_FILE    := $(DIST)/conflict.pc
CORE_SQLITE_OBJ := $(SQLITE_SRC:ext/sqlite/%.c=$(OBJ)/sqlite-core/%.o)

.PHONY: static install uninstall install-check

static: $(LIB_CORE) $(LIB_SQLITE) $(PC_FILE)

$(LIB_CORE): $(CORE_OBJ)
	@echo "  AR    $@"
	@rm -f $@
	@$(AR) rcs $@ $^

$(OBJ)/sqlite-core/%.o: ext/sqlite/%.c $(HEADERS)
	@mkdir -p $(OBJ)/sqlite-core
	@echo "  CC    $< (SQLITE_CORE)"
	@$(CC) $(CPPFLAGS) -DSQLITE_CORE $(WARN) $(CFLAGS) -fPIC -c $< -o $@

$(LIB_SQLITE): $(CORE_OBJ) $(CORE_SQLITE_OBJ)
	@echo "  AR    $@"
	@rm -f $@
	@$(AR) rcs $@ $^

$(PC_FILE): VERSION mk/ecosystem.mk
	@mkdir -p $(DIST)
	@printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
	  'Name: conflict' \
	  'Description: places, casualty counts, actors, sources and dates in conflict news (core library)' \
	  'Version: $(VERSION)' \
	  'Requires.private: libpcre2-8 libutf8proc' \
	  'Libs: -L$${libdir} -lconflict' \
	  'Libs.private: -lm' \
	  'Cflags: -I$${includedir}' > $@

install: $(EXT) static
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PCDIR)
	install -m 755 $(EXT) $(DESTDIR)$(LIBDIR)/conflict.so
	install -m 644 $(LIB_CORE) $(LIB_SQLITE) $(DESTDIR)$(LIBDIR)/
	install -m 644 include/conflict.h include/conflict_sqlite.h $(DESTDIR)$(INCLUDEDIR)/
	install -m 644 $(PC_FILE) $(DESTDIR)$(PCDIR)/conflict.pc

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/conflict.so $(DESTDIR)$(LIBDIR)/libconflict.a \
	  $(DESTDIR)$(LIBDIR)/libconflict_sqlite.a $(DESTDIR)$(INCLUDEDIR)/conflict.h \
	  $(DESTDIR)$(INCLUDEDIR)/conflict_sqlite.h $(DESTDIR)$(PCDIR)/conflict.pc

# A program built only from what `make install` put under DESTDIR.
STAGE := $(abspath $(DIST)/stage)
install-check:
	@rm -rf $(STAGE) && $(MAKE) --no-print-directory install DESTDIR=$(STAGE) > $(DIST)/install.log
	@pc="$(STAGE)$(PCDIR)"; \
	$(CC) -std=c11 -o $(DIST)/core_api examples/workflow/core_api.c \
	  $$(PKG_CONFIG_PATH=$$pc PKG_CONFIG_SYSROOT_DIR=$(STAGE) pkg-config --static --cflags --libs conflict) && \
	$(DIST)/core_api && \
	$(MAKE) --no-print-directory uninstall DESTDIR=$(STAGE) >> $(DIST)/install.log && \
	left=$$(find $(STAGE) -type f | wc -l) && [ $$left -eq 0 ] && echo "install-check: 1 passed, 0 failed" || \
	  { echo "install-check: 0 passed, 1 failed"; exit 1; }

# the examples also build the C workflow with the extension linked in
examples: $(LIB_SQLITE)
examples: export CONFLICT_STATIC_LIB := $(abspath $(LIB_SQLITE))

# docs/map.png: the sample dispatches on a Leaflet map in headless Chromium
# (skips with a message without chromium, node or npm; not part of `make test`)
.PHONY: map
map: $(EXT)
	@sh examples/map/run.sh $(EXT) docs/map.png
