// Package introspect reads the schema of a live PostgreSQL database (15 or
// later) into a model.Catalog, the same model ddlparse reads from SQL files.
//
// The catalog queries live in queries/*.sql, one per kind of object, each
// over all schemas at once. [Inspect] sends them in a single batch, inside a
// read-only repeatable-read transaction (a savepoint when given a
// transaction) with an empty search_path, so that every name the server
// prints outside pg_catalog is qualified: one network round trip whatever
// the size of the schema. Expressions the server prints (defaults, checks,
// index expressions, view queries) are parsed and canonicalized with
// package sqlnorm, in parallel and while later rows are still arriving.
//
// Left out: the system schemas (pg_catalog, information_schema, pg_toast,
// temporary schemas), everything an extension owns, objects PostgreSQL
// derives from others (an identity column's sequence, the index behind a
// constraint, what a partition gets from its parent), the autogen version
// table ([WithVersionTable]) and whatever the scope filter excludes
// ([WithFilter]). What an extension owns is found by its pg_depend row of
// type 'e', whose referenced object is always the extension: each query
// says so (refclassid = 'pg_extension'), which lets the planner find the
// few such rows through pg_depend's index on the referenced object instead
// of scanning every row that depends on something of the same catalog
// (20 to 40 ms a query at 6,000 tables). Objects the model cannot represent (shell types and
// operators, typed tables, foreign tables that inherit, conversions,
// transforms, access methods, languages, subscriptions) make Inspect fail
// with an [*UnsupportedError] rather than vanish.
//
// The objects held as model.Definition (aggregates, operators, text search
// objects, rules, publications, ...) are read generically: each query
// (queries/aggregates.sql, ...) prints an object as the statements that
// create it, and sqlnorm reads them as it reads the user's.
package introspect
