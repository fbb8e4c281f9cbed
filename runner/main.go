package runner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/cmdhelp"
	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/internal/term"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/revision"
)

// Option configures Main.
type Option func(*env)

// WithIO replaces standard input, output and error, for tests.
func WithIO(stdin io.Reader, stdout, stderr io.Writer) Option {
	return func(e *env) { e.stdin, e.stdout, e.stderr = stdin, stdout, stderr }
}

// WithName sets the program name used in help text.
func WithName(name string) Option { return func(e *env) { e.name = name } }

// WithGetenv replaces os.Getenv, for tests.
func WithGetenv(getenv func(string) string) Option { return func(e *env) { e.getenv = getenv } }

// env is what every command needs: the registry, the streams and the global
// flags.
type env struct {
	reg            *revision.Registry
	name           string
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string

	urlEnv       string
	versionTable string
	verbose      int
	quiet        bool
	color        string
	// slow is how long a statement runs before the reporter names it;
	// zero means slowStatement.
	slow time.Duration
	// schemas are the tenant schemas of --schemas (tenants.go), and
	// command the name of the command running, for its messages.
	schemas []string
	command string
	// graph, when set, supplies the revision graph for completion in place
	// of the registry's (Mount: the registry is the compiled runner's).
	graph func(*cobra.Command) (*revision.Graph, error)
	// fleet holds the flags of --fleet runs (fleet.go).
	fleet fleetFlags
}

// Main runs the runner command line with args (without the program name)
// and returns the process exit code.
func Main(reg *revision.Registry, args []string, opts ...Option) int {
	e := &env{reg: reg, name: "autogen", stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	for _, o := range opts {
		o(e)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := e.rootCmd()
	root.SetArgs(RelativeArgs(args))
	err := execute(ctx, root)
	if err == nil {
		return exitcode.OK
	}
	code := Code(err)
	if !errors.Is(err, errSilent) {
		fmt.Fprintln(e.stderr, "Error:", err)
	}
	return code
}

// execute runs the command tree, turning a panic (in a revision's body, as
// a rule) into an error that says where it happened: the revision's
// transaction is rolled back when the connection closes, so the database
// stays at the revision before, as after any failed revision.
func execute(ctx context.Context, root *cobra.Command) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = exitcode.With(exitcode.Migration, fmt.Errorf("panic: %v%s; the revision's changes were not committed", v, panicSite()))
		}
	}()
	return root.ExecuteContext(ctx)
}

// panicSite names the function and line that panicked, called from the
// deferred recover: the first frame below runtime.gopanic that is not the
// runtime's own (an index or nil error panics inside it).
func panicSite() string {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	panicked := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			panicked = true
		case panicked && !strings.HasPrefix(f.Function, "runtime."):
			return fmt.Sprintf(" in %s (%s:%d)", f.Function, f.File, f.Line)
		}
		if !more {
			return ""
		}
	}
}

// RelativeArgs moves relative targets such as "-1" behind "--" so that the
// flag parser does not take them for flags: `downgrade -1` works as it does
// in Alembic. Programs that mount the runner's commands (Mount) apply it to
// their command line too.
func RelativeArgs(args []string) []string {
	var flags, targets []string
	for i, a := range args {
		if a == "--" {
			targets = append(targets, args[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' && strings.Trim(a[1:], "0123456789") == "" {
			targets = append(targets, a)
			continue
		}
		flags = append(flags, a)
	}
	if len(targets) == 0 {
		return args
	}
	return append(append(flags, "--"), targets...)
}

// errSilent marks an error whose message was already printed.
var errSilent = errors.New("silent")

// Code maps an error from the runner's commands to an exit code.
func Code(err error) int {
	var ee *exitcode.Error
	switch {
	case err == nil:
		return exitcode.OK
	case errors.As(err, &ee):
		return ee.Code
	case errors.Is(err, revision.ErrInvalidGraph), errors.Is(err, revision.ErrUnknownRevision),
		errors.Is(err, revision.ErrAmbiguousRevision), errors.Is(err, revision.ErrMultipleHeads),
		errors.Is(err, revision.ErrNoSteps):
		return exitcode.Graph
	case errors.Is(err, migrate.ErrUnknownDatabaseRevision), errors.Is(err, revision.ErrNotApplied):
		return exitcode.State
	}
	var re *migrate.RevisionError
	if errors.As(err, &re) {
		return exitcode.Migration
	}
	var se *migrate.StairwayError
	if errors.As(err, &se) {
		return exitcode.Drift
	}
	return exitcode.Of(err)
}

func (e *env) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   e.name,
		Short: "Apply and inspect the project's revisions",
		Example: `  ` + e.name + ` upgrade head
  ` + e.name + ` current --format json
  ` + e.name + ` downgrade -1`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.SetIn(e.stdin)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return exitcode.With(exitcode.Usage, fmt.Errorf("%w\nRun '%s --help' for usage.", err, c.CommandPath()))
	})
	pf := root.PersistentFlags()
	pf.StringVar(&e.urlEnv, "url-env", "DATABASE_URL", "environment variable that holds the database URL")
	pf.StringVar(&e.versionTable, "version-table", migrate.DefaultVersionTable, "version table, as table or schema.table")
	pf.CountVarP(&e.verbose, "verbose", "v", "more detail: revision details in listings, every SQL statement with its duration in upgrades")
	pf.BoolVarP(&e.quiet, "quiet", "q", false, "log nothing but errors")
	pf.StringVar(&e.color, "color", term.Auto, "colour output: auto (on a terminal unless NO_COLOR is set), always or never")
	e.addSchemaFlags(root)
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		e.command = cmd.Name()
		if err := term.CheckMode(e.color); err != nil {
			return exitcode.With(exitcode.Usage, err)
		}
		return nil
	}
	for _, c := range e.commands() {
		root.AddCommand(c)
	}
	cmdhelp.Finish(root)
	// No runner command takes a file argument.
	cmdhelp.Walk(root, func(c *cobra.Command) {
		if c.ValidArgsFunction == nil {
			c.ValidArgsFunction = cobra.NoFileCompletions
		}
	})
	return root
}

// commands returns every runner command; autogen adds them to its own tree.
func (e *env) commands() []*cobra.Command {
	return []*cobra.Command{
		e.withFleet(e.upgradeCmd()), e.withFleet(e.downgradeCmd()), e.currentCmd(), e.historyCmd(), e.headsCmd(),
		e.branchesCmd(), e.showCmd(), e.withFleet(e.stampCmd()), e.withFleet(e.statusCmd()), e.lintCmd(), e.describeCmd(), e.stairwayCmd(),
	}
}

// runner builds the migrate.Runner, reporting progress to stderr; with
// --schemas it works in that one tenant schema.
func (e *env) runner() (*migrate.Runner, error) {
	schema, err := e.oneSchema(e.command)
	if err != nil {
		return nil, err
	}
	r, err := e.baseRunner()
	if err != nil || schema == "" {
		return r, err
	}
	return r.ForSchema(schema), nil
}

// baseRunner builds the migrate.Runner without regard to --schemas, for the
// commands that go through several schemas.
func (e *env) baseRunner() (*migrate.Runner, error) {
	r, err := migrate.New(e.reg, migrate.WithVersionTable(e.versionTable), migrate.WithReporter(e.reporter()))
	if err != nil {
		return nil, exitcode.With(Code(err), err)
	}
	return r, nil
}

// connect opens the database named by the URL environment variable.
func (e *env) connect(ctx context.Context) (*pgx.Conn, error) {
	url := e.getenv(e.urlEnv)
	if url == "" {
		return nil, exitcode.With(exitcode.Config, fmt.Errorf("no database URL: set the environment variable %s", e.urlEnv))
	}
	cfg, err := connConfig(url)
	if err != nil {
		return nil, exitcode.With(exitcode.Config, fmt.Errorf("invalid database URL in %s: %w", e.urlEnv, redact(err, url)))
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, exitcode.With(exitcode.Connect, fmt.Errorf("connecting to the database: %w", redact(err, url)))
	}
	return conn, nil
}

// connConfig parses a database URL into the configuration every runner
// connection uses, a single database's and each target's of a fleet.
func connConfig(url string) (*pgx.ConnConfig, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, err
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = migrate.DefaultConnectTimeout
	}
	return cfg, nil
}

// withConn runs fn with a connection that is closed afterwards.
func (e *env) withConn(ctx context.Context, fn func(*pgx.Conn) error) error {
	conn, err := e.connect(ctx)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	return fn(conn)
}
