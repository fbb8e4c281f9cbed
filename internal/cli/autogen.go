package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/codegen"
	"github.com/autogen-dev/autogen/internal/config"
	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/internal/plan"
	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/internal/settle"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// autogenOptions are the flags that steer autogenerate.
type autogenOptions struct {
	allowDestructive bool
	allow            []string
	renames          []string
	noRename         bool
	online           bool
	offline          bool
	// noServer compares expressions by the offline rules only (--offline).
	noServer bool
}

// offlineFlag adds --offline, which keeps the server out of the comparison
// of expressions.
func offlineFlag(cmd *cobra.Command, o *autogenOptions) {
	cmd.Flags().BoolVar(&o.noServer, "offline", false,
		"compare expressions by autogen's own rules only, without asking the server (approximate where the two readers spell an expression differently)")
}

func (a *App) autogenFlags(cmd *cobra.Command, o *autogenOptions) {
	f := cmd.Flags()
	f.BoolVar(&o.allowDestructive, "allow-destructive", false, "write changes that delete data (dropped tables and columns, type changes that round or truncate values)")
	f.StringArrayVar(&o.allow, "allow", nil, "hazard kind to allow and acknowledge in the revision (repeatable): "+kindList())
	f.StringArrayVar(&o.renames, "rename", nil, renameHelp)
	f.BoolVar(&o.noRename, "no-rename", false, "take the rename candidates not confirmed as drops and adds")
	f.BoolVar(&o.online, "online", false, "use lock-friendly forms for existing tables (default from autogen.toml [online])")
	f.BoolVar(&o.offline, "no-online", false, "use plain forms even when autogen.toml enables online changes")
	offlineFlag(cmd, o)
}

func kindList() string {
	var ks []string
	for _, k := range op.HazardKinds {
		ks = append(ks, string(k))
	}
	return strings.Join(ks, ", ")
}

// filter builds the scope filter shared by both readers.
func filter(cfg *config.Config) *scope.Filter {
	qualify := func(vt string) string {
		if !strings.Contains(vt, ".") {
			return "public." + vt
		}
		return vt
	}
	exclude := slices.Clone(cfg.Scope.ExcludeTables)
	// The version tables of the other environments in autogen.toml are
	// autogen's too, when environments share a database.
	for _, vt := range cfg.VersionTables {
		if q := qualify(vt); q != qualify(cfg.VersionTable) {
			exclude = append(exclude, q)
		}
	}
	f := &scope.Filter{
		IncludeSchemas: cfg.Scope.IncludeSchemas, ExcludeSchemas: cfg.Scope.ExcludeSchemas,
		IncludeTables: cfg.Scope.IncludeTables, ExcludeTables: exclude,
		Include: cfg.Scope.Include, Exclude: cfg.Scope.Exclude,
		VersionTable: qualify(cfg.VersionTable),
	}
	for _, r := range cfg.Scope.Ignore {
		f.Ignore = append(f.Ignore, scope.IgnoreRule{Objects: r.Objects, Attributes: r.Attributes})
	}
	return f
}

// compare reads both schemas and diffs them in both directions.
func (a *App) compare(ctx context.Context, cfg *config.Config, conn *pgx.Conn, o *autogenOptions) (*autogenerate.Result, error) {
	f := filter(cfg)
	if err := f.Validate(); err != nil {
		return nil, exitcode.With(exitcode.Config, err)
	}
	// The schema files and the database are read at the same time: the
	// one waits on the server while the other parses. A schema error
	// still comes first.
	var desired *model.Catalog
	var desiredErr error
	read := make(chan struct{})
	go func() {
		defer close(read)
		desired, desiredErr = a.readDesired(ctx, cfg, f)
	}()
	current, err := autogenerate.ReadCurrent(ctx, conn, f)
	<-read
	if desiredErr != nil {
		return nil, exitcode.With(exitcode.Schema, desiredErr)
	}
	if err != nil {
		return nil, err
	}
	f.ApplyIgnores(current, desired)
	rep, err := settle.Settle(ctx, conn, current, desired, settle.Options{Offline: o.noServer})
	if err != nil {
		return nil, err
	}
	a.printSettled(rep)
	renames, err := a.confirmedRenames(o.renames, cfg.SchemaPath(), current, desired)
	if err != nil {
		return nil, err
	}
	online := (cfg.Online.Enabled || o.online) && !o.offline
	res, err := autogenerate.Compare(current, desired, autogenerate.Options{Renames: renames, Online: online,
		ExactColumnOrder: cfg.ColumnOrder == "exact",
		Access:           autogenerate.Access{Privileges: cfg.Privileges, Owners: cfg.Owners}})
	var roles *autogenerate.RoleError
	if errors.As(err, &roles) {
		// A role schema.sql names is missing: bad input, like a schema
		// file that cannot be read.
		return nil, exitcode.With(exitcode.Schema, err)
	}
	return res, err
}

// comparison is a connection to the database and the comparison of
// schema.sql with it, read before the revision graph is known; printed
// holds what reading it printed, for after the graph checks.
type comparison struct {
	conn *pgx.Conn
	cmp  *autogenerate.Result
	// err is the comparison's error, reported once the database is found
	// up to date, as it was when the comparison came after that check.
	err     error
	printed *bytes.Buffer
}

// readComparison connects to the database and compares schema.sql with it,
// holding back what the comparison prints (see autogenerate). Only a
// missing URL or a failed connection is its error; the comparison's own is
// kept in the result.
func (a *App) readComparison(ctx context.Context, cfg *config.Config, o *autogenOptions) (*comparison, error) {
	url := a.databaseURL(cfg)
	if url == "" {
		return nil, exitcode.With(exitcode.Config, fmt.Errorf("autogenerate compares schema.sql with a database: set %s (or pass --empty)", cfg.URLEnv))
	}
	conn, err := connect(ctx, url)
	if err != nil {
		return nil, err
	}
	var printed bytes.Buffer
	reader := *a
	reader.Stderr = &printed
	cmp, err := reader.compare(ctx, cfg, conn, o)
	return &comparison{conn: conn, cmp: cmp, err: err, printed: &printed}, nil
}

// autogenerate fills spec with the changes between the database and the
// desired schema, read before (see readComparison), once the database is
// found at the head the revision goes on; it reports false when there is
// nothing to write.
func (a *App) autogenerate(ctx context.Context, cfg *config.Config, g *revision.Graph, spec *codegen.Spec, o *revisionOptions, read *comparison) (bool, error) {
	conn, cmp := read.conn, read.cmp
	if err := a.requireHead(ctx, cfg, conn, g, o.head); err != nil {
		return false, err
	}
	a.Stderr.Write(read.printed.Bytes())
	if read.err != nil {
		return false, read.err
	}
	probe := dataProbe{conn: conn}
	var err error
	if cmp, err = a.settleRenames(ctx, probe, cmp, o.autogen.noRename); err != nil {
		return false, err
	}
	a.printDetected(cmp)
	if len(cmp.Up) == 0 && !o.allowEmpty {
		fmt.Fprintln(a.Stderr, "No changes in schema detected; no revision written (use --allow-empty to write one anyway).")
		return false, nil
	}
	allowed, err := allowedHazards(o.autogen)
	if err != nil {
		return false, err
	}
	if err := a.refuseDestructive(ctx, probe, cmp.UpPlan, allowed); err != nil {
		return false, err
	}
	if cmp, err = forTenants(cfg, cmp); err != nil {
		return false, err
	}
	spec.Upgrade = steps(cmp.UpPlan)
	spec.Downgrade = steps(cmp.DownPlan)
	spec.AllowHazards = acknowledge(cmp.UpPlan, allowed)
	if err := applyTimeouts(cfg, o.autogen, spec); err != nil {
		return false, err
	}
	a.summary(cmp)
	return true, nil
}

// requireHead refuses to autogenerate against a database that is not up to
// date: the revision would repeat changes that pending revisions make.
func (a *App) requireHead(ctx context.Context, cfg *config.Config, conn *pgx.Conn, g *revision.Graph, head string) error {
	heads := g.Heads()
	if len(heads) > 1 && head == "head" {
		return exitcode.With(exitcode.Graph, &revision.MultipleHeadsError{Heads: heads})
	}
	rows, err := versionRows(ctx, conn, cfg.VersionTable)
	if err != nil {
		return err
	}
	var unknown []string
	for _, r := range rows {
		if g.Revision(r) == nil {
			unknown = append(unknown, r)
		}
	}
	if len(unknown) > 0 {
		return exitcode.With(exitcode.State, fmt.Errorf("the database is at revision %s, which no revision file declares", strings.Join(unknown, ", ")))
	}
	applied := g.Ancestors(rows...)
	if len(applied) != g.Len() {
		return exitcode.With(exitcode.State, fmt.Errorf("target database is not up to date: it is at %s, the revisions' heads are %s; run `autogen upgrade heads` first",
			orBase(g.HeadsOf(applied)), orBase(heads)))
	}
	return nil
}

func orBase(ids []string) string {
	if len(ids) == 0 {
		return "base"
	}
	return strings.Join(ids, ", ")
}

// versionRows reads the version table; a missing table means base. The
// record of a revision stopped between two segments (see migrate.Partial)
// is not a row of an applied head: leaving it out makes a database part
// way through a revision count as not up to date.
func versionRows(ctx context.Context, conn *pgx.Conn, table string) ([]string, error) {
	schema, name, ok := strings.Cut(table, ".")
	if !ok {
		schema, name = "public", table
	}
	qualified := op.QualifiedName(schema, name)
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", qualified).Scan(&exists); err != nil {
		return nil, fmt.Errorf("checking the version table: %w", err)
	}
	if !exists {
		return nil, nil
	}
	rows, err := conn.Query(ctx, "SELECT version_num FROM "+qualified+" AS v WHERE jsonb_typeof(to_jsonb(v) -> 'partial') IS DISTINCT FROM 'object'")
	if err != nil {
		return nil, fmt.Errorf("reading the version table: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

func connect(ctx context.Context, url string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, exitcode.With(exitcode.Config, fmt.Errorf("invalid database URL: %w", err))
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, exitcode.With(exitcode.Connect, fmt.Errorf("connecting to the database: %w", err))
	}
	return conn, nil
}

// steps turns a plan into codegen steps, each operation with its hazards.
func steps(p *plan.Plan) []codegen.Step { return codegen.FromPlan(p) }

// allowedHazards reads --allow-destructive and --allow.
func allowedHazards(o autogenOptions) ([]op.HazardKind, error) {
	var out []op.HazardKind
	if o.allowDestructive {
		out = append(out, op.DeletesData)
	}
	for _, k := range o.allow {
		if !slices.Contains(op.HazardKinds, op.HazardKind(k)) {
			return nil, exitcode.With(exitcode.Usage, fmt.Errorf("--allow %q: not a hazard kind (%s)", k, kindList()))
		}
		out = append(out, op.HazardKind(k))
	}
	return out, nil
}

// refuseDestructive refuses a plan that would delete data this database
// holds (rows, values, or the precision a type change rounds away),
// listing what with an example, unless the deletes-data hazard is allowed.
// Drops of empty tables and columns lose nothing here; they are written,
// with their hazard left unacknowledged for review, `autogen lint` and
// the data guard of the database the revision runs on.
func (a *App) refuseDestructive(ctx context.Context, probe dataProbe, p *plan.Plan, allowed []op.HazardKind) error {
	if slices.Contains(allowed, op.DeletesData) {
		return nil
	}
	risky, harmless, err := probe.destructive(ctx, p)
	if err != nil {
		return err
	}
	if len(risky) > 0 {
		fmt.Fprintln(a.Stderr, "Refusing to write a revision that deletes data:\n  - "+strings.Join(risky, "\n  - ")+
			"\nIf this is intended, run again with --allow-destructive. If something was renamed, confirm it with --rename OLD=NEW so the data stays.")
		return exitcode.With(exitcode.Refused, errSilent)
	}
	if len(harmless) > 0 && !a.quiet {
		fmt.Fprintln(a.Stderr, "Writing drops of objects that hold no data in this database (not acknowledged in AllowHazards, so `autogen lint` reports them until reviewed, and `autogen upgrade` refuses them where they would lose data):\n  - "+
			strings.Join(harmless, "\n  - "))
	}
	return nil
}

// acknowledge returns the allowed hazard kinds that the plan has, for the
// revision's AllowHazards.
func acknowledge(p *plan.Plan, allowed []op.HazardKind) []op.HazardKind {
	var out []op.HazardKind
	for _, k := range op.Kinds(p.Hazards()) {
		if slices.Contains(allowed, k) {
			out = append(out, k)
		}
	}
	return out
}

// applyTimeouts copies the online settings of autogen.toml into the
// revision.
func applyTimeouts(cfg *config.Config, o autogenOptions, spec *codegen.Spec) error {
	if !(cfg.Online.Enabled || o.online) || o.offline {
		return nil
	}
	parse := func(s string) (time.Duration, error) {
		if s == "" {
			return 0, nil
		}
		d, err := time.ParseDuration(s)
		if err != nil {
			return 0, exitcode.With(exitcode.Config, fmt.Errorf("%s: [online] timeout %q: %w", cfg.Path, s, err))
		}
		return d, nil
	}
	var err error
	if spec.LockTimeout, err = parse(cfg.Online.LockTimeout); err != nil {
		return err
	}
	if spec.StatementTimeout, err = parse(cfg.Online.StatementTimeout); err != nil {
		return err
	}
	spec.LockRetries = cfg.Online.LockRetries
	return nil
}
