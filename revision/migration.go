package revision

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

// Executor runs SQL: a pgx.Tx while a transactional revision runs, a
// *pgx.Conn for a non-transactional one.
type Executor interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// Observer is told about every statement a migration runs or renders, before
// and after it runs. Offline runs report a zero duration and a nil error.
type Observer interface {
	StatementStarted(sql string)
	StatementDone(sql string, took time.Duration, err error)
}

// ProgressObserver is an Observer that also hears how far a long-running
// operation (an [op.Backfill]) has got.
type ProgressObserver interface {
	Observer
	Progress(p op.Progress)
}

// Migration is the handle an upgrade or downgrade body works through. Bodies
// apply operations with Apply and may query the database for data
// migrations. In offline mode (`--sql`) nothing runs: Apply and Exec render
// SQL, and Query returns ErrOffline.
type Migration struct {
	x             Executor
	obs           Observer
	transactional bool
	ops           []op.Operation

	lockRetries int
	lockPause   func(attempt int) time.Duration

	// recording is set while Record runs a body to learn its operations;
	// needsDB when the body then asked the database for something.
	recording bool
	needsDB   bool
	// before, when set, runs before each operation (the data guard).
	before func(ctx context.Context, o op.Operation) error
}

// lockNotAvailable is the SQLSTATE of a lock_timeout expiry.
const lockNotAvailable = "55P03"

// RetryLocks makes a non-transactional migration retry an operation whose
// statement failed because lock_timeout expired, up to n times, waiting
// pause(attempt) before each retry. Statements already done are not run
// again: each committed on its own. (A transactional revision is retried
// as a whole by its runner instead, since the failure rolled it back.)
func (m *Migration) RetryLocks(n int, pause func(attempt int) time.Duration) {
	m.lockRetries, m.lockPause = n, pause
}

// NewMigration returns a handle that runs statements through x, or renders
// them offline when x is nil. transactional says whether the revision runs
// in a transaction block; operations that cannot are refused then.
func NewMigration(x Executor, obs Observer, transactional bool) *Migration {
	return &Migration{x: x, obs: obs, transactional: transactional}
}

// Offline reports whether the migration renders SQL without a database.
// While the runtime records a body's operations ahead of running it (see
// [Record]), Offline is false, as it will be when the body runs.
func (m *Migration) Offline() bool { return m.x == nil && !m.recording }

// BeforeEach makes the migration call fn before it runs each operation,
// and stop with fn's error; the runtime checks operations for data loss
// with it.
func (m *Migration) BeforeEach(fn func(ctx context.Context, o op.Operation) error) { m.before = fn }

// Operations returns the operations applied so far, for lint and reports.
func (m *Migration) Operations() []op.Operation { return m.ops }

// StatementError reports a statement that failed.
type StatementError struct {
	SQL string
	Err error
}

// Error reports the server's message, SQLSTATE, detail and hint with the statement.
func (e *StatementError) Error() string {
	msg := e.Err.Error()
	var pg *pgconn.PgError
	if errors.As(e.Err, &pg) {
		msg = pg.Severity + ": " + pg.Message + " (SQLSTATE " + pg.Code + ")"
		if pg.Detail != "" {
			msg += "\nDETAIL: " + pg.Detail
		}
		if pg.Hint != "" {
			msg += "\nHINT: " + pg.Hint
		}
	}
	return msg + "\nstatement: " + e.SQL
}

// Unwrap returns the driver error (a *pgconn.PgError when the server
// refused the statement).
func (e *StatementError) Unwrap() error { return e.Err }

// SQLState returns the SQLSTATE code of the failure, or "".
func (e *StatementError) SQLState() string {
	var pg *pgconn.PgError
	if errors.As(e.Err, &pg) {
		return pg.Code
	}
	return ""
}

// Apply renders each operation and runs (or, offline, emits) its
// statements in order. Online, an operation that implements [op.Stepwise]
// runs itself through the migration instead.
func (m *Migration) Apply(ctx context.Context, ops ...op.Operation) error {
	for _, o := range ops {
		if m.recording {
			if _, err := o.Statements(); err != nil {
				return err
			}
			m.ops = append(m.ops, o)
			continue
		}
		if nt, ok := o.(op.NonTransactional); ok && nt.NonTransactional() && m.transactional {
			return fmt.Errorf("%T cannot run inside a transaction, and a body that reads the database runs as one; set NoTransaction: true on the revision", o)
		}
		if c, ok := o.(op.Commit); ok && m.transactional {
			return fmt.Errorf("op.Commit (%s) splits a revision into transactions, which a body that reads the database cannot do: it runs as one; apply the operations without reading, or set NoTransaction: true", c.Reason)
		}
		if m.before != nil {
			if err := m.before(ctx, o); err != nil {
				return err
			}
		}
		runner, isRunner := o.(op.Stepwise)
		var stmts []string
		if !isRunner || m.x == nil {
			var err error
			if stmts, err = o.Statements(); err != nil {
				return err
			}
			isRunner = false
		}
		m.ops = append(m.ops, o)
		done := 0 // statements of o that have run
		for attempt := 0; ; attempt++ {
			var err error
			if isRunner {
				err = runner.Run(ctx, migrationDB{m})
			} else {
				for ; done < len(stmts) && err == nil; done++ {
					if err = m.exec(ctx, stmts[done]); err != nil {
						break
					}
				}
			}
			if err == nil {
				break
			}
			if m.transactional || attempt >= m.lockRetries || !lockTimedOut(err) {
				return err
			}
			if err := m.wait(ctx, attempt); err != nil {
				return err
			}
		}
	}
	return nil
}

// lockTimedOut reports whether err is a lock_timeout expiry.
func lockTimedOut(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && pg.Code == lockNotAvailable
}

// wait pauses before a retry, so the blocking transaction can finish.
func (m *Migration) wait(ctx context.Context, attempt int) error {
	pause := time.Duration(attempt+1) * 500 * time.Millisecond
	if m.lockPause != nil {
		pause = m.lockPause(attempt)
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(pause):
		return nil
	}
}

// migrationDB is the [op.DB] a runner works through: statements go through
// the migration's executor and observer.
type migrationDB struct{ m *Migration }

func (d migrationDB) Exec(ctx context.Context, sql string, args ...any) (int64, error) {
	m := d.m
	if m.obs != nil {
		m.obs.StatementStarted(sql)
	}
	start := time.Now()
	tag, err := m.x.Exec(ctx, sql, args...)
	if m.obs != nil {
		m.obs.StatementDone(sql, time.Since(start), err)
	}
	if err != nil {
		return 0, &StatementError{SQL: sql, Err: err}
	}
	return tag.RowsAffected(), nil
}

func (d migrationDB) QueryRow(ctx context.Context, sql string, args ...any) op.Row {
	return &observedRow{m: d.m, ctx: ctx, sql: sql, args: args}
}

func (d migrationDB) Report(p op.Progress) {
	if po, ok := d.m.obs.(ProgressObserver); ok {
		po.Progress(p)
	}
}

// observedRow runs its query when scanned, between the observer's calls.
type observedRow struct {
	m    *Migration
	ctx  context.Context
	sql  string
	args []any
}

func (r *observedRow) Scan(dest ...any) error {
	if r.m.obs != nil {
		r.m.obs.StatementStarted(r.sql)
	}
	start := time.Now()
	err := r.m.x.QueryRow(r.ctx, r.sql, r.args...).Scan(dest...)
	if r.m.obs != nil {
		r.m.obs.StatementDone(r.sql, time.Since(start), err)
	}
	if err != nil {
		return &StatementError{SQL: r.sql, Err: err}
	}
	return nil
}

// exec runs (or, offline, reports) one statement and tells the observer.
func (m *Migration) exec(ctx context.Context, sql string, args ...any) error {
	if m.obs != nil {
		m.obs.StatementStarted(sql)
	}
	if m.x == nil {
		if m.obs != nil {
			m.obs.StatementDone(sql, 0, nil)
		}
		return nil
	}
	start := time.Now()
	_, err := m.x.Exec(ctx, sql, args...)
	if m.obs != nil {
		m.obs.StatementDone(sql, time.Since(start), err)
	}
	if err != nil {
		return &StatementError{SQL: sql, Err: err}
	}
	return nil
}

// Exec runs one SQL statement with optional arguments. Offline, a
// statement with arguments is rendered as PREPARE and EXECUTE with the
// arguments as literals; an argument with no SQL literal returns
// ErrOffline.
func (m *Migration) Exec(ctx context.Context, sql string, args ...any) error {
	if m.recording && len(args) > 0 {
		m.needsDB = true
		return errNeedsDatabase
	}
	if m.x == nil {
		if len(args) > 0 {
			stmt, err := m.prepared(sql, args)
			if err != nil {
				return fmt.Errorf("%w: Exec with arguments: %w", ErrOffline, err)
			}
			return m.Apply(ctx, stmt)
		}
		return m.Apply(ctx, op.Execute{SQL: sql})
	}
	m.ops = append(m.ops, op.Execute{SQL: sql})
	return m.exec(ctx, sql, args...)
}

// prepared renders an Exec with arguments for offline SQL: PostgreSQL
// prepares the statement and executes it with the arguments as literals,
// so that it reads the $1, $2 placeholders itself, with the types it would
// infer for a driver's parameters, and nothing in the SQL text is
// rewritten.
func (m *Migration) prepared(sql string, args []any) (op.Execute, error) {
	lits := make([]string, len(args))
	for i, a := range args {
		l, err := op.Literal(a)
		if err != nil {
			return op.Execute{}, fmt.Errorf("argument $%d: %w", i+1, err)
		}
		lits[i] = l
	}
	name := fmt.Sprintf("autogen_exec_%d", len(m.ops)+1)
	return op.Execute{SQL: "PREPARE " + name + " AS " + strings.TrimRight(strings.TrimSpace(sql), ";") +
		";\nEXECUTE " + name + "(" + strings.Join(lits, ", ") + ");\nDEALLOCATE " + name}, nil
}

// Query runs a query in the revision's transaction, for data migrations.
func (m *Migration) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	if m.recording {
		m.needsDB = true
		return nil, errNeedsDatabase
	}
	if m.x == nil {
		return nil, ErrOffline
	}
	return m.x.Query(ctx, sql, args...)
}

// QueryRow runs a query that returns at most one row.
func (m *Migration) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	if m.recording {
		m.needsDB = true
		return errRow{errNeedsDatabase}
	}
	if m.x == nil {
		return errRow{ErrOffline}
	}
	return m.x.QueryRow(ctx, sql, args...)
}

// DB returns the executor itself (the pgx.Tx, or the *pgx.Conn of a
// non-transactional revision) for anything else pgx offers, or nil offline.
func (m *Migration) DB() Executor {
	if m.recording {
		m.needsDB = true
	}
	return m.x
}

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }
