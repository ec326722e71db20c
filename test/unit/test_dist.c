/*
 * test_dist.c — samplers against their closed-form moments, Poisson counts
 * against the Poisson law, quantiles against known values, determinism.
 *
 * Tolerances: with N draws the sample mean has standard error sd/sqrt(N) and
 * the sample variance sqrt((m4 - sd^4)/N), m4 the fourth central moment
 * (estimated from the same sample).  We accept within 5 standard errors: a
 * correct sampler fails with probability about 6e-7 per check, a sampler
 * with a wrong formula (e.g. PERT with lambda 6, lognormal parameters taken
 * as log-scale, a Poisson off by a constant) misses by far more.  Seeds are
 * fixed, so the outcome is deterministic.
 */
#include <stdint.h>

#include "unit.h"
#include "dist.h"

#define N_SAMPLES 400000

/* a distribution parameter */
static AbzParam
param(int dist, double a, double b, double c)
{
	AbzParam	p;

	memset(&p, 0, sizeof(p));
	p.dist = (uint8_t) dist;
	p.a = a;
	p.b = b;
	p.c = c;
	return p;
}

/* sample N values of p and check mean and variance against closed forms */
static void
check_moments(const char *what, AbzParam p, double mean, double var, uint64_t seed)
{
	AbzRng		r;
	double		s1 = 0.0,
				s2 = 0.0,
				s4 = 0.0,
				m,
				v,
				m4,
				se_m,
				se_v;
	static double x[N_SAMPLES];
	int			i;

	abz_rng_init(&r, seed, 0);
	for (i = 0; i < N_SAMPLES; i++)
	{
		x[i] = abz_param_sample(&p, &r);
		s1 += x[i];
	}
	m = s1 / N_SAMPLES;
	for (i = 0; i < N_SAMPLES; i++)
	{
		double		d = x[i] - m;

		s2 += d * d;
		s4 += d * d * d * d;
	}
	v = s2 / (N_SAMPLES - 1);
	m4 = s4 / N_SAMPLES;
	se_m = sqrt(var / N_SAMPLES);
	se_v = sqrt(fmax(m4 - v * v, 0.0) / N_SAMPLES);
	if (!(fabs(m - mean) <= 5.0 * se_m) || !(fabs(v - var) <= 5.0 * se_v))
		fprintf(stderr, "    %s: mean %.10g (want %.10g, se %.3g) var %.10g (want %.10g, se %.3g)\n",
				what, m, mean, se_m, v, var, se_v);
	CHECK(fabs(m - mean) <= 5.0 * se_m);
	CHECK(fabs(v - var) <= 5.0 * se_v);
	/* the closed forms in the library agree with the ones written here */
	CHECK_NEAR(abz_param_mean(&p), mean, 1e-12);
	CHECK_NEAR(abz_param_variance(&p), var, 1e-12);
}

/* moments of every distribution of the grammar */
ABZ_SUITE(dist_moments)
{
	/* uniform(2, 10): mean 6, var 64/12 */
	check_moments("uniform", param(ABZ_UNIFORM, 2, 10, 0), 6.0, 64.0 / 12.0, 11);

	/*
	 * triangular(1, 2, 7): mean 10/3,
	 * var (1 + 4 + 49 - 2 - 7 - 14)/18 = 31/18
	 */
	check_moments("triangular", param(ABZ_TRIANGULAR, 1, 2, 7), 10.0 / 3.0, 31.0 / 18.0, 12);

	/*
	 * pert(0, 2, 10): alpha = 1 + 4*2/10 = 1.8, beta = 1 + 4*8/10 = 4.2,
	 * mean 0 + 10*1.8/6 = 3 = (0 + 8 + 10)/6, var 100*1.8*4.2/(36*7) = 3
	 */
	check_moments("pert", param(ABZ_PERT, 0, 2, 10), 3.0, 3.0, 13);
	/* pert(5, 5, 6): alpha 1, beta 5: mean 5 + 1/6, var 5/(36*7) */
	check_moments("pert-edge", param(ABZ_PERT, 5, 5, 6), 5.0 + 1.0 / 6.0, 5.0 / 252.0, 14);

	/* normal(-3, 2) */
	check_moments("normal", param(ABZ_NORMAL, -3, 2, 0), -3.0, 4.0, 15);

	/* lognormal(10, 3): mean and sd of the variable itself */
	check_moments("lognormal", param(ABZ_LOGNORMAL, 10, 3, 0), 10.0, 9.0, 16);
}

/* degenerate parameters and constants draw nothing surprising */
ABZ_SUITE(dist_degenerate)
{
	AbzRng		r;
	AbzParam	c = param(ABZ_CONST, 4.5, 0, 0);
	AbzParam	pe = param(ABZ_PERT, 3, 3, 3);
	AbzParam	tr = param(ABZ_TRIANGULAR, 2, 2, 2);
	AbzParam	ln = param(ABZ_LOGNORMAL, 7, 0, 0);
	AbzParam	no = param(ABZ_NORMAL, 1.5, 0, 0);

	abz_rng_init(&r, 1, 1);
	CHECK(abz_param_sample(&c, &r) == 4.5);
	CHECK(r.draw == 0);			/* a constant consumes no randomness */
	CHECK(abz_param_sample(&pe, &r) == 3.0);
	CHECK(abz_param_sample(&tr, &r) == 2.0);
	CHECK(abz_param_sample(&ln, &r) == 7.0);
	CHECK(abz_param_sample(&no, &r) == 1.5);
	CHECK(abz_param_variance(&c) == 0.0);
	CHECK(abz_param_variance(&pe) == 0.0);
	CHECK(abz_param_quantile(&c, 0.3) == 4.5);
	CHECK(abz_param_quantile(&pe, 0.3) == 3.0);
	CHECK(abz_param_quantile(&ln, 0.9) == 7.0);
}

/* sample_in clamps to the key's domain */
ABZ_SUITE(dist_sample_in)
{
	AbzRng		r;
	AbzParam	p = param(ABZ_NORMAL, 0.5, 1.0, 0);
	int			below = 0,
				above = 0,
				outside = 0,
				i;

	abz_rng_init(&r, 3, 0);
	for (i = 0; i < 10000; i++)
	{
		double		x = abz_param_sample_in(&p, 0.0, 1.0, &r);

		below += x == 0.0;
		above += x == 1.0;
		outside += x < 0.0 || x > 1.0;
	}
	CHECK(outside == 0);
	/* P(N(0.5,1) < 0) = P(> 1) = 0.3085: about 3085 each, SE 46 */
	CHECK(below > 2800 && below < 3370);
	CHECK(above > 2800 && above < 3370);
}

/*
 * Poisson mean and variance.  For Poisson(mu) the variance is mu and the
 * fourth central moment mu(1 + 3mu), so the sample mean has SE sqrt(mu/N)
 * and the sample variance SE sqrt((mu + 2mu^2)/N).
 */
ABZ_SUITE(dist_poisson_moments)
{
	static const double mus[] = {0.01, 0.3, 4, 25, 300};
	int			j;

	for (j = 0; j < 5; j++)
	{
		double		mu = mus[j];
		AbzRng		r;
		double		s1 = 0.0,
					s2 = 0.0,
					m,
					v;
		int			i;

		abz_rng_init(&r, 100 + j, 0);
		for (i = 0; i < N_SAMPLES; i++)
		{
			double		k = abz_rng_poisson(mu, &r);

			s1 += k;
			s2 += k * k;
		}
		m = s1 / N_SAMPLES;
		v = (s2 - N_SAMPLES * m * m) / (N_SAMPLES - 1);
		if (!(fabs(m - mu) <= 5.0 * sqrt(mu / N_SAMPLES)) ||
			!(fabs(v - mu) <= 5.0 * sqrt((mu + 2 * mu * mu) / N_SAMPLES)))
			fprintf(stderr, "    poisson(%g): mean %.8g var %.8g\n", mu, m, v);
		CHECK(fabs(m - mu) <= 5.0 * sqrt(mu / N_SAMPLES));
		CHECK(fabs(v - mu) <= 5.0 * sqrt((mu + 2 * mu * mu) / N_SAMPLES));
	}
}

/*
 * Poisson shape: a chi-square of the counts against the pmf, in bins
 * covering mu +- 5 sd with both tails pooled, for a mean on each side of
 * the inversion/PTRS switch.  A chi-square with df degrees of freedom has
 * mean df and sd sqrt(2 df); accept below df + 5 sd.
 */
ABZ_SUITE(dist_poisson_shape)
{
	static const double mus[] = {4, 9.99, 10, 25, 300};
	int			j;

	for (j = 0; j < 5; j++)
	{
		double		mu = mus[j];
		int			lo = (int) fmax(0.0, floor(mu - 5 * sqrt(mu)));
		int			hi = (int) ceil(mu + 5 * sqrt(mu));
		int			nb = hi - lo + 1;
		long		count[512] = {0};
		double		chi2 = 0.0,
					tail_lo = 0.0,
					tail_hi = 1.0;
		AbzRng		r;
		int			i,
					k;

		abz_rng_init(&r, 500 + j, 9);
		for (i = 0; i < N_SAMPLES; i++)
		{
			uint32_t	x = abz_rng_poisson(mu, &r);

			/* slot 0: below lo, slots 1..nb: lo..hi, slot nb+1: above hi */
			k = x < (uint32_t) lo ? 0 : x > (uint32_t) hi ? nb + 1 : (int) x - lo + 1;
			count[k]++;
		}
		for (k = 0; k < lo; k++)
			tail_lo += exp(-mu + k * log(mu) - lgamma(k + 1.0));
		tail_hi -= tail_lo;
		for (k = 0; k <= nb + 1; k++)
		{
			double		pk;

			if (k == 0)
				pk = tail_lo;
			else if (k <= nb)
			{
				pk = exp(-mu + (lo + k - 1) * log(mu) - lgamma(lo + k));
				tail_hi -= pk;
			}
			else
				pk = fmax(tail_hi, 0.0);
			if (pk * N_SAMPLES < 1.0)
				continue;		/* empty tail bins carry no information */
			chi2 += (count[k] - pk * N_SAMPLES) * (count[k] - pk * N_SAMPLES) / (pk * N_SAMPLES);
		}
		if (!(chi2 < nb + 5 * sqrt(2.0 * nb)))
			fprintf(stderr, "    poisson(%g): chi2 %g over %d bins\n", mu, chi2, nb);
		CHECK(chi2 < nb + 5 * sqrt(2.0 * nb));
	}

	/* P(0) of a small mean: e^-0.1 = 0.904837; SE sqrt(p(1-p)/N) = 4.6e-4 */
	{
		AbzRng		r;
		long		zeros = 0;
		int			i;

		abz_rng_init(&r, 8, 8);
		for (i = 0; i < N_SAMPLES; i++)
			zeros += abz_rng_poisson(0.1, &r) == 0;
		CHECK(fabs((double) zeros / N_SAMPLES - exp(-0.1)) < 5 * 4.6e-4);
	}
	{
		AbzRng		r;

		abz_rng_init(&r, 8, 8);
		CHECK(abz_rng_poisson(0.0, &r) == 0);
		CHECK(abz_rng_poisson(-1.0, &r) == 0);
		CHECK(r.draw == 0);
	}
}

/* quantiles against known values */
ABZ_SUITE(dist_quantiles)
{
	AbzParam	n01 = param(ABZ_NORMAL, 0, 1, 0);
	AbzParam	n = param(ABZ_NORMAL, 100, 15, 0);
	AbzParam	u = param(ABZ_UNIFORM, -1, 3, 0);
	AbzParam	t = param(ABZ_TRIANGULAR, 0, 1, 2);
	AbzParam	t2 = param(ABZ_TRIANGULAR, 0, 1, 4);
	AbzParam	ln = param(ABZ_LOGNORMAL, 1, 1, 0);
	AbzParam	pk0 = param(ABZ_PERT, 0, 0, 10);
	AbzParam	pk1 = param(ABZ_PERT, 0, 10, 10);
	AbzParam	psym = param(ABZ_PERT, 0, 5, 10);
	AbzParam	p24 = param(ABZ_PERT, 0, 2.5, 10);
	static const double qs[] = {1e-300, 1e-20, 1e-10, 1e-5, 0.001, 0.02, 0.02425,
	0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.99, 0.999999};
	double		worst = 0.0;
	int			i;

	/* standard normal: published values (e.g. qnorm in R) */
	CHECK_NEAR(abz_param_quantile(&n01, 0.975), 1.959963984540054, 1e-15);
	CHECK_NEAR(abz_param_quantile(&n01, 0.025), -1.959963984540054, 1e-15);
	CHECK_NEAR(abz_param_quantile(&n01, 0.9), 1.2815515655446004, 1e-15);
	CHECK_NEAR(abz_param_quantile(&n01, 0.95), 1.6448536269514722, 1e-15);
	CHECK_NEAR(abz_param_quantile(&n01, 0.999), 3.090232306167813, 1e-14);
	CHECK(abz_param_quantile(&n01, 0.5) == 0.0);
	CHECK_NEAR(abz_param_quantile(&n, 0.975), 100 + 15 * 1.959963984540054, 1e-14);

	/* round trip through the CDF Phi(x) = erfc(-x/sqrt 2)/2, relative to q */
	for (i = 0; i < (int) (sizeof(qs) / sizeof(qs[0])); i++)
	{
		double		x = abz_param_quantile(&n01, qs[i]);
		double		back = x < 0 ? 0.5 * erfc(-x / M_SQRT2) : 1.0 - 0.5 * erfc(x / M_SQRT2);
		double		rel = fabs(back - qs[i]) / fmin(qs[i], 1.0 - qs[i]);

		if (x > 0)				/* upper half: compare the tail 1 - q */
			rel = fabs(0.5 * erfc(x / M_SQRT2) - (1.0 - qs[i])) / (1.0 - qs[i]);
		worst = fmax(worst, rel);
	}
	if (!(worst < 1e-13))
		fprintf(stderr, "    worst normal round-trip error %g\n", worst);
	CHECK(worst < 1e-13);

	/* uniform(-1, 3) */
	CHECK(abz_param_quantile(&u, 0.25) == 0.0);
	CHECK(abz_param_quantile(&u, 0.5) == 1.0);

	/*
	 * triangular(0,1,2): F(x) = x^2/2 below the mode, so q(0.125) = 0.5,
	 * q(0.5) = 1, q(0.875) = 1.5.  triangular(0,1,4): F(1) = 1/4;
	 * q(0.625): 4 - sqrt(0.375*4*3) = 4 - sqrt(4.5)
	 */
	CHECK_NEAR(abz_param_quantile(&t, 0.125), 0.5, 1e-15);
	CHECK_NEAR(abz_param_quantile(&t, 0.5), 1.0, 1e-15);
	CHECK_NEAR(abz_param_quantile(&t, 0.875), 1.5, 1e-15);
	CHECK_NEAR(abz_param_quantile(&t2, 0.25), 1.0, 1e-15);
	CHECK_NEAR(abz_param_quantile(&t2, 0.625), 4.0 - sqrt(4.5), 1e-15);

	/*
	 * lognormal(1, 1): sigma^2 = ln 2, mu = -ln(2)/2, median exp(mu) =
	 * 1/sqrt 2; q(0.975) = exp(-ln2/2 + sqrt(ln 2) * 1.959963984540054)
	 */
	CHECK_NEAR(abz_param_quantile(&ln, 0.5), M_SQRT1_2, 1e-15);
	CHECK_NEAR(abz_param_quantile(&ln, 0.975),
			   exp(-0.5 * M_LN2 + sqrt(M_LN2) * 1.959963984540054), 1e-14);

	/*
	 * PERT: pert(0,0,10) is 10 Beta(1,5), F(x) = 1 - (1-x)^5, so
	 * q = 10 (1 - (1-q)^(1/5)); pert(0,10,10) is 10 Beta(5,1), q = 10 q^(1/5);
	 * pert(0,5,10) is symmetric with median 5; pert(0,2.5,10) is
	 * 10 Beta(2,4) with F(x) = sum_{j=2..5} C(5,j) x^j (1-x)^(5-j).
	 */
	CHECK_NEAR(abz_param_quantile(&pk0, 0.5), 10 * (1 - pow(0.5, 0.2)), 1e-12);
	CHECK_NEAR(abz_param_quantile(&pk0, 0.9), 10 * (1 - pow(0.1, 0.2)), 1e-12);
	CHECK_NEAR(abz_param_quantile(&pk1, 0.1), 10 * pow(0.1, 0.2), 1e-12);
	CHECK_NEAR(abz_param_quantile(&psym, 0.5), 5.0, 1e-12);
	CHECK_NEAR(abz_param_quantile(&psym, 0.2) + abz_param_quantile(&psym, 0.8), 10.0, 1e-12);
	{
		static const double pq[] = {0.01, 0.1, 0.5, 0.9, 0.99};

		for (i = 0; i < 5; i++)
		{
			double		x = abz_param_quantile(&p24, pq[i]) / 10.0;
			double		f = 10 * x * x * pow(1 - x, 3) + 10 * pow(x, 3) * pow(1 - x, 2)
				+ 5 * pow(x, 4) * (1 - x) + pow(x, 5);

			CHECK_NEAR(f, pq[i], 1e-12);
		}
	}

	/* quantiles are monotone in q */
	{
		double		prev = -INFINITY;
		int			mono = 1;

		for (i = 1; i < 1000; i++)
		{
			double		x = abz_param_quantile(&p24, i / 1000.0);

			mono &= x > prev;
			prev = x;
		}
		CHECK(mono);
	}

	/* ends of the support and out-of-range q */
	CHECK(abz_param_quantile(&u, 0.0) == -1.0);
	CHECK(abz_param_quantile(&u, 1.0) == 3.0);
	CHECK(isinf(abz_param_quantile(&n01, 1.0)));
	CHECK(isnan(abz_param_quantile(&n01, 1.5)));
	CHECK(isnan(abz_param_quantile(&pk0, -0.1)));
}

/* every sampler is a pure function of the stream */
ABZ_SUITE(dist_determinism)
{
	AbzParam	ps[5] = {
		param(ABZ_UNIFORM, 0, 1, 0), param(ABZ_TRIANGULAR, 0, 1, 3),
		param(ABZ_PERT, 1, 2, 9), param(ABZ_NORMAL, 0, 1, 0),
		param(ABZ_LOGNORMAL, 5, 2, 0)
	};
	AbzRng		a,
				b;
	int			same = 1,
				i;

	abz_rng_init(&a, 31337, 12);
	abz_rng_init(&b, 31337, 12);
	for (i = 0; i < 10000; i++)
	{
		same &= abz_param_sample(&ps[i % 5], &a) == abz_param_sample(&ps[i % 5], &b);
		same &= abz_rng_poisson(i % 2 ? 0.2 : 40.0, &a) == abz_rng_poisson(i % 2 ? 0.2 : 40.0, &b);
	}
	CHECK(same);
	CHECK(a.draw == b.draw && a.avail == b.avail);

	/* a pinned value: normal draw 0 of (seed 1, trial 0) never changes */
	abz_rng_init(&a, 1, 0);
	abz_rng_init(&b, 1, 0);
	{
		double		x = abz_rng_normal(&a);
		double		u1 = 2 * abz_rng_uniform(&b) - 1,
					u2 = 2 * abz_rng_uniform(&b) - 1;
		double		s = u1 * u1 + u2 * u2;

		/* the first pair is accepted unless s >= 1, then x is its polar value */
		if (s < 1.0)
			CHECK(x == u1 * sqrt(-2.0 * log(s) / s));
		else
			CHECK(x != u1);
	}
}
