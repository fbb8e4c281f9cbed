package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/config"
	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/revision"
	"github.com/autogen-dev/autogen/runner"
)

// Fleets (README, "Fleets"): the runner does the work of upgrade,
// downgrade, stamp and status --fleet NAME; autogen hands it the
// [fleet.NAME] section of autogen.toml in runner.FleetEnv. check --fleet
// runs here, since comparing with schema.sql is the generator's job.

// fleetFlag returns the value of --fleet in a forwarded command line, or "".
func fleetFlag(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--fleet="); ok {
			return v
		}
		if a == "--fleet" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// fleetEnv returns the environment entry that hands the fleet named by
// --fleet in args to the runner, and whether the fleet names its own
// tenant schemas; nothing without --fleet.
func fleetEnv(cfg *config.Config, args []string) (env []string, schemas bool, err error) {
	name := fleetFlag(args)
	if name == "" {
		return nil, false, nil
	}
	f, err := cfg.Fleet(name)
	if err != nil {
		return nil, false, exitcode.With(exitcode.Config, err)
	}
	spec, err := json.Marshal(fleetSpec(name, f))
	if err != nil {
		return nil, false, err
	}
	return []string{runner.FleetEnv + "=" + string(spec)}, len(f.Schemas) > 0, nil
}

// fleetSpec is the runner's form of a configured fleet.
func fleetSpec(name string, f config.Fleet) runner.FleetSpec {
	return runner.FleetSpec{
		Name: name, URLs: f.URLs, File: f.File, Query: f.Query, ControlURL: f.ControlURL, Schemas: f.Schemas,
		Jobs: f.Jobs, PerServer: f.PerServer, Canary: f.Canary, MaxFailures: f.MaxFailures,
		ConnectTimeout: f.ConnectTimeout, LockTimeout: f.LockTimeout,
	}
}

// checkFleet is check --fleet: every target (and tenant schema) is read as
// check reads one database, bounded as the fleet says; those at head are
// compared with schema.sql. It prints the grouped summary of status
// --fleet, with drifted targets, and returns errDrift when any target is
// not at head or differs.
func (a *App) checkFleet(ctx context.Context, name, format string, jobs int) error {
	cfg, err := a.config()
	if err != nil {
		return err
	}
	f, err := cfg.Fleet(name)
	if err != nil {
		return exitcode.With(exitcode.Config, err)
	}
	g, err := a.graph(ctx, cfg)
	if err != nil {
		return err
	}
	spec := fleetSpec(name, f)
	targets, err := spec.Source().Targets(ctx, a.Getenv)
	if err != nil {
		return exitcode.With(exitcode.Config, fmt.Errorf("fleet %s: %w", name, err))
	}
	opts := migrate.FleetOptions{Jobs: f.Jobs, PerServer: f.PerServer, MaxFailures: -1}
	if jobs > 0 {
		opts.Jobs = jobs
	}
	if f.ConnectTimeout != "" {
		// Validated when the configuration was loaded.
		opts.ConnectTimeout, _ = time.ParseDuration(f.ConnectTimeout)
	}
	rows := make([][]runner.FleetStatusRow, len(targets))
	errs := migrate.EachTarget(ctx, targets, opts, func(ctx context.Context, i int, conn *pgx.Conn) error {
		t := targets[i]
		schemas := []string{""}
		if len(t.Schemas) > 0 {
			names, err := migrate.Schemas(ctx, conn, t.Schemas...)
			if err == nil && len(names) == 0 {
				err = fmt.Errorf("%w %s", migrate.ErrNoSchema, strings.Join(t.Schemas, ", "))
			}
			if err != nil {
				return err
			}
			schemas = names
		}
		for _, s := range schemas {
			rows[i] = append(rows[i], a.checkTarget(ctx, cfg, conn, t, s, g))
		}
		return nil
	})
	var all []runner.FleetStatusRow
	for i, errTarget := range errs {
		if errTarget != nil {
			t := targets[i]
			state := "failed"
			if exitcode.IsConnectError(errTarget) {
				state = "unreachable"
			}
			rows[i] = []runner.FleetStatusRow{{Target: t.Name, Server: t.Server, State: state,
				Error: strings.TrimPrefix(errTarget.Error(), t.Name+": ")}}
		}
		all = append(all, rows[i]...)
	}
	if err := runner.PrintFleetStatus(a.Stdout, a.Stderr, name, g.Heads(), all, format, a.verbose > 0, a.quiet); err != nil {
		return err
	}
	if slices.ContainsFunc(all, func(r runner.FleetStatusRow) bool { return r.Error != "" }) {
		return errSilent
	}
	if slices.ContainsFunc(all, func(r runner.FleetStatusRow) bool { return r.State != "at_head" }) {
		return errDrift
	}
	return nil
}

// checkTarget checks one database, or one tenant schema of it: its
// position, and when it is at head, its schema against schema.sql.
func (a *App) checkTarget(ctx context.Context, cfg *config.Config, conn *pgx.Conn, t migrate.Target, schema string, g *revision.Graph) runner.FleetStatusRow {
	row := runner.FleetStatusRow{Target: t.Name, Server: t.Server, Schema: schema}
	c := *cfg
	if schema != "" {
		// A tenant schema is compared as the template would be.
		c.Tenants.Template = schema
		tenantConfig(&c)
	}
	fail := func(state string, err error) runner.FleetStatusRow {
		row.State, row.Error = state, err.Error()
		return row
	}
	ids, err := versionRows(ctx, conn, c.VersionTable)
	if err != nil {
		return fail("failed", err)
	}
	for _, id := range ids {
		if g.Revision(id) == nil {
			return fail("unknown_revision", &migrate.UnknownRevisionsError{IDs: []string{id}})
		}
	}
	applied := g.Ancestors(ids...)
	row.Current, row.Pending = g.HeadsOf(applied), g.Len()-len(applied)
	if row.Pending > 0 {
		row.State = "behind"
		return row
	}
	cmp, err := a.compare(ctx, &c, conn, &autogenOptions{})
	if err != nil {
		return fail("failed", err)
	}
	row.State = "at_head"
	for _, s := range cmp.UpPlan.Steps {
		if s.Change != nil {
			row.State = "drifted"
			row.Changes = append(row.Changes, s.Change.Describe())
		}
	}
	return row
}
