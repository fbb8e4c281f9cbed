package runner

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/migrate"
)

// Multi-tenant databases (README, "Multi-tenant schemas"): --schemas names
// tenant schemas by glob. upgrade, downgrade and status go through every
// matching schema, each with its own version table and search_path (see
// migrate.Runner.ForSchema); the other commands work on one tenant and need
// --schemas to be one schema name.

// hasGlob reports whether a --schemas entry is a pattern rather than a name.
func hasGlob(s string) bool { return strings.ContainsAny(s, "*?[") }

// addSchemaFlags adds --schemas (persistent, on the root) to the flags.
func (e *env) addSchemaFlags(root *cobra.Command) { e.schemaFlag(root.PersistentFlags()) }

// schemaFlag defines --schemas in fs, where the runner's root or a host's
// mounted command (Mount) has it.
func (e *env) schemaFlag(fs *pflag.FlagSet) {
	fs.StringSliceVar(&e.schemas, "schemas", nil,
		"tenant schemas, as names or globs (tenant_*): upgrade, downgrade and status go through each; other commands take one name")
}

// oneSchema returns the tenant schema a single-tenant command works in, or
// "" without --schemas.
func (e *env) oneSchema(cmd string) (string, error) {
	switch {
	case len(e.schemas) == 0:
		return "", nil
	case len(e.schemas) > 1 || hasGlob(e.schemas[0]):
		return "", exitcode.With(exitcode.Usage, fmt.Errorf("%s works on one tenant: give --schemas one schema name, not %q (upgrade, downgrade and status take patterns)", cmd, strings.Join(e.schemas, ",")))
	}
	return e.schemas[0], nil
}

// matchSchemas lists the schemas --schemas names, failing when none does:
// a typo in a pattern must not look like a successful deployment.
func (e *env) matchSchemas(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	names, err := migrate.Schemas(ctx, conn, e.schemas...)
	if err != nil {
		return nil, exitcode.With(exitcode.Usage, err)
	}
	if len(names) == 0 {
		return nil, exitcode.With(exitcode.State, fmt.Errorf("%w %s", migrate.ErrNoSchema, strings.Join(e.schemas, ", ")))
	}
	return names, nil
}

// moveSchemas upgrades or downgrades every schema --schemas matches and
// prints a summary line.
func (e *env) moveSchemas(ctx context.Context, r *migrate.Runner, dir migrate.Direction, target string, onErr migrate.OnError) error {
	return e.withConn(ctx, func(conn *pgx.Conn) error {
		names, err := e.matchSchemas(ctx, conn)
		if err != nil {
			return err
		}
		var res []migrate.SchemaResult
		if dir == migrate.Up {
			res, err = r.UpgradeSchemas(ctx, conn, names, target, onErr)
		} else {
			res, err = r.DowngradeSchemas(ctx, conn, names, target, onErr)
		}
		if !e.quiet {
			e.schemaSummary(dir, names, res)
		}
		return err
	})
}

// schemaSummary prints how a multi-schema run ended.
func (e *env) schemaSummary(dir migrate.Direction, names []string, res []migrate.SchemaResult) {
	st := e.style(e.stderr)
	verb := map[migrate.Direction]string{migrate.Up: "upgraded", migrate.Down: "downgraded"}[dir]
	var failed []string
	for _, r := range res {
		if r.Err != nil {
			failed = append(failed, r.Schema)
		}
	}
	ok := len(res) - len(failed)
	switch {
	case len(failed) == 0:
		fmt.Fprintf(e.stderr, "%s %d schema(s) %s\n", st.Green("Done:"), ok, verb)
	default:
		line := fmt.Sprintf("%d of %d schema(s) %s; failed: %s", ok, len(names), verb, strings.Join(failed, ", "))
		if skipped := len(names) - len(res); skipped > 0 {
			line += fmt.Sprintf("; %d not tried (--continue-on-error goes on after a failure)", skipped)
		}
		fmt.Fprintln(e.stderr, st.Red("Failed:"), line)
	}
}

// SchemaStarted prints a header before each schema of a multi-schema run.
func (r *reporter) SchemaStarted(schema string, index, total int) {
	if r.quiet {
		return
	}
	r.printf("%s %s%s\n", r.st.Bold("Schema"), schema, r.st.Dim(fmt.Sprintf(" (%d/%d)", index, total)))
}

// SchemaDone notes a schema that had nothing to do; a failure was shown by
// StepDone and is printed by Main.
func (r *reporter) SchemaDone(res migrate.SchemaResult, index, total int) {
	if r.quiet || res.Err != nil || res.Moved > 0 {
		return
	}
	r.printf("  %s\n", r.st.Dim("nothing to do"))
}

var _ migrate.SchemaReporter = (*reporter)(nil)

// schemaStatusOut is the JSON of status --schemas, documented in
// docs/json.md.
type schemaStatusOut struct {
	Heads   []string          `json:"heads"`
	Schemas []schemaStatusRow `json:"schemas"`
	AtHead  bool              `json:"at_head"`
}

type schemaStatusRow struct {
	Schema  string   `json:"schema"`
	Current []string `json:"current"`
	Pending int      `json:"pending"`
	AtHead  bool     `json:"at_head"`
}

// statusSchemas prints the status of every schema --schemas matches and
// fails with exit 1 when one is behind.
func (e *env) statusSchemas(ctx context.Context, r *migrate.Runner, format string) error {
	return e.withConn(ctx, func(conn *pgx.Conn) error {
		names, err := e.matchSchemas(ctx, conn)
		if err != nil {
			return err
		}
		sts, err := r.StatusSchemas(ctx, conn, names)
		if err != nil {
			return err
		}
		out := schemaStatusOut{Heads: nonNil(r.Graph().Heads()), Schemas: []schemaStatusRow{}, AtHead: true}
		for _, s := range sts {
			out.Schemas = append(out.Schemas, schemaStatusRow{Schema: s.Schema, Current: nonNil(s.Current), Pending: s.Pending, AtHead: s.AtHead})
			out.AtHead = out.AtHead && s.AtHead
		}
		if format == "json" {
			if err := writeJSON(e.stdout, out); err != nil {
				return err
			}
		} else {
			fmt.Fprintf(e.stdout, "heads: %s\n", orBase(out.Heads))
			for _, s := range out.Schemas {
				fmt.Fprintf(e.stdout, "%s: current %s, pending %d\n", s.Schema, orBase(s.Current), s.Pending)
			}
		}
		if !out.AtHead {
			return exitcode.With(exitcode.Drift, errSilent)
		}
		return nil
	})
}
