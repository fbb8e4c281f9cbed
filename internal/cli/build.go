package cli

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/exitcode"
)

func (a *App) buildCmd() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "build -o FILE",
		Short: "Build a standalone migration binary for deployment",
		Long: `Compile the project's revisions with the runner commands (upgrade,
downgrade, current, history, heads, branches, show, stamp, status, lint)
into one binary that needs no Go toolchain. It reads the database URL from
DATABASE_URL (or --url-env NAME).`,
		Example: `  autogen build -o bin/migrate
  DATABASE_URL=postgres://... bin/migrate upgrade head`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return exitcode.With(exitcode.Usage, fmt.Errorf("-o FILE is required"))
			}
			cfg, err := a.config()
			if err != nil {
				return err
			}
			if !filepath.IsAbs(out) {
				out = filepath.Join(a.Cwd, out)
			}
			b, err := a.builder(cfg, filepath.Base(out))
			if err != nil {
				return err
			}
			if err := b.Build(cmd.Context(), out); err != nil {
				return buildError(err)
			}
			fmt.Fprintf(a.Stdout, "Built %s\n", out)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "binary to write")
	return cmd
}
