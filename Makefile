# aibiz — PGXS build of the extension, plus the server-free core targets.
#
# The C core (src/core) has no PostgreSQL headers; the fmgr glue (src/pg)
# wraps it.  The extension script is assembled from sql/src/*.sql in order.

EXTENSION    = aibiz
EXTVERSION   = 0.4.0
MODULE_big   = aibiz

CORE_SRCS    = $(sort $(wildcard src/core/*.c))
PG_SRCS      = $(sort $(wildcard src/pg/*.c))
OBJS         = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)

SQL_PARTS    = $(sort $(wildcard sql/src/*.sql))
# Upgrade scripts.  A released step is frozen whole under sql/upgrade/ and
# copied.  The step to the current version is a handwritten part
# (sql/upgrade/) followed by the parts of the install script that create
# objects anew (the handwritten part drops what they re-create).
UPGRADE_0_1_1 = sql/$(EXTENSION)--0.1.0--0.1.1.sql
UPGRADE_0_2_0 = sql/$(EXTENSION)--0.1.1--0.2.0.sql
UPGRADE_0_3_0 = sql/$(EXTENSION)--0.2.0--0.3.0.sql
UPGRADE_0_4_0 = sql/$(EXTENSION)--0.3.0--0.4.0.sql
# the install parts (sql/src files) the step to 0.4.0 creates: 0.4.0 changes
# the stored format of the three input types and adds their rewrite()
UPGRADE_0_4_0_NEW = sql/src/54_rewrite_inputs.sql
DATA_built   = sql/$(EXTENSION)--$(EXTVERSION).sql $(UPGRADE_0_1_1) $(UPGRADE_0_2_0) \
               $(UPGRADE_0_3_0) $(UPGRADE_0_4_0)

TESTS        = $(sort $(wildcard test/sql/*.sql))
REGRESS      = $(patsubst test/sql/%.sql,%,$(TESTS))
REGRESS_OPTS = --inputdir=test --outputdir=test

PG_CFLAGS    = -std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter \
               -Wno-missing-field-initializers -Wno-sign-compare -Isrc/core
PG_CPPFLAGS  = -Isrc/core
SHLIB_LINK   = -lm

EXTRA_CLEAN  = $(DATA_built) test/results test/regression.diffs test/regression.out build

PG_CONFIG   ?= pg_config
PGXS        := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# every object depends on every header (PGXS generates no dependency files here)
$(OBJS): $(wildcard src/core/*.h) $(wildcard src/pg/*.h)

sql/$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PARTS)
	cat $(SQL_PARTS) > $@

$(UPGRADE_0_1_1): sql/upgrade/$(EXTENSION)--0.1.0--0.1.1.sql
	cp $< $@

$(UPGRADE_0_2_0): sql/upgrade/$(EXTENSION)--0.1.1--0.2.0.sql
	cp $< $@

$(UPGRADE_0_3_0): sql/upgrade/$(EXTENSION)--0.2.0--0.3.0.sql
	cp $< $@

$(UPGRADE_0_4_0): sql/upgrade/$(EXTENSION)--0.3.0--0.4.0.sql $(UPGRADE_0_4_0_NEW)
	cat $^ > $@

# ---- server-free core: unit tests, sanitizers, fuzzing, benchmarks ----
CORE_CC      ?= cc
CORE_CFLAGS  ?= -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter -Isrc/core
UNIT_SRCS    = $(sort $(wildcard test/unit/*.c))
# PostgreSQL's shortest float8 routine (d2s.o in libpgcommon.a, which needs
# libpgport.a), so that the unit tests and fuzz harnesses also run the
# formatter the server installs; without the archives they test the loop only.
PG_PKGLIB   := $(shell $(PG_CONFIG) --pkglibdir)
PG_SHORTEST_LIBS := $(wildcard $(PG_PKGLIB)/libpgcommon.a $(PG_PKGLIB)/libpgport.a)
ifeq ($(words $(PG_SHORTEST_LIBS)),2)
CORE_PG_SHORTEST = -DABZ_HAVE_PG_SHORTEST
else
CORE_PG_SHORTEST =
PG_SHORTEST_LIBS =
endif

build/unit: $(CORE_SRCS) $(UNIT_SRCS) $(wildcard src/core/*.h) $(wildcard test/unit/*.h)
	@mkdir -p build
	$(CORE_CC) $(CORE_CFLAGS) $(CORE_PG_SHORTEST) -o $@ $(CORE_SRCS) $(UNIT_SRCS) $(PG_SHORTEST_LIBS) -lm

# the sanitizer build uses the scalar Philox refill, so the stream tests check both refills
build/unit-asan: $(CORE_SRCS) $(UNIT_SRCS) $(wildcard src/core/*.h) $(wildcard test/unit/*.h)
	@mkdir -p build
	clang -std=gnu11 -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	  -DABZ_RNG_SCALAR -fno-sanitize-recover=all -Wall -Wextra -Werror -Wno-unused-parameter -Isrc/core \
	  $(CORE_PG_SHORTEST) -o $@ $(CORE_SRCS) $(UNIT_SRCS) $(PG_SHORTEST_LIBS) -lm

# one libFuzzer harness per fuzz/fuzz_<name>.c, its seed corpus in fuzz/corpus/<name>/
build/fuzz-%: fuzz/fuzz_%.c $(CORE_SRCS) $(wildcard src/core/*.h) $(wildcard fuzz/*.h)
	@mkdir -p build
	clang -std=gnu11 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	  -Wall -Wextra -Werror -Wno-unused-parameter -Wno-unused-function \
	  -Isrc/core $(CORE_PG_SHORTEST) -o $@ $(CORE_SRCS) $< $(PG_SHORTEST_LIBS) -lm

unit: build/unit
	./build/unit

unit-asan: build/unit-asan
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ./build/unit-asan

.PHONY: unit unit-asan

# The 0.1.0 install script ran hijackable code as superuser: an install
# removes a copy an older build left behind, so that nobody can still
# CREATE EXTENSION aibiz VERSION '0.1.0' (updating from it needs only the
# update script).
install: remove-unsafe-scripts
remove-unsafe-scripts:
	rm -f '$(DESTDIR)$(datadir)/extension/$(EXTENSION)--0.1.0.sql'
.PHONY: remove-unsafe-scripts
