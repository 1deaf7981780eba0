# tests/fuzz/fuzz.mk - libFuzzer harnesses (issue 7).  A make fragment: the
# top Makefile includes it, or run it alone from the top of the tree:
#
#   make -f tests/fuzz/fuzz.mk fuzz FUZZ_SECONDS=10
#
# `fuzz` builds every harness with clang (-fsanitize=fuzzer,address,undefined;
# the library compiled with fuzzer-no-link) into build/fuzz/, replays every
# input kept in tests/fuzz/regress/<h>/, then fuzzes each harness for
# FUZZ_SECONDS on a copy of its corpus in build/fuzz/corpus/<h> (tests/ is
# never written).  It fails if any harness fails.  See tests/fuzz/README.md.
#
# Everything here is FUZZ_-prefixed so that it never changes a variable of
# the top Makefile; PKGS is only set when nobody has set it.

ifeq ($(words $(MAKEFILE_LIST)),1)
FUZZ_STANDALONE := 1
endif
FUZZ_SAVED_GOAL := $(.DEFAULT_GOAL)

PKGS ?= sqlite3 jansson libutf8proc libzip expat xlsxwriter cairo pangocairo poppler-glib

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 10
FUZZ_DIR     ?= build/fuzz
FUZZ_HARNESSES := money text_decode doc_text doc_json doc_general doc_pdf catalog input_csv input_xlsx doc_xlsx batch narrative

FUZZ_SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CPPFLAGS := -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DYS_DATADIR='"$(CURDIR)/data"'
# no -Werror on the library: clang warns about things gcc does not, and the
# fuzz build must not break on a warning the main build does not make
FUZZ_CFLAGS   := -std=c11 -pthread -g -O1 -Wall -Wextra -Wno-unused-parameter $(FUZZ_SAN)
FUZZ_PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
FUZZ_PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -pthread

FUZZ_LIB_SRC := $(wildcard src/*.c src/read/*.c src/render/*.c src/store/*.c src/write/*.c)
FUZZ_LIB_OBJ = $(FUZZ_LIB_SRC:%.c=$(FUZZ_DIR)/obj/%.o) $(FUZZ_GEN_OBJ)
FUZZ_LIB     := $(FUZZ_DIR)/libyusuan-fuzz.a
FUZZ_BINS    := $(FUZZ_HARNESSES:%=$(FUZZ_DIR)/fuzz_%)

.PHONY: fuzz fuzz-build fuzz-regress fuzz-clean

fuzz: fuzz-build
	@FUZZ_DIR=$(FUZZ_DIR) FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run.sh $(FUZZ_HARNESSES)

# only the kept inputs, once each (fast; no fuzzing)
fuzz-regress: fuzz-build
	@FUZZ_DIR=$(FUZZ_DIR) FUZZ_SECONDS=0 tests/fuzz/run.sh $(FUZZ_HARNESSES)

fuzz-build: $(FUZZ_BINS)

fuzz-clean:
	rm -rf $(FUZZ_DIR)

$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(FUZZ_PKG_CFLAGS) -MMD -MP -c $< -o $@

# Files the library embeds as C strings (scripts/embed.sh), as the top
# Makefile makes them, but generated here: NAME, source, symbol.  A new
# embedded file needs a line here too.
define FUZZ_EMBED
FUZZ_GEN_OBJ += $$(FUZZ_DIR)/obj/gen/$(1).o
$$(FUZZ_DIR)/gen/$(1).c: $(2) scripts/embed.sh
	@mkdir -p $$(dir $$@)
	@scripts/embed.sh $(3) < $(2) > $$@
endef
FUZZ_GEN_OBJ :=
$(eval $(call FUZZ_EMBED,schema,src/store/schema.sql,ys_store_schema_sql))
$(if $(wildcard data/layouts/general.txt),$(eval $(call FUZZ_EMBED,layouts,data/layouts/general.txt,ys_layouts_general)))

$(FUZZ_DIR)/obj/gen/%.o: $(FUZZ_DIR)/gen/%.c
	@mkdir -p $(dir $@)
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_LIB): $(FUZZ_LIB_SRC:%.c=$(FUZZ_DIR)/obj/%.o) $(FUZZ_GEN_OBJ)
	@rm -f $@
	@echo "  AR      $@"
	@ar rcs $@ $^

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzzutil.h tests/fuzz/fuzzdoc.h $(FUZZ_LIB)
	@echo "  FUZZER  $@"
	@$(FUZZ_CC) $(FUZZ_CPPFLAGS) -DFUZZ_ROOT='"$(CURDIR)"' $(FUZZ_CFLAGS) -Werror -fsanitize=fuzzer \
		$(FUZZ_PKG_CFLAGS) $< $(FUZZ_LIB) $(FUZZ_PKG_LIBS) -o $@

-include $(FUZZ_LIB_SRC:%.c=$(FUZZ_DIR)/obj/%.d)

# Alone, `make -f tests/fuzz/fuzz.mk` means `fuzz`; included, the including
# Makefile's default goal stays its own.
ifdef FUZZ_STANDALONE
.DEFAULT_GOAL := fuzz
else
.DEFAULT_GOAL := $(FUZZ_SAVED_GOAL)
endif
