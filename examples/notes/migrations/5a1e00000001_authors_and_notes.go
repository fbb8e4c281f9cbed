// authors and notes
//
// Revision ID: 5a1e00000001
// Revises:
// Create Date: 2026-12-03 09:33:34.151489

package migrations

import (
	"context"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

func init() {
	Registry.Add(&revision.Revision{
		ID:      "5a1e00000001",
		Message: "authors and notes",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx,
				// added table 'authors'
				op.CreateTable{
					Schema: "public",
					Name:   "authors",
					Columns: []op.Column{
						{Name: "id", Type: "bigint", NotNull: true, Identity: &op.Identity{Always: true}},
						{Name: "name", Type: "text", NotNull: true},
					},
					Constraints: []op.Constraint{
						op.Unique{Name: "authors_name_key", Columns: []string{"name"}},
						op.PrimaryKey{Name: "authors_pkey", Columns: []string{"id"}},
					},
				},
				// added table 'notes'
				op.CreateTable{
					Schema: "public",
					Name:   "notes",
					Columns: []op.Column{
						{Name: "id", Type: "bigint", NotNull: true, Identity: &op.Identity{Always: true}},
						{Name: "author_id", Type: "bigint", NotNull: true},
						{Name: "body", Type: "text", NotNull: true},
						{Name: "created_at", Type: "timestamp with time zone", NotNull: true, Default: "now()"},
					},
					Constraints: []op.Constraint{op.PrimaryKey{Name: "notes_pkey", Columns: []string{"id"}}},
				},
				// added index 'notes_author_id' on 'notes'
				op.CreateIndex{
					Schema:  "public",
					Table:   "notes",
					Name:    "notes_author_id",
					Columns: op.Cols("author_id"),
				},
				// added foreign key constraint 'notes_author_id_fkey' on 'notes'
				op.AddConstraint{
					Schema: "public",
					Table:  "notes",
					Constraint: op.ForeignKey{
						Name:       "notes_author_id_fkey",
						Columns:    []string{"author_id"},
						References: op.Name{Schema: "public", Name: "authors"},
						RefColumns: []string{"id"},
						OnDelete:   "CASCADE",
					},
				},
			)
		},
		Downgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx,
				// removed foreign key constraint 'notes_author_id_fkey' on 'notes'
				op.DropConstraint{Schema: "public", Table: "notes", Name: "notes_author_id_fkey"},
				// removed table 'notes'
				// hazard deletes-data: drops table notes and its rows
				op.DropTable{Schema: "public", Name: "notes"},
				// removed table 'authors'
				// hazard deletes-data: drops table authors and its rows
				op.DropTable{Schema: "public", Name: "authors"},
			)
		},
	})
}
