/*
 * spark.c — a one-line Unicode block sparkline (see svg.h).
 */
#include "svg.h"

#include <math.h>

/* the eight blocks U+2581..U+2588, lowest first, in UTF-8 */
static const char *const blocks[8] = {
	"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
	"\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88"
};

/* a sparkline of v (see svg.h) */
size_t
abz_sparkline(const double *v, const bool *isnull, size_t n, char *buf, size_t cap)
{
	AbzText		t;
	double		lo = INFINITY,
				hi = -INFINITY;

	for (size_t i = 0; i < n; i++)
		if (!isnull || !isnull[i])
		{
			lo = fmin(lo, v[i]);
			hi = fmax(hi, v[i]);
		}
	abz_text_init(&t, buf, cap);
	for (size_t i = 0; i < n; i++)
	{
		int			level = 3;	/* a constant series: a flat line mid-height */

		if (isnull && isnull[i])
		{
			abz_text_put(&t, " ", 1);
			continue;
		}
		if (hi > lo)
		{
			/* halves: no overflow for ranges near DBL_MAX */
			level = (int) floor((v[i] / 2 - lo / 2) / (hi / 2 - lo / 2) * 8);
			level = level < 0 ? 0 : level > 7 ? 7 : level;
		}
		abz_text_put(&t, blocks[level], 3);
	}
	return abz_text_end(&t, cap);
}
