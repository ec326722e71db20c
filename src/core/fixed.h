/*
 * fixed.h — exact, order-independent sums: 128-bit fixed-point numbers with
 * 32 fractional bits (Q95.32).
 *
 * Every aggregate that must give bit-identical results serially, in parallel
 * and across shards converts each float8 once, deterministically,
 * to this form and adds integers, which is associative and commutative.
 */
#ifndef ABZ_FIXED_H
#define ABZ_FIXED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef __int128 abz_fixed;

#define ABZ_FIXED_FRAC_BITS 32
#define ABZ_FIXED_TEXT_MAX 48	/* bytes for abz_fixed_format, NUL included */

/* round v to the nearest Q95.32 value; false if v is not finite or out of range */
bool		abz_fixed_from_double(double v, abz_fixed *out);

/* the nearest double to x */
double		abz_fixed_to_double(abz_fixed x);

/* *out = a + b; false on overflow */
bool		abz_fixed_add(abz_fixed a, abz_fixed b, abz_fixed *out);

/* raw scaled integer as decimal text (exact); returns length */
int			abz_fixed_format(abz_fixed x, char *buf);

/* parse the raw scaled integer written by abz_fixed_format; false if malformed or out of range */
bool		abz_fixed_parse(const char *s, const char **end, abz_fixed *out);

/* split into / join from two 64-bit halves, for binary send/receive */
void		abz_fixed_split(abz_fixed x, int64_t *hi, uint64_t *lo);
abz_fixed	abz_fixed_join(int64_t hi, uint64_t lo);

#endif							/* ABZ_FIXED_H */
