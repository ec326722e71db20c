/*
 * model_block_step.h — the month of a block of trials on vectors of BW
 * lanes, included by model_block.c once per instruction set: define BW
 * (lanes per vector), BLOCK_TARGET (the target attribute's string) and
 * BLOCK_FN(name) (the name of this copy's function) first.
 *
 * Every lane performs run()'s floating-point operations (model_run.c,
 * model_step.h) in the same order and association; a branch of run() is a
 * select (both sides computed, the lane's side kept).  No product is fused
 * with a sum: the file is compiled with contraction off (model_block.c).
 */

#define NVEC		(LANES / BW)
#define VFN			static inline __attribute__((always_inline, target(BLOCK_TARGET)))

typedef double BLOCK_FN(vd) __attribute__((vector_size(8 * BW), aligned(8 * BW)));
typedef long long BLOCK_FN(vm) __attribute__((vector_size(8 * BW), aligned(8 * BW)));

#define vd			BLOCK_FN(vd)
#define vm			BLOCK_FN(vm)
/* vector q of a lane array (aligned to 64) */
#define VEC(a, q)	(((vd *) (a))[q])

/* a where m, else b (m: all ones or all zeros per lane) */
VFN vd
BLOCK_FN(sel) (vm m, vd a, vd b)
{
	return (vd) (((vm) a & m) | ((vm) b & ~m));
}

/* the lanes of m that are set, a bit each */
VFN uint32_t
BLOCK_FN(bits) (vm m)
{
#if BW == 8
	return (uint32_t) _mm512_test_epi64_mask((__m512i) m, (__m512i) m);
#else
	uint32_t	r = 0;

	for (int i = 0; i < BW; i++)
		r |= (uint32_t) (m[i] & 1) << i;
	return r;
#endif
}

/* the lanes (of the block) where a < b, and where a >= b, a bit each */
VFN void
BLOCK_FN(lanes_cmp) (const double *a, double b, uint32_t *lt, uint32_t *ge)
{
	const vd	bv = (vd) {0} + b;

	*lt = *ge = 0;
	for (int q = 0; q < NVEC; q++)
	{
		*lt |= BLOCK_FN(bits) (VEC(a, q) < bv) << (q * BW);
		*ge |= BLOCK_FN(bits) (VEC(a, q) >= bv) << (q * BW);
	}
}

/* the lanes whose next arrival has come by month t, or that count events by Poisson draws */
VFN uint32_t
BLOCK_FN(due) (const Block *B, int t)
{
	uint32_t	bits = B->pois;
	const vd	tv = (vd) {0} + (double) t;

	for (int q = 0; q < NVEC; q++)
		bits |= BLOCK_FN(bits) (VEC(B->rnext_any, q) <= tv) << (q * BW);
	return bits & B->live;
}

/* advance_streams() on every lane: the year-based factors before launch */
VFN void
BLOCK_FN(advance) (const AbzModel *m, Block *B)
{
	for (int j = 0; j < m->nrev; j++)
	{
		int			c = m->ss[j].code;
		double	   *cf = B->tm.cf + j * LANES,
				   *pf = B->tm.pf + j * LANES;
		const double *f0 = B->tm.f0 + j * LANES,
				   *f1 = B->tm.f1 + j * LANES,
				   *f2 = B->tm.f2 + j * LANES;

		for (int q = 0; q < NVEC; q++)
		{
			if (c == ABZ_REV_SUBSCRIPTION)
				VEC(cf, q) *= VEC(f0, q);
			else if (c == ABZ_REV_USAGE)
			{
				VEC(cf, q) *= VEC(f2, q);
				VEC(pf, q) *= VEC(f1, q);
			}
		}
	}
}

/*
 * acquire() on vector q of the lanes in month t: new accounts; updates the
 * accounts and caps them (and the subscription pools) at the market
 */
VFN vd
BLOCK_FN(acquire) (const AbzModel *m, Block *B, int q, vd Bud, int t)
{
	const int	H = m->horizon,
				nsub = m->kind_end[ABZ_REV_SUBSCRIPTION];
	const vd	zero = {0},
				one = zero + 1.0;
	vd			Mt = zero + m->series[t - 1],
				A = zero + m->series[H + t - 1],
				invM = zero + m->series[2 * H + t - 1],
				C = VEC(B->C, q),
				sig = VEC(B->sig, q),
				room = Mt - C,
				sb = sig * Bud,
				b1 = (sb * VEC(B->inv_cac, q)) * (one - C * invM),
				b2 = BLOCK_FN(sel) (sb > zero, zero + HUGE_VAL, zero),
				b = BLOCK_FN(sel) ((Bud > zero) & (C < Mt),
								   BLOCK_FN(sel) (VEC(B->cac, q) > zero, b1, b2), zero),
				n = VEC(B->capture, q) * sig * A + b;
	vm			cap;

	room = BLOCK_FN(sel) (room < zero, zero, room);
	n = BLOCK_FN(sel) (n > room, room, n);
	C = C * (one - VEC(B->churn, q)) + n;
	cap = C > Mt;
	if (BLOCK_FN(bits) (cap))
	{
		vd			f = Mt / C;

		for (int j = 0; j < nsub; j++)
		{
			double	   *pool = B->tm.pool + j * LANES;

			VEC(pool, q) = BLOCK_FN(sel) (cap, VEC(pool, q) * f, VEC(pool, q));
		}
		C = BLOCK_FN(sel) (cap, Mt, C);
	}
	VEC(B->C, q) = C;
	return n;
}

/*
 * streams() on vector q of the lanes in a month from launch: gross revenue
 * G_t; *cor the cost of revenue (a block has no licensing terms, whose
 * revenue is then the 0 that run() adds)
 */
VFN vd
BLOCK_FN(streams) (const AbzModel *m, Block *B, int q, vd n, bool aged, vd *cor)
{
	const BlockTerms *T = &B->tm;
	const vd	zero = {0};
	vd			c = zero,
				r_sub = zero,
				r_use = zero,
				r_adv = zero,
				r_lic = zero,
				C = VEC(B->C, q),
				pi = VEC(B->pi, q);
	int			j = 0,
				k;

	for (; j < m->kind_end[ABZ_REV_SUBSCRIPTION]; j++)
	{
		k = j * NVEC + q;
		VEC(T->cf, k) *= VEC(T->f0, k);
		VEC(T->pool, k) = VEC(T->pool, k) * VEC(T->g, k) + VEC(T->kr, k) * n * pi;
		r_sub += VEC(T->pool, k);
		c += VEC(T->kc, k) * C * VEC(T->cf, k);
	}
	for (; j < m->kind_end[ABZ_REV_USAGE]; j++)
	{
		vd			cg;

		k = j * NVEC + q;
		VEC(T->cf, k) *= VEC(T->f2, k);
		VEC(T->pf, k) *= VEC(T->f1, k);
		if (aged)
			VEC(T->gf, k) *= VEC(T->f0, k);
		cg = C * VEC(T->gf, k);
		r_use += VEC(T->kr, k) * cg * VEC(T->pf, k) * pi;
		c += VEC(T->kc, k) * cg * VEC(T->cf, k);
	}
	for (; j < m->kind_end[ABZ_REV_ADVERTISING]; j++)
	{
		k = j * NVEC + q;
		if (aged)
			VEC(T->gf, k) *= VEC(T->f0, k);
		r_adv += VEC(T->kr, k) * C * VEC(T->gf, k) * pi;
		c += VEC(T->kc, k) * C;
	}
	*cor = c;
	return ((r_sub + r_use) + r_adv) + r_lic;
}

/*
 * The per-lane end of month t: each live lane's series, its breakeven, its
 * death (lanes found by vector comparisons, a bit each); returns the lanes
 * still alive
 */
VFN int
BLOCK_FN(lanes_end) (const AbzModel *m, Block *B, int t, AbzTrial *out, double *revenue,
					 double *cash)
{
	int			H = m->horizon;
	uint32_t	neg,
				nonneg,
				x,
				b;

	BLOCK_FN(lanes_cmp) (B->K, 0.0, &neg, &x);
	BLOCK_FN(lanes_cmp) (B->F, 0.0, &x, &nonneg);
	for (b = B->live; b; b &= b - 1)
	{
		int			l = __builtin_ctz(b);

		revenue[(size_t) l * H + t - 1] = B->R[l];
		cash[(size_t) l * H + t - 1] = B->K[l];
	}
	if (t >= m->launch)
		for (b = B->live & nonneg; b; b &= b - 1)
		{
			int			l = __builtin_ctz(b);

			if (B->breakeven[l] == 0)
				B->breakeven[l] = t;
		}
	for (b = B->live & neg; b; b &= b - 1)
	{
		int			l = __builtin_ctz(b);

		B->alive[l] = false;
		B->live &= ~(1u << l);
		lane_finish(m, B, l, t, &out[l], revenue + (size_t) l * H, cash + (size_t) l * H);
	}
	return __builtin_popcount(B->live);
}

/*
 * Month t of every lane (see model_block.c): the common steps, the lanes'
 * risk events, then run()'s arithmetic on each vector of lanes; returns the
 * lanes still alive.
 */
static int	__attribute__((target(BLOCK_TARGET)))
BLOCK_FN(block_month) (AbzModel *m, Block *B, BlockClock *ck, int t, AbzTrial *out,
					   double *revenue, double *cash)
{
	const vd	zero = {0};
	bool		launched = t >= m->launch,
				aged = t > m->launch,
				train;

	for (int q = 0; q < NVEC; q++)
	{
		VEC(B->disc, q) *= VEC(B->v, q);
		VEC(B->tf, q) *= VEC(B->team_f, q);
		VEC(B->trf, q) *= VEC(B->train_f, q);
		VEC(B->L, q) = zero;
	}
	if (t < m->launch)
		BLOCK_FN(advance) (m, B);
	train = block_common(m, B, ck, t, BLOCK_FN(due) (B, t), out);
	for (int q = 0; q < NVEC; q++)
	{
		vd			Bud = zero,
					nacc,
					G = zero,
					cor = zero,
					R,
					F,
					opex,
					mkt,
					trn = zero,
					riskc,
					keep = VEC(B->keep, q),
					L = VEC(B->L, q);

		if (launched)
		{
			if (aged)
				VEC(B->bf, q) *= VEC(B->mkt_f, q);
			Bud = VEC(B->budget, q) * VEC(B->bf, q);
			nacc = BLOCK_FN(acquire) (m, B, q, Bud, t);
			G = BLOCK_FN(streams) (m, B, q, nacc, aged, &cor);
		}
		R = VEC(B->R, q) = G * VEC(B->netf, q);
		opex = (VEC(B->team0, q) * VEC(B->tf, q) + VEC(B->E, q)) * keep;
		mkt = Bud * keep;
		if (train)
			trn = VEC(B->train0, q) * VEC(B->trf, q) * keep;
		riskc = L * keep + VEC(B->fixed_risk, q);
		cor *= keep;
		F = VEC(B->F, q) = R - (((cor + opex) + (mkt + trn)) + riskc);
		VEC(B->K, q) += F + VEC(B->fund, q);
		VEC(B->npv, q) += F * VEC(B->disc, q);
		VEC(B->risk_loss, q) += L * keep;
	}
	return BLOCK_FN(lanes_end) (m, B, t, out, revenue, cash);
}

#undef vd
#undef vm
#undef VEC
#undef VFN
#undef NVEC
