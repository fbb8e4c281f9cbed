package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/migrate"
)

// Fleets (README, "Fleets"): with --fleet NAME, upgrade, downgrade, stamp
// and status work on every target of the fleet instead of one database,
// through migrate's fleet runner, so that each target is migrated exactly
// as a single database is. autogen reads the fleet from autogen.toml and
// hands it over in FleetEnv; the flags here override its settings.

// FleetEnv is the environment variable that carries the fleet chosen with
// --fleet to the runner, as a FleetSpec in JSON. autogen sets it from the
// [fleet.NAME] section of autogen.toml; a runner built with `autogen
// build` reads it from its environment.
const FleetEnv = "AUTOGEN_RUNNER_FLEET"

// FleetSpec is a fleet as the runner receives it: where its targets come
// from (migrate.FleetSource, with ${VAR} references still in place, so
// that no password travels in it) and the rollout settings, which flags
// override. Zero fields take the defaults.
type FleetSpec struct {
	Name       string   `json:"name"`
	URLs       []string `json:"urls,omitempty"`
	File       string   `json:"file,omitempty"`
	Query      string   `json:"query,omitempty"`
	ControlURL string   `json:"control_url,omitempty"`
	Schemas    []string `json:"schemas,omitempty"`
	Jobs       int      `json:"jobs,omitempty"`
	PerServer  int      `json:"per_server,omitempty"`
	Canary     int      `json:"canary,omitempty"`
	// MaxFailures is nil when not set; 0 means no limit.
	MaxFailures    *int   `json:"max_failures,omitempty"`
	ConnectTimeout string `json:"connect_timeout,omitempty"`
	LockTimeout    string `json:"lock_timeout,omitempty"`
}

// Source returns where the spec's targets come from.
func (s FleetSpec) Source() migrate.FleetSource {
	return migrate.FleetSource{URLs: s.URLs, File: s.File, Query: s.Query, ControlURL: s.ControlURL, Schemas: s.Schemas}
}

// fleetFlags are the flags of a fleet run.
type fleetFlags struct {
	name           string
	jobs           int
	perServer      int
	canary         int
	maxFailures    int
	connectTimeout time.Duration
	lockTimeout    time.Duration
	format         string
}

// fleetOnly lists the flags that mean something with --fleet only.
var fleetOnly = []string{"jobs", "per-server", "connect-timeout", "canary", "max-failures", "lock-timeout"}

// withFleet adds the fleet flags to a command that works on a database
// (upgrade, downgrade, stamp, status) and runs the fleet form instead
// when --fleet is given.
func (e *env) withFleet(cmd *cobra.Command) *cobra.Command {
	f := &e.fleet
	fl := cmd.Flags()
	fl.StringVar(&f.name, "fleet", "", "work on every target of the fleet [fleet.NAME] of autogen.toml instead of one database")
	fl.IntVar(&f.jobs, "jobs", migrate.DefaultJobs, "with --fleet, how many targets at once")
	fl.IntVar(&f.perServer, "per-server", 0, "with --fleet, how many targets of one server at once (0: no bound beyond --jobs)")
	fl.DurationVar(&f.connectTimeout, "connect-timeout", migrate.DefaultConnectTimeout, "with --fleet, how long to try connecting to a target")
	if cmd.Name() != "status" {
		fl.IntVar(&f.canary, "canary", 0, "with --fleet, migrate this many targets first; the rest start only if all of them succeed")
		fl.IntVar(&f.maxFailures, "max-failures", 1, "with --fleet, start no new target after this many failures (0: no limit)")
		fl.DurationVar(&f.lockTimeout, "lock-timeout", migrate.DefaultFleetLockTimeout, "with --fleet, how long a target waits for its migration lock and for table locks")
	}
	if fl.Lookup("format") == nil {
		fl.StringVar(&f.format, "format", "text", "with --fleet, output format of the report: text or json")
	}
	if cmd.Name() == "status" {
		cmd.Long += `

With --fleet NAME, the status of every target of the fleet (README,
"Fleets"), grouped: "12 at head, 1 behind: db7 (at a1b2)"; -v lists every
target. It exits 1 when any is behind, and with the first error's code when
a target cannot be read.`
	} else {
		cmd.Long += `

With --fleet NAME, every target of the fleet [fleet.NAME] of autogen.toml
(README, "Fleets"), each exactly as a single database: at most --jobs at
once and --per-server per server, the --canary targets first, nothing new
after --max-failures failures. A rerun skips the targets already there. The
report goes to standard output (--format json); the exit code is that of
the first failed target.`
	}
	cmd.Example += "\n  autogen " + cmd.Name() + " --fleet prod" + map[string]string{
		"upgrade": " --jobs 8 --per-server 4 --canary 2", "downgrade": " -1", "stamp": " head", "status": ""}[cmd.Name()]
	run := cmd.RunE
	cmd.RunE = func(c *cobra.Command, args []string) error {
		if f.name == "" {
			var stray []string
			c.Flags().Visit(func(p *pflag.Flag) {
				if slices.Contains(fleetOnly, p.Name) {
					stray = append(stray, "--"+p.Name)
				}
			})
			if len(stray) > 0 {
				verb := " needs"
				if len(stray) > 1 {
					verb = " need"
				}
				return exitcode.With(exitcode.Usage, errors.New(strings.Join(stray, ", ")+verb+" --fleet"))
			}
			if f.format != "" && f.format != "text" {
				return exitcode.With(exitcode.Usage, fmt.Errorf("%s --format json needs --fleet", c.Name()))
			}
			return run(c, args)
		}
		return e.runFleet(c, args)
	}
	return cmd
}

// runFleet runs a command with --fleet.
func (e *env) runFleet(cmd *cobra.Command, args []string) error {
	if offline, _ := cmd.Flags().GetBool("sql"); offline {
		return exitcode.With(exitcode.Usage, errors.New("--sql prints the same SQL for every target: run it without --fleet"))
	}
	format := e.fleet.format
	if fl := cmd.Flags().Lookup("format"); fl != nil {
		format = fl.Value.String()
	}
	if format != "text" && format != "json" {
		return exitcode.With(exitcode.Usage, fmt.Errorf("--format must be text or json, not %q", format))
	}
	spec, opts, err := e.fleetSettings(cmd)
	if err != nil {
		return err
	}
	src := spec.Source()
	if len(e.schemas) > 0 {
		src.Schemas = e.schemas
	}
	targets, err := src.Targets(cmd.Context(), e.getenv)
	if err != nil {
		return exitcode.With(exitcode.Config, fmt.Errorf("fleet %s: %w", spec.Name, err))
	}
	if len(targets) == 0 {
		return exitcode.With(exitcode.Config, fmt.Errorf("fleet %s has no targets", spec.Name))
	}
	r, err := e.baseRunner()
	if err != nil {
		return err
	}
	if cmd.Name() == "status" {
		return e.statusFleet(cmd.Context(), r, spec.Name, targets, opts, format)
	}
	return e.moveFleet(cmd, r, spec.Name, targets, opts, format, args)
}

// fleetSettings reads the fleet handed over in FleetEnv and resolves its
// settings: flags, then the spec, then the defaults.
func (e *env) fleetSettings(cmd *cobra.Command) (FleetSpec, migrate.FleetOptions, error) {
	name := e.fleet.name
	raw := e.getenv(FleetEnv)
	var spec FleetSpec
	if raw != "" {
		if err := json.Unmarshal([]byte(raw), &spec); err != nil {
			return spec, migrate.FleetOptions{}, exitcode.With(exitcode.Config, fmt.Errorf("reading the fleet from %s: %w", FleetEnv, err))
		}
	}
	if raw == "" || spec.Name != name {
		return spec, migrate.FleetOptions{}, exitcode.With(exitcode.Config, fmt.Errorf(
			"no fleet %q: fleets are defined as [fleet.%s] in autogen.toml, which autogen hands to this runner in %s", name, name, FleetEnv))
	}
	f := e.fleet
	changed := func(flag string) bool { return cmd.Flags().Changed(flag) }
	opts := migrate.FleetOptions{Jobs: f.jobs, PerServer: f.perServer, Canary: f.canary, MaxFailures: f.maxFailures,
		ConnectTimeout: f.connectTimeout, LockTimeout: f.lockTimeout}
	pick := func(flag string, dst *int, v int) {
		if !changed(flag) && v != 0 {
			*dst = v
		}
	}
	pick("jobs", &opts.Jobs, spec.Jobs)
	pick("per-server", &opts.PerServer, spec.PerServer)
	pick("canary", &opts.Canary, spec.Canary)
	if !changed("max-failures") && spec.MaxFailures != nil {
		opts.MaxFailures = *spec.MaxFailures
	}
	for _, d := range []struct {
		flag, value string
		dst         *time.Duration
	}{{"connect-timeout", spec.ConnectTimeout, &opts.ConnectTimeout}, {"lock-timeout", spec.LockTimeout, &opts.LockTimeout}} {
		if changed(d.flag) || d.value == "" {
			continue
		}
		v, err := time.ParseDuration(d.value)
		if err != nil {
			return spec, opts, exitcode.With(exitcode.Config, fmt.Errorf("fleet %s: %s: %w", name, strings.ReplaceAll(d.flag, "-", "_"), err))
		}
		*d.dst = v
	}
	switch {
	case opts.Jobs < 1:
		return spec, opts, exitcode.With(exitcode.Usage, fmt.Errorf("--jobs must be at least 1, not %d", opts.Jobs))
	case opts.PerServer < 0 || opts.Canary < 0 || opts.MaxFailures < 0:
		return spec, opts, exitcode.With(exitcode.Usage, errors.New("--per-server, --canary and --max-failures must not be negative"))
	}
	if opts.MaxFailures == 0 {
		// The command line's 0 is migrate's "no limit".
		opts.MaxFailures = -1
	}
	opts.Connect = func(ctx context.Context, t migrate.Target) (*pgx.Conn, error) {
		cfg, err := connConfig(t.URL)
		if err != nil {
			return nil, fmt.Errorf("invalid database URL: %w", err)
		}
		opts.Configure(cfg)
		return pgx.ConnectConfig(ctx, cfg)
	}
	return spec, opts, nil
}

// moveFleet upgrades, downgrades or stamps every target and prints the
// report.
func (e *env) moveFleet(cmd *cobra.Command, r *migrate.Runner, name string, targets []migrate.Target, opts migrate.FleetOptions, format string, args []string) error {
	ctx := cmd.Context()
	p := e.newFleetProgress(len(targets))
	opts.Reporter = p
	if e.verbose > 0 && !e.quiet {
		opts.StepReporter = func(t migrate.Target, schema string) migrate.Reporter {
			rep := e.reporter()
			rep.w = &prefixWriter{p: p, prefix: p.st.Dim(t.Name+schemaSuffix(schema)) + " "}
			return rep
		}
	}
	keepGoing, _ := cmd.Flags().GetBool("continue-on-error")
	opts.OnError = onError(keepGoing)
	goal := "head"
	if len(args) > 0 {
		goal = strings.Join(args, " ")
	}
	p.header(cmd.Name(), name, goal, opts)
	var rep *migrate.FleetReport
	switch cmd.Name() {
	case "upgrade":
		rep, _ = r.UpgradeFleet(ctx, targets, goal, opts)
	case "downgrade":
		rep, _ = r.DowngradeFleet(ctx, targets, goal, opts)
	default:
		purge, _ := cmd.Flags().GetBool("purge")
		rep, _ = r.StampFleet(ctx, targets, opts, purge, args...)
	}
	p.finish()
	if format == "json" {
		if err := writeJSON(e.stdout, fleetReportJSON(name, cmd.Name(), goal, rep)); err != nil {
			return err
		}
	} else {
		e.fleetTable(rep)
	}
	p.summary(cmd.Name(), rep)
	if err := rep.Err(); err != nil {
		return exitcode.With(fleetCode(err), errSilent)
	}
	return nil
}

// fleetCode is the exit code of an incomplete fleet run: that of its first
// failure in the targets' order; exitcode.State when targets were only
// left behind (the run was interrupted).
func fleetCode(err error) int {
	var fe *migrate.FleetError
	if !errors.As(err, &fe) || fe.First == nil {
		return exitcode.State
	}
	if errors.Is(fe.First, migrate.ErrLockTimeout) {
		return exitcode.Migration
	}
	return Code(fe.First)
}

func schemaSuffix(schema string) string {
	if schema == "" {
		return ""
	}
	return "/" + schema
}

// position renders applied heads: "base", "a1", "a1,b2"; "?" when unknown.
func position(ids []string) string {
	switch {
	case ids == nil:
		return "?"
	case len(ids) == 0:
		return "base"
	}
	return strings.Join(ids, ",")
}

// errorText returns a result's error without the target's name, which the
// report shows anyway.
func errorText(label string, err error) string {
	if err == nil {
		return ""
	}
	return strings.TrimPrefix(err.Error(), label+": ")
}

// fleetTable prints the report as a table, one row per target.
func (e *env) fleetTable(rep *migrate.FleetReport) {
	rows := [][]string{{"TARGET", "STATE", "FROM -> TO", "TOOK", "ERROR"}}
	for _, res := range rep.Results {
		move, took := "", ""
		if res.State != migrate.TargetNotStarted {
			move = position(res.From) + " -> " + position(res.To)
			took = round(res.Took).String()
		}
		rows = append(rows, []string{res.Label(), res.State.String(), move, took, firstLine(errorText(res.Label(), res.Err))})
	}
	writeTable(e.stdout, rows)
}

// fleetTargetJSON is one target of the fleet report (docs/json.md).
type fleetTargetJSON struct {
	Target string   `json:"target"`
	Server string   `json:"server"`
	Schema string   `json:"schema"`
	State  string   `json:"state"`
	From   []string `json:"from"`
	To     []string `json:"to"`
	Moved  int      `json:"moved"`
	TookMS int64    `json:"took_ms"`
	Error  string   `json:"error"`
}

// fleetOut is the fleet report's JSON (docs/json.md).
type fleetOut struct {
	Fleet   string            `json:"fleet"`
	Command string            `json:"command"`
	Goal    string            `json:"goal"`
	Targets []fleetTargetJSON `json:"targets"`
	Summary map[string]int    `json:"summary"`
	Stopped string            `json:"stopped"`
	TookMS  int64             `json:"took_ms"`
}

func fleetReportJSON(name, command, goal string, rep *migrate.FleetReport) fleetOut {
	out := fleetOut{Fleet: name, Command: command, Goal: goal, Targets: []fleetTargetJSON{}, Summary: map[string]int{},
		Stopped: rep.Stopped, TookMS: rep.Took.Milliseconds()}
	for _, s := range []migrate.TargetState{migrate.TargetDone, migrate.TargetSkipped, migrate.TargetFailed, migrate.TargetNotStarted} {
		out.Summary[stateKey(s)] = rep.Count(s)
	}
	for _, res := range rep.Results {
		out.Targets = append(out.Targets, fleetTargetJSON{
			Target: res.Target.Name, Server: res.Target.Server, Schema: res.Schema, State: stateKey(res.State),
			From: res.From, To: res.To, Moved: res.Moved, TookMS: res.Took.Milliseconds(), Error: errorText(res.Label(), res.Err),
		})
	}
	return out
}

// stateKey is a state as JSON spells it: done, skipped, failed, not_started.
func stateKey(s migrate.TargetState) string { return strings.ReplaceAll(s.String(), " ", "_") }

// statusFleet prints where every target stands, grouped, and exits 1 when
// any is behind (or with the first error's code when one cannot be read).
func (e *env) statusFleet(ctx context.Context, r *migrate.Runner, name string, targets []migrate.Target, opts migrate.FleetOptions, format string) error {
	sts := r.StatusFleet(ctx, targets, opts)
	var rows []FleetStatusRow
	for _, s := range sts {
		row := FleetStatusRow{Target: s.Target.Name, Server: s.Target.Server, Schema: s.Schema, Current: s.Current, Pending: s.Pending}
		switch {
		case s.Err != nil:
			row.State, row.Error = statusErrorState(s.Err), errorText(s.Label(), s.Err)
		case s.AtHead:
			row.State = "at_head"
		default:
			row.State = "behind"
		}
		rows = append(rows, row)
	}
	heads := r.Graph().Heads()
	if err := e.printFleetStatus(name, heads, rows, format); err != nil {
		return err
	}
	for _, s := range sts {
		if s.Err != nil {
			return exitcode.With(Code(s.Err), errSilent)
		}
	}
	for _, row := range rows {
		if row.State != "at_head" {
			return exitcode.With(exitcode.Drift, errSilent)
		}
	}
	return nil
}

// statusErrorState names why a target's status could not be read.
func statusErrorState(err error) string {
	switch {
	case exitcode.IsConnectError(err):
		return "unreachable"
	case errors.Is(err, migrate.ErrUnknownDatabaseRevision):
		return "unknown_revision"
	}
	return "failed"
}

// FleetStatusRow is where one target (or tenant schema) of a fleet stands,
// as status --fleet and autogen check --fleet report it (docs/json.md).
type FleetStatusRow struct {
	Target string `json:"target"`
	Server string `json:"server"`
	Schema string `json:"schema"`
	// State is at_head, behind, drifted (check only), unknown_revision,
	// unreachable or failed.
	State   string   `json:"state"`
	Current []string `json:"current"`
	Pending int      `json:"pending"`
	// Changes lists the differences from the schema of a drifted target
	// (check only; status leaves it empty).
	Changes []string `json:"changes"`
	Error   string   `json:"error"`
}

// label names the row: the target, with "/schema" for a tenant schema.
func (r FleetStatusRow) label() string { return r.Target + schemaSuffix(r.Schema) }

// fleetStatusOut is the JSON of status --fleet and check --fleet.
type fleetStatusOut struct {
	Fleet   string           `json:"fleet"`
	Heads   []string         `json:"heads"`
	Targets []FleetStatusRow `json:"targets"`
	Summary map[string]int   `json:"summary"`
	AtHead  bool             `json:"at_head"`
}

// fleetGroups lists the states of a fleet's status in the order the
// summary names them.
var fleetGroups = []string{"at_head", "behind", "drifted", "unknown_revision", "unreachable", "failed"}

// maxNamed is how many targets of a group the summary line names without
// -v.
const maxNamed = 10

// printFleetStatus prints the rows of status --fleet (and autogen check
// --fleet, through PrintFleetStatus): JSON, or the heads and one summary
// line naming the targets that are not at head, such as
//
//	312 at head, 2 behind: db7 (at a1), db9 (at base), 1 unreachable: db12
//
// then the errors, and with -v every target.
func (e *env) printFleetStatus(name string, heads []string, rows []FleetStatusRow, format string) error {
	for i := range rows {
		rows[i].Current, rows[i].Changes = nonNil(rows[i].Current), nonNil(rows[i].Changes)
	}
	out := fleetStatusOut{Fleet: name, Heads: nonNil(heads), Targets: nonNilRows(rows), Summary: map[string]int{}, AtHead: true}
	groups := map[string][]FleetStatusRow{}
	for _, r := range rows {
		groups[r.State] = append(groups[r.State], r)
		out.AtHead = out.AtHead && r.State == "at_head"
	}
	for _, g := range fleetGroups {
		out.Summary[g] = len(groups[g])
	}
	if format == "json" {
		return writeJSON(e.stdout, out)
	}
	fmt.Fprintf(e.stdout, "heads: %s\n", orBase(heads))
	var parts []string
	for _, g := range fleetGroups {
		members := groups[g]
		if len(members) == 0 {
			continue
		}
		part := fmt.Sprintf("%d %s", len(members), strings.ReplaceAll(g, "_", " "))
		if g != "at_head" {
			var names []string
			for i, m := range members {
				if i == maxNamed && e.verbose == 0 {
					names = append(names, fmt.Sprintf("and %d more", len(members)-maxNamed))
					break
				}
				n := m.label()
				if g == "behind" || g == "drifted" {
					n += " (at " + orBase(m.Current) + ")"
				}
				names = append(names, n)
			}
			part += ": " + strings.Join(names, ", ")
		}
		parts = append(parts, part)
	}
	fmt.Fprintln(e.stdout, strings.Join(parts, ", "))
	if e.verbose > 0 {
		for _, r := range rows {
			fmt.Fprintf(e.stdout, "%s: %s, current %s, pending %d\n", r.label(), strings.ReplaceAll(r.State, "_", " "), orBase(r.Current), r.Pending)
			for _, c := range r.Changes {
				fmt.Fprintf(e.stdout, "  %s\n", c)
			}
		}
	}
	if !e.quiet {
		for _, r := range rows {
			if r.Error != "" {
				fmt.Fprintf(e.stderr, "%s: %s\n", r.label(), r.Error)
			}
		}
	}
	return nil
}

func nonNilRows(rows []FleetStatusRow) []FleetStatusRow {
	if rows == nil {
		return []FleetStatusRow{}
	}
	return rows
}

// PrintFleetStatus prints the status rows of a fleet as status --fleet
// does, for autogen check --fleet, which adds drifted targets: JSON when
// format is "json", else the grouped summary (every target with verbose).
func PrintFleetStatus(w, errw io.Writer, name string, heads []string, rows []FleetStatusRow, format string, verbose, quiet bool) error {
	e := &env{stdout: w, stderr: errw, quiet: quiet}
	if verbose {
		e.verbose = 1
	}
	return e.printFleetStatus(name, heads, rows, format)
}
