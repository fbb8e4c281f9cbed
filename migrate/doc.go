// Package migrate applies revisions to a database and tracks them in the
// version table: upgrade, downgrade, stamp, current, and the offline SQL of
// each. It is the runtime the `autogen` CLI runs in the runner it builds, and
// what applications call to migrate at startup:
//
//	r, err := migrate.New(migrations.Registry)
//	...
//	conn, err := pgx.Connect(ctx, os.Getenv("DATABASE_URL"))
//	...
//	err = r.Upgrade(ctx, conn, "head")
//
// Each revision runs in its own transaction together with the change to the
// version table, so a failing revision leaves the database exactly at the
// previous revision. A session-level advisory lock serialises runners: two
// processes upgrading at once apply each revision once.
//
// The version table holds one row per applied head, as Alembic's does.
//
// This package, like every package revision files import, is free of cgo and
// of the schema-diffing side of autogen.
package migrate
