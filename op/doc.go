// Package op defines the operations a revision applies: typed values such as
// [CreateTable], [AddColumn] or [CreateIndex], each rendering itself to
// PostgreSQL statements. They mirror Alembic's op.* functions.
//
// Operations are plain values. Rendering them connects to nothing, so the same
// revision serves online upgrades, offline `--sql` output and `autogen lint`,
// which reads the hazards each operation declares ([Hazardous]).
//
// Identifiers are quoted only when PostgreSQL needs it ([QuoteIdent]) and
// names are schema-qualified whenever a Schema is given. An empty Schema
// leaves a name unqualified, to be resolved through the search_path: that is
// how the revisions of a multi-tenant project apply to any tenant schema
// (see migrate.Runner.ForSchema). Types, defaults and other expressions are
// SQL text, written as they should appear.
//
// A revision body applies operations through its migration handle:
//
//	func(ctx context.Context, m *revision.Migration) error {
//		return m.Apply(ctx,
//			op.CreateTable{Schema: "public", Name: "users", Columns: []op.Column{
//				{Name: "id", Type: "bigint", NotNull: true, Identity: &op.Identity{Always: true}},
//				{Name: "email", Type: "text", NotNull: true},
//			}, Constraints: []op.Constraint{
//				op.PrimaryKey{Name: "users_pkey", Columns: []string{"id"}},
//			}},
//			op.CreateIndex{Schema: "public", Table: "users", Name: "users_email_idx", Columns: op.Cols("email")},
//		)
//	}
//
// Operations of your own implement [Operation], and [Reverser] and
// [Hazardous] where they can. One that must decide as it goes, such as
// [Backfill] updating batch after batch until no row is left, implements
// [Stepwise]: the migration then lets it run its own statements through [DB],
// which reports each one and its [Progress] to the runtime.
package op
