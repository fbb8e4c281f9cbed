package migrate

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// querier is the part of pgx.Conn and pgx.Tx the version table needs.
type querier = revision.Executor

// The version table holds one row per applied head, as Alembic's does. A
// revision that runs in several segments and stops between two of them
// (a failure, an interruption) is recorded in a row of its own with a
// partial column: a JSON object saying which direction it was going and
// how many segments completed. The column is added the first time a
// revision needs it, so a version table stays as Alembic's as long as no
// revision runs in several segments.

// createTableSQL returns the statement that creates the version table.
func (r *Runner) createTableSQL() string {
	return "CREATE TABLE IF NOT EXISTS " + r.table.SQL() + " (version_num character varying(32) NOT NULL, CONSTRAINT " +
		op.QuoteIdent(r.table.Name+"_pkc") + " PRIMARY KEY (version_num))"
}

// ownSchema reports whether the runner creates the version table's schema
// when it is missing: the schema of a configured version table
// (meta.schema_version) is the runtime's, never autogenerate's. A tenant's
// schema is the tenant's, and public is PostgreSQL's.
func (r *Runner) ownSchema() bool { return r.schema == "" && r.table.Schema != "public" }

// createTable creates the version table, and its schema when the runner
// owns it, if they do not exist.
func (r *Runner) createTable(ctx context.Context, conn *pgx.Conn) error {
	if r.ownSchema() {
		var exists bool
		if err := conn.QueryRow(ctx, "SELECT to_regnamespace($1) IS NOT NULL", op.QuoteIdent(r.table.Schema)).Scan(&exists); err != nil {
			return fmt.Errorf("creating the version table: %w", err)
		}
		// CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege on the
		// database even when the schema exists; ask only when it does not.
		if !exists {
			if _, err := conn.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+op.QuoteIdent(r.table.Schema)); err != nil {
				return fmt.Errorf("creating the schema of the version table: %w", err)
			}
		}
	}
	if _, err := conn.Exec(ctx, r.createTableSQL()); err != nil {
		return fmt.Errorf("creating the version table: %w", err)
	}
	return nil
}

// addPartialSQL adds the column that records a revision stopped between
// segments.
func (r *Runner) addPartialSQL() string {
	return "ALTER TABLE " + r.table.SQL() + " ADD COLUMN IF NOT EXISTS partial jsonb"
}

// addPartial adds the partial column unless the version table has it,
// without taking a lock on the table when it does.
func (r *Runner) addPartial(ctx context.Context, conn *pgx.Conn) error {
	var has bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass($1) AND attname = 'partial' AND NOT attisdropped)",
		r.table.SQL()).Scan(&has); err != nil {
		return fmt.Errorf("reading the version table: %w", err)
	}
	if has {
		return nil
	}
	if _, err := conn.Exec(ctx, r.addPartialSQL()); err != nil {
		return fmt.Errorf("adding the partial column to the version table: %w", err)
	}
	return nil
}

// Partial describes a revision that ran in several segments and stopped
// between two of them: the database is at the end of its Done-th segment.
// `upgrade` resumes an unfinished upgrade and `downgrade` undoes it (and
// the other way round for an unfinished downgrade).
type Partial struct {
	Revision  string
	Direction Direction
	// Done counts the segments that completed; Total is how many the
	// direction has.
	Done  int
	Total int
	// Plan fingerprints the statements of the completed segments, so that
	// a revision file changed since is noticed before it is resumed.
	Plan string
}

// String says where the revision stands, as "b2 stopped after 2 of 3
// segments of its upgrade".
func (p *Partial) String() string {
	return fmt.Sprintf("%s stopped after %d of %d segments of its %s", p.Revision, p.Done, p.Total, p.Direction)
}

// partialJSON is the partial column's content.
type partialJSON struct {
	Direction string `json:"direction"`
	Done      int    `json:"done"`
	Total     int    `json:"total"`
	Plan      string `json:"plan"`
}

// fingerprint hashes the statements of segments.
func fingerprint(segs []revision.Segment) string {
	h := sha256.New()
	for _, s := range segs {
		stmts, err := s.Statements()
		if err != nil {
			fmt.Fprintf(h, "error %v\n", err)
		}
		for _, st := range stmts {
			h.Write([]byte(st))
			h.Write([]byte{0})
		}
		h.Write([]byte{1})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// partialUpsert returns the statement that records revision id stopped
// after done of the segments segs in direction dir.
func (r *Runner) partialUpsert(id string, dir Direction, segs []revision.Segment, done int) string {
	b, _ := json.Marshal(partialJSON{Direction: dir.String(), Done: done, Total: len(segs), Plan: fingerprint(segs[:done])})
	return "INSERT INTO " + r.table.SQL() + " (version_num, partial) VALUES (" + op.QuoteLiteral(id) + ", " + op.QuoteLiteral(string(b)) +
		") ON CONFLICT (version_num) DO UPDATE SET partial = EXCLUDED.partial"
}

// versionState is what the version table says.
type versionState struct {
	// exists tells whether the version table exists.
	exists bool
	// ids are the rows of applied heads.
	ids []string
	// partial is the revision stopped between segments, if any.
	partial *Partial
}

// rows reads the version table; a missing table means nothing is applied.
// The partial column is read through to_jsonb, which works whether or not
// the table has it.
func (r *Runner) rows(ctx context.Context, q querier) (versionState, error) {
	var exists bool
	if err := q.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", r.table.SQL()).Scan(&exists); err != nil {
		return versionState{}, fmt.Errorf("checking the version table: %w", err)
	}
	if !exists {
		return versionState{}, nil
	}
	rows, err := q.Query(ctx, "SELECT version_num::text, CASE WHEN jsonb_typeof(to_jsonb(v) -> 'partial') = 'object' THEN (to_jsonb(v) -> 'partial')::text END FROM "+
		r.table.SQL()+" AS v ORDER BY version_num")
	if err != nil {
		return versionState{}, fmt.Errorf("reading the version table: %w", err)
	}
	type row struct {
		ID      string
		Partial *string
	}
	all, err := pgx.CollectRows(rows, pgx.RowToStructByPos[row])
	if err != nil {
		return versionState{}, fmt.Errorf("reading the version table: %w", err)
	}
	st := versionState{exists: true}
	for _, x := range all {
		if x.Partial == nil {
			st.ids = append(st.ids, x.ID)
			continue
		}
		var pj partialJSON
		if err := json.Unmarshal([]byte(*x.Partial), &pj); err != nil || st.partial != nil {
			return versionState{}, fmt.Errorf("reading the version table: unreadable partial revision record for %s: %s", x.ID, *x.Partial)
		}
		p := &Partial{Revision: x.ID, Done: pj.Done, Total: pj.Total, Plan: pj.Plan}
		if pj.Direction == Down.String() {
			p.Direction = Down
			// A revision part way down is still applied, and its row is
			// still a head's.
			st.ids = append(st.ids, x.ID)
		}
		st.partial = p
	}
	return st, nil
}

// applied turns version-table rows into the set of applied revisions.
func (r *Runner) applied(st versionState) (revision.Set, error) {
	var unknown []string
	for _, id := range st.ids {
		if r.graph.Revision(id) == nil {
			unknown = append(unknown, id)
		}
	}
	if st.partial != nil && r.graph.Revision(st.partial.Revision) == nil && !slices.Contains(unknown, st.partial.Revision) {
		unknown = append(unknown, st.partial.Revision)
	}
	if len(unknown) > 0 {
		return nil, &UnknownRevisionsError{IDs: unknown}
	}
	return r.graph.Ancestors(st.ids...), nil
}

// rowChanges returns the statements that turn the version table's rows for
// one applied set into those for another.
func (r *Runner) rowChanges(before, after revision.Set) []string {
	old, now := r.graph.HeadsOf(before), r.graph.HeadsOf(after)
	var out []string
	for _, id := range old {
		if !slices.Contains(now, id) {
			out = append(out, "DELETE FROM "+r.table.SQL()+" WHERE version_num = "+op.QuoteLiteral(id))
		}
	}
	for _, id := range now {
		if !slices.Contains(old, id) {
			out = append(out, "INSERT INTO "+r.table.SQL()+" (version_num) VALUES ("+op.QuoteLiteral(id)+")")
		}
	}
	return out
}

// lockKey derives the advisory lock key from the version table's name, so
// that runners for different version tables do not wait for each other.
func (r *Runner) lockKey() int64 {
	h := fnv.New64a()
	h.Write([]byte("autogen:" + r.table.SQL()))
	return int64(h.Sum64())
}

// Polling for the migration lock starts at lockPollMin and backs off to
// lockPollMax; after lockNotice of waiting, the reporter hears who holds
// it.
const (
	lockPollMin = 10 * time.Millisecond
	lockPollMax = 500 * time.Millisecond
	lockNotice  = 2 * time.Second
)

// lockHolderSQL names the session holding an advisory lock whose bigint
// key is split into classid (high half) and objid (low half).
const lockHolderSQL = `SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.client_addr::text, 'local'),
  to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC', extract(epoch FROM now() - a.backend_start)::bigint,
  coalesce(a.state, ''), coalesce(left(a.query, 200), '')
FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
  AND l.classid::bigint = $1 AND l.objid::bigint = $2
  AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
LIMIT 1`

// lockHolder describes who holds the migration lock, or says it is
// released.
func (r *Runner) lockHolder(ctx context.Context, conn *pgx.Conn) string {
	key := uint64(r.lockKey())
	var (
		pid                     int32
		app, addr, since, state string
		query                   string
		age                     int64
	)
	err := conn.QueryRow(ctx, lockHolderSQL, int64(key>>32), int64(key&0xffffffff)).Scan(&pid, &app, &addr, &since, &age, &state, &query)
	if err != nil {
		return "by a session autogen cannot see (" + err.Error() + ")"
	}
	if app == "" {
		app = "no application_name"
	}
	s := fmt.Sprintf("by backend pid %d (%s, from %s), connected since %s (%s ago)", pid, app, addr, since, time.Duration(age)*time.Second)
	if state != "" {
		s += ", " + state
	}
	if state == "active" && query != "" {
		s += ": " + strings.Join(strings.Fields(query), " ")
	}
	return s
}

// withLock runs fn while holding the runner's session-level advisory lock
// on conn. After two seconds of waiting, the reporter (a [Noticer]) hears
// which backend holds it.
//
// The lock is polled with pg_try_advisory_lock rather than waited for with
// pg_advisory_lock: a session blocked in pg_advisory_lock is inside a
// statement, and CREATE INDEX CONCURRENTLY in the session that holds the
// lock waits for every such statement to end, a deadlock PostgreSQL
// resolves by failing one of them. Between polls the waiting session is
// idle, which a concurrent build does not wait for.
func (r *Runner) withLock(ctx context.Context, conn *pgx.Conn, fn func() error) (err error) {
	pause := lockPollMin
	start := time.Now()
	told := false
	for {
		var got bool
		if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1)", r.lockKey()).Scan(&got); err != nil {
			return fmt.Errorf("taking the migration lock: %w", err)
		}
		if got {
			break
		}
		if r.lockWait > 0 && time.Since(start) >= r.lockWait {
			return &LockTimeoutError{Table: r.table.SQL(), Waited: r.lockWait}
		}
		if !told && time.Since(start) >= lockNotice {
			told = true
			r.notice("waiting for the migration lock of " + r.table.SQL() + ", held " + r.lockHolder(ctx, conn))
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for the migration lock: %w", ctx.Err())
		case <-time.After(pause):
		}
		pause = min(2*pause, lockPollMax)
	}
	if told {
		r.notice(fmt.Sprintf("took the migration lock after %s", time.Since(start).Round(time.Millisecond)))
	}
	defer func() {
		// A cancelled context must not keep the lock: unlock on a fresh one.
		if _, uerr := conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", r.lockKey()); uerr != nil && err == nil {
			err = fmt.Errorf("releasing the migration lock: %w", uerr)
		}
	}()
	return fn()
}

// ErrLockTimeout is returned when another session held the migration lock
// for longer than the runner waits (a fleet's LockTimeout).
var ErrLockTimeout = errors.New("the migration lock is held by another session")

// LockTimeoutError reports a migration lock that was not free in time.
type LockTimeoutError struct {
	// Table is the version table whose lock was awaited.
	Table  string
	Waited time.Duration
}

// Error says which lock and for how long.
func (e *LockTimeoutError) Error() string {
	return fmt.Sprintf("another session held the migration lock of %s for %s; is another migration running?", e.Table, e.Waited)
}

// Unwrap makes the error match ErrLockTimeout.
func (e *LockTimeoutError) Unwrap() error { return ErrLockTimeout }

// Current returns the version table's rows: the applied heads, in
// topological order when they are known revisions. A revision stopped
// part way down is still among them; one stopped part way up is not (see
// Status).
func (r *Runner) Current(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	st, err := r.rows(ctx, conn)
	if err != nil {
		return nil, err
	}
	if _, err := r.applied(st); err != nil {
		return st.ids, err
	}
	return r.graph.HeadsOf(r.graph.Ancestors(st.ids...)), nil
}

// Status summarises a database's position, for health checks and metrics.
type Status struct {
	// Current lists the applied heads (the version table's rows).
	Current []string
	// Heads lists the heads of the revision graph.
	Heads []string
	// Pending counts the revisions not yet applied.
	Pending int
	// AtHead is true when every head is applied and nothing else is
	// pending.
	AtHead bool
	// Partial is the revision stopped between two of its segments, or nil.
	Partial *Partial
}

// Status reports where the database stands.
func (r *Runner) Status(ctx context.Context, conn *pgx.Conn) (Status, error) {
	st, err := r.rows(ctx, conn)
	if err != nil {
		return Status{}, err
	}
	applied, err := r.applied(st)
	if err != nil {
		return Status{Current: st.ids, Heads: r.graph.Heads(), Partial: st.partial}, err
	}
	pending := r.graph.Len() - len(applied)
	return Status{
		Current: r.graph.HeadsOf(applied),
		Heads:   r.graph.Heads(),
		Pending: pending,
		AtHead:  pending == 0 && st.partial == nil,
		Partial: st.partial,
	}, nil
}
