/*
 * test_topsis.c — the TOPSIS core: a worked example, scale invariance,
 * huge magnitudes without overflow, row-order independence and bad input.
 */
#include "unit.h"
#include "topsis.h"

/* the 3 x 3 worked example of docs/ranking.md (c3 a cost) */
ABZ_SUITE(topsis_worked)
{
	const double x[] = {3, 1, 2, 4, 2, 1, 0, 2, 2};
	const double w[] = {0.5, 0.3, 0.2};
	const bool	benefit[] = {true, true, false};
	double		scratch[3],
				out[3];
	AbzError	err;

	CHECK(abz_topsis(x, 3, 3, w, benefit, scratch, out, &err));
	/* A1: d+ = sqrt(0.1^2 + 0.1^2 + (0.2/3)^2), d- = 0.3 */
	CHECK_NEAR(out[0], 0.3 / (0.3 + sqrt(0.02 + 0.04 / 9)), 1e-14);
	CHECK_NEAR(out[1], 1.0, 1e-15);
	/* A3: d+ = sqrt(0.4^2 + (0.2/3)^2), d- = 0.1 */
	CHECK_NEAR(out[2], 0.1 / (0.1 + sqrt(0.16 + 0.04 / 9)), 1e-14);
}

/* scaling a column, or all weights, changes nothing; 1e300 does not overflow */
ABZ_SUITE(topsis_scale)
{
	const double x[] = {3, 1, 2, 4, 2, 1, 0, 2, 2};
	double		big[9];
	const double w[] = {5, 3, 2};
	const bool	benefit[] = {true, true, false};
	double		scratch[3],
				a[3],
				b[3];
	AbzError	err;

	for (int i = 0; i < 9; i++)
		big[i] = i % 3 == 0 ? x[i] * 1e300 : x[i];
	CHECK(abz_topsis(x, 3, 3, w, benefit, scratch, a, &err));
	CHECK(abz_topsis(big, 3, 3, w, benefit, scratch, b, &err));
	for (int i = 0; i < 3; i++)
	{
		CHECK(isfinite(b[i]));
		CHECK_NEAR(a[i], b[i], 1e-14);
	}
}

/* reversing the rows reverses the results bit for bit */
ABZ_SUITE(topsis_order)
{
	enum
	{
		N = 50
	};
	double		x[N * 2],
				r[N * 2],
				scratch[N],
				a[N],
				b[N];
	const double w[] = {1, 3};
	AbzError	err;

	for (int i = 0; i < N; i++)
	{
		x[2 * i] = 0.1 * ((i * 7919) % 97) + 1e-3 * i;
		x[2 * i + 1] = 1.0 / (1 + (i * 31) % 13);
	}
	for (int i = 0; i < N; i++)
	{
		r[2 * i] = x[2 * (N - 1 - i)];
		r[2 * i + 1] = x[2 * (N - 1 - i) + 1];
	}
	CHECK(abz_topsis(x, N, 2, w, NULL, scratch, a, &err));
	CHECK(abz_topsis(r, N, 2, w, NULL, scratch, b, &err));
	for (int i = 0; i < N; i++)
		CHECK(memcmp(&a[i], &b[N - 1 - i], sizeof(double)) == 0);
}

/* bad weights and criteria are refused with the domain error */
ABZ_SUITE(topsis_errors)
{
	const double x[] = {1, 2, 3, 4};
	const double neg[] = {1, -1};
	const double zero[] = {0, 0};
	const double ok[] = {1, 1};
	const double inf[] = {1, INFINITY, 3, 4};
	double		scratch[2],
				out[2];
	AbzError	err;

	CHECK(!abz_topsis(x, 2, 2, neg, NULL, scratch, out, &err) && err.code == ABZ_ERR_DOMAIN);
	CHECK(!abz_topsis(x, 2, 2, zero, NULL, scratch, out, &err) && err.code == ABZ_ERR_DOMAIN);
	CHECK(!abz_topsis(inf, 2, 2, ok, NULL, scratch, out, &err) && err.code == ABZ_ERR_DOMAIN);
	CHECK(!abz_topsis(x, 2, 0, ok, NULL, scratch, out, &err) && err.code == ABZ_ERR_LIMIT);
	/* identical alternatives are equally close: 0.5 */
	{
		const double same[] = {2, 2, 2, 2};

		CHECK(abz_topsis(same, 2, 2, ok, NULL, scratch, out, &err));
		CHECK(out[0] == 0.5 && out[1] == 0.5);
	}
}

/*
 * a subnormal column norm does not overflow the scale: row 2 dominates on
 * both criteria, so it is the ideal (1) and row 1 the anti-ideal (0)
 */
ABZ_SUITE(topsis_subnormal)
{
	const double x[] = {1e-320, 1, 2e-320, 3};
	const double w[] = {1, 1};
	double		scratch[2],
				out[2];
	AbzError	err;

	CHECK(abz_topsis(x, 2, 2, w, NULL, scratch, out, &err));
	CHECK(out[0] == 0.0);
	CHECK(out[1] == 1.0);
}

/* weights whose sum overflows are accepted and act like equal weights */
ABZ_SUITE(topsis_huge_weights)
{
	const double x[] = {3, 1, 2, 4, 2, 1, 0, 2, 2};
	const double huge[] = {1e308, 1e308, 1e308};
	const double one[] = {1, 1, 1};
	const bool	benefit[] = {true, true, false};
	double		scratch[3],
				a[3],
				b[3];
	AbzError	err;

	CHECK(abz_topsis(x, 3, 3, huge, benefit, scratch, a, &err));
	CHECK(abz_topsis(x, 3, 3, one, benefit, scratch, b, &err));
	for (int i = 0; i < 3; i++)
		CHECK(memcmp(&a[i], &b[i], sizeof(double)) == 0);
}
