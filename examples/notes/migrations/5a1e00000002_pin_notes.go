// pin notes
//
// Revision ID: 5a1e00000002
// Revises: 5a1e00000001
// Create Date: 2026-12-03 09:33:43.029401

package migrations

import (
	"context"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

func init() {
	Registry.Add(&revision.Revision{
		ID:      "5a1e00000002",
		Revises: []string{"5a1e00000001"},
		Message: "pin notes",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx,
				// added column 'notes.pinned'
				op.AddColumn{
					Schema: "public",
					Table:  "notes",
					Column: op.Column{Name: "pinned", Type: "boolean", NotNull: true, Default: "false"},
				},
			)
		},
		Downgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx,
				// removed column 'notes.pinned'
				// hazard deletes-data: drops column notes.pinned and its data
				op.DropColumn{Schema: "public", Table: "notes", Column: "pinned"},
			)
		},
	})
}
