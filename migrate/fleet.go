package migrate

import (
	"context"
	"errors"
	"fmt"
	"net"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// Fleets: one command migrates many databases, each exactly as a single
// database is migrated (its own version table and advisory lock, the same
// Runner path), with bounded parallelism overall and per server, a canary
// wave, a failure limit, and a report per target. The scheduling lives in
// fleet_schedule.go, the target sources in fleet_source.go.

// Target is one database of a fleet.
type Target struct {
	// Name identifies the target in reports and logs. NewTarget derives it
	// from the URL as host:port/dbname, which names no user or password.
	Name string
	// Server groups the targets that share a PostgreSQL server, for
	// FleetOptions.PerServer; NewTarget derives it as host:port.
	Server string
	// URL connects to the target (the default connection factory uses
	// it). It may hold a password: it is never printed, and errors are
	// redacted with it.
	URL string
	// Schemas, when set, are tenant-schema patterns (Schemas' syntax): the
	// target stands for every matching schema of the database, each
	// migrated as ForSchema migrates it, one after the other on the
	// target's connection. A database where no schema matches fails, as a
	// typo in a pattern must not look like a finished rollout.
	Schemas []string
}

// NewTarget returns the target of a database URL (or key=value connection
// string), named host:port/dbname and grouped by host:port, standing for
// the given tenant-schema patterns when there are any.
func NewTarget(rawURL string, schemas ...string) (Target, error) {
	cfg, err := pgx.ParseConfig(rawURL)
	if err != nil {
		return Target{}, fmt.Errorf("invalid database URL: %s", Redact(err.Error(), rawURL))
	}
	host := cfg.Host
	if strings.HasPrefix(host, "/") {
		// A Unix socket directory names the server together with the port.
		host += ":" + strconv.Itoa(int(cfg.Port))
	} else {
		host = net.JoinHostPort(host, strconv.Itoa(int(cfg.Port)))
	}
	return Target{Name: host + "/" + cfg.Database, Server: host, URL: rawURL, Schemas: schemas}, nil
}

// ParseTarget reads a target written as a database URL, optionally followed
// by whitespace and tenant-schema patterns separated by commas:
//
//	postgres://app@db1.internal:5432/shop_eu tenant_*,legacy
//
// which is how targets are written in a fleet's urls and files.
func ParseTarget(line string) (Target, error) {
	fields := strings.Fields(line)
	switch {
	case len(fields) == 0:
		return Target{}, errors.New("empty target")
	case !strings.Contains(fields[0], "://"):
		return Target{}, fmt.Errorf("%q is not a postgres:// URL", Redact(fields[0], fields[0]))
	case len(fields) > 2:
		return Target{}, errors.New("a target is a URL followed by at most one comma-separated list of schema patterns")
	}
	var schemas []string
	if len(fields) == 2 {
		for _, p := range strings.Split(fields[1], ",") {
			if p = strings.TrimSpace(p); p != "" {
				schemas = append(schemas, p)
			}
		}
	}
	return NewTarget(fields[0], schemas...)
}

// label names one result of the target: the target, or target/schema.
func (t Target) label(schema string) string {
	if schema == "" {
		return t.Name
	}
	return t.Name + "/" + schema
}

// server returns the key that groups the target for PerServer.
func (t Target) server() string {
	if t.Server == "" {
		return t.Name
	}
	return t.Server
}

// Fleet defaults.
const (
	// DefaultJobs is how many targets a fleet migrates at once.
	DefaultJobs = 4
	// DefaultConnectTimeout bounds each target's connection attempt.
	DefaultConnectTimeout = 10 * time.Second
	// DefaultFleetLockTimeout bounds each target's wait for the migration
	// lock and, as the session's lock_timeout, for any table lock.
	DefaultFleetLockTimeout = time.Minute
)

// FleetOptions configures a fleet run. The zero value is usable: four
// targets at a time, no per-server bound, no canary, stop after the first
// failure.
type FleetOptions struct {
	// Jobs bounds how many targets are worked on at once (DefaultJobs when
	// zero or less).
	Jobs int
	// PerServer bounds how many targets of one server (Target.Server) are
	// worked on at once; zero means Jobs alone bounds them.
	PerServer int
	// Canary targets go first: the first Canary targets (in order) that
	// have something to do must all succeed before any other starts. A
	// target already at the goal does not count, so a rerun's canary is
	// again a real one. Zero means no canary wave.
	Canary int
	// MaxFailures stops the rollout from starting new targets after that
	// many failures; targets already running finish (or roll back). Zero
	// means 1; a negative value means no limit.
	MaxFailures int
	// ConnectTimeout bounds each connection attempt (DefaultConnectTimeout
	// when zero).
	ConnectTimeout time.Duration
	// LockTimeout bounds each target's wait for its migration lock and is
	// the session's lock_timeout for table locks, unless a revision sets
	// its own or the URL sets lock_timeout (DefaultFleetLockTimeout when
	// zero; negative: wait as long as it takes).
	LockTimeout time.Duration
	// Connect opens a connection to a target. Nil means ConnectTarget,
	// which uses Target.URL. A custom factory should pass its
	// *pgx.ConnConfig through Configure, so that the timeouts apply.
	Connect func(ctx context.Context, t Target) (*pgx.Conn, error)
	// OnError says whether a target's remaining tenant schemas are tried
	// after one of them fails (StopOnError by default).
	OnError OnError
	// Reporter hears when each target starts and finishes; nil hears
	// nothing.
	Reporter FleetReporter
	// StepReporter returns the Reporter of one target (and tenant schema,
	// or ""), which hears its revisions and statements as a single
	// database's Reporter does. Nil reports nothing per statement: the
	// Runner's own reporter is not used, since targets run in parallel.
	StepReporter func(t Target, schema string) Reporter
}

// withDefaults fills in the defaults of zero fields.
func (o FleetOptions) withDefaults() FleetOptions {
	if o.Jobs <= 0 {
		o.Jobs = DefaultJobs
	}
	if o.MaxFailures == 0 {
		o.MaxFailures = 1
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultConnectTimeout
	}
	if o.LockTimeout == 0 {
		o.LockTimeout = DefaultFleetLockTimeout
	}
	if o.Connect == nil {
		o.Connect = func(ctx context.Context, t Target) (*pgx.Conn, error) { return ConnectTarget(ctx, t, o) }
	}
	return o
}

// Configure applies the options' timeouts to a connection configuration:
// the connect timeout, and the session's lock_timeout unless the
// configuration sets one already.
func (o FleetOptions) Configure(cfg *pgx.ConnConfig) {
	o = o.withDefaults()
	cfg.ConnectTimeout = o.ConnectTimeout
	if _, set := cfg.RuntimeParams["lock_timeout"]; !set && o.LockTimeout > 0 {
		if cfg.RuntimeParams == nil {
			cfg.RuntimeParams = map[string]string{}
		}
		cfg.RuntimeParams["lock_timeout"] = strconv.FormatInt(o.LockTimeout.Milliseconds(), 10)
	}
}

// ConnectTarget connects to t.URL with the options' timeouts (Configure).
// It is the default connection factory of a fleet.
func ConnectTarget(ctx context.Context, t Target, o FleetOptions) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(t.URL)
	if err != nil {
		return nil, fmt.Errorf("invalid database URL: %w", err)
	}
	o.Configure(cfg)
	return pgx.ConnectConfig(ctx, cfg)
}

// TargetState is how a target (or one of its tenant schemas) ended.
type TargetState int

// The states of a target.
const (
	// TargetNotStarted: the rollout stopped before the target's turn.
	TargetNotStarted TargetState = iota
	// TargetDone: the target moved (or was stamped) to the goal.
	TargetDone
	// TargetSkipped: the target was already at the goal; nothing ran.
	TargetSkipped
	// TargetFailed: the target could not be reached, or a revision
	// failed; it is at a revision boundary (From and To say which).
	TargetFailed
)

// String returns "not started", "done", "skipped" or "failed".
func (s TargetState) String() string {
	switch s {
	case TargetDone:
		return "done"
	case TargetSkipped:
		return "skipped"
	case TargetFailed:
		return "failed"
	}
	return "not started"
}

// TargetResult is the outcome of one target, or of one tenant schema of a
// target with Schemas.
type TargetResult struct {
	Target Target
	// Schema is the tenant schema, or "".
	Schema string
	State  TargetState
	// From and To are the applied heads before and after (empty at base);
	// nil when the target could not be read. After a failure To is the
	// boundary the target was left at; nil when a COMMIT went unanswered
	// and the target could not be read again (CommitUnknownError).
	From, To []string
	// Moved counts the revisions applied or undone.
	Moved int
	Took  time.Duration
	// Err is the failure, a *TargetError, or nil.
	Err error
}

// Label names the result: the target's name, with "/schema" for a tenant
// schema.
func (r TargetResult) Label() string { return r.Target.label(r.Schema) }

// TargetError is the failure of one target: the cause, with the target's
// password masked in the message.
type TargetError struct {
	// Target is the target's label (name, or name/schema).
	Target string
	Err    error
	url    string
}

// Error names the target, then the cause, with the password masked.
func (e *TargetError) Error() string { return e.Target + ": " + Redact(e.Err.Error(), e.url) }

// Unwrap returns the cause: a connection error, a *RevisionError, ...
func (e *TargetError) Unwrap() error { return e.Err }

func targetError(t Target, schema string, err error) error {
	var te *TargetError
	if err == nil || errors.As(err, &te) {
		return err
	}
	return &TargetError{Target: t.label(schema), Err: err, url: t.URL}
}

// FleetReport is the outcome of a fleet run.
type FleetReport struct {
	// Results holds one result per target, in the targets' order; a target
	// with Schemas has one per tenant schema (one for the database when it
	// failed before they were listed, or did not start).
	Results []TargetResult
	Took    time.Duration
	// Stopped says why the rollout stopped starting targets, or "".
	Stopped string
}

// Count returns how many results are in state s.
func (r *FleetReport) Count(s TargetState) int {
	n := 0
	for _, res := range r.Results {
		if res.State == s {
			n++
		}
	}
	return n
}

// Err returns nil when every target is done or skipped, and a *FleetError
// otherwise.
func (r *FleetReport) Err() error {
	failed, notStarted := r.Count(TargetFailed), r.Count(TargetNotStarted)
	if failed+notStarted == 0 {
		return nil
	}
	e := &FleetError{Failed: failed, NotStarted: notStarted, Total: len(r.Results), Stopped: r.Stopped}
	for _, res := range r.Results {
		if res.State == TargetFailed {
			e.First = res.Err
			break
		}
	}
	return e
}

// FleetError reports a fleet run that left targets failed or not started.
type FleetError struct {
	Failed, NotStarted, Total int
	// Stopped says why the rollout stopped starting targets, or "".
	Stopped string
	// First is the first failure in target order, or nil.
	First error
}

// Error counts the failed and not started targets and names the first
// failure.
func (e *FleetError) Error() string {
	var parts []string
	if e.Failed > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d targets failed", e.Failed, e.Total))
	}
	if e.NotStarted > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d not started", e.NotStarted, e.Total))
	}
	msg := strings.Join(parts, ", ")
	if e.Stopped != "" {
		msg += " (" + e.Stopped + ")"
	}
	if e.First != nil {
		msg += "; first failure: " + e.First.Error()
	}
	return msg
}

// Unwrap returns the first failure, so that errors.As finds, say, the
// *RevisionError of a failed revision.
func (e *FleetError) Unwrap() error { return e.First }

// FleetReporter hears a fleet run's progress. Its methods are called from
// one goroutine, one call at a time.
type FleetReporter interface {
	// TargetStarted is called when the target's turn comes.
	TargetStarted(t Target)
	// TargetDone is called when the target finished, with its results.
	TargetDone(t Target, results []TargetResult)
}

// UpgradeFleet upgrades every target to goal ("head", a revision, "+N",
// ...) as Upgrade upgrades one database, bounded and ordered as opts says,
// and returns the report; the error is the report's Err.
func (r *Runner) UpgradeFleet(ctx context.Context, targets []Target, goal string, opts FleetOptions) (*FleetReport, error) {
	return r.moveFleet(ctx, targets, opts, func(ctx context.Context, s *Runner, conn *pgx.Conn) (int, error) {
		return s.Upgrade(ctx, conn, goal)
	})
}

// DowngradeFleet downgrades every target to goal ("base", a revision,
// "-N", ...), as UpgradeFleet upgrades them.
func (r *Runner) DowngradeFleet(ctx context.Context, targets []Target, goal string, opts FleetOptions) (*FleetReport, error) {
	return r.moveFleet(ctx, targets, opts, func(ctx context.Context, s *Runner, conn *pgx.Conn) (int, error) {
		return s.Downgrade(ctx, conn, goal)
	})
}

// StampFleet stamps every target as Stamp stamps one database; a target
// already at the revisions is skipped.
func (r *Runner) StampFleet(ctx context.Context, targets []Target, opts FleetOptions, purge bool, revs ...string) (*FleetReport, error) {
	return r.moveFleet(ctx, targets, opts, func(ctx context.Context, s *Runner, conn *pgx.Conn) (int, error) {
		return 0, s.Stamp(ctx, conn, purge, revs...)
	})
}

// moveFunc moves one database (or tenant schema) with the runner given.
type moveFunc func(ctx context.Context, s *Runner, conn *pgx.Conn) (int, error)

func (r *Runner) moveFleet(ctx context.Context, targets []Target, opts FleetOptions, move moveFunc) (*FleetReport, error) {
	opts = opts.withDefaults()
	results := make([][]TargetResult, len(targets))
	s := scheduler{
		targets: targets, opts: opts,
		work: func(ctx context.Context, i int, conn *pgx.Conn) (int, bool) {
			results[i] = r.moveTarget(ctx, conn, targets[i], opts, move)
			return tally(results[i])
		},
		fail: func(i int, err error) {
			results[i] = []TargetResult{{Target: targets[i], State: TargetFailed, Err: targetError(targets[i], "", err)}}
		},
		done: func(i int, took time.Duration) {
			if len(results[i]) == 1 && results[i][0].State == TargetFailed && results[i][0].Took == 0 {
				results[i][0].Took = took
			}
			if opts.Reporter != nil {
				opts.Reporter.TargetDone(targets[i], results[i])
			}
		},
	}
	if opts.Reporter != nil {
		s.start = func(i int) { opts.Reporter.TargetStarted(targets[i]) }
	}
	start := time.Now()
	stopped := s.run(ctx)
	rep := &FleetReport{Took: time.Since(start), Stopped: stopped}
	for i, res := range results {
		if res == nil {
			res = []TargetResult{{Target: targets[i], State: TargetNotStarted}}
		}
		rep.Results = append(rep.Results, res...)
	}
	return rep, rep.Err()
}

// tally counts a target's failed results and whether it changed anything.
func tally(res []TargetResult) (failed int, changed bool) {
	for _, r := range res {
		switch r.State {
		case TargetFailed:
			failed++
		case TargetDone:
			changed = true
		}
	}
	return failed, changed
}

// moveTarget moves one connected target: the database, or each of its
// tenant schemas in turn.
func (r *Runner) moveTarget(ctx context.Context, conn *pgx.Conn, t Target, o FleetOptions, move moveFunc) []TargetResult {
	if len(t.Schemas) == 0 {
		return []TargetResult{r.moveOne(ctx, conn, t, "", o, move)}
	}
	start := time.Now()
	names, err := Schemas(ctx, conn, t.Schemas...)
	if err == nil && len(names) == 0 {
		err = fmt.Errorf("%w %s", ErrNoSchema, strings.Join(t.Schemas, ", "))
	}
	if err != nil {
		return []TargetResult{{Target: t, State: TargetFailed, Took: time.Since(start), Err: targetError(t, "", err)}}
	}
	var out []TargetResult
	failed := false
	for _, name := range names {
		if ctx.Err() != nil || (failed && o.OnError == StopOnError) {
			out = append(out, TargetResult{Target: t, Schema: name, State: TargetNotStarted})
			continue
		}
		res := r.ForSchema(name).moveOne(ctx, conn, t, name, o, move)
		failed = failed || res.State == TargetFailed
		out = append(out, res)
	}
	return out
}

// moveOne moves one database or tenant schema and reports where it went.
func (r *Runner) moveOne(ctx context.Context, conn *pgx.Conn, t Target, schema string, o FleetOptions, move moveFunc) TargetResult {
	start := time.Now()
	res := TargetResult{Target: t, Schema: schema}
	c := *r
	c.lockWait = max(o.LockTimeout, 0)
	var rep Reporter = nopReporter{}
	if o.StepReporter != nil {
		rep = o.StepReporter(t, schema)
	}
	from, err := c.Current(ctx, conn)
	if err != nil {
		res.State, res.Took, res.Err = TargetFailed, time.Since(start), targetError(t, schema, err)
		return res
	}
	res.From = nonNilIDs(from)
	track := &tracker{Reporter: rep, graph: c.graph, applied: c.graph.Ancestors(from...)}
	c.reporter = track
	res.Moved, err = move(ctx, &c, conn)
	// Read where the target is now; when the connection is gone (the
	// server stopped, the run was interrupted) the revisions that
	// committed say it, unless the last COMMIT went unanswered: then
	// where it is stays unknown (To nil) until it can be read.
	readCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), o.withDefaults().ConnectTimeout)
	to, rerr := c.Current(readCtx, conn)
	cancel()
	var unknown *CommitUnknownError
	switch {
	case rerr == nil:
		res.To = nonNilIDs(to)
	case errors.As(err, &unknown):
		res.To = nil
	default:
		res.To = nonNilIDs(c.graph.HeadsOf(track.applied))
	}
	res.Took = time.Since(start)
	switch {
	case err != nil:
		res.State, res.Err = TargetFailed, targetError(t, schema, err)
	case res.Moved > 0 || !slices.Equal(res.From, res.To):
		res.State = TargetDone
	default:
		res.State = TargetSkipped
	}
	return res
}

func nonNilIDs(ids []string) []string {
	if ids == nil {
		return []string{}
	}
	return ids
}

// tracker follows the revisions a target committed, so that its position
// is known even when it cannot be read afterwards.
type tracker struct {
	Reporter
	graph   *revision.Graph
	applied revision.Set
}

// StepDone records a committed step and passes it on.
func (t *tracker) StepDone(s Step, took time.Duration, err error) {
	if err == nil {
		t.applied = s.next(t.applied)
	}
	t.Reporter.StepDone(s, took, err)
}

// Progress passes a batched operation's progress on, when the wrapped
// reporter wants it.
func (t *tracker) Progress(p op.Progress) {
	if po, ok := t.Reporter.(revision.ProgressObserver); ok {
		po.Progress(p)
	}
}

// TargetStatus is the Status of one target, or of one tenant schema of a
// target with Schemas.
type TargetStatus struct {
	Target Target
	// Schema is the tenant schema, or "".
	Schema string
	Status
	// Err says why the status could not be read (the target is
	// unreachable, or at a revision no file declares), or nil.
	Err error
}

// Label names the status: the target's name, with "/schema" for a tenant
// schema.
func (s TargetStatus) Label() string { return s.Target.label(s.Schema) }

// StatusFleet reads the Status of every target (and tenant schema), bounded
// as opts says (Canary and MaxFailures do not apply: every target is read),
// in the targets' order.
func (r *Runner) StatusFleet(ctx context.Context, targets []Target, opts FleetOptions) []TargetStatus {
	opts.Canary, opts.MaxFailures = 0, -1
	out := make([][]TargetStatus, len(targets))
	errs := EachTarget(ctx, targets, opts, func(ctx context.Context, i int, conn *pgx.Conn) error {
		t := targets[i]
		if len(t.Schemas) == 0 {
			st, err := r.Status(ctx, conn)
			out[i] = []TargetStatus{{Target: t, Status: st, Err: targetError(t, "", err)}}
			return nil
		}
		names, err := Schemas(ctx, conn, t.Schemas...)
		if err == nil && len(names) == 0 {
			err = fmt.Errorf("%w %s", ErrNoSchema, strings.Join(t.Schemas, ", "))
		}
		if err != nil {
			return err
		}
		for _, name := range names {
			st, err := r.ForSchema(name).Status(ctx, conn)
			out[i] = append(out[i], TargetStatus{Target: t, Schema: name, Status: st, Err: targetError(t, name, err)})
		}
		return nil
	})
	var all []TargetStatus
	for i, sts := range out {
		if errs[i] != nil {
			sts = []TargetStatus{{Target: targets[i], Err: errs[i]}}
		}
		all = append(all, sts...)
	}
	return all
}
