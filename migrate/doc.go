// Package migrate applies revisions to a database and tracks them in the
// version table: upgrade, downgrade, stamp, current, status, the offline SQL
// of each, and the stairway test. It is the runtime the `autogen` CLI runs
// in the runner it builds, and what applications call to migrate at
// startup.
//
// # Migrating at startup
//
//	r, err := migrate.New(migrations.Registry) // validates the revision graph
//	if err != nil {
//		return err
//	}
//	conn, err := pgx.Connect(ctx, os.Getenv("DATABASE_URL"))
//	if err != nil {
//		return err
//	}
//	n, err := r.Upgrade(ctx, conn, "head") // n revisions applied
//
// Each revision runs in its own transaction together with the change to the
// version table, so a failing revision leaves the database exactly at the
// previous revision ([RevisionError] says which). A revision whose body
// holds a statement PostgreSQL runs only outside a transaction block
// (CREATE INDEX CONCURRENTLY) or an op.Commit runs as segments
// (revision.Split), each recorded in the version table as it completes: a
// failure leaves the database at the end of a segment ([Status].Partial),
// from which Upgrade resumes and Downgrade goes back. A session-level
// advisory lock serialises runners: several instances starting at once
// apply each revision once. [WithReporter] hears about every revision and
// statement as it runs; [WithVersionTable] names the version table, which
// holds one row per applied head, as Alembic's does.
//
// # The data guard
//
// Before a revision's first statement, every operation that deletes data
// and that the revision does not acknowledge (AllowHazards) is checked
// against the database with the probes it declares (package guard): when
// the database holds rows or values it would lose, nothing runs and the
// step fails with a [DataLossError] naming the operation and an example.
// [WithAllowDestructive] turns the guard off; offline SQL carries it as a
// DO block that raises.
//
// # Interruption
//
// Cancelling the context of Upgrade or Downgrade stops the run: on a
// connection configured with [ConfigureCancel], the running statement is
// cancelled on the server and rolled back, the migration lock is released,
// and the error says where the database stands.
//
// # Health checks and metrics
//
// [Runner.Status] says where a database stands: the applied heads, the
// graph's heads, how many revisions are pending and whether it is at head.
// It reads the version table without taking the migration lock, so it
// answers at once even while another process migrates:
//
//	http.HandleFunc("GET /healthz", func(w http.ResponseWriter, req *http.Request) {
//		st, err := r.Status(req.Context(), conn)
//		switch {
//		case err != nil:
//			http.Error(w, err.Error(), http.StatusServiceUnavailable)
//		case !st.AtHead:
//			http.Error(w, fmt.Sprintf("%d revision(s) pending", st.Pending), http.StatusServiceUnavailable)
//		default:
//			fmt.Fprintln(w, "ok", st.Current)
//		}
//	})
//
// examples/shop in the repository is a complete service doing this, with a
// /metrics endpoint.
//
// # Multi-tenant schemas
//
// In a database where every tenant has a schema of its own, revisions use
// unqualified names (autogen writes them so with [tenants] in autogen.toml)
// and [Runner.ForSchema] applies them to one tenant: the version table is in
// the tenant's schema and search_path is set to it. [Schemas] lists tenant
// schemas by glob, and [Runner.UpgradeSchemas] goes through them, stopping
// at the first failure or continuing ([OnError]):
//
//	tenants, err := migrate.Schemas(ctx, conn, "tenant_*")
//	...
//	results, err := r.UpgradeSchemas(ctx, conn, tenants, "head", migrate.ContinueOnError)
//	for _, res := range results {
//		log.Printf("%s: %d applied, error: %v", res.Schema, res.Moved, res.Err)
//	}
//
// To create a new tenant, create its schema and upgrade it:
// r.ForSchema("tenant_new").Upgrade(ctx, conn, "head").
//
// # Fleets
//
// A fleet is many databases that must reach the same revision: a database
// per customer, shards on several servers. [Runner.UpgradeFleet] (and
// DowngradeFleet, StampFleet, StatusFleet) migrates each [Target] exactly as
// Upgrade migrates one database, with its own connection, version table and
// lock, at most [FleetOptions].Jobs at once and PerServer per server, a
// canary wave first, and no new target after MaxFailures failures; the
// [FleetReport] says where each target went. [FleetSource] reads targets
// from URLs (with ${VAR} references), a file or a control-database query,
// and [EachTarget] runs a function of the application's own across a fleet
// with the same bounds:
//
//	targets, err := migrate.FleetSource{Query: q, ControlURL: "${REGISTRY_URL}"}.Targets(ctx, os.Getenv)
//	...
//	rep, err := r.UpgradeFleet(ctx, targets, "head", migrate.FleetOptions{Jobs: 8, PerServer: 4, Canary: 2})
//	for _, res := range rep.Results {
//		log.Printf("%s: %s %v -> %v %v", res.Label(), res.State, res.From, res.To, res.Err)
//	}
//
// # Testing revisions
//
// [Runner.Stairway] runs every revision up, down and up again, one step at
// a time, comparing [Runner.Fingerprint]s of the schema, and fails with a
// [StairwayError] on a downgrade that does not restore it. Package
// autogentest wraps it (and a throwaway server) for a project's own tests.
//
// This package, like every package revision files import, is free of cgo
// and of the schema-diffing side of autogen.
package migrate
