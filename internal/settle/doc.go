// Package settle lets PostgreSQL decide when autogen's two schema readers
// disagree about an expression.
//
// Both readers canonicalise expressions offline (package sqlnorm): the SQL
// reader from what the user wrote, the catalog reader from what the server
// printed. That is fast and nearly always right, but every new shape of
// expression (a money constant, an interval with field qualifiers, a CASE
// cast to numeric(10,2)) is a chance for the two to differ, and a
// difference is a spurious change that `autogen check` reports forever.
// Rules per shape never end; the server's own printing does.
//
// After both catalogs are read, [Settle] pairs their objects and collects
// every expression whose canonical forms differ: defaults, generated
// columns, checks, exclusion constraints, index keys and predicates, view
// and materialized view queries, policy USING and WITH CHECK, triggers
// (their WHEN), domain defaults and checks, and SQL-standard function
// bodies. For each it writes a probe: the desired text placed on temporary
// objects (a temporary table standing in for every table or view the
// expression reads, with the desired columns and types; a temporary view,
// domain, function, index, policy or trigger holding the expression). All
// probes run in one round trip, inside a transaction that is always rolled
// back, each in a subtransaction of its own, so a probe the server refuses
// (a function the database does not have yet) fails alone. What the server
// prints for each (pg_get_expr, pg_get_viewdef, pg_get_indexdef,
// pg_get_triggerdef, pg_get_function_sqlbody) is read back through
// introspect's reader functions, under introspect's session settings, so
// that both sides of the comparison come from the same reader; the desired
// expression's canonical form is replaced with it.
//
// No probe touches a user's relation: expressions are pointed at the
// temporary stand-ins, so no lock is taken on users' tables, and a
// lock_timeout guards the rest. A read-only server (or a role without the
// TEMPORARY privilege) cannot hold the probes; then, as with Options.Offline
// (--offline), the offline comparison stands and the [Report] says it is
// approximate. `check --dev` settles on its throwaway database like on any
// other.
package settle
