/*
 * schema.c — the vocabulary of the three input types: every term, key,
 * default, domain and (for rates) time basis, as tables that the parser,
 * the printer, the validator, the row view and the engine all read.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "spec.h"

#define INF HUGE_VAL
#define REQ ABZ_KEY_REQUIRED
#define INT ABZ_KEY_INT
#define POS ABZ_KEY_POSITIVE
#define RATE ABZ_KEY_RATE
#define PM (ABZ_KEY_RATE | ABZ_KEY_MONTHLY)
#define PY (ABZ_KEY_RATE | ABZ_KEY_YEARLY)

/* ---- revenue_model ---- */

static const AbzKeyDef subscription_keys[] = {
	{"price", SUB_PRICE, REQ, 0, 0, INF},
	{"seats", SUB_SEATS, 0, 1, 0, INF},
	{"attach", SUB_ATTACH, RATE, 1, 0, 1},
	{"expansion", SUB_EXPANSION, PM, 0, -1, INF},
	{"cost", SUB_COST, 0, 0, 0, INF},
	{"cost_decline", SUB_COST_DECLINE, PY, 0, 0, 1},
};

static const AbzKeyDef usage_keys[] = {
	{"price", USE_PRICE, REQ, 0, 0, INF},
	{"units", USE_UNITS, REQ, 0, 0, INF},
	{"attach", USE_ATTACH, RATE, 1, 0, 1},
	{"growth", USE_GROWTH, PM, 0, -1, INF},
	{"price_decline", USE_PRICE_DECLINE, PY, 0, 0, 1},
	{"cost", USE_COST, 0, 0, 0, INF},
	{"cost_decline", USE_COST_DECLINE, PY, 0, 0, 1},
};

static const AbzKeyDef advertising_keys[] = {
	{"impressions", ADV_IMPRESSIONS, REQ, 0, 0, INF},
	{"cpm", ADV_CPM, REQ, 0, 0, INF},
	{"users", ADV_USERS, 0, 1, 0, INF},
	{"fill", ADV_FILL, RATE, 1, 0, 1},
	{"growth", ADV_GROWTH, PM, 0, -1, INF},
	{"cost", ADV_COST, 0, 0, 0, INF},
};

static const AbzKeyDef licensing_keys[] = {
	{"deals", LIC_DEALS, REQ, 0, 0, INF},
	{"fee", LIC_FEE, 0, 0, 0, INF},
	{"royalty", LIC_ROYALTY, RATE, 0, 0, 1},
	{"base", LIC_BASE, 0, 0, 0, INF},
	{"term", LIC_TERM, INT, 12, 1, ABZ_MAX_HORIZON},
	{"cost", LIC_COST, 0, 0, 0, INF},
};

#define KEYS(k) (uint8_t) (sizeof(k) / sizeof((k)[0])), k

static const AbzTermDef revenue_terms[ABZ_REV_NTERMS] = {
	{"subscription", ABZ_TERM_REPEAT, KEYS(subscription_keys)},
	{"usage", ABZ_TERM_REPEAT, KEYS(usage_keys)},
	{"advertising", ABZ_TERM_REPEAT, KEYS(advertising_keys)},
	{"licensing", ABZ_TERM_REPEAT, KEYS(licensing_keys)},
};

/* ---- risk_profile ---- */

static const AbzKeyDef risk_keys[] = {
	{"freq", RK_FREQ, REQ, 0, 0, INF},
	{"loss", RK_LOSS, 0, 0, 0, INF},
	{"churn", RK_CHURN, RATE, 0, 0, 1},
	{"price", RK_PRICE, RATE, 0, 0, 1},
	{"cost", RK_COST, 0, 0, 0, INF},
	{"share", RK_SHARE, RATE, 0, 0, 1},
};

static const AbzTermDef risk_terms[ABZ_RISK_NCAT] = {
	{"technology", ABZ_TERM_REPEAT, KEYS(risk_keys)},
	{"competition", ABZ_TERM_REPEAT, KEYS(risk_keys)},
	{"regulation", ABZ_TERM_REPEAT, KEYS(risk_keys)},
	{"ethics", ABZ_TERM_REPEAT, KEYS(risk_keys)},
	{"privacy", ABZ_TERM_REPEAT, KEYS(risk_keys)},
	{"market", ABZ_TERM_REPEAT, KEYS(risk_keys)},
	{"data", ABZ_TERM_REPEAT, KEYS(risk_keys)},
	{"team", ABZ_TERM_REPEAT, KEYS(risk_keys)},
};

static const AbzKeyDef mitigate_keys[] = {
	{"cost", RK_S1, REQ, 0, 0, INF},
	{"effect", RK_S2, REQ | RATE, 0, 0, 1},
};

static const AbzKeyDef transfer_keys[] = {
	{"premium", RK_S1, REQ, 0, 0, INF},
	{"cover", RK_S2, REQ | RATE, 0, 0, 1},
};

static const AbzKeyDef avoid_keys[] = {
	{"forgo", RK_S1, RATE, 0, 0, 1},
};

/* scope=company|market of a risk term, stored as the constant 0 or 1 */
static const AbzKeyDef scope_key = {"scope", RK_SCOPE, INT, 0, 0, 1};

const AbzTermDef abz_strategies[ABZ_STRAT_N] = {
	{"accept", 0, 0, NULL},
	{"mitigate", 0, KEYS(mitigate_keys)},
	{"transfer", 0, KEYS(transfer_keys)},
	{"avoid", 0, KEYS(avoid_keys)},
};

/* ---- plan ---- */

static const AbzKeyDef cash_keys[] = {
	{"amount", CASH_AMOUNT, REQ, 0, 0, INF},
};

static const AbzKeyDef team_keys[] = {
	{"headcount", TEAM_HEADCOUNT, REQ, 0, 0, INF},
	{"cost", TEAM_COST, REQ, 0, 0, INF},
	{"growth", TEAM_GROWTH, PY, 0, -1, INF},
};

static const AbzKeyDef product_keys[] = {
	{"launch", PROD_LAUNCH, INT, 1, 1, ABZ_MAX_HORIZON},
	{"churn", PROD_CHURN, REQ | PM, 0, 0, 1},
};

/* cac is required when budget is not the constant 0 (checked by the validator) */
static const AbzKeyDef marketing_keys[] = {
	{"budget", MKT_BUDGET, 0, 0, 0, INF},
	{"cac", MKT_CAC, 0, 0, 0, INF},
	{"growth", MKT_GROWTH, PY, 0, -1, INF},
	{"organic", MKT_ORGANIC, RATE, 0, 0, 1},
};

/* all entry keys; which ones a mode admits is in abz_entry_modes */
static const AbzKeyDef entry_keys[] = {
	{"cut", ENTRY_CUT, RATE, 0, 0, 1},
	{"reach", ENTRY_REACH, 0, 1, 0, INF},
	{"stake", ENTRY_STAKE, RATE, 0, 0, 1},
};

const AbzTermDef abz_entry_modes[ABZ_ENTRY_N] = {
	{"direct", 0, 0, NULL},
	{"channel", 0, 2, entry_keys},
	{"jv", 0, 1, entry_keys + 2},
};

static const AbzKeyDef training_keys[] = {
	{"cost", TRAIN_COST, REQ, 0, 0, INF},
	{"every", TRAIN_EVERY, REQ | INT, 0, 1, ABZ_MAX_HORIZON},
	{"decline", TRAIN_DECLINE, PY, 0, 0, 1},
};

static const AbzKeyDef round_keys[] = {
	{"month", ROUND_MONTH, REQ | INT, 0, 1, ABZ_MAX_HORIZON},
	{"amount", ROUND_AMOUNT, REQ, 0, 0, INF},
	{"p", ROUND_P, RATE, 1, 0, 1},
};

static const AbzKeyDef valuation_keys[] = {
	{"discount", VAL_DISCOUNT, POS | PY, 0.25, -1, INF},
	{"multiple", VAL_MULTIPLE, 0, 0, 0, INF},
};

static const AbzTermDef plan_terms[ABZ_PLAN_NTERMS] = {
	{"cash", ABZ_TERM_REQUIRED, KEYS(cash_keys)},
	{"team", ABZ_TERM_REQUIRED, KEYS(team_keys)},
	{"product", ABZ_TERM_REQUIRED, KEYS(product_keys)},
	{"marketing", 0, KEYS(marketing_keys)},
	{"entry", 0, KEYS(entry_keys)},
	{"training", 0, KEYS(training_keys)},
	{"round", ABZ_TERM_REPEAT, KEYS(round_keys)},
	{"valuation", 0, KEYS(valuation_keys)},
};

const AbzKindDef abz_kinds[4] = {
	{NULL, 0, false, NULL},
	{"revenue_model", ABZ_REV_NTERMS, false, revenue_terms},
	{"risk_profile", ABZ_RISK_NCAT, true, risk_terms},
	{"plan", ABZ_PLAN_NTERMS, false, plan_terms},
};

const char *const abz_dist_names[ABZ_NDIST] = {
	"", "uniform", "triangular", "pert", "normal", "lognormal"
};

const uint8_t abz_dist_arity[ABZ_NDIST] = {1, 2, 3, 3, 2, 2};

/* find the key of a term definition stored in slot, or NULL */
static const AbzKeyDef *
find_slot(const AbzTermDef *td, int slot)
{
	for (int i = 0; i < td->nkeys; i++)
		if (td->keys[i].slot == slot)
			return &td->keys[i];
	return NULL;
}

/* look up the key definition of slot in a term (strategy/mode aware); NULL if unused */
const AbzKeyDef *
abz_key_def(AbzKind kind, const AbzTerm *t, int slot)
{
	const AbzKindDef *kd;

	if (kind < ABZ_KIND_REVENUE || kind > ABZ_KIND_PLAN)
		return NULL;
	kd = &abz_kinds[kind];
	if (t->term >= kd->nterms || slot < 0 || slot >= ABZ_MAX_KEYS)
		return NULL;
	if (kind == ABZ_KIND_RISK && slot == RK_SCOPE)
		return &scope_key;
	if (kind == ABZ_KIND_RISK && slot >= RK_S1)
		return t->sub < ABZ_STRAT_N ? find_slot(&abz_strategies[t->sub], slot) : NULL;
	if (kind == ABZ_KIND_PLAN && t->term == ABZ_PLAN_ENTRY)
		return t->sub < ABZ_ENTRY_N ? find_slot(&abz_entry_modes[t->sub], slot) : NULL;
	return find_slot(&kd->terms[t->term], slot);
}

/* true if a key is a rate whose domain admits values above 1 (growth, discount) */
bool
abz_key_rate_open(const AbzKeyDef *kd)
{
	return kd != NULL && (kd->flags & ABZ_KEY_RATE) && kd->hi > 1;
}

/* "a month", "a year" or "" for a rate key's time basis */
const char *
abz_key_per(const AbzKeyDef *kd)
{
	if (kd->flags & ABZ_KEY_MONTHLY)
		return "a month";
	if (kd->flags & ABZ_KEY_YEARLY)
		return "a year";
	return "";
}

/* mean of a parameter (distribution means; lognormal mean is its first arg) */
double
abz_param_mean(const AbzParam *p)
{
	switch (p->dist)
	{
		case ABZ_UNIFORM:
			return (p->a + p->b) / 2.0;
		case ABZ_TRIANGULAR:
			return (p->a + p->b + p->c) / 3.0;
		case ABZ_PERT:
			return (p->a + 4.0 * p->b + p->c) / 6.0;
		default:				/* CONST, NORMAL, LOGNORMAL */
			return p->a;
	}
}

/* v for a message: NaN, Infinity, -Infinity, else %g (see spec.h) */
const char *
abz_num_text(double v, char buf[ABZ_NUM_TEXT])
{
	if (isnan(v))
		snprintf(buf, ABZ_NUM_TEXT, "NaN");
	else if (isinf(v))
		snprintf(buf, ABZ_NUM_TEXT, "%s", v > 0 ? "Infinity" : "-Infinity");
	else
		snprintf(buf, ABZ_NUM_TEXT, "%g", v);
	return buf;
}

/* set an error (printf-style message); returns false for convenient tail calls */
/*
 * Replace every byte that does not start or continue a well-formed UTF-8
 * sequence with '?': a message cut at a fixed byte length (by a precision
 * such as %.40s or by the buffer's size) may end inside a character, and an
 * error message must stay valid text for the client.
 */
static void
utf8_repair(char *s)
{
	for (unsigned char *p = (unsigned char *) s; *p;)
	{
		int			n = *p < 0x80 ? 1 : (*p >> 5) == 0x6 ? 2 : (*p >> 4) == 0xE ? 3 :
			(*p >> 3) == 0x1E ? 4 : 0;
		int			k = 1;

		while (k < n && (p[k] & 0xC0) == 0x80)
			k++;
		if (n == 0 || k < n)
		{
			*p++ = '?';
			continue;
		}
		p += n;
	}
}

bool
abz_error(AbzError *err, AbzErrCode code, const char *term, const char *key,
		  const char *fmt,...)
{
	va_list		ap;

	if (err == NULL)
		return false;
	memset(err, 0, sizeof(*err));
	err->code = code;
	snprintf(err->term, sizeof(err->term), "%s", term ? term : "");
	snprintf(err->key, sizeof(err->key), "%s", key ? key : "");
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	utf8_repair(err->term);
	utf8_repair(err->key);
	utf8_repair(err->msg);
	return false;
}
