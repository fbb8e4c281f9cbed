// Package sqlnorm computes the canonical forms that make the two schema
// readers agree: ddlparse, which reads SQL files, and introspect, which
// reads a live database. Everything either reader needs to decide "are these
// the same?" lives here, so that it is decided once.
//
//   - [Namespace] resolves unqualified names as PostgreSQL would with a
//     given search_path. introspect uses the zero Namespace (it reads with
//     an empty search_path, so unqualified names are pg_catalog ones);
//     ddlparse fills it with the search_path of each statement and the
//     objects its files define.
//   - [Namespace.TypeName] spells a type as format_type does: aliases
//     mapped (int4, serial's integer, float(24), timestamptz, ...), user
//     types qualified, arrays as one "[]".
//   - [Namespace.Expr] and [Namespace.ParseExpr] turn an expression node of
//     a statement, or expression text printed by the server (pg_get_expr,
//     pg_get_indexdef), into a model.Expr: SQL with every name qualified,
//     and Canon, the normalized key (see canonicalizer for the rules).
//     [Namespace.Query] and [Namespace.ParseQuery] do the same for view
//     queries, rewriting them to the shape pg_get_viewdef prints.
//   - [Namespace.Trigger], [PartitionKey], [PartitionBound] and
//     [Namespace.SQLBody] normalize the other definitions both readers see.
//   - [Finalize] prunes what children inherit, applies the scope filter and
//     sorts the catalog.
//
// Canonical forms are printed by a Go printer rather than pg_query's C
// deparser: it parenthesizes every operation, spells types canonically, and
// costs no cgo call per expression. Nodes it does not know fall back to the
// C deparser.
//
// Facts about a stock PostgreSQL installation (keywords, built-in types,
// functions, operators and operator classes, and the objects of each
// contrib extension) come from pgdata/catalog.txt, generated from the local
// PostgreSQL (15) by internal/pgdatagen. They let the SQL reader qualify a
// name exactly when the server would print it qualified.
package sqlnorm
