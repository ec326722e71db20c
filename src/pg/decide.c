/*
 * decide.c — fmgr glue of the ranking tools: the topsis() window function.
 *
 * topsis(criteria, weights, benefit) OVER (...) reads every row of its
 * window partition once, on the first call in the partition, computes the
 * closeness of every row with the core (topsis.c) and keeps the results in
 * the partition's memory; each later call returns its row's value.  Rows
 * whose criteria are NULL take no part and get NULL.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "windowapi.h"

#include "aibiz.h"
#include "topsis.h"

PG_FUNCTION_INFO_V1(abz_topsis_window);

/* what one partition keeps between calls */
typedef struct TopsisPartition
{
	bool		ready;
	double	   *closeness;		/* one per row of the partition */
	bool	   *isnull;			/* one per row */
} TopsisPartition;

/* the elements of a one-dimensional float8 or boolean array without NULLs */
static int
array_elems(ArrayType *a, const char *arg, Datum **elems)
{
	bool	   *nulls;
	int			n;
	bool		is_float = ARR_ELEMTYPE(a) == FLOAT8OID;

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("aibiz.topsis: %s must be a one-dimensional array", arg)));
	deconstruct_array(a, ARR_ELEMTYPE(a), is_float ? sizeof(float8) : 1,
					  is_float ? FLOAT8PASSBYVAL : true,
					  is_float ? TYPALIGN_DOUBLE : TYPALIGN_CHAR, elems, &nulls, &n);
	for (int i = 0; i < n; i++)
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("aibiz.topsis: element %d of %s is NULL", i + 1, arg)));
	return n;
}

/* the elements of a one-dimensional float8 array without NULLs */
static int
float8_elems(ArrayType *a, const char *arg, double **out)
{
	Datum	   *elems;
	int			n = array_elems(a, arg, &elems);

	*out = palloc(sizeof(double) * Max(n, 1));
	for (int i = 0; i < n; i++)
		(*out)[i] = DatumGetFloat8(elems[i]);
	return n;
}

/* the flags of a one-dimensional boolean array without NULLs */
static int
bool_elems(ArrayType *a, bool **out)
{
	Datum	   *elems;
	int			n = array_elems(a, "benefit", &elems);

	*out = palloc(sizeof(bool) * Max(n, 1));
	for (int i = 0; i < n; i++)
		(*out)[i] = DatumGetBool(elems[i]);
	return n;
}

/* argument argno of row r of the partition */
static Datum
row_arg(WindowObject win, int argno, int64 r, bool *isnull)
{
	bool		isout;

	return WinGetFuncArgInPartition(win, argno, (int) r, WINDOW_SEEK_HEAD,
									false, isnull, &isout);
}

/* raise unless a row's array equals the partition's (same bytes) */
static void
check_same(Datum d, bool isnull, Datum first, bool first_null, const char *arg)
{
	struct varlena *a = isnull ? NULL : PG_DETOAST_DATUM(d);
	struct varlena *b = first_null ? NULL : PG_DETOAST_DATUM(first);

	if (isnull != first_null ||
		(!isnull && (VARSIZE(a) != VARSIZE(b) || memcmp(a, b, VARSIZE(a)) != 0)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("aibiz.topsis: %s must be the same in every row of a window partition", arg)));
}

/* the weights (and benefit flags) of the partition, checked against k */
static void
partition_weights(WindowObject win, int64 first, int k,
				  double **w, bool **benefit, Datum *wd, Datum *bd, bool *bnull)
{
	bool		wnull;

	*wd = row_arg(win, 1, first, &wnull);
	if (wnull)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("aibiz.topsis: weights must not be NULL")));
	if (float8_elems(DatumGetArrayTypeP(*wd), "weights", w) != k)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("aibiz.topsis: %d criteria but a different number of weights", k)));
	*bd = row_arg(win, 2, first, bnull);
	*benefit = NULL;
	if (!*bnull && bool_elems(DatumGetArrayTypeP(*bd), benefit) != k)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("aibiz.topsis: %d criteria but a different number of benefit flags", k)));
}

/* read the partition, compute every row's closeness into part */
static void
topsis_partition(WindowObject win, TopsisPartition *part)
{
	MemoryContext partcxt = GetMemoryChunkContext(part);
	int64		rows = WinGetPartitionRowCount(win);
	double	   *x = NULL;
	int64	   *row_of;
	size_t		n = 0;
	int			k = 0;
	double	   *w = NULL;
	bool	   *benefit = NULL;
	Datum		wd = 0,
				bd = 0;
	bool		bnull = true;
	AbzError	err;

	part->closeness = MemoryContextAllocZero(partcxt, sizeof(double) * Max(rows, 1));
	part->isnull = MemoryContextAlloc(partcxt, sizeof(bool) * Max(rows, 1));
	memset(part->isnull, true, sizeof(bool) * Max(rows, 1));
	if (rows > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("aibiz.topsis: a window partition may hold at most %d rows", PG_INT32_MAX)));
	row_of = palloc(sizeof(int64) * Max(rows, 1));
	for (int64 r = 0; r < rows; r++)
	{
		bool		isnull;
		Datum		c = row_arg(win, 0, r, &isnull);
		double	   *vals;
		int			m;

		CHECK_FOR_INTERRUPTS();
		if (isnull)
			continue;
		m = float8_elems(DatumGetArrayTypeP(c), "criteria", &vals);
		if (n == 0)
		{
			k = m;
			if (k < 1 || k > ABZ_TOPSIS_MAX_CRITERIA)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("aibiz.topsis: %d criteria; between 1 and %d are allowed",
								k, ABZ_TOPSIS_MAX_CRITERIA)));
			if ((Size) rows > MaxAllocSize / sizeof(double) / (Size) k)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("aibiz.topsis: a partition of " INT64_FORMAT " rows with %d criteria is too large",
								rows, k)));
			x = palloc(sizeof(double) * (Size) rows * k);
			partition_weights(win, r, k, &w, &benefit, &wd, &bd, &bnull);
		}
		else
		{
			bool		wn,
						bn;
			Datum		wr = row_arg(win, 1, r, &wn);
			Datum		br = row_arg(win, 2, r, &bn);

			if (m != k)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("aibiz.topsis: rows of one window partition have %d and %d criteria", k, m)));
			check_same(wr, wn, wd, false, "weights");
			check_same(br, bn, bd, bnull, "benefit");
		}
		memcpy(x + n * k, vals, sizeof(double) * k);
		row_of[n++] = r;
	}
	if (n > 0)
	{
		double	   *out = palloc(sizeof(double) * n);

		if (!abz_topsis(x, n, k, w, benefit, palloc(sizeof(double) * n), out, &err))
			ereport(ERROR,
					(errcode(abz_sqlstate(err.code)),
					 errmsg("aibiz.topsis: %s", err.msg)));
		for (size_t i = 0; i < n; i++)
		{
			part->closeness[row_of[i]] = out[i];
			part->isnull[row_of[i]] = false;
		}
	}
	part->ready = true;
}

/* topsis(criteria float8[], weights float8[], benefit bool[]) OVER (...) */
Datum
abz_topsis_window(PG_FUNCTION_ARGS)
{
	WindowObject win = PG_WINDOW_OBJECT();
	TopsisPartition *part;
	int64		pos;

	part = (TopsisPartition *) WinGetPartitionLocalMemory(win, sizeof(TopsisPartition));
	if (!part->ready)
		topsis_partition(win, part);
	pos = WinGetCurrentPosition(win);
	if (part->isnull[pos])
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(part->closeness[pos]);
}
