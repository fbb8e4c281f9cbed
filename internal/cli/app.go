// Package cli is the autogen command line. It owns everything that touches
// the user's terminal and files; the packages below it are pure.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/cmdhelp"
	"github.com/autogen-dev/autogen/internal/config"
	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/internal/project"
	"github.com/autogen-dev/autogen/internal/term"
	"github.com/autogen-dev/autogen/runner"
)

// App holds what every command needs: streams, environment and the global
// flags. Tests build one with their own streams.
type App struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Cwd            string

	ov      config.Overrides
	url     string
	verbose int
	quiet   bool
	color   string
}

// Main runs autogen with args and returns the exit code.
func Main(args []string) int {
	cwd, _ := os.Getwd()
	a := &App{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Cwd: cwd}
	return a.Run(args)
}

// errSilent marks an error whose explanation was already printed.
var errSilent = errors.New("silent")

// Run executes one command line.
func (a *App) Run(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := a.rootCmd()
	// As in the runner, "downgrade -1" takes -1 for a target, not a flag.
	root.SetArgs(runner.RelativeArgs(args))
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitcode.OK
	}
	code := runner.Code(err)
	// An error that carries its code keeps it: check maps every error to
	// 2, revisions that do not compile included.
	var ee *exitcode.Error
	var be *project.BuildError
	switch {
	case errors.As(err, &ee):
	case errors.As(err, &be):
		code = exitcode.Build
	case errors.Is(err, config.ErrNotFound):
		code = exitcode.Config
	}
	if !errors.Is(err, errSilent) {
		fmt.Fprintln(a.Stderr, "Error:", a.redact(err.Error()))
	}
	return code
}

// Version returns autogen's module version, "(devel)" for a source build.
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// Command returns the command tree, for the command reference generator
// (internal/cli/docgen) and tests that walk it.
func (a *App) Command() *cobra.Command { return a.rootCmd() }

func (a *App) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "autogen",
		Short: "Autogenerate PostgreSQL migrations from schema.sql as Go revisions",
		Long: `autogen keeps a PostgreSQL database in step with a plain SQL schema.

Edit schema.sql, run "autogen revision -m MESSAGE", review the generated Go
revision, and apply it with "autogen upgrade head". In CI, "autogen check"
fails when a schema change has no revision.`,
		Example: `  autogen init
  autogen revision -m "add orders"
  autogen upgrade head
  autogen check --dev`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       Version(),
	}
	root.SetOut(a.Stdout)
	root.SetErr(a.Stderr)
	root.SetIn(a.Stdin)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return exitcode.With(exitcode.Usage, fmt.Errorf("%w\nRun '%s --help' for usage.", err, c.CommandPath()))
	})
	pf := root.PersistentFlags()
	pf.StringVarP(&a.ov.ConfigPath, "config", "c", "", "configuration file (default: autogen.toml in this or a parent directory)")
	pf.StringVar(&a.ov.Env, "env", "", "named environment from autogen.toml")
	pf.StringVar(&a.ov.URLEnv, "url-env", "", "environment variable that holds the database URL (default DATABASE_URL)")
	pf.StringVar(&a.url, "url", "", "database URL (overrides the environment; prefer the environment, which keeps it out of process lists)")
	pf.StringVar(&a.ov.Schema, "schema", "", "schema source: a .sql file or a directory of them")
	pf.StringVar(&a.ov.VersionTable, "version-table", "", "version table, as table or schema.table")
	pf.CountVarP(&a.verbose, "verbose", "v", "more detail (-v shows every SQL statement with its duration; -vv also the forms of each expression the server settled)")
	pf.BoolVarP(&a.quiet, "quiet", "q", false, "print nothing but errors")
	pf.StringVar(&a.color, "color", term.Auto, "colour output: auto (on a terminal unless NO_COLOR is set), always or never")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if err := term.CheckMode(a.color); err != nil {
			return exitcode.With(exitcode.Usage, err)
		}
		return nil
	}

	root.AddGroup(&cobra.Group{ID: "author", Title: "Writing revisions:"},
		&cobra.Group{ID: "run", Title: "Applying revisions:"},
		&cobra.Group{ID: "inspect", Title: "Inspecting:"})
	for _, c := range []*cobra.Command{a.initCmd(), a.revisionCmd(), a.mergeCmd(), a.squashCmd(), a.buildCmd()} {
		c.GroupID = "author"
		root.AddCommand(c)
	}
	root.AddCommand(a.demoCmd())
	for _, c := range []*cobra.Command{a.diffCmd(), a.checkCmd()} {
		c.GroupID = "inspect"
		c.ValidArgsFunction = cobra.NoFileCompletions
		root.AddCommand(c)
	}
	for _, c := range a.forwardedCmds() {
		root.AddCommand(c)
	}
	cmdhelp.Finish(root)
	return root
}

// config loads the project configuration with the global flags applied.
func (a *App) config() (*config.Config, error) {
	c, err := config.Load(a.Cwd, a.ov, a.Getenv)
	if err != nil {
		return nil, exitcode.With(exitcode.Config, err)
	}
	tenantConfig(c)
	return c, nil
}

// databaseURL returns the database URL: --url, else the configured
// environment variable.
func (a *App) databaseURL(c *config.Config) string {
	if a.url != "" {
		return a.url
	}
	return a.Getenv(c.URLEnv)
}

// redact hides the database password in a message.
func (a *App) redact(msg string) string {
	if a.url != "" {
		msg = runner.RedactString(msg, a.url)
	}
	for _, name := range []string{"DATABASE_URL", a.ov.URLEnv, "AUTOGEN_DEV_URL"} {
		if name != "" {
			if u := a.Getenv(name); u != "" {
				msg = runner.RedactString(msg, u)
			}
		}
	}
	return msg
}
