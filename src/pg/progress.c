/*
 * progress.c — progress reports of long calls.  With aibiz.progress on, a
 * simulation reports "aibiz.simulate: 40 % of 200,000 trials" as a NOTICE
 * (the elapsed time in its DETAIL) and the portfolio aggregate the count of
 * simulations summed.  A call reports first when it has run
 * aibiz.progress_interval milliseconds (1000 by default), then at most once
 * per interval, so short calls stay silent.  The driver's tick comes about
 * every millisecond of work; with progress off it only checks for
 * interrupts.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "progress.h"

static bool abz_progress_on = false;
static int	abz_progress_interval = 1000;

/* register aibiz.progress and aibiz.progress_interval (from _PG_init) */
void
abz_progress_define(void)
{
	DefineCustomBoolVariable("aibiz.progress",
							 "Report the progress of long simulate and portfolio calls as NOTICEs.",
							 "A call reports once it has run aibiz.progress_interval milliseconds, "
							 "then at most once per interval.",
							 &abz_progress_on, false, PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("aibiz.progress_interval",
							"Milliseconds before a call's first progress report and between two reports.",
							"0 reports at every step of the work.",
							&abz_progress_interval, 1000, 0, 3600000,
							PGC_USERSET, GUC_UNIT_MS, NULL, NULL, NULL);
}

/* n with thousands separators into buf (32 bytes) */
static const char *
grouped(int64 n, char *buf)
{
	char		raw[32];
	int			len = snprintf(raw, sizeof(raw), INT64_FORMAT, n);
	int			o = 0;

	for (int i = 0; i < len; i++)
	{
		if (i > 0 && raw[i - 1] != '-' && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = raw[i];
	}
	buf[o] = '\0';
	return buf;
}

/* true (and the clock moved on) if a report is due at now */
static bool
report_due(TimestampTz *last, TimestampTz now)
{
	if (!TimestampDifferenceExceeds(*last, now, abz_progress_interval) &&
		abz_progress_interval > 0)
		return false;
	*last = now;
	return true;
}

/* seconds since start, for the DETAIL */
static double
elapsed(TimestampTz start, TimestampTz now)
{
	return (double) (now - start) / USECS_PER_SEC;
}

/* begin the progress of a call of total trials, ticked every step trials */
void
abz_progress_begin(AbzProgress *pr, const char *what, int64 total, int64 step)
{
	memset(pr, 0, sizeof(*pr));
	pr->what = what;
	pr->total = total;
	pr->step = step;
	pr->on = abz_progress_on;
	if (pr->on)
		pr->start = pr->last = GetCurrentTimestamp();
}

/* the driver's tick (arg is an AbzProgress): honour cancel, count, maybe report */
void
abz_progress_tick(void *arg)
{
	AbzProgress *pr = (AbzProgress *) arg;
	TimestampTz now;
	char		n[32];

	CHECK_FOR_INTERRUPTS();
	if (pr == NULL || !pr->on)
		return;
	pr->done += pr->step;
	if (pr->done >= pr->total && pr->summarising)
		return;
	now = GetCurrentTimestamp();
	if (!report_due(&pr->last, now))
		return;
	pr->reported = true;
	if (pr->done >= pr->total)
	{
		pr->summarising = true;
		ereport(NOTICE,
				(errmsg("%s: all %s trials run, computing the monthly quantiles",
						pr->what, grouped(pr->total, n)),
				 errdetail("%.1f s elapsed.", elapsed(pr->start, now))));
	}
	else
		ereport(NOTICE,
				(errmsg("%s: %d %% of %s trials", pr->what,
						(int) (pr->done * 100 / pr->total), grouped(pr->total, n)),
				 errdetail("%.1f s elapsed.", elapsed(pr->start, now))));
}

/* one row added by an aggregate's transition function: count it in flinfo, maybe report */
void
abz_progress_row(FmgrInfo *flinfo, const char *what)
{
	AbzProgress *pr;
	TimestampTz now;
	char		n[32];

	if (!abz_progress_on || flinfo == NULL)
		return;
	pr = (AbzProgress *) flinfo->fn_extra;
	if (pr == NULL)
	{
		pr = MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(AbzProgress));
		abz_progress_begin(pr, what, 0, 1);
		pr->done = 1;			/* the first simulation became the state uncalled */
		flinfo->fn_extra = pr;
	}
	pr->done++;
	now = GetCurrentTimestamp();
	if (!report_due(&pr->last, now))
		return;
	ereport(NOTICE,
			(errmsg("%s: %s simulation%s summed", pr->what, grouped(pr->done, n),
					pr->done == 1 ? "" : "s"),
			 errdetail("%.1f s elapsed.", elapsed(pr->start, now))));
}
