// Package revision is what revision files import: the [Revision] value each
// file declares, the [Registry] a revisions package collects them in, the
// [Graph] they form, and the [Migration] handle an upgrade or downgrade body
// works through.
//
// A revisions package declares its own registry, and every revision file adds
// itself to it:
//
//	// registry.go
//	var Registry = revision.NewRegistry()
//
//	// 3f1e2d4c5b6a_add_orders.go
//	func init() {
//		Registry.Add(&revision.Revision{
//			ID:      "3f1e2d4c5b6a",
//			Revises: []string{"1a2b3c4d5e6f"},
//			Message: "add orders",
//			Upgrade: func(ctx context.Context, m *revision.Migration) error {
//				return m.Apply(ctx, op.AddColumn{...})
//			},
//			Downgrade: func(ctx context.Context, m *revision.Migration) error {
//				return m.Apply(ctx, op.DropColumn{...})
//			},
//		})
//	}
//
// A body that only applies operations (every generated one) is recorded
// before it runs ([Record]): the runtime checks its operations for data
// loss before the first statement, and runs them as segments ([Split]):
// transactions separated by op.Commit, and the operations PostgreSQL runs
// only outside a transaction block (CREATE INDEX CONCURRENTLY) alone, each
// segment recorded in the version table as it completes. A body that reads
// the database with [Migration.Query], [Migration.QueryRow], [Migration.DB]
// or Exec with arguments, to migrate data, runs as a whole inside the
// revision's transaction, as it is written. NoTransaction runs a body
// statement by statement outside any transaction. [Migration.Offline]
// reports a body rendered for `--sql`, where nothing can be read. LockTimeout, StatementTimeout and LockRetries
// bound how long the revision waits for locks, and AllowHazards acknowledges
// the hazards its operations declare, which `autogen lint` then accepts.
//
// There is no library-wide registry: the runner is handed the package's
// registry explicitly (see package migrate), so tests can build their own.
// Registering never panics; [Registry.Graph] reports duplicate ids, missing
// parents and cycles as typed errors.
package revision
