/*
 * progress.h — progress reports of long calls (aibiz.progress): NOTICEs at
 * a bounded rate from the tick callbacks of the simulation driver and the
 * portfolio aggregate.
 */
#ifndef ABZ_PROGRESS_H
#define ABZ_PROGRESS_H

#include "postgres.h"

#include "fmgr.h"
#include "utils/timestamp.h"

/* The progress of one call. */
typedef struct AbzProgress
{
	const char *what;			/* "aibiz.simulate" */
	int64		total;			/* trials to run */
	int64		step;			/* trials between two ticks */
	int64		done;			/* trials run so far (ticks times step) */
	TimestampTz start;			/* when the call began */
	TimestampTz last;			/* the last report, or start */
	bool		on;				/* aibiz.progress when the call began */
	bool		reported;		/* at least one report was made */
	bool		summarising;	/* the "summarising" report was made */
} AbzProgress;

/* register aibiz.progress and aibiz.progress_interval (from _PG_init) */
void		abz_progress_define(void);

/* begin the progress of a call of total trials, ticked every step trials */
void		abz_progress_begin(AbzProgress *pr, const char *what, int64 total, int64 step);

/* the driver's tick (arg is an AbzProgress): honour cancel, count, maybe report */
void		abz_progress_tick(void *arg);

/* one row added by an aggregate's transition function: count it in flinfo, maybe report */
void		abz_progress_row(FmgrInfo *flinfo, const char *what);

#endif							/* ABZ_PROGRESS_H */
