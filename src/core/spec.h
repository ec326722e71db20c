/*
 * spec.h — parsed form of the three input types (revenue_model,
 * risk_profile, plan) and the API of the shared value grammar.
 *
 * Pure C, no PostgreSQL headers.  An AbzSpec is the exact in-memory and
 * on-disk body of a value (the fmgr glue prefixes a varlena header): a
 * version byte, the type, and a list of fixed-size terms whose key slots
 * hold constants or distributions.  Every slot of a term is filled (defaults
 * included), unused slots and padding are zero, terms are in canonical order,
 * so two equal values are equal byte for byte.
 */
#ifndef ABZ_SPEC_H
#define ABZ_SPEC_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define ABZ_SPEC_VERSION	1		/* layout version of the in-memory AbzSpec */
#define ABZ_SPEC_STORED		2		/* format version of the stored form written (specstore.c) */
#define ABZ_MAX_TERMS		64		/* terms per value */
#define ABZ_MAX_KEYS		10		/* key slots per term */
#define ABZ_MAX_INPUT		65536	/* bytes of text input accepted */
#define ABZ_MAX_HORIZON		600		/* months */

/* Distribution kinds of a parameter slot. */
typedef enum AbzDist
{
	ABZ_CONST = 0,				/* a: value */
	ABZ_UNIFORM = 1,			/* a, b */
	ABZ_TRIANGULAR = 2,			/* a = min, b = mode, c = max */
	ABZ_PERT = 3,				/* a = min, b = mode, c = max (lambda 4) */
	ABZ_NORMAL = 4,				/* a = mean, b = sd */
	ABZ_LOGNORMAL = 5,			/* a = mean, b = sd of the variable itself */
	ABZ_NDIST = 6
} AbzDist;

/* One key slot: a constant or a distribution (32 bytes). */
typedef struct AbzParam
{
	uint8_t		dist;			/* AbzDist */
	uint8_t		pad[7];			/* always zero */
	double		a;
	double		b;
	double		c;
} AbzParam;

/* Which of the three types a value is. */
typedef enum AbzKind
{
	ABZ_KIND_REVENUE = 1,		/* aibiz.revenue_model */
	ABZ_KIND_RISK = 2,			/* aibiz.risk_profile */
	ABZ_KIND_PLAN = 3			/* aibiz.plan */
} AbzKind;

/* ---- term codes and key slots (the order is the canonical order) ---- */

/* revenue_model terms */
enum
{
	ABZ_REV_SUBSCRIPTION = 0, ABZ_REV_USAGE, ABZ_REV_ADVERTISING, ABZ_REV_LICENSING,
	ABZ_REV_NTERMS
};
enum { SUB_PRICE = 0, SUB_SEATS, SUB_ATTACH, SUB_EXPANSION, SUB_COST, SUB_COST_DECLINE };
enum { USE_PRICE = 0, USE_UNITS, USE_ATTACH, USE_GROWTH, USE_PRICE_DECLINE, USE_COST, USE_COST_DECLINE };
enum { ADV_IMPRESSIONS = 0, ADV_CPM, ADV_USERS, ADV_FILL, ADV_GROWTH, ADV_COST };
enum { LIC_DEALS = 0, LIC_FEE, LIC_ROYALTY, LIC_BASE, LIC_TERM, LIC_COST };

/* risk_profile terms: the risk categories, in catalogue order */
enum
{
	ABZ_RISK_TECHNOLOGY = 0, ABZ_RISK_COMPETITION, ABZ_RISK_REGULATION, ABZ_RISK_ETHICS,
	ABZ_RISK_PRIVACY, ABZ_RISK_MARKET, ABZ_RISK_DATA, ABZ_RISK_TEAM,
	ABZ_RISK_NCAT
};
/* risk keys; slots RK_S1/RK_S2 hold the arguments of the strategy sub-term */
enum { RK_FREQ = 0, RK_LOSS, RK_CHURN, RK_PRICE, RK_COST, RK_SHARE, RK_S1, RK_S2, RK_SCOPE };
/* RK_SCOPE: a whole-number constant, 0 = scope=company (default), 1 = scope=market */
/* strategy sub-terms, stored in AbzTerm.sub of a risk term */
enum { ABZ_STRAT_ACCEPT = 0, ABZ_STRAT_MITIGATE, ABZ_STRAT_TRANSFER, ABZ_STRAT_AVOID, ABZ_STRAT_N };
/* mitigate(cost, effect): S1 = cost, S2 = effect;
 * transfer(premium, cover): S1 = premium, S2 = cover;
 * avoid(forgo): S1 = forgo */

/* plan terms */
enum
{
	ABZ_PLAN_CASH = 0, ABZ_PLAN_TEAM, ABZ_PLAN_PRODUCT, ABZ_PLAN_MARKETING,
	ABZ_PLAN_ENTRY, ABZ_PLAN_TRAINING, ABZ_PLAN_ROUND, ABZ_PLAN_VALUATION,
	ABZ_PLAN_NTERMS
};
enum { CASH_AMOUNT = 0 };
enum { TEAM_HEADCOUNT = 0, TEAM_COST, TEAM_GROWTH };
enum { PROD_LAUNCH = 0, PROD_CHURN };
enum { MKT_BUDGET = 0, MKT_CAC, MKT_GROWTH, MKT_ORGANIC };
enum { ENTRY_CUT = 0, ENTRY_REACH, ENTRY_STAKE };		/* mode in AbzTerm.sub */
enum { ABZ_ENTRY_DIRECT = 0, ABZ_ENTRY_CHANNEL, ABZ_ENTRY_JV, ABZ_ENTRY_N };
enum { TRAIN_COST = 0, TRAIN_EVERY, TRAIN_DECLINE };
enum { ROUND_MONTH = 0, ROUND_AMOUNT, ROUND_P };
enum { VAL_DISCOUNT = 0, VAL_MULTIPLE };

/* One term of a value (8 + 10 * 32 = 328 bytes). */
typedef struct AbzTerm
{
	uint8_t		term;			/* term code within the kind */
	uint8_t		sub;			/* risk: strategy; plan entry: mode; else 0 */
	uint8_t		pad[6];			/* always zero */
	AbzParam	key[ABZ_MAX_KEYS];	/* slots by the enums above; unused zero */
} AbzTerm;

/* A whole value.  Header is 8 bytes, then nterms terms. */
typedef struct AbzSpec
{
	uint8_t		version;		/* ABZ_SPEC_VERSION */
	uint8_t		kind;			/* AbzKind */
	uint16_t	nterms;
	uint8_t		pad[4];			/* always zero */
	AbzTerm		terms[];
} AbzSpec;

#define ABZ_SPEC_SIZE(n)	(offsetof(AbzSpec, terms) + (size_t) (n) * sizeof(AbzTerm))
#define ABZ_SPEC_MAXSIZE	ABZ_SPEC_SIZE(ABZ_MAX_TERMS)

/* ---- the schema tables (schema.c): names, defaults, domains ---- */

#define ABZ_KEY_REQUIRED	0x01	/* must be given */
#define ABZ_KEY_INT			0x02	/* whole-number constant, no distribution */
#define ABZ_KEY_POSITIVE	0x04	/* strictly greater than lo */
#define ABZ_KEY_RATE		0x08	/* a rate, share or probability: 0.3 = 30% */
#define ABZ_KEY_MONTHLY		0x10	/* a rate per month */
#define ABZ_KEY_YEARLY		0x20	/* a rate per year */

typedef struct AbzKeyDef
{
	const char *name;
	uint8_t		slot;			/* index into AbzTerm.key */
	uint8_t		flags;			/* ABZ_KEY_* */
	double		def;			/* default when not given */
	double		lo;				/* domain, inclusive unless ABZ_KEY_POSITIVE */
	double		hi;				/* domain, inclusive */
} AbzKeyDef;

#define ABZ_TERM_REPEAT		0x01	/* may appear more than once */
#define ABZ_TERM_REQUIRED	0x02	/* must appear */

typedef struct AbzTermDef
{
	const char *name;
	uint8_t		flags;			/* ABZ_TERM_* */
	uint8_t		nkeys;
	const AbzKeyDef *keys;		/* in canonical output order */
} AbzTermDef;

typedef struct AbzKindDef
{
	const char *type_name;		/* "revenue_model", "risk_profile", "plan" */
	uint8_t		nterms;
	bool		allow_empty;	/* risk_profile '' is valid */
	const AbzTermDef *terms;	/* indexed by term code */
} AbzKindDef;

/* kind definitions, indexed by AbzKind (entry 0 unused) */
extern const AbzKindDef abz_kinds[4];
/* strategy sub-terms of a risk term, indexed by ABZ_STRAT_* */
extern const AbzTermDef abz_strategies[ABZ_STRAT_N];
/* entry modes, indexed by ABZ_ENTRY_*; each lists the keys it admits */
extern const AbzTermDef abz_entry_modes[ABZ_ENTRY_N];
/* distribution names, indexed by AbzDist (CONST is "") and their arity */
extern const char *const abz_dist_names[ABZ_NDIST];
extern const uint8_t abz_dist_arity[ABZ_NDIST];

/* look up the key definition of slot in a term (strategy/mode aware); NULL if unused */
const AbzKeyDef *abz_key_def(AbzKind kind, const AbzTerm *t, int slot);

/* an allocator returning zeroed memory (palloc0 in the backend, calloc-like in tests) */
typedef void *(*AbzAlloc) (size_t size);

/* ---- errors ---- */

typedef enum AbzErrCode
{
	ABZ_OK = 0,
	ABZ_ERR_SYNTAX,				/* 22P02 */
	ABZ_ERR_DOMAIN,				/* 22023 */
	ABZ_ERR_LIMIT,				/* 54000 */
	ABZ_ERR_OVERFLOW,			/* 22003 */
	ABZ_ERR_BINARY				/* 22P03 */
} AbzErrCode;

#define ABZ_MAX_WARN		4		/* warnings kept by one parse */

/* A warning about an accepted input (a rate > 1 written without %). */
typedef struct AbzWarning
{
	char		term[32];
	char		key[32];
	char		msg[256];
	char		hint[160];
} AbzWarning;

/*
 * An error, and the warnings of a parse that succeeded: every parse entry
 * point clears nwarn first; nwarn counts all warnings, warn[] keeps the
 * first ABZ_MAX_WARN.  abz_error clears the warnings with the rest.
 */
typedef struct AbzError
{
	AbzErrCode	code;
	char		term[32];		/* offending term, "" if none */
	char		key[32];		/* offending key, "" if none */
	char		msg[256];		/* lower-case message without the type name */
	char		detail[256];	/* "" if none */
	char		hint[128];		/* what to do instead, "" if none */
	int			nwarn;			/* warnings of a successful parse */
	AbzWarning	warn[ABZ_MAX_WARN];
} AbzError;

#define ABZ_NUM_TEXT	32		/* bytes of abz_num_text's buffer */

/*
 * v for a message: NaN, Infinity or -Infinity as PostgreSQL prints float8
 * (whatever the platform's printf writes), else %g; returns buf
 */
const char *abz_num_text(double v, char buf[ABZ_NUM_TEXT]);

/* set an error (printf-style message); returns false for convenient tail calls */
bool		abz_error(AbzError *err, AbzErrCode code, const char *term,
					  const char *key, const char *fmt,...)
			__attribute__((format(printf, 5, 6)));

/*
 * After an error about an unknown name (a term, key, distribution, strategy
 * or mode): list the n valid names in err->detail ("Valid <what>: a, b, c.")
 * and, when one of them is within a small edit distance of the word (len
 * bytes, case-insensitive; a swap of two letters counts once), suggest it in
 * err->hint ("Did you mean \"x\"?").  suggest.c.
 */
void		abz_suggest(AbzError *err, const char *what, const char *word, size_t len,
						const char *const *names, int n);

/* the names of a term table (terms of a kind, strategies, modes) into names[] */
int			abz_term_names(const AbzTermDef *defs, int n, const char **names);

/* the key names of a term definition (plus extra, if not NULL) into names[] */
int			abz_key_names(const AbzTermDef *td, const char *extra, const char **names);

/* ---- grammar, printer, validator (grammar.c, print.c, validate.c) ---- */

/*
 * Parse text (len bytes, need not be NUL-terminated) as a value of kind into
 * out, which has room for ABZ_MAX_TERMS terms and need not be zeroed (the
 * terms filled are zeroed first).  Fills defaults, sorts terms into
 * canonical order and validates.  Returns false and fills err on error.
 */
bool		abz_parse(AbzKind kind, const char *text, size_t len,
					  AbzSpec *out, AbzError *err);

/* Check a value (from text or binary input) as strictly as the parser does. */
bool		abz_validate(const AbzSpec *s, size_t size, AbzError *err);

/*
 * Check a fixed value of size bytes (the body of stored format version 1)
 * before reading it: version, kind, term count against the size, and every
 * term, sub-term and distribution code (so readers may index the schema
 * tables).  False and err (ABZ_ERR_BINARY) if the value cannot be read.
 */
bool		abz_spec_check_stored(const void *body, size_t size, AbzError *err);

/*
 * The stored form (specstore.c).  Version 2, written: version, kind, uint16
 * term count, then per term its term and sub-term codes, a uint16 mask of
 * the slots that are not zero and, for each, a distribution code and its
 * float8 arguments, in the machine's byte order.  Version 1, read only:
 * four zero bytes, then the AbzSpec.  abz_spec_load checks the version,
 * kind and size (v1) or term count (v2) against the bytes present before it
 * calls alloc (once, for the fixed value, at most ABZ_SPEC_MAXSIZE bytes),
 * then every code and count while reading, and returns NULL and err
 * (ABZ_ERR_BINARY) on anything that is not a whole value of a known
 * version; memory from alloc is not freed then.  Every reader of a stored
 * datum goes through it.
 */
size_t		abz_spec_store_size(const AbzSpec *s);
size_t		abz_spec_store(const AbzSpec *s, unsigned char *buf);
AbzSpec    *abz_spec_load(const unsigned char *buf, size_t size, AbzAlloc alloc,
						  AbzError *err);

/*
 * Binary form: version byte, kind byte, int16 term count, then per term a
 * term code byte, a sub-term code byte and ABZ_MAX_KEYS slots of a
 * distribution code byte followed by as many float8 (big-endian) as it has
 * arguments.  Decode checks version, kind and that the bytes can hold the
 * term count before calling alloc (once, ABZ_SPEC_SIZE(count) zeroed
 * bytes), then validates as strictly as text input.  NULL and err
 * (ABZ_ERR_BINARY for the layout, ABZ_ERR_LIMIT for too many terms, the
 * validator's codes for values) otherwise; memory from alloc is not freed.
 */
AbzSpec    *abz_spec_decode(AbzKind kind, const unsigned char *buf, size_t len,
							AbzAlloc alloc, AbzError *err);

/* the binary form of a valid value into buf (cap bytes); returns its size */
size_t		abz_spec_encode(const AbzSpec *s, unsigned char *buf, size_t cap);

/* formats a finite double in the shortest form that reads back exactly; returns length */
typedef int (*AbzNumFormat) (double v, char *buf /* >= 32 bytes */ );

/*
 * The shortest exact text of a finite double: the formatter set with
 * abz_set_num_shortest(), else abz_num_shortest_loop().  Either writes
 * fixed notation when the decimal exponent is in [-4, 15), else d.ddde+XX
 * (at least two exponent digits), as float8 output does.
 */
int			abz_num_shortest(double v, char *buf);

/*
 * Install the formatter abz_num_shortest() uses (NULL: the loop).  The
 * server sets PostgreSQL's shortest float8 routine once at load; its text
 * must read back bit for bit and follow the notation above.
 */
void		abz_set_num_shortest(AbzNumFormat fmt);

/*
 * The fewest significant digits (1 to 17) whose correctly rounded printf
 * text reads back to v: the formatter of earlier releases, slow (up to 17
 * snprintf/strtod pairs).  It can differ from a shortest-decimal routine
 * in the last digits of a few values (powers of two, some integers above
 * 2^53): text input accepts both spellings.
 */
int			abz_num_shortest_loop(double v, char *buf);

/*
 * True if tok (n bytes, NUL-terminated) is a text abz_num_shortest() or
 * abz_num_shortest_loop() writes for v.
 */
bool		abz_num_is_shortest(double v, const char *tok, size_t n);

/*
 * Canonical text of a value into buf (cap bytes, NUL-terminated when cap > 0).
 * Returns the length the full text needs, excluding the NUL, like snprintf.
 * fmt may be NULL for abz_num_shortest.
 */
size_t		abz_format(const AbzSpec *s, char *buf, size_t cap, AbzNumFormat fmt);

/* stable sort of the terms into canonical order (term code, rounds by month) */
void		abz_sort_terms(AbzSpec *s);

/*
 * Pieces of the grammar on their own, for overrides: the value of one
 * numeric key (a number or a distribution), a risk's strategy, an entry
 * term's mode.  Errors name term and key; domains are left to abz_validate.
 */
bool		abz_parse_param(const char *text, size_t len, const char *term,
							const char *key, const AbzKeyDef *kd, AbzParam *out,
							AbzError *err);
bool		abz_parse_strategy(const char *text, size_t len, const char *term,
							   AbzTerm *t, AbzError *err);
bool		abz_parse_mode(const char *text, size_t len, AbzTerm *t, AbzError *err);
/* parse text as a risk term's scope (company or market) into its RK_SCOPE slot */
bool		abz_parse_scope(const char *text, size_t len, const char *term, AbzTerm *t,
							AbzError *err);

/* true if a key is a rate whose domain admits values above 1 (growth, discount) */
bool		abz_key_rate_open(const AbzKeyDef *kd);

/* "a month", "a year" or "" for a rate key's time basis */
const char *abz_key_per(const AbzKeyDef *kd);

/*
 * Add a warning to err that key=v (written without %) is read as v * 100
 * percent; v > 1.  grammar_param.c.
 */
void		abz_warn_rate(AbzError *err, const char *term, const char *key,
						  const AbzKeyDef *kd, double v);

/* mean of a parameter (distribution means; lognormal mean is its first arg) */
double		abz_param_mean(const AbzParam *p);

#endif							/* ABZ_SPEC_H */
