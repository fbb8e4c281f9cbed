package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/internal/project"
)

func (a *App) initCmd() *cobra.Command {
	var revisions string
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Create autogen.toml, schema.sql and the revisions package",
		Long: `Create a project in DIR (default: the current directory): autogen.toml with
every setting commented, an empty schema.sql unless one exists, and the
revisions package (migrations/ by default). Inside an existing Go module the
package is added to it; elsewhere a new module is created. Nothing that
exists is overwritten.

The project requires autogen's runtime packages at this autogen's version.
When AUTOGEN_SOURCE names a local autogen checkout, go.mod points there with
a replace directive instead, which works offline against a development build.`,
		Example: `  autogen init
  autogen init myapp --revisions db/migrations`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := a.Cwd
			if len(args) == 1 {
				dir = args[0]
				if !filepath.IsAbs(dir) {
					dir = filepath.Join(a.Cwd, dir)
				}
			}
			err := project.Init(cmd.Context(), project.InitOptions{
				Dir: dir, Revisions: revisions, Version: Version(), Source: a.source(), Out: a.Stdout,
			})
			if errors.Is(err, project.ErrExists) {
				return exitcode.With(exitcode.Refused, err)
			}
			if err != nil {
				return exitcode.With(exitcode.Config, err)
			}
			if !a.quiet {
				fmt.Fprintf(a.Stderr, "Edit %s, set %s, then run: autogen revision -m \"first revision\"\n",
					filepath.Join(dir, "schema.sql"), "DATABASE_URL")
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&revisions, "revisions", "migrations", "revisions directory, relative to DIR")
	return cmd
}

// source returns the local autogen checkout projects should use: the
// AUTOGEN_SOURCE environment variable, or, for a source build run from
// inside its own checkout, that checkout.
func (a *App) source() string {
	if s := a.Getenv("AUTOGEN_SOURCE"); s != "" {
		if abs, err := filepath.Abs(s); err == nil {
			return abs
		}
		return s
	}
	if Version() != "(devel)" {
		return ""
	}
	if m, err := project.FindModule(a.Cwd); err == nil && m.Path == project.ModulePath {
		return m.Dir
	}
	if exe, err := os.Executable(); err == nil {
		if m, err := project.FindModule(filepath.Dir(exe)); err == nil && m.Path == project.ModulePath {
			return m.Dir
		}
	}
	return ""
}
