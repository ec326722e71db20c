/*
 * sampler.h — a parameter's distribution with its derived constants
 * computed once (lognormal log-scale mu and sigma, PERT gamma constants),
 * for parameters drawn many times (a risk's per-event impacts).
 *
 * abz_sampler_draw(s, r) returns exactly abz_param_sample_in(p, lo, hi, r)
 * (same draws from the stream, same arithmetic), only without recomputing
 * the constants at every draw.
 */
#ifndef ABZ_SAMPLER_H
#define ABZ_SAMPLER_H

#include "dist.h"

typedef struct AbzSampler
{
	AbzParam	p;				/* the parameter */
	double		lo;				/* clamp domain */
	double		hi;
	double		k[4];			/* derived constants, by method */
	uint8_t		method;			/* how to draw, see dist.c */
} AbzSampler;

/* precompute the draw of p clamped to [lo, hi] */
void		abz_sampler_init(AbzSampler *s, const AbzParam *p, double lo, double hi);

/* one draw: the same value as abz_param_sample_in(&s->p, s->lo, s->hi, r) */
double		abz_sampler_draw(const AbzSampler *s, AbzRng *r);

#endif							/* ABZ_SAMPLER_H */
