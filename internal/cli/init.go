package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/adopt"
	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/internal/project"
)

func (a *App) initCmd() *cobra.Command {
	var (
		revisions string
		o         adoptOptions
	)
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
a replace directive instead, which works offline against a development build.

--from-database adopts an existing database (DATABASE_URL, or --url): it
writes schema.sql from the database's schema (--split: a schema/ directory
with a file per object kind and schema), a baseline revision that creates
that schema from empty, and stamps the database at the baseline without
running anything. The next "autogen revision" then finds nothing to do, and
"autogen check --dev" passes.

--from TOOL names the migration tool the database comes from (goose,
golang-migrate, dbmate, atlas, alembic): its version table is left out of
schema.sql and autogen's scope, and left alone. With --migrations DIR, init
refuses (exit 7) when the database has not applied every migration in DIR
or one failed halfway.`,
		Example: `  autogen init
  autogen init myapp --revisions db/migrations
  DATABASE_URL=postgres://localhost/app autogen init --from-database
  autogen init --from-database --split --from goose --migrations db/migrations`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := a.Cwd
			if len(args) == 1 {
				dir = args[0]
				if !filepath.IsAbs(dir) {
					dir = filepath.Join(a.Cwd, dir)
				}
			}
			if o.fromDatabase {
				return a.initFromDatabase(cmd.Context(), dir, revisions, &o)
			}
			if o.split || o.from != "" || o.migrations != "" || o.message != "" {
				return exitcode.With(exitcode.Usage, errors.New("--split, --from, --migrations and --message need --from-database"))
			}
			err := project.Init(cmd.Context(), project.InitOptions{
				Dir: dir, Revisions: revisions, Version: Version(), Source: a.source(), Out: a.Stdout,
			})
			if err != nil {
				return initError(err)
			}
			if !a.quiet {
				fmt.Fprintf(a.Stderr, "Edit %s, set %s, then run: autogen revision -m \"first revision\"\n",
					filepath.Join(dir, "schema.sql"), "DATABASE_URL")
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&revisions, "revisions", "migrations", "revisions directory, relative to DIR")
	f.BoolVar(&o.fromDatabase, "from-database", false, "write schema.sql from the database, a baseline revision that creates it, and stamp the database at it")
	f.BoolVar(&o.split, "split", false, "with --from-database, write the schema as a directory split by object kind and schema (schema/)")
	f.StringVar(&o.from, "from", "", "with --from-database, the migration tool the project comes from ("+strings.Join(adopt.Names(), ", ")+"): its version table is left out of the schema and alone")
	f.StringVar(&o.migrations, "migrations", "", "with --from, that tool's migrations directory: init refuses when the database has not applied all of them")
	f.StringVarP(&o.message, "message", "m", "", "with --from-database, the baseline revision's message (default \"baseline\")")
	return cmd
}

// initError gives a project.Init failure its exit code: refused when
// something exists, the code of a failed baseline as it is, configuration
// otherwise.
func initError(err error) error {
	var ee *exitcode.Error
	switch {
	case errors.Is(err, project.ErrExists):
		return exitcode.With(exitcode.Refused, err)
	case errors.As(err, &ee):
		return err
	}
	return exitcode.With(exitcode.Config, err)
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
