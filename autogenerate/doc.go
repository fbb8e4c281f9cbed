// Package autogenerate is autogen as a library: it compares two PostgreSQL
// schemas and returns what turns one into the other, as typed changes, as
// SQL, and as the Go revision file `autogen revision` writes.
//
// A schema comes from SQL files ([Files]: a file or a directory of .sql
// files, in any order), from a live database ([Database], [Conn]), or from
// a model you built or read earlier ([Model]):
//
//	res, err := autogenerate.Generate(ctx,
//		autogenerate.Database(os.Getenv("DATABASE_URL")),
//		autogenerate.Files("schema.sql"))
//	if err != nil { ... }
//	for _, c := range res.Up {
//		fmt.Println(c.Describe())          // "added column 'orders.status'"
//	}
//	up, _ := res.UpSQL()                   // the upgrade's statements
//	src, _ := res.Revision(autogenerate.RevisionSpec{Package: "migrations", ID: "ab12cd34ef56", Message: "add status"})
//
// The comparison runs both ways: [Result.Up] and [Result.UpPlan] turn the
// first schema into the second, [Result.Down] and [Result.DownPlan] turn it
// back. Each step of a plan lists its operations (package op, the same
// values a revision file holds) and their hazards: data that would be
// lost, locks that block writes, statements that fail on existing rows.
// Objects that depend on a change are dropped and recreated around it
// exactly when PostgreSQL requires it, and the changes come in an order
// the server accepts (see the diff package and docs/architecture.md).
//
// Confirmed renames ([WithRenames]) become RENAME statements instead of a
// drop and an add; [WithOnline] chooses lock-friendly forms (CREATE INDEX
// CONCURRENTLY, constraints added NOT VALID and validated later).
//
// The lower-level steps are exported too: [ReadDesired] and [ReadCurrent]
// read the two sides into models, [Compare] diffs and plans them.
package autogenerate
