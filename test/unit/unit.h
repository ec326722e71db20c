/*
 * unit.h — a minimal test harness for the server-free core.
 *
 * Each test file registers its suites with ABZ_SUITE(name); the runner
 * (main.c) runs them all and ends with "N passed, N failed".  CHECK counts
 * one assertion; a failed one prints its file, line and expression.
 */
#ifndef ABZ_UNIT_H
#define ABZ_UNIT_H

#include <string.h>
#include "simulate.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef void (*abz_suite_fn) (void);

void		abz_unit_register(const char *name, abz_suite_fn fn);
void		abz_unit_result(int ok, const char *file, int line, const char *expr);

/* a value of kind parsed from text (malloc'd); NULL, with the message printed, if it does not parse */
AbzSpec    *unit_spec(AbzKind kind, const char *text);

#define ABZ_SUITE(name) \
	static void suite_##name(void); \
	__attribute__((constructor)) static void register_##name(void) \
	{ abz_unit_register(#name, suite_##name); } \
	static void suite_##name(void)

#define CHECK(expr) abz_unit_result((expr) ? 1 : 0, __FILE__, __LINE__, #expr)

/* |a - b| <= tol * max(1, |b|) */
#define CHECK_NEAR(a, b, tol) do { \
	double a_ = (a), b_ = (b); \
	int ok_ = fabs(a_ - b_) <= (tol) * fmax(1.0, fabs(b_)); \
	if (!ok_) fprintf(stderr, "    %s = %.17g, expected %.17g\n", #a, a_, b_); \
	abz_unit_result(ok_, __FILE__, __LINE__, #a " ~ " #b); } while (0)

#define CHECK_STR(a, b) do { \
	const char *a_ = (a), *b_ = (b); \
	int ok_ = strcmp(a_, b_) == 0; \
	if (!ok_) fprintf(stderr, "    got      \"%s\"\n    expected \"%s\"\n", a_, b_); \
	abz_unit_result(ok_, __FILE__, __LINE__, #a " == " #b); } while (0)

/* the version 2 block of a plain simulation of trials trials without equity slots */
static inline const AbzSimExt *
unit_sim_ext(int32_t trials)
{
	static AbzSimExt e;

	memset(&e, 0, sizeof(e));
	e.requested = trials;
	return &e;
}

/* simulation options of a plain run */
static inline AbzSimOptions
unit_sim_opts(int64_t seed, int32_t trials)
{
	AbzSimOptions o;

	memset(&o, 0, sizeof(o));
	o.seed = seed;
	o.trials = trials;
	return o;
}

#endif							/* ABZ_UNIT_H */
