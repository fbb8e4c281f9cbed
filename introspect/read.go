package introspect

import (
	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// The functions of this file read one definition as the catalog prints it,
// exactly as [Inspect] does; Inspect itself reads every expression, trigger
// and SQL-standard body through them. They let other code (the settling of
// disputed expressions, package settle) turn text that the server printed
// for a temporary object into the model form Inspect would give it, so that
// both sides of a comparison come from one reader. ns resolves the names
// the text leaves unqualified: Inspect reads with an empty search_path, so
// its namespace knows only pg_catalog (and the columns of the relations
// read, for whole-row references).

// ReadExpr reads an expression printed by pg_get_expr or pg_get_indexdef:
// a default or generated expression (typ is the column's or domain's type),
// a check, an index key or predicate, a policy qualifier (typ "").
func ReadExpr(ns *sqlnorm.Namespace, text, typ string) (*model.Expr, error) {
	return ns.ParseExpr(text, typ)
}

// ReadViewQuery reads a view definition printed by pg_get_viewdef.
func ReadViewQuery(ns *sqlnorm.Namespace, def string) (*sqlnorm.Query, error) {
	return ns.ParseQuery(def)
}

// ReadTrigger reads a trigger definition printed by pg_get_triggerdef for a
// trigger on table that executes fn.
func ReadTrigger(ns *sqlnorm.Namespace, def string, table, fn model.Name) (model.Expr, error) {
	stmt, err := sqlnorm.ParseTrigger(def)
	if err != nil {
		return model.Expr{}, err
	}
	e, err := ns.Trigger(stmt, table, fn)
	if err != nil {
		return model.Expr{}, err
	}
	e.SQL = def
	return *e, nil
}

// ReadSQLBody reads the SQL-standard body of function f printed by
// pg_get_function_sqlbody (f's name and arguments are read already).
func ReadSQLBody(ns *sqlnorm.Namespace, f *model.Function, text string) (model.Expr, error) {
	e, err := ns.ParseSQLBody(text, f.Name.Name, f.InNames())
	if err != nil {
		return model.Expr{}, err
	}
	return *e, nil
}
