package runner

import (
	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"
)

func (e *env) stairwayCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "stairway",
		Short: "Test every revision up, down and up again, one step at a time",
		Long: `Starting from the database's current position (normally an empty database),
apply each pending revision, undo it, check that the schema is exactly as it
was, apply it again and check that the schema is as after the first upgrade.
It fails on the first downgrade that does not restore the schema, listing the
difference. Run it on a throwaway database: autogen check --dev --roundtrip.`,
		Example: "  autogen check --dev --roundtrip",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := e.runner()
			if err != nil {
				return err
			}
			return e.withConn(cmd.Context(), func(conn *pgx.Conn) error {
				return r.Stairway(cmd.Context(), conn)
			})
		},
	}
}
