// Package tempdb starts throwaway PostgreSQL servers from the PostgreSQL
// binaries installed on the machine (initdb and pg_ctl), for tests, demos and
// `autogen check --dev`.
//
// A [Cluster] lives in a temporary directory, listens on a free port of the
// loopback interface, trusts local connections and is tuned for speed rather
// than durability (fsync off). Stop removes it. When a process exits without
// calling Stop (a test binary killed by its -timeout, say), the next Start in
// the same parent directory stops and removes the orphaned cluster.
//
// PostgreSQL refuses to run as root. When the calling process is root, the
// server runs as the "postgres" system user if there is one, else as
// "nobody".
//
//	c, err := tempdb.Start(ctx)
//	if err != nil {
//		return err
//	}
//	defer c.Stop(context.WithoutCancel(ctx))
//	_, url, err := c.CreateDatabase(ctx, "app") // a new database, by URL
//
// CreateDatabase and DropDatabase keep up to four maintenance sessions per
// server open between calls (Stop and Halt close them): a suite that
// creates a database per test would otherwise start a server process for
// every statement, which on a small machine costs more than the statement.
//
// The binaries are found on PATH, through `pg_config --bindir`, or under
// /usr/lib/postgresql/*/bin (the newest version there), in that order.
//
// It imports only the standard library and pgx, so users can call it from
// their own tests; package autogentest builds on it for testing revisions.
package tempdb
