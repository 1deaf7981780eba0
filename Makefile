# yusuan - build, test, install and demo.
#
#   make            build/yusuan, build/libyusuan.a and the man page build/yusuan.1
#   make test       install dependencies, build, run every test (SAN=1: under ASan+UBSan)
#   make install    PREFIX (/usr/local): bin/yusuan, lib/libyusuan.a,
#                   lib/pkgconfig/yusuan.pc, include/yusuan/*.h,
#                   share/yusuan/{catalog,score,templates},
#                   share/man/man1/yusuan.1 (DESTDIR too)
#   make demo       install dependencies, build, run the main job
#   make serve-demo the web application on the example budget (docs/api.md)
#   make fuzz       build the libFuzzer harnesses, replay the kept inputs and
#                   fuzz each harness FUZZ_SECONDS (10) seconds
#   make corpus CORPUS="DIR [DIR...]"
#                   check every document under the folders (JOBS threads, 1)
#                   and write CORPUS_OUT (./CORPUS.md): figures per family,
#                   timed beside pdftotext -layout
#
# Flags: the project's own (BASIC_*) are kept apart from yours, CFLAGS,
# CPPFLAGS, LDFLAGS and LDLIBS, which are added after them (git's
# BASIC_CFLAGS): `make CFLAGS=-O0` keeps C11, -pthread and every warning.
# A warning fails the build only for developers and CI: DEVELOPER=1 adds
# -Werror; make test sets it, so CI (.ci/run: make test, make test SAN=1,
# make fuzz) builds with it by running the README's commands and no other.  Changing a flag rebuilds what it
# compiled ($(BUILD)/FLAGS); -Werror changes no object and rebuilds nothing.
#
# Dependencies are found with pkg-config and installed by scripts/deps.sh.

CC      ?= cc
CFLAGS  ?= -g
PREFIX  ?= /usr/local
PKGS    := sqlite3 libpq libargon2 libmicrohttpd jansson libutf8proc libzip expat xlsxwriter cairo pangocairo poppler-glib
TESTPKG := check
VERSION := $(shell sed -n 's/.*YUSUAN_VERSION "\(.*\)".*/\1/p' include/yusuan/yusuan.h)

ifeq ($(SAN),1)
BUILD   := build/san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
OPT     := -O1
export UBSAN_OPTIONS := print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS := detect_leaks=1:abort_on_error=0
export LSAN_OPTIONS := suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
# the sanitized build runs several times slower: the unit suites' time
# limits (tcase_set_timeout) stretched to match, not removed
export CK_TIMEOUT_MULTIPLIER := 3
else
BUILD   := build
SANFLAGS :=
OPT     := -O2
endif

WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
ifeq ($(DEVELOPER),1)
WARN    += -Werror
endif
BASIC_CPPFLAGS := -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
                  -DYS_DATADIR='"$(CURDIR)/data"'
BASIC_CFLAGS   := -std=c11 -pthread $(OPT) $(WARN) $(SANFLAGS)
BASIC_LDFLAGS  := -pthread $(SANFLAGS)
ALL_CPPFLAGS = $(BASIC_CPPFLAGS) $(CPPFLAGS)
ALL_CFLAGS   = $(BASIC_CFLAGS) $(CFLAGS)
ALL_LDFLAGS  = $(BASIC_LDFLAGS) $(LDFLAGS)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -pthread
TEST_CFLAGS = $(shell pkg-config --cflags $(TESTPKG))
TEST_LIBS   = $(shell pkg-config --libs $(TESTPKG))

LIB_SRC := $(wildcard src/*.c src/read/*.c src/render/*.c src/store/*.c src/write/*.c src/serve/*.c)
CLI_SRC := $(wildcard cli/*.c)
UNIT_SRC := $(wildcard tests/unit/test_*.c)

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/schema.o $(BUILD)/obj/gen/schema_pg.o \
           $(BUILD)/obj/gen/layouts.o
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

LIB := $(BUILD)/libyusuan.a
BIN := $(BUILD)/yusuan

MAN := $(BUILD)/yusuan.1

.PHONY: all deps test unit clitest demo serve-demo clean bench corpus install uninstall FORCE
all: $(BIN) $(LIB) $(MAN)

deps:
	@scripts/deps.sh

# V=1 shows the full commands
ifeq ($(V),1)
Q :=
else
Q := @
endif

# Everything that changes what the compiler and linker make, one line:
# the file changes when a flag does, and whatever it made is made again.
TRACK_FLAGS = $(CC) $(ALL_CPPFLAGS) $(filter-out -Werror,$(ALL_CFLAGS)) $(PKG_CFLAGS) $(ALL_LDFLAGS) $(LDLIBS)
FLAGS := $(BUILD)/FLAGS
$(FLAGS): FORCE
	@mkdir -p $(dir $@)
	@flags='$(subst ','\'',$(TRACK_FLAGS))'; \
	if test x"$$flags" != x"`cat $@ 2>/dev/null`"; then \
		test ! -f $@ || echo "  FLAGS   changed: rebuilding"; \
		printf '%s\n' "$$flags" > $@; \
	fi

$(BUILD)/obj/%.o: %.c $(FLAGS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

# The schema ships inside the library as a C string made from the .sql file.
$(BUILD)/gen/schema.c: src/store/schema.sql scripts/embed.sh
	@mkdir -p $(dir $@)
	scripts/embed.sh ys_store_schema_sql < $< > $@

# And in PostgreSQL's dialect, made from the same file (docs/storage.md).
$(BUILD)/gen/schema_pg.c: src/store/schema.sql scripts/schema-pg.sh scripts/embed.sh
	@mkdir -p $(dir $@)
	$(Q)scripts/schema-pg.sh < $< > $(BUILD)/gen/schema_pg.sql
	$(Q)scripts/embed.sh ys_store_schema_pg_sql < $(BUILD)/gen/schema_pg.sql > $@

# So do the layout descriptions of the general reader (docs/layouts.md).
$(BUILD)/gen/layouts.c: data/layouts/general.txt scripts/embed.sh
	@mkdir -p $(dir $@)
	$(Q)scripts/embed.sh ys_layouts_general < $< > $@

$(BUILD)/obj/gen/layouts.o: $(BUILD)/gen/layouts.c $(FLAGS)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/obj/gen/schema.o: $(BUILD)/gen/schema.c $(FLAGS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/obj/gen/schema_pg.o: $(BUILD)/gen/schema_pg.c $(FLAGS)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	@$(if $(Q),echo "  AR      $@")
	$(Q)ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB) $(FLAGS)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(PKG_LIBS) $(LDLIBS)

# yusuan(1), written by the program from its commands' option tables.
$(MAN): $(BIN)
	@$(if $(Q),echo "  MAN     $@")
	$(Q)$(BIN) help --man > $@.tmp && mv $@.tmp $@

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h tests/unit/seedutil.h tests/unit/budgetgen.h $(LIB) $(FLAGS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(PKG_CFLAGS) $(TEST_CFLAGS) -DYS_TESTDIR='"$(CURDIR)/tests"' \
		$(ALL_LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) $(TEST_LIBS) $(LDLIBS)

# JOBS=N: test binaries and CLI scripts run N at a time (default: nproc)
unit: $(UNIT_BIN)
	@sh tests/unit/run.sh $(UNIT_BIN)

clitest: $(BIN) $(MAN)
	+@YUSUAN=$(CURDIR)/$(BIN) tests/cli/run.sh

# The suite is the developers' build: a warning fails it (DEVELOPER=1).
# One throwaway PostgreSQL for both suites (tests/pg/run.sh; test_store and
# the CLI test of postgresql:// start their own when run alone).
test:
	@scripts/deps.sh --test
	@$(MAKE) --no-print-directory DEVELOPER=1 all
	@tests/pg/run.sh sh -c '$(MAKE) --no-print-directory DEVELOPER=1 unit && $(MAKE) --no-print-directory DEVELOPER=1 clitest'
ifneq ($(SAN),1)
	@# the harnesses are sanitized builds already: once is enough
	@$(MAKE) --no-print-directory fuzz-regress
endif

# libFuzzer harnesses (tests/fuzz/README.md): `make fuzz FUZZ_SECONDS=N`
# replays the kept inputs and fuzzes each harness N seconds (clang).
include tests/fuzz/fuzz.mk
include tests/faults/faults.mk
fuzz fuzz-regress: fuzz-deps
.PHONY: fuzz-deps
fuzz-deps:
	@scripts/deps.sh --fuzz

demo: deps
	@$(MAKE) --no-print-directory all
	@scripts/demo.sh $(BIN)

# The web application on the example (docs/api.md): an admin and an editor,
# the URL printed; SERVE_LISTEN=127.0.0.1:8080.  Ctrl-C stops it.
serve-demo: deps
	@$(MAKE) --no-print-directory all
	@scripts/serve-demo.sh $(BIN)

# The benchmark of issue 3: yusuan against DuckDB and the sqlite3 shell
# (needs Node.js/npm and GNU time: scripts/deps.sh --bench).  Not part of test.
bench: deps
	@scripts/deps.sh --bench
	@$(MAKE) --no-print-directory all
	@bench/run.sh $(RUNS)

# Real documents (issue 12): the folders are arguments; nothing else is read.
CORPUS_OUT ?= CORPUS.md
JOBS ?= 1
corpus:
	@test -n "$(CORPUS)" || { echo 'make corpus CORPUS="DIR [DIR...]": the folders of documents to check' >&2; exit 2; }
	@scripts/deps.sh --corpus
	@$(MAKE) --no-print-directory all
	@scripts/corpus.py $(CORPUS) --out "$(CORPUS_OUT)" --yusuan $(BIN) --jobs $(JOBS) --ledger tests/corpus/expected.tsv

# make install PREFIX=DIR [DESTDIR=STAGE]: the installed yusuan finds its
# data in PREFIX/share/yusuan from where it runs (the tree can be moved);
# programs linking the library find it by pkg-config (yusuan.pc, whose
# datadir variable names that folder) and $YUSUAN_DATA.
bindir       = $(PREFIX)/bin
libdir       = $(PREFIX)/lib
includedir   = $(PREFIX)/include
datadir      = $(PREFIX)/share/yusuan
mandir       = $(PREFIX)/share/man/man1
pkgconfigdir = $(libdir)/pkgconfig
DESTDIR ?=
D = $(DESTDIR)
SQ = '$(subst ','\'',$(1))'

install: all
	install -d $(call SQ,$(D)$(bindir)) $(call SQ,$(D)$(libdir)) $(call SQ,$(D)$(pkgconfigdir)) \
		$(call SQ,$(D)$(includedir)/yusuan) $(call SQ,$(D)$(datadir)) $(call SQ,$(D)$(mandir))
	install -m 755 $(BIN) $(call SQ,$(D)$(bindir)/yusuan)
	install -m 644 $(LIB) $(call SQ,$(D)$(libdir)/libyusuan.a)
	install -m 644 include/yusuan/*.h $(call SQ,$(D)$(includedir)/yusuan)
	install -m 644 $(MAN) $(call SQ,$(D)$(mandir)/yusuan.1)
	@# the catalogs, the score's items, the report's templates (the layout
	@# descriptions are compiled in)
	cd data && find catalog score templates -type f | while read -r f; do \
		install -d $(call SQ,$(D)$(datadir))/"$${f%/*}" && \
		install -m 644 "$$f" $(call SQ,$(D)$(datadir))/"$$f" || exit 1; \
	done
	sed -e 's|@PREFIX@|$(subst |,\|,$(PREFIX))|' -e 's|@VERSION@|$(VERSION)|' \
		-e 's|@REQUIRES@|$(PKGS)|' -e 's|@SANFLAGS@|$(SANFLAGS)|' \
		yusuan.pc.in > $(call SQ,$(D)$(pkgconfigdir)/yusuan.pc)

uninstall:
	rm -f $(call SQ,$(D)$(bindir)/yusuan) $(call SQ,$(D)$(libdir)/libyusuan.a) \
		$(call SQ,$(D)$(pkgconfigdir)/yusuan.pc) $(call SQ,$(D)$(mandir)/yusuan.1)
	rm -rf $(call SQ,$(D)$(includedir)/yusuan) $(call SQ,$(D)$(datadir))

clean:
	rm -rf build out

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
