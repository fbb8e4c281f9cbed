package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/diff"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/tempdb"
)

// errDrift reports that check found the database or the revisions out of
// step with schema.sql.
var errDrift = errors.New("drift")

func (a *App) checkCmd() *cobra.Command {
	var (
		format    string
		dev       bool
		devURL    string
		roundtrip bool
		fleet     string
		jobs      int
		o         autogenOptions
	)
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Fail when the database or the revisions drift from schema.sql",
		Long: `Exit 0 when the database is at head and matches schema.sql; exit 1 when it is
behind the revisions or differs from schema.sql (the differences are printed
as diff prints them); exit 2 on any error.

--dev needs no database of yours: it starts a throwaway PostgreSQL from the
local binaries (or, with --dev-url, creates and afterwards drops a temporary
database on that server), applies every revision, and compares the result
with schema.sql. That catches a schema.sql edit without a revision in CI.

--roundtrip (with --dev) also runs every revision up, down and up again one
step at a time and fails when a downgrade does not restore the schema
exactly.

--fleet NAME checks every target of the fleet [fleet.NAME] of autogen.toml
as it checks one database and prints them grouped: "12 at head, 1 behind:
db7 (at a1b2), 1 drifted: db9 (at c3d4)"; -v lists every target and its
differences.`,
		Example: `  autogen check
  autogen check --dev
  autogen check --dev --roundtrip
  autogen check --dev-url postgres://ci@localhost/postgres --format json
  autogen check --fleet prod`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return exitcode.With(exitcode.Usage, fmt.Errorf("--format must be text or json, not %q", format))
			}
			var err error
			switch {
			case fleet != "" && (dev || devURL != "" || roundtrip):
				return exitcode.With(exitcode.Usage, errors.New("--fleet checks the fleet's databases; --dev checks the revisions: run them separately"))
			case fleet != "":
				err = a.checkFleet(cmd.Context(), fleet, format, jobs)
			default:
				err = a.runCheck(cmd.Context(), format, dev || devURL != "", devURL, roundtrip, &o)
			}
			switch {
			case err == nil:
				return nil
			case errors.Is(err, errDrift):
				return exitcode.With(exitcode.Drift, errSilent)
			case errors.Is(err, errSilent):
				return exitcode.With(2, errSilent)
			}
			return exitcode.With(2, err)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().BoolVar(&dev, "dev", false, "check the revisions on a throwaway database instead of yours")
	cmd.Flags().StringVar(&devURL, "dev-url", "", "server to create the throwaway database on (implies --dev)")
	cmd.Flags().BoolVar(&roundtrip, "roundtrip", false, "also test every downgrade step by step (with --dev)")
	cmd.Flags().StringVar(&fleet, "fleet", "", "check every target of the fleet [fleet.NAME] of autogen.toml, grouped by state")
	cmd.Flags().IntVar(&jobs, "jobs", 0, "with --fleet, how many targets to check at once (default: the fleet's jobs, else 4)")
	offlineFlag(cmd, &o)
	return cmd
}

func (a *App) runCheck(ctx context.Context, format string, dev bool, devURL string, roundtrip bool, o *autogenOptions) error {
	cfg, err := a.config()
	if err != nil {
		return err
	}
	g, err := a.graph(ctx, cfg)
	if err != nil {
		return err
	}
	if dev {
		url, cleanup, err := a.throwawayDB(ctx, devURL)
		if err != nil {
			return err
		}
		defer cleanup()
		a.url = url
		if roundtrip {
			if !a.quiet {
				fmt.Fprintln(a.Stderr, "Running every revision up, down and up again ...")
			}
			var ee *exitcode.Error
			args := []string{"stairway", "--column-order", cfg.ColumnOrder}
			err := a.runRunnerIO(ctx, cfg, args, a.Stdout)
			if errors.As(err, &ee) && ee.Code == exitcode.Drift {
				// The runner printed which downgrade does not restore the
				// schema; that is drift between the revisions and
				// themselves.
				return errDrift
			}
			if err != nil {
				return err
			}
		}
		// Only the upgrade's errors matter here; its progress would bury
		// the result.
		quiet := a.quiet
		a.quiet = true
		err = a.runRunnerIO(ctx, cfg, []string{"upgrade", "heads"}, io.Discard)
		a.quiet = quiet
		if err != nil {
			return fmt.Errorf("applying the revisions to a throwaway database failed (see above)")
		}
	} else if roundtrip {
		return exitcode.With(exitcode.Usage, errors.New("--roundtrip needs --dev: it runs every downgrade"))
	}
	url := a.databaseURL(cfg)
	if url == "" {
		return exitcode.With(exitcode.Config, fmt.Errorf("no database URL: set %s, or use --dev", cfg.URLEnv))
	}
	conn, err := connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	rows, err := versionRows(ctx, conn, cfg.VersionTable)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if g.Revision(r) == nil {
			return exitcode.With(exitcode.State, fmt.Errorf("the database is at revision %s, which no revision file declares", r))
		}
	}
	applied := g.Ancestors(rows...)
	behind := len(applied) != g.Len()
	cmp, err := a.compare(ctx, cfg, conn, o)
	if err != nil {
		return err
	}
	stmts, err := cmp.UpPlan.SQL()
	if err != nil {
		return err
	}
	inSync := !behind && len(cmp.Up) == 0
	if format == "json" {
		if err := writeJSON(a.Stdout, checkJSON{InSync: inSync, Behind: behind, Current: nonNil(g.HeadsOf(applied)),
			Heads: nonNil(g.Heads()), Changes: planChanges(cmp.UpPlan), SQL: nonNil(stmts)}); err != nil {
			return err
		}
	} else {
		st := a.style(a.Stdout)
		if behind {
			fmt.Fprintf(a.Stdout, "%s the database is at %s but the revisions' heads are %s: run `autogen upgrade heads`.\n",
				st.Yellow("Behind:"), orBase(g.HeadsOf(applied)), orBase(g.Heads()))
		}
		if len(cmp.Up) > 0 {
			what := "the database differs from the schema"
			if dev {
				what = "the revisions do not produce the schema"
			}
			fmt.Fprintf(a.Stdout, "%s %s; a new revision would contain:\n", st.Yellow("Drift:"), what)
			a.printChanges(a.Stdout, cmp.UpPlan)
			if a.verbose > 0 {
				a.printSQL(a.Stdout, cmp.UpPlan)
			}
			if behind {
				// revision refuses a database that is behind: upgrading
				// comes first, and may make some of these changes.
				fmt.Fprintln(a.Stdout, "Run `autogen upgrade heads` first (the pending revisions may make some of these changes), then `autogen revision -m MESSAGE` for the rest.")
			} else {
				fmt.Fprintln(a.Stdout, "Run `autogen revision -m MESSAGE` to write it.")
			}
		}
		if a.verbose > 0 && !a.quiet && cfg.ColumnOrder != "exact" {
			a.printColumnOrderNotes(cmp)
		}
		if inSync && !a.quiet {
			what := "the database is at head and matches the schema."
			if dev {
				what = "the revisions produce exactly the schema."
			}
			fmt.Fprintf(a.Stderr, "%s %s\n", a.style(a.Stderr).Green("OK:"), what)
		}
	}
	if !inSync {
		return errDrift
	}
	return nil
}

// printColumnOrderNotes notes, for -v, the tables whose columns stand in
// another order than in schema.sql: a difference check ignores unless
// autogen.toml asks for exact column order.
func (a *App) printColumnOrderNotes(cmp *autogenerate.Result) {
	for _, t := range cmp.Desired.Tables {
		f := cmp.Current.Table(t.Name)
		if f == nil {
			continue
		}
		want := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			want[i] = c.Name
		}
		if got := diff.ColumnOrderAfter(f, t); !slices.Equal(got, want) {
			fmt.Fprintf(a.Stderr, "Note: the columns of %s stand in another order than in schema.sql (%s; schema.sql: %s); ignored unless column_order = \"exact\".\n",
				t.Name, strings.Join(got, ", "), strings.Join(want, ", "))
		}
	}
}

// throwawayDB returns the URL of a new empty database and a function that
// removes it: on the server devURL names, or on a throwaway cluster.
func (a *App) throwawayDB(ctx context.Context, devURL string) (string, func(), error) {
	if devURL != "" {
		name := fmt.Sprintf("autogen_check_%d", time.Now().UnixNano())
		if err := tempdb.CreateDatabase(ctx, devURL, name); err != nil {
			return "", nil, err
		}
		url, err := tempdb.WithDatabase(devURL, name)
		if err != nil {
			return "", nil, err
		}
		return url, func() { tempdb.DropDatabase(context.WithoutCancel(ctx), devURL, name) }, nil
	}
	if !a.quiet {
		fmt.Fprintln(a.Stderr, "Starting a throwaway PostgreSQL ...")
	}
	c, err := tempdb.Start(ctx)
	if err != nil {
		return "", nil, err
	}
	_, url, err := c.CreateDatabase(ctx, "autogen_check")
	if err != nil {
		c.Stop(context.WithoutCancel(ctx))
		return "", nil, err
	}
	return url, func() { c.Stop(context.WithoutCancel(ctx)) }, nil
}
