package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/internal/mdreport"
	"github.com/autogen-dev/autogen/internal/plan"
	"github.com/autogen-dev/autogen/op"
)

// changeJSON is the JSON form of a detected change, in diff and check.
// docs/json.md documents it; fields are only ever added.
type changeJSON struct {
	// Type names the kind of change, as the summary of revision counts
	// them: "CreateTable", "AddColumn", ...
	Type        string       `json:"type"`
	Subject     string       `json:"subject"`
	Description string       `json:"description"`
	Hazards     []hazardJSON `json:"hazards"`
}

// hazardJSON is one hazard of a change.
type hazardJSON struct {
	Kind    op.HazardKind `json:"kind"`
	Message string        `json:"message"`
}

// diffJSON is the JSON output of diff.
type diffJSON struct {
	InSync  bool         `json:"in_sync"`
	Changes []changeJSON `json:"changes"`
	SQL     []string     `json:"sql"`
}

// checkJSON is the JSON output of check: diff's fields and the database's
// position in the revision graph.
type checkJSON struct {
	InSync  bool         `json:"in_sync"`
	Behind  bool         `json:"behind"`
	Current []string     `json:"current"`
	Heads   []string     `json:"heads"`
	Changes []changeJSON `json:"changes"`
	SQL     []string     `json:"sql"`
}

func planChanges(p *plan.Plan) []changeJSON {
	out := []changeJSON{}
	for _, s := range p.Steps {
		if s.Change == nil {
			continue
		}
		c := changeJSON{Type: strings.TrimPrefix(fmt.Sprintf("%T", s.Change), "diff."), Subject: s.Change.Subject(),
			Description: s.Change.Describe(), Hazards: []hazardJSON{}}
		for _, h := range s.Hazards {
			c.Hazards = append(c.Hazards, hazardJSON{Kind: h.Kind, Message: h.Message})
		}
		out = append(out, c)
	}
	return out
}

// mdChanges lists a plan's changes for the Markdown summary.
func mdChanges(p *plan.Plan) []mdreport.Change {
	var out []mdreport.Change
	for _, s := range p.Steps {
		if s.Change != nil {
			out = append(out, mdreport.Change{Description: s.Change.Describe(), Hazards: s.Hazards})
		}
	}
	return out
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func (a *App) diffCmd() *cobra.Command {
	var (
		sql    bool
		format string
		o      autogenOptions
	)
	cmd := &cobra.Command{
		Use:   "diff",
		Short: "Show how the database differs from schema.sql, without writing anything",
		Long: `Compare the database with schema.sql and print the detected changes, or with
--sql the statements a revision would run to upgrade the database. Nothing is
written and nothing is executed.

--format markdown prints what a CI bot posts on a pull request: the
changes, their hazards by severity, and the SQL in a collapsed block.`,
		Example: `  autogen diff
  autogen diff --sql
  autogen diff --format json
  autogen diff --format markdown > pr-comment.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" && format != "markdown" {
				return exitcode.With(exitcode.Usage, fmt.Errorf("--format must be text, json or markdown, not %q", format))
			}
			cfg, err := a.config()
			if err != nil {
				return err
			}
			url := a.databaseURL(cfg)
			if url == "" {
				return exitcode.With(exitcode.Config, fmt.Errorf("no database URL: set %s", cfg.URLEnv))
			}
			ctx := cmd.Context()
			conn, err := connect(ctx, url)
			if err != nil {
				return err
			}
			defer conn.Close(context.WithoutCancel(ctx))
			cmp, err := a.compare(ctx, cfg, conn, &o)
			if err != nil {
				return err
			}
			stmts, err := cmp.UpPlan.SQL()
			if err != nil {
				return err
			}
			switch format {
			case "json":
				return writeJSON(a.Stdout, diffJSON{InSync: len(cmp.Up) == 0, Changes: planChanges(cmp.UpPlan), SQL: nonNil(stmts)})
			case "markdown":
				mdreport.Diff(a.Stdout, mdChanges(cmp.UpPlan), stmts)
				return nil
			}
			if sql {
				for _, s := range stmts {
					fmt.Fprintln(a.Stdout, s+";")
				}
				return nil
			}
			if len(cmp.Up) == 0 && !a.quiet {
				fmt.Fprintf(a.Stderr, "%s the database matches the schema.\n", a.style(a.Stderr).Green("No changes:"))
			}
			a.printChanges(a.Stdout, cmp.UpPlan)
			return nil
		},
	}
	cmd.Flags().BoolVar(&sql, "sql", false, "print the upgrade SQL instead of the list of changes")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json or markdown")
	cmd.Flags().StringArrayVar(&o.renames, "rename", nil, "confirm a rename: TABLE=NEW or TABLE.COLUMN=NEW")
	cmd.Flags().BoolVar(&o.online, "online", false, "use lock-friendly forms")
	return cmd
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
