/*
 * market.c — the market inputs of the monthly model and the names of its
 * monthly output columns.
 */
#include <math.h>
#include <string.h>

#include "rng.h"
#include "model.h"

#define ABZ_MONTH_NAME(id, name) #name,
const char *const abz_month_names[ABZ_MONTH_NFIELDS] = {
	ABZ_MONTH_FIELDS(ABZ_MONTH_NAME)
};
#undef ABZ_MONTH_NAME

/* check a market's numbers; false and err (22023) if out of domain */
bool
abz_market_check(const AbzMarket *m, AbzError *err)
{
	char		nb[ABZ_NUM_TEXT];

	if (!isfinite(m->accounts) || m->accounts < 0)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, "accounts",
						 "market accounts must be a finite number >= 0, got %s", abz_num_text(m->accounts, nb));
	if (!isfinite(m->adoption) || m->adoption < 0 || m->adoption >= 1)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, "adoption",
						 "market adoption must be in [0, 1), got %s", abz_num_text(m->adoption, nb));
	if (!isfinite(m->bass_p) || m->bass_p <= 0)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, "bass_p",
						 "market bass_p must be > 0, got %s", abz_num_text(m->bass_p, nb));
	if (!isfinite(m->bass_q) || m->bass_q < 0)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, "bass_q",
						 "market bass_q must be >= 0, got %s", abz_num_text(m->bass_q, nb));
	if (!isfinite(m->growth) || m->growth <= -1)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, "growth",
						 "market growth must be > -1, got %s", abz_num_text(m->growth, nb));
	return true;
}

/* h = mix(h xor bits(x)) over the five numbers in field order, from h = 0; -0.0 reads as 0.0 */
uint64_t
abz_market_hash(const AbzMarket *m)
{
	const double x[5] = {m->accounts, m->adoption, m->bass_p, m->bass_q, m->growth};
	uint64_t	h = 0;
	int			i;

	for (i = 0; i < 5; i++)
	{
		double		v = x[i] == 0 ? 0.0 : x[i];
		uint64_t	bits;

		memcpy(&bits, &v, sizeof bits);
		h = abz_splitmix64(h ^ bits);
	}
	return h;
}
