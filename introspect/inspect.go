package introspect

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

//go:embed queries/*.sql
var queryFiles embed.FS

func query(name string) string {
	b, err := queryFiles.ReadFile("queries/" + name + ".sql")
	if err != nil {
		// The names are fixed in this package; a missing file is a build
		// mistake that every test run catches.
		panic(err)
	}
	return string(b)
}

// Querier is the connection Inspect reads through. *pgx.Conn,
// *pgxpool.Pool and pgx.Tx satisfy it.
type Querier interface {
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

// Stats counts the work of one Inspect call.
type Stats struct {
	// RoundTrips is the number of network round trips to the server.
	RoundTrips int
	// Queries is the number of catalog queries run.
	Queries int
}

// Option configures Inspect.
type Option func(*config)

type config struct {
	filter *scope.Filter
	stats  *Stats
}

// WithFilter leaves out the schemas and tables the filter excludes. The
// default reads every schema but the system ones.
func WithFilter(f *scope.Filter) Option { return func(c *config) { c.filter = f } }

// WithVersionTable leaves out the table autogen records revisions in,
// named "schema.table".
func WithVersionTable(name string) Option {
	return func(c *config) {
		f := scope.Filter{}
		if c.filter != nil {
			f = *c.filter
		}
		f.VersionTable = name
		c.filter = &f
	}
}

// WithStats makes Inspect record what it did in s.
func WithStats(s *Stats) Option { return func(c *config) { c.stats = s } }

// UnsupportedError reports objects in the database that the model cannot
// represent (rules, event triggers, range types, ...).
type UnsupportedError struct {
	// Objects lists them as "kind name".
	Objects []string
}

// Error lists the unsupported objects.
func (e *UnsupportedError) Error() string {
	return "introspect: the database has objects autogen does not support: " + strings.Join(e.Objects, ", ")
}

// kinds lists the catalog queries, in the order they run and are applied:
// tables before what hangs off them.
var kinds = append([]string{
	"unsupported", "comments", "privileges", "roles", "lookups", "schemas", "extensions", "collations", "enums", "domains",
	"composites", "sequences", "functions", "tables", "inherits", "columns", "constraints", "indexes", "attached_indexes",
	"views", "triggers", "trigger_states", "policies",
}, definitionKinds...)

// SessionSettings are the settings Inspect reads the catalog under, as
// "name = value": an empty search_path, so that every name PostgreSQL
// prints is qualified unless it is in pg_catalog, and the time zone, date
// and interval styles, so that constants print alike everywhere. Whatever
// else asks the server to print definitions for comparison with Inspect's
// (package settle) sets them too.
var SessionSettings = []string{"search_path = ''", "TimeZone = 'UTC'", "IntervalStyle = 'postgres'", "DateStyle = 'ISO, MDY'"}

// readSettings are the settings of Inspect's transaction: SessionSettings,
// no JIT compilation and no parallel plans. The planner's cost estimates
// of the catalog queries' subqueries grow with the schema and cross
// jit_above_cost, and compiling then costs tens of milliseconds per query
// for a plan that runs once. Past min_parallel_table_scan_size (a few
// thousand tables) the planner runs the large catalog queries in parallel,
// and each worker builds the same hash tables over pg_class and
// pg_attrdef again: on a small machine the batch takes longer that way
// and takes the cores the client needs to parse schema.sql meanwhile.
var readSettings = append(slices.Clip(SessionSettings), "jit = off", "max_parallel_workers_per_gather = 0")

// Inspect reads the schema of the database q is connected to.
//
// All catalog queries go to the server in one batch, inside a read-only
// repeatable-read transaction (a savepoint when q is a transaction) with an
// empty search_path, so that every name PostgreSQL prints is qualified
// unless it is in pg_catalog, and TimeZone UTC, so that timestamps with
// time zone print alike everywhere. The number of round trips does not
// depend on the size of the schema.
func Inspect(ctx context.Context, q Querier, opts ...Option) (*model.Catalog, error) {
	cfg := &config{}
	for _, o := range opts {
		o(cfg)
	}
	if err := cfg.filter.Validate(); err != nil {
		return nil, fmt.Errorf("introspect: %w", err)
	}
	_, inTx := q.(pgx.Tx)
	b := &pgx.Batch{}
	if inTx {
		b.Queue("SAVEPOINT autogen_inspect")
	} else {
		b.Queue("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
	}
	for _, s := range readSettings {
		b.Queue("SET LOCAL " + s)
	}
	for _, k := range kinds {
		b.Queue(query(k))
	}
	if inTx {
		b.Queue("ROLLBACK TO SAVEPOINT autogen_inspect")
		b.Queue("RELEASE SAVEPOINT autogen_inspect")
	} else {
		b.Queue("ROLLBACK")
	}
	r := newReader()
	err := runBatch(ctx, q, b, r)
	if cfg.stats != nil {
		cfg.stats.RoundTrips++
		cfg.stats.Queries += len(kinds)
	}
	if err != nil {
		// Stop the parsing workers; their results no longer matter.
		_ = r.waitExprs()
		// A failed query leaves the transaction open and aborted; end it.
		if cfg.stats != nil {
			cfg.stats.RoundTrips++
		}
		end := &pgx.Batch{}
		if inTx {
			end.Queue("ROLLBACK TO SAVEPOINT autogen_inspect")
		} else {
			end.Queue("ROLLBACK")
		}
		return nil, errors.Join(err, q.SendBatch(ctx, end).Close())
	}
	if err := r.finish(); err != nil {
		return nil, err
	}
	sqlnorm.Finalize(r.cat, cfg.filter)
	return r.cat, nil
}

// runBatch sends the batch and hands each query's rows to the reader.
func runBatch(ctx context.Context, q Querier, b *pgx.Batch, r *reader) error {
	res := send(ctx, q, b)
	setup := 1 + len(readSettings) // BEGIN or SAVEPOINT, then the SETs
	for i := 0; i < setup; i++ {
		if err := res.exec(); err != nil {
			res.close()
			return fmt.Errorf("introspect: starting the read: %w", err)
		}
	}
	for _, k := range kinds {
		rows, err := res.query()
		if err != nil {
			res.close()
			return fmt.Errorf("introspect: querying %s: %w", k, err)
		}
		if err := r.read(k, rows); err != nil {
			rows.Close()
			res.close()
			return fmt.Errorf("introspect: reading %s: %w", k, err)
		}
	}
	return res.close()
}

// results are the server's answers to the batch's statements, in order.
type results interface {
	// exec takes the next statement's answer, which has no rows.
	exec() error
	// query takes the next statement's rows.
	query() (pgx.Rows, error)
	// close reads what is left and reports the first error.
	close() error
}

// send sends the batch. On a connection (or a transaction of one) it goes
// as one simple-protocol query: the server parses, plans and runs each
// statement once, where the extended protocol of pgx.Batch first prepares
// every statement as a named one, in a round trip of its own, and keeps
// its plan. That costs a new session about 15 ms at 1x, a tenth of the
// whole read, and gains nothing for statements that run once. Rows come
// in text format, which the same type map decodes. Any other Querier (a
// pool) gets the batch as it is.
func send(ctx context.Context, q Querier, b *pgx.Batch) results {
	var conn *pgx.Conn
	switch c := q.(type) {
	case *pgx.Conn:
		conn = c
	case pgx.Tx:
		conn = c.Conn()
	}
	if conn == nil {
		return batchResults{q.SendBatch(ctx, b)}
	}
	var sql strings.Builder
	for i, qq := range b.QueuedQueries {
		if i > 0 {
			// On a line of its own: a query may end in a -- comment.
			sql.WriteString("\n;\n")
		}
		sql.WriteString(qq.SQL)
	}
	return &simpleResults{mrr: conn.PgConn().Exec(ctx, sql.String()), types: conn.TypeMap()}
}

// batchResults are the results of pgx.Batch.
type batchResults struct{ br pgx.BatchResults }

func (b batchResults) exec() error {
	_, err := b.br.Exec()
	return err
}

func (b batchResults) query() (pgx.Rows, error) { return b.br.Query() }

func (b batchResults) close() error { return b.br.Close() }

// simpleResults are the results of one multi-statement simple query.
type simpleResults struct {
	mrr   *pgconn.MultiResultReader
	types *pgtype.Map
}

// next moves to the next statement's result; after an error, the server
// ran none of the statements that follow, and the error is the reader's.
func (s *simpleResults) next() (*pgconn.ResultReader, error) {
	if !s.mrr.NextResult() {
		if err := s.mrr.Close(); err != nil {
			return nil, err
		}
		return nil, errors.New("the server sent fewer results than statements")
	}
	return s.mrr.ResultReader(), nil
}

func (s *simpleResults) exec() error {
	rr, err := s.next()
	if err != nil {
		return err
	}
	_, err = rr.Close()
	return err
}

func (s *simpleResults) query() (pgx.Rows, error) {
	rr, err := s.next()
	if err != nil {
		return nil, err
	}
	return pgx.RowsFromResultReader(s.types, rr), nil
}

func (s *simpleResults) close() error { return s.mrr.Close() }

// read scans the rows of one kind into the catalog.
func (r *reader) read(kind string, rows pgx.Rows) error {
	switch kind {
	case "unsupported":
		return collect(rows, r.unsupportedObject)
	case "comments":
		return collect(rows, r.commentRow)
	case "privileges":
		return collect(rows, r.aclRow)
	case "roles":
		return collect(rows, r.role)
	case "lookups":
		return collect(rows, r.lookup)
	case "inherits":
		return collect(rows, r.inherits)
	case "attached_indexes":
		return collect(rows, r.attachedIndex)
	case "trigger_states":
		return collect(rows, r.triggerState)
	case "schemas":
		return collect(rows, r.schema)
	case "extensions":
		return collect(rows, r.extension)
	case "collations":
		return collect(rows, r.collation)
	case "enums":
		return collect(rows, r.enum)
	case "domains":
		return collect(rows, r.domain)
	case "composites":
		return collect(rows, r.composite)
	case "sequences":
		return collect(rows, r.sequence)
	case "functions":
		return collect(rows, r.function)
	case "tables":
		return collect(rows, r.table)
	case "columns":
		if err := collect(rows, r.column); err != nil {
			return err
		}
		r.sortColumns()
		return nil
	case "constraints":
		return collect(rows, r.constraint)
	case "indexes":
		return collect(rows, r.index)
	case "views":
		return collect(rows, r.view)
	case "triggers":
		return collect(rows, r.trigger)
	case "policies":
		return collect(rows, r.policy)
	}
	if slices.Contains(definitionKinds, kind) {
		return collect(rows, r.definition)
	}
	return fmt.Errorf("unknown kind %s", kind)
}

// collect scans each row into a T by column name and passes it to fn.
//
// Columns are matched to T's fields (by their db tag) once per query, not
// once per row as pgx.RowToAddrOfStructByName does: at 40,000 columns or
// constraints, finding the fields again for every row cost more than
// decoding the rows. As there, every column needs a field and every field
// a column, so that a query and its row type cannot drift apart unnoticed.
func collect[T any](rows pgx.Rows, fn func(*T) error) error {
	defer rows.Close()
	fields, err := fieldsOf(reflect.TypeFor[T](), rows.FieldDescriptions())
	if err != nil {
		return err
	}
	dst := make([]any, len(fields))
	for rows.Next() {
		v := new(T)
		rv := reflect.ValueOf(v).Elem()
		for i, f := range fields {
			dst[i] = rv.Field(f).Addr().Interface()
		}
		if err := rows.Scan(dst...); err != nil {
			return err
		}
		if err := fn(v); err != nil {
			return err
		}
	}
	return rows.Err()
}

// fieldsOf returns, for each of a query's columns, the index of the field
// of the struct type t that receives it: the exported field whose db tag
// (or, without one, whose name) equals the column's name, ignoring case.
func fieldsOf(t reflect.Type, cols []pgconn.FieldDescription) ([]int, error) {
	byName := map[string]int{}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name := f.Name
		if tag, ok := f.Tag.Lookup("db"); ok {
			name = tag
		}
		byName[strings.ToLower(name)] = i
	}
	out := make([]int, len(cols))
	for i, c := range cols {
		f, ok := byName[strings.ToLower(c.Name)]
		if !ok {
			return nil, fmt.Errorf("column %s has no field in %s", c.Name, t)
		}
		out[i] = f
		delete(byName, strings.ToLower(c.Name))
	}
	for name := range byName {
		return nil, fmt.Errorf("field %s of %s has no column", name, t)
	}
	return out, nil
}
