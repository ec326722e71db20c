/*
 * fuzz_common.h — what the libFuzzer harnesses share: an allocator that
 * records its one allocation (so a harness can free it after a failed
 * parse), and a check that aborts with a message.
 */
#ifndef ABZ_FUZZ_COMMON_H
#define ABZ_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *fuzz_last;

/* forget the previous allocation (call before each parse or decode whose failure frees it) */
static void
fuzz_begin(void)
{
	fuzz_last = NULL;
}

/* zeroed allocation of exactly n bytes (ASan sees any read beyond it) */
static void *
fuzz_alloc(size_t n)
{
	fuzz_last = calloc(1, n ? n : 1);
	return fuzz_last;
}

/* free what the last parse or decode allocated, whether it succeeded or not */
static void
fuzz_free_last(void)
{
	free(fuzz_last);
	fuzz_last = NULL;
}

/* abort with a message unless ok */
#define FUZZ_ASSERT(ok, ...) \
	do { if (!(ok)) { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); abort(); } } while (0)

#endif							/* ABZ_FUZZ_COMMON_H */
