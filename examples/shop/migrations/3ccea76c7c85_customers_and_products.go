// customers and products
//
// Revision ID: 3ccea76c7c85
// Revises:
// Create Date: 2026-11-22 04:08:06.183676

package migrations

import (
	"context"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

func init() {
	Registry.Add(&revision.Revision{
		ID:      "3ccea76c7c85",
		Message: "customers and products",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx,
				// added table 'customers'
				op.CreateTable{
					Schema: "public",
					Name:   "customers",
					Columns: []op.Column{
						{Name: "id", Type: "bigint", NotNull: true, Identity: &op.Identity{Always: true}},
						{Name: "email", Type: "text", NotNull: true},
						{Name: "created_at", Type: "timestamp with time zone", NotNull: true, Default: "now()"},
					},
					Constraints: []op.Constraint{
						op.Unique{Name: "customers_email_key", Columns: []string{"email"}},
						op.PrimaryKey{Name: "customers_pkey", Columns: []string{"id"}},
					},
				},
				// added table 'products'
				op.CreateTable{
					Schema: "public",
					Name:   "products",
					Columns: []op.Column{
						{Name: "id", Type: "bigint", NotNull: true, Identity: &op.Identity{Always: true}},
						{Name: "name", Type: "text", NotNull: true},
						{Name: "price", Type: "numeric(10,2)", NotNull: true},
					},
					Constraints: []op.Constraint{
						op.PrimaryKey{Name: "products_pkey", Columns: []string{"id"}},
						op.Check{Name: "products_price_check", Expr: "price >= 0"},
					},
				},
			)
		},
		Downgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx,
				// removed table 'products'
				// hazard deletes-data: drops table products and its rows
				op.DropTable{Schema: "public", Name: "products"},
				// removed table 'customers'
				// hazard deletes-data: drops table customers and its rows
				op.DropTable{Schema: "public", Name: "customers"},
			)
		},
	})
}
