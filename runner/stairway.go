package runner

import (
	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/migrate"
)

func (e *env) stairwayCmd() *cobra.Command {
	var columnOrder string
	cmd := &cobra.Command{
		Use:   "stairway",
		Short: "Test every revision up, down and up again, one step at a time",
		Long: `Starting from the database's current position (normally an empty database),
apply each pending revision, undo it, check that the schema is exactly as it
was, apply it again and check that the schema is as after the first upgrade.
It fails on the first downgrade that does not restore the schema, listing the
difference. Run it on a throwaway database: autogen check --dev --roundtrip.

A difference of column positions alone (PostgreSQL appends a column added
again, so the downgrade of a dropped column puts it last) is a note, unless
--column-order exact asks for the columns' order to be restored too.`,
		Example: "  autogen check --dev --roundtrip",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			order, err := migrate.ParseColumnOrder(columnOrder)
			if err != nil {
				return exitcode.With(exitcode.Usage, err)
			}
			r, err := e.runner()
			if err != nil {
				return err
			}
			if err := migrate.WithColumnOrder(order)(r); err != nil {
				return err
			}
			return e.withConn(cmd.Context(), func(conn *pgx.Conn) error {
				return r.Stairway(cmd.Context(), conn)
			})
		},
	}
	cmd.Flags().StringVar(&columnOrder, "column-order", "exact", "exact: a difference of column positions fails; ignore: it is only a note")
	return cmd
}
