// orders
//
// Revision ID: 3b3a73713af3
// Revises: 3ccea76c7c85
// Create Date: 2026-11-22 04:08:07.197138

package migrations

import (
	"context"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

func init() {
	Registry.Add(&revision.Revision{
		ID:      "3b3a73713af3",
		Revises: []string{"3ccea76c7c85"},
		Message: "orders",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx,
				// added table 'order_lines'
				op.CreateTable{
					Schema: "public",
					Name:   "order_lines",
					Columns: []op.Column{
						{Name: "order_id", Type: "bigint", NotNull: true},
						{Name: "product_id", Type: "bigint", NotNull: true},
						{Name: "quantity", Type: "integer", NotNull: true},
					},
					Constraints: []op.Constraint{
						op.PrimaryKey{Name: "order_lines_pkey", Columns: []string{"order_id", "product_id"}},
						op.Check{Name: "order_lines_quantity_check", Expr: "quantity > 0"},
					},
				},
				// added table 'orders'
				op.CreateTable{
					Schema: "public",
					Name:   "orders",
					Columns: []op.Column{
						{Name: "id", Type: "bigint", NotNull: true, Identity: &op.Identity{Always: true}},
						{Name: "customer_id", Type: "bigint", NotNull: true},
						{Name: "created_at", Type: "timestamp with time zone", NotNull: true, Default: "now()"},
					},
					Constraints: []op.Constraint{op.PrimaryKey{Name: "orders_pkey", Columns: []string{"id"}}},
				},
				// added index 'orders_customer_id_idx' on 'orders'
				op.CreateIndex{
					Schema:  "public",
					Table:   "orders",
					Name:    "orders_customer_id_idx",
					Columns: op.Cols("customer_id"),
				},
				// added foreign key constraint 'order_lines_order_id_fkey' on 'order_lines'
				op.AddConstraint{
					Schema: "public",
					Table:  "order_lines",
					Constraint: op.ForeignKey{
						Name:       "order_lines_order_id_fkey",
						Columns:    []string{"order_id"},
						References: op.Name{Schema: "public", Name: "orders"},
						RefColumns: []string{"id"},
						OnDelete:   "CASCADE",
					},
				},
				// added foreign key constraint 'order_lines_product_id_fkey' on 'order_lines'
				op.AddConstraint{
					Schema: "public",
					Table:  "order_lines",
					Constraint: op.ForeignKey{
						Name:       "order_lines_product_id_fkey",
						Columns:    []string{"product_id"},
						References: op.Name{Schema: "public", Name: "products"},
						RefColumns: []string{"id"},
					},
				},
				// added foreign key constraint 'orders_customer_id_fkey' on 'orders'
				op.AddConstraint{
					Schema: "public",
					Table:  "orders",
					Constraint: op.ForeignKey{
						Name:       "orders_customer_id_fkey",
						Columns:    []string{"customer_id"},
						References: op.Name{Schema: "public", Name: "customers"},
						RefColumns: []string{"id"},
					},
				},
			)
		},
		Downgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx,
				// removed foreign key constraint 'order_lines_order_id_fkey' on 'order_lines'
				op.DropConstraint{Schema: "public", Table: "order_lines", Name: "order_lines_order_id_fkey"},
				// removed table 'orders'
				// hazard deletes-data: drops table orders and its rows
				op.DropTable{Schema: "public", Name: "orders"},
				// removed table 'order_lines'
				// hazard deletes-data: drops table order_lines and its rows
				op.DropTable{Schema: "public", Name: "order_lines"},
			)
		},
	})
}
