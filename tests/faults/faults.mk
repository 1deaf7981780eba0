# tests/faults/faults.mk - allocation failure along the main paths
# (tests/faults/faults.c; SQLite's malloc tests).  Included by the top
# Makefile, whose BUILD, LIB, CC, ALL_CPPFLAGS, ALL_CFLAGS, PKG_CFLAGS and PKG_LIBS
# it uses.
#
#   make faults          every N on every path (FAULTS_ARGS: more options,
#                        e.g. --persist, or scenario names)
#   make test            runs a sample of N (the binary without arguments),
#                        as one of the unit tests
#
# The test binary is linked with --wrap for the allocation functions: the
# library's calls to them reach the test's allocator, which fails the Nth.
# libyusuan.a is the ordinary one; nothing is rebuilt for it.

FAULTS_BIN  := $(BUILD)/tests/faults
FAULTS_WRAP := -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=strndup,--wrap=realpath

$(FAULTS_BIN): tests/faults/faults.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(PKG_CFLAGS) -DYS_ROOT='"$(CURDIR)"' -o $@ $< $(LIB) $(PKG_LIBS) $(FAULTS_WRAP)

# the sample runs with the unit tests (make unit, make test)
UNIT_BIN += $(FAULTS_BIN)
unit: $(FAULTS_BIN)

.PHONY: faults
faults: $(FAULTS_BIN)
	@$(FAULTS_BIN) --all $(FAULTS_ARGS)
