// Package guard finds the data that operations would lose in a live
// database: the rows of a table about to be dropped, the values of a
// column about to be dropped, the values a type change would round or
// truncate. It runs the probes operations declare ([op.Prober]) for every
// deletes-data hazard.
//
// Two commands share it. `autogen revision` refuses to write a revision
// that would lose data the database holds, unless told to; and before a
// revision's first statement, package migrate refuses to run one whose
// data loss the revision does not acknowledge (AllowHazards) when the
// database it runs on holds data it would lose — which may be different
// data, in a different database, months later. Offline, [DO] renders the
// same checks as a DO block that raises.
//
// Probes read with LIMIT 1, so a table that holds what a change would lose
// costs one short read; a probe that finds nothing to lose may have to
// read the whole table to be sure ([op.Probe].Scans), which [Options].Notify
// hears about before it starts.
//
// Like every package revision files link, it is free of cgo and of the
// schema-diffing side of autogen.
package guard

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/autogen-dev/autogen/op"
)

// Querier runs the probes: a *pgx.Conn, or the pgx.Tx of the revision.
type Querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// Loss is data one operation would lose.
type Loss struct {
	// Index is the operation's position in the list given to Check.
	Index int
	Op    op.Operation
	// Hazard is the operation's deletes-data hazard.
	Hazard op.Hazard
	// Probe found the loss; it is the zero Probe when the operation
	// declares none, and what it would lose cannot be told.
	Probe op.Probe
	// Example is what the probe found: a row as JSON, a value, "12.345
	// becomes 12.3". Empty when the operation declares no probe.
	Example string
}

// String describes the loss for people: the hazard, then the example.
func (l Loss) String() string {
	if l.Probe.SQL == "" {
		return l.Hazard.Message + " (the operation declares no probe, so autogen cannot tell what it would lose)"
	}
	if l.Example == "" {
		return l.Hazard.Message
	}
	return l.Hazard.Message + "; for example: " + l.Example
}

// Options steer a check.
type Options struct {
	// Savepoints runs each probe under a savepoint, for a check inside a
	// transaction: a probe that fails then does not abort it.
	Savepoints bool
	// Timeout, when set, bounds each probe; a probe that takes longer
	// counts as finding data, the safe answer. The apply-time guard sets
	// none: it must be exact, and statement_timeout bounds it if set.
	Timeout time.Duration
	// Notify, when set, hears about each probe before it runs.
	Notify func(o op.Operation, p op.Probe)
}

// Targets returns the positions of the operations whose deletes-data
// hazards the data guard checks, with those hazards: every deletes-data
// hazard [op.Analyze] finds (it knows, for one, that a column of a table
// the list created earlier holds nothing the list did not put there).
func Targets(ops []op.Operation) []op.Finding {
	var out []op.Finding
	for _, f := range op.Analyze(ops) {
		if f.Kind == op.DeletesData {
			out = append(out, f)
		}
	}
	return out
}

// Deferred reports whether the probes of ops[i] must run right before it
// rather than before the list's first statement: an earlier operation of
// the list renames what they read into place, adds the column or changes
// its values, so reading it earlier would read the wrong thing or nothing.
func Deferred(ops []op.Operation, i int) bool {
	for _, p := range op.ProbesOf(ops[i]) {
		if p.Table.Name == "" {
			continue
		}
		for _, o := range ops[:i] {
			if touches(o, p) {
				return true
			}
		}
	}
	return false
}

// touches reports whether an operation renames, creates or rewrites what
// a probe reads.
func touches(o op.Operation, p op.Probe) bool {
	t := p.Table
	switch x := o.(type) {
	case op.CreateTable:
		return (op.Name{Schema: x.Schema, Name: x.Name}) == t
	case op.RenameTable:
		return (op.Name{Schema: x.Schema, Name: x.NewName}) == t
	case op.RenameColumn:
		return (op.Name{Schema: x.Schema, Name: x.Table}) == t && (p.Column == "" || x.NewName == p.Column)
	case op.AddColumn:
		return (op.Name{Schema: x.Schema, Name: x.Table}) == t && x.Column.Name == p.Column
	case op.AlterColumn:
		return (op.Name{Schema: x.Schema, Name: x.Table}) == t && x.Column == p.Column && x.Type != ""
	}
	return false
}

// missing holds the SQLSTATEs of a probe that reads, or converts to,
// something that does not exist (yet): a table, column, schema, type or
// function an earlier operation of the revision creates. Such a probe runs
// again right before its operation. A probe that fails on a value that
// does not convert (class 22) finds nothing: the change itself fails on
// that value, losing nothing.
var missing = map[string]bool{"42P01": true, "42703": true, "3F000": true, "42704": true, "42883": true}

// Check runs, before anything else runs, the probes of the operations
// Targets returns, except those whose probes must wait for the operations
// before them (Deferred): it returns the losses found and the positions of
// the deferred operations, for CheckOne to check right before each runs.
// An operation that declares a deletes-data hazard but no probe is a loss
// of unknown extent.
func Check(ctx context.Context, q Querier, ops []op.Operation, o Options) (losses []Loss, deferred []int, err error) {
	for _, f := range Targets(ops) {
		if Deferred(ops, f.Index) {
			deferred = append(deferred, f.Index)
			continue
		}
		l, later, err := probe(ctx, q, ops, f, o)
		if err != nil {
			return nil, nil, err
		}
		if later {
			deferred = append(deferred, f.Index)
		}
		losses = append(losses, l...)
	}
	return losses, dedupe(deferred), nil
}

// CheckOne runs the probes of ops[i] now, as Check does, for an operation
// Check deferred. What does not exist even now holds nothing to lose.
func CheckOne(ctx context.Context, q Querier, ops []op.Operation, i int, o Options) ([]Loss, error) {
	var out []Loss
	for _, f := range Targets(ops) {
		if f.Index != i {
			continue
		}
		l, _, err := probe(ctx, q, ops, f, o)
		if err != nil {
			return nil, err
		}
		out = append(out, l...)
	}
	return out, nil
}

// probesFor returns the probes of an operation that look for the loss
// of one of its deletes-data hazards.
func probesFor(o op.Operation, h op.Hazard) []op.Probe {
	var out []op.Probe
	for _, p := range op.ProbesOf(o) {
		if p.Hazard == "" || p.Hazard == h.Message {
			out = append(out, p)
		}
	}
	return out
}

func dedupe(ids []int) []int {
	var out []int
	for _, i := range ids {
		if len(out) == 0 || out[len(out)-1] != i {
			out = append(out, i)
		}
	}
	return out
}

// probe runs the probes of one finding. later is set when what a probe
// reads does not exist yet.
func probe(ctx context.Context, q Querier, ops []op.Operation, f op.Finding, o Options) (losses []Loss, later bool, err error) {
	target := ops[f.Index]
	probes := probesFor(target, f.Hazard)
	if len(probes) == 0 {
		return []Loss{{Index: f.Index, Op: target, Hazard: f.Hazard}}, false, nil
	}
	for _, p := range probes {
		if o.Notify != nil {
			o.Notify(target, p)
		}
		example, found, err := run(ctx, q, p, o)
		var pg *pgconn.PgError
		switch {
		case errors.As(err, &pg) && missing[pg.Code]:
			later = true
			continue
		case errors.As(err, &pg) && strings.HasPrefix(pg.Code, "22"):
			// A value does not convert: the change fails on it, and a
			// failed change loses nothing.
			continue
		case err != nil:
			return nil, false, fmt.Errorf("guard: looking for %s: %w", p.What, err)
		}
		if found {
			losses = append(losses, Loss{Index: f.Index, Op: target, Hazard: f.Hazard, Probe: p, Example: example})
		}
	}
	return losses, later, nil
}

// run runs one probe, under a savepoint and a timeout when asked.
func run(ctx context.Context, q Querier, p op.Probe, o Options) (example string, found bool, err error) {
	if o.Savepoints {
		if _, err := q.Exec(ctx, "SAVEPOINT autogen_guard"); err != nil {
			return "", false, err
		}
	}
	pctx := ctx
	if o.Timeout > 0 {
		var cancel context.CancelFunc
		pctx, cancel = context.WithTimeout(ctx, o.Timeout)
		defer cancel()
	}
	var ex *string
	err = q.QueryRow(pctx, p.SQL).Scan(&ex)
	timedOut := o.Timeout > 0 && pctx.Err() != nil && ctx.Err() == nil
	if o.Savepoints {
		end := "RELEASE SAVEPOINT autogen_guard"
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			end = "ROLLBACK TO SAVEPOINT autogen_guard"
		}
		if _, serr := q.Exec(context.WithoutCancel(ctx), end); serr != nil && err == nil {
			err = serr
		}
	}
	switch {
	case timedOut:
		return fmt.Sprintf("(the look took longer than %s, so autogen assumes there is some)", o.Timeout), true, nil
	case errors.Is(err, pgx.ErrNoRows):
		return "", false, nil
	case err != nil:
		return "", false, err
	case ex == nil:
		return "NULL", true, nil
	}
	return *ex, true, nil
}

// Exists reports whether a query returns a row, under the options'
// timeout: a look that takes longer counts as finding one. It is for
// checks of the same kind as probes that are not tied to an operation,
// such as whether rows hold an enum value about to be removed.
func Exists(ctx context.Context, q Querier, o Options, sql string, args ...any) (bool, error) {
	pctx := ctx
	if o.Timeout > 0 {
		var cancel context.CancelFunc
		pctx, cancel = context.WithTimeout(ctx, o.Timeout)
		defer cancel()
	}
	var found bool
	err := q.QueryRow(pctx, "SELECT EXISTS ("+sql+")", args...).Scan(&found)
	if o.Timeout > 0 && pctx.Err() != nil && ctx.Err() == nil {
		return true, nil
	}
	if err != nil {
		return true, fmt.Errorf("guard: looking for data: %w", err)
	}
	return found, nil
}
