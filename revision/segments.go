package revision

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/autogen-dev/autogen/op"
)

// Segment is a run of a body's operations that commits as a unit: a
// transaction, or one operation that PostgreSQL refuses inside a
// transaction block. The runtime records each completed segment of an
// unfinished revision in the version table, so that a failure or an
// interruption leaves the database at a segment boundary, from which
// `upgrade` resumes and `downgrade` goes back.
type Segment struct {
	Ops []op.Operation
	// Transactional is false for a segment of one operation that cannot
	// run in a transaction block (CREATE INDEX CONCURRENTLY); it must be
	// safe to run again, since a runner cut off right after it cannot
	// have recorded it.
	Transactional bool
	// Reason says why the segment runs outside a transaction, or why it
	// ends where it does (the op.Commit that ends it); empty for the last.
	Reason string
}

// Split divides a body's operations into segments: each operation that is
// [op.NonTransactional] alone, the others in transactions that end at each
// [op.Commit] and around those operations. The settings of op.SetLocal
// carry over into the transactions after the one they are in. A body
// without either, empty bodies included, is one transactional segment.
func Split(ops []op.Operation) []Segment {
	var out []Segment
	var cur []op.Operation
	var settings []op.Operation
	started := false // whether a transaction has been opened before
	flush := func(reason string) {
		if onlySettings(cur) {
			cur = nil
			return
		}
		out = append(out, Segment{Ops: cur, Transactional: true, Reason: reason})
		cur = nil
	}
	open := func() {
		if cur == nil && started {
			cur = append(cur, settings...)
		}
		started = true
	}
	for _, o := range ops {
		switch x := o.(type) {
		case op.Commit:
			flush(x.Reason)
			continue
		case op.SetLocal:
			open()
			cur = append(cur, o)
			settings = append(settings, o)
			continue
		}
		if nt, ok := o.(op.NonTransactional); ok && nt.NonTransactional() {
			flush("")
			out = append(out, Segment{Ops: []op.Operation{o}, Reason: whyOutside(o)})
			continue
		}
		open()
		cur = append(cur, o)
	}
	flush("")
	if len(out) == 0 {
		// An empty body is one empty transaction, which records the
		// revision.
		out = append(out, Segment{Transactional: true})
	}
	// The segment before one that runs outside a transaction ends because
	// of it.
	for i := range out {
		if i+1 < len(out) && out[i].Transactional && out[i].Reason == "" && !out[i+1].Transactional {
			out[i].Reason = "the next operation cannot run in a transaction"
		}
	}
	return out
}

// onlySettings reports whether a run holds nothing but SET LOCAL (or
// nothing at all), which needs no transaction of its own.
func onlySettings(ops []op.Operation) bool {
	for _, o := range ops {
		if _, ok := o.(op.SetLocal); !ok {
			return false
		}
	}
	return true
}

// whyOutside says why an operation runs outside a transaction.
func whyOutside(o op.Operation) string {
	switch x := o.(type) {
	case op.CreateIndex:
		return "PostgreSQL builds an index CONCURRENTLY only outside a transaction block"
	case op.DropIndex:
		return "PostgreSQL drops an index CONCURRENTLY only outside a transaction block"
	case op.Backfill:
		return "the backfill of " + x.Table + " commits each batch"
	case op.Execute:
		return "the SQL is marked NoTransaction"
	}
	return fmt.Sprintf("%T cannot run in a transaction block", o)
}

// Statements renders the segment's statements, in order.
func (s Segment) Statements() ([]string, error) { return op.SQL(s.Ops...) }

// Describe summarises segments for people, one line each, as the revision
// file's header, `history --verbose` and `show` print them: "1. in a
// transaction: 3 operations; ends: REASON" or "2. outside a transaction:
// CREATE INDEX CONCURRENTLY ... (REASON)".
func Describe(segs []Segment) []string {
	var out []string
	for i, s := range segs {
		line := fmt.Sprintf("%d. ", i+1)
		if s.Transactional {
			n := 0
			for _, o := range s.Ops {
				if _, ok := o.(op.SetLocal); !ok {
					n++
				}
			}
			line += fmt.Sprintf("in a transaction: %d operation", n)
			if n != 1 {
				line += "s"
			}
			if s.Reason != "" {
				line += "; then commit: " + s.Reason
			}
		} else {
			what := fmt.Sprintf("%T", s.Ops[0])
			if stmts, err := s.Ops[0].Statements(); err == nil && len(stmts) > 0 {
				what = firstLine(stmts[0])
			}
			line += "outside a transaction: " + what + " (" + s.Reason + ")"
		}
		out = append(out, line)
	}
	return out
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	if len(s) > 100 {
		return s[:100] + " …"
	}
	return s
}

// errNeedsDatabase is what a recording migration answers a body that asks
// the database for something.
var errNeedsDatabase = errors.New("revision: the body reads the database, so its operations are known only as it runs")

// Record runs a body without a database and returns the operations it
// applies, so that the runtime can split them into segments and check
// them for data loss before the first statement runs. ok is false when the
// body asked the database for something (Query, QueryRow, DB, Exec with
// arguments): what it applies may then depend on the data, so it runs as a
// whole, as it was written. An error is one the body returns on its own,
// such as an invalid operation, which running it would return too.
func Record(ctx context.Context, f Func) (ops []op.Operation, ok bool, err error) {
	if f == nil {
		return nil, true, nil
	}
	m := &Migration{recording: true}
	defer func() {
		// A body that asked for DB(), which is nil while recording, may
		// panic on it; any other panic is the body's own and goes on
		// from where it happened.
		if m.needsDB {
			if r := recover(); r != nil {
				ops, ok, err = nil, false, nil
			}
		}
	}()
	err = f(ctx, m)
	if m.needsDB {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return m.ops, true, nil
}
