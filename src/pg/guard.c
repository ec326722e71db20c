/*
 * guard.c — the trigger that keeps the rows the extension ships read-only.
 *
 * The reference tables (aibiz.markets, aibiz.cases, aibiz.risk_categories)
 * hold rows created by the extension's own scripts.  pg_dump leaves those
 * rows to CREATE EXTENSION, so a shipped row that a user changes, deletes or
 * relabels would be lost, resurrected or duplicated by a restore.  The
 * trigger refuses every such change unless it comes from a script of the
 * extension that owns the table (CREATE EXTENSION or ALTER EXTENSION
 * UPDATE), so later versions may still correct their own rows.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/dependency.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

#include "aibiz.h"

PG_FUNCTION_INFO_V1(abz_guard_shipped_rows);

/* true while a script of the extension that owns rel is running */
static bool
abz_in_own_script(Relation rel)
{
	if (!creating_extension)
		return false;
	return CurrentExtensionObject ==
		getExtensionOfObject(RelationRelationId, RelationGetRelid(rel));
}

/*
 * Is tup a shipped row?  With a flag column (trigger argument 0) the row is
 * shipped when the flag is true; without one every row is shipped.
 */
static bool
abz_row_is_shipped(TriggerData *td, HeapTuple tup)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	int			attnum;
	bool		isnull;
	Datum		flag;

	if (td->tg_trigger->tgnargs < 1)
		return true;
	attnum = SPI_fnumber(desc, td->tg_trigger->tgargs[0]);
	if (attnum <= 0 || TupleDescAttr(desc, attnum - 1)->atttypid != BOOLOID)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("aibiz.guard_shipped_rows(): table \"%s\" has no boolean column \"%s\"",
						RelationGetRelationName(td->tg_relation),
						td->tg_trigger->tgargs[0])));
	flag = heap_getattr(tup, attnum, desc, &isnull);
	return !isnull && DatumGetBool(flag);
}

/* refuse a change of the shipped rows of the trigger's table */
pg_attribute_noreturn()
static void
abz_refuse(TriggerData *td, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("cannot %s a shipped row of table %s.%s",
					what,
					get_namespace_name(RelationGetNamespace(td->tg_relation)),
					RelationGetRelationName(td->tg_relation)),
			 errdetail("Rows shipped by the extension are read-only: dump and restore recreate them from the extension, not from the data."),
			 errhint("Insert a copy as your own row (builtin = false, id above 1000) and change the copy.")));
}

/*
 * BEFORE INSERT OR UPDATE OR DELETE row trigger: outside the extension's own
 * scripts, no shipped row may be updated or deleted and no row may be
 * inserted or updated as shipped.
 */
Datum
abz_guard_shipped_rows(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TriggerEvent ev;

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_BEFORE(td->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("aibiz.guard_shipped_rows() must be called as a BEFORE ... FOR EACH ROW trigger")));
	ev = td->tg_event;

	if (TRIGGER_FIRED_BY_INSERT(ev))
	{
		if (!abz_in_own_script(td->tg_relation) &&
			abz_row_is_shipped(td, td->tg_trigtuple))
			abz_refuse(td, "insert");
		return PointerGetDatum(td->tg_trigtuple);
	}
	if (TRIGGER_FIRED_BY_UPDATE(ev))
	{
		if (!abz_in_own_script(td->tg_relation) &&
			(abz_row_is_shipped(td, td->tg_trigtuple) ||
			 abz_row_is_shipped(td, td->tg_newtuple)))
			abz_refuse(td, "update");
		return PointerGetDatum(td->tg_newtuple);
	}
	if (TRIGGER_FIRED_BY_DELETE(ev))
	{
		if (!abz_in_own_script(td->tg_relation) &&
			abz_row_is_shipped(td, td->tg_trigtuple))
			abz_refuse(td, "delete");
		return PointerGetDatum(td->tg_trigtuple);
	}
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("aibiz.guard_shipped_rows() fires only on INSERT, UPDATE or DELETE")));
}
