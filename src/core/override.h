/*
 * override.h — change one input of a revenue_model, risk_profile or plan:
 * paths into a value ("team.headcount", "usage[2].price",
 * "competition.strategy.effect", "round[2].amount", "entry.mode"), setting
 * a key from text of the value grammar, scaling a key, and the list of a
 * value's inputs that the sensitivity tools vary.
 *
 * Pure C, no PostgreSQL headers.  Every result passes abz_validate(), the
 * check every input value passes.
 */
#ifndef ABZ_OVERRIDE_H
#define ABZ_OVERRIDE_H

#include <stdbool.h>
#include <stddef.h>

#include "spec.h"

#define ABZ_PATH_MAX		96	/* bytes of a path's canonical text, NUL included */
#define ABZ_MAX_INPUTS		(ABZ_MAX_TERMS * ABZ_MAX_KEYS)	/* inputs of one value */

/* What a path names. */
typedef enum AbzTarget
{
	ABZ_TARGET_KEY = 0,			/* a numeric key (slot) */
	ABZ_TARGET_STRATEGY,		/* a risk term's strategy */
	ABZ_TARGET_MODE,			/* the entry term's mode */
	ABZ_TARGET_SCOPE			/* a risk term's scope (company or market) */
} AbzTarget;

/* A path resolved against one value. */
typedef struct AbzPath
{
	uint8_t		kind;			/* AbzKind of the value */
	uint8_t		code;			/* term code */
	uint8_t		slot;			/* key slot (ABZ_TARGET_KEY) */
	uint8_t		target;			/* AbzTarget */
	int			pos;			/* index of the term in the value; -1: to be added */
	const AbzKeyDef *key;		/* the key's definition (ABZ_TARGET_KEY) */
	char		text[ABZ_PATH_MAX];	/* canonical path, e.g. "usage[2].price" */
} AbzPath;

/*
 * Resolve path (len bytes) in s.  The grammar is term ['[' n ']'] '.' key,
 * or term ['[' n ']'] '.strategy' ['.' key] or '.scope' for a risk, or 'entry.mode';
 * names are case-insensitive, n counts from 1 among the terms of that name in
 * canonical order; an index must name one of the terms of that name.  A term
 * the value lacks resolves to pos -1 when may_add and the index is omitted
 * or 1 (the term is to be added).  Errors
 * (ABZ_ERR_DOMAIN) name the path and list the valid terms or keys in
 * err->detail.
 */
bool		abz_path_resolve(const AbzSpec *s, const char *path, size_t len, bool may_add,
							 AbzPath *out, AbzError *err);

/*
 * The term word of a path (lower-cased, as abz_path_resolve() reads it), its
 * syntax checked exactly as abz_path_resolve() checks it, for callers that
 * must choose among several values the one to resolve the path in.  False
 * and err (ABZ_ERR_DOMAIN) naming the path if it is malformed.
 */
bool		abz_path_term(const char *path, size_t len, char term[32], AbzError *err);

/* the canonical path of slot (or the strategy/mode when target says so) of term pos of s */
void		abz_path_name(const AbzSpec *s, int pos, int slot, AbzTarget target,
						  char buf[ABZ_PATH_MAX]);

/*
 * out = s with the path's key set to text (a number or distribution; for a
 * strategy or mode path, the strategy or mode as written in a term).  An
 * absent term is added with its defaults first.  out has room for
 * ABZ_SPEC_MAXSIZE bytes.  The result is validated like input.
 */
bool		abz_set_text(const AbzSpec *s, const AbzPath *path, const char *text, size_t len,
						 AbzSpec *out, AbzError *err);

/* the same with a parameter value (path must name a key) */
bool		abz_set_param(const AbzSpec *s, const AbzPath *path, const AbzParam *v,
						  AbzSpec *out, AbzError *err);

/*
 * every argument of p times factor: a constant, both ends of a uniform, the
 * three points of a triangular or PERT, mean and sd of a normal or lognormal
 */
void		abz_param_scale(const AbzParam *p, double factor, AbzParam *out);

/* out = s with the path's key scaled (abz_param_scale); the term must exist */
bool		abz_scale(const AbzSpec *s, const AbzPath *path, double factor,
					  AbzSpec *out, AbzError *err);

/* One input of a value: a key as written (required or not at its default). */
typedef struct AbzInput
{
	AbzPath		path;
	AbzParam	value;
} AbzInput;

/*
 * The inputs of s in canonical order: every numeric key its text shows
 * (required, or not at its constant default), strategy arguments included,
 * whole-number keys (launch, every, term, month) excluded.  out has room for
 * ABZ_MAX_INPUTS; returns the count.
 */
int			abz_inputs(const AbzSpec *s, AbzInput *out);

/* the domain of a key as a closed interval (a strict lower bound nudged inward) */
void		abz_key_interval(const AbzKeyDef *kd, double *lo, double *hi);

#endif							/* ABZ_OVERRIDE_H */
