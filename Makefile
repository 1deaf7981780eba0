# yusuan - build, test and demo.
#
#   make            build/yusuan and build/libyusuan.a
#   make test       install dependencies, build, run every test (SAN=1: under ASan+UBSan)
#   make demo       install dependencies, build, run the main job
#   make fuzz       build the libFuzzer harnesses, replay the kept inputs and
#                   fuzz each harness FUZZ_SECONDS (10) seconds
#   make corpus CORPUS="DIR [DIR...]"
#                   check every document under the folders (JOBS threads, 1)
#                   and write CORPUS_OUT (./CORPUS.md): figures per family,
#                   timed beside pdftotext -layout
#
# Dependencies are found with pkg-config and installed by scripts/deps.sh.

CC      ?= cc
PKGS    := sqlite3 libpq jansson libutf8proc libzip expat xlsxwriter cairo pangocairo poppler-glib
TESTPKG := check

ifeq ($(SAN),1)
BUILD   := build/san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
OPT     := -O1
export UBSAN_OPTIONS := print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS := detect_leaks=1:abort_on_error=0
export LSAN_OPTIONS := suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
else
BUILD   := build
SANFLAGS :=
OPT     := -O2
endif

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
CPPFLAGS += -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
            -DYS_DATADIR='"$(CURDIR)/data"'
CFLAGS  ?= -g
CFLAGS  += -std=c11 -pthread $(OPT) $(WARN) $(SANFLAGS)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -pthread
TEST_CFLAGS = $(shell pkg-config --cflags $(TESTPKG))
TEST_LIBS   = $(shell pkg-config --libs $(TESTPKG))

LIB_SRC := $(wildcard src/*.c src/read/*.c src/render/*.c src/store/*.c src/write/*.c)
CLI_SRC := $(wildcard cli/*.c)
UNIT_SRC := $(wildcard tests/unit/test_*.c)

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/schema.o $(BUILD)/obj/gen/schema_pg.o \
           $(BUILD)/obj/gen/layouts.o
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

LIB := $(BUILD)/libyusuan.a
BIN := $(BUILD)/yusuan

.PHONY: all deps test unit clitest demo clean bench corpus
all: $(BIN) $(LIB)

deps:
	@scripts/deps.sh

# V=1 shows the full commands
ifeq ($(V),1)
Q :=
else
Q := @
endif

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

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

$(BUILD)/obj/gen/layouts.o: $(BUILD)/gen/layouts.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/obj/gen/schema.o: $(BUILD)/gen/schema.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/obj/gen/schema_pg.o: $(BUILD)/gen/schema_pg.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	@$(if $(Q),echo "  AR      $@")
	$(Q)ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h tests/unit/seedutil.h tests/unit/budgetgen.h $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) $(TEST_CFLAGS) -DYS_TESTDIR='"$(CURDIR)/tests"' \
		-o $@ $< $(LIB) $(PKG_LIBS) $(TEST_LIBS)

# JOBS=N: test binaries and CLI scripts run N at a time (default: nproc)
unit: $(UNIT_BIN)
	@sh tests/unit/run.sh $(UNIT_BIN)

clitest: $(BIN)
	@YUSUAN=$(CURDIR)/$(BIN) tests/cli/run.sh

# One throwaway PostgreSQL for both suites (tests/pg/run.sh; test_store and
# the CLI test of postgresql:// start their own when run alone).
test:
	@scripts/deps.sh --test
	@$(MAKE) --no-print-directory all
	@tests/pg/run.sh sh -c '$(MAKE) --no-print-directory unit && $(MAKE) --no-print-directory clitest'
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

clean:
	rm -rf build out

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
