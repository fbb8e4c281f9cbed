package migrate

import (
	"context"
	"errors"
	"fmt"
	"path"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/op"
)

// ErrNoSchema is returned when no schema matches the patterns of a
// multi-schema run.
var ErrNoSchema = errors.New("no schema matches")

// ForSchema returns a runner for one tenant schema of a multi-tenant
// database, where every tenant has a schema of its own with the same
// tables. Its version table is the runner's version table name in that
// schema (tenant_a.autogen_version), so each tenant keeps its own position,
// and it runs every revision with search_path set to that schema alone, so
// that the unqualified names of tenant revisions create and change the
// tenant's objects. Everything else is shared with r. The schema must exist.
//
// The advisory lock is per version table, so runners for different tenants
// do not wait for each other.
func (r *Runner) ForSchema(schema string) *Runner {
	c := *r
	c.schema = schema
	c.table = op.Name{Schema: schema, Name: r.table.Name}
	return &c
}

// Schema returns the tenant schema of a runner made by ForSchema, or "".
func (r *Runner) Schema() string { return r.schema }

// Schemas returns the database's schemas whose names match any of the
// patterns, in name order. Patterns are globs in path.Match syntax
// ("tenant_*", "shop_?"); a name without wildcards matches itself. System
// schemas (pg_*, information_schema) never match.
func Schemas(ctx context.Context, conn *pgx.Conn, patterns ...string) ([]string, error) {
	for _, p := range patterns {
		if _, err := path.Match(p, ""); err != nil {
			return nil, fmt.Errorf("migrate: invalid schema pattern %q: %w", p, err)
		}
	}
	rows, err := conn.Query(ctx, `SELECT nspname::text FROM pg_namespace
WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' ORDER BY nspname COLLATE "C"`)
	if err != nil {
		return nil, fmt.Errorf("listing schemas: %w", err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("listing schemas: %w", err)
	}
	var out []string
	for _, n := range names {
		for _, p := range patterns {
			if ok, _ := path.Match(p, n); ok {
				out = append(out, n)
				break
			}
		}
	}
	return out, nil
}

// OnError says what a multi-schema run does after a schema fails.
type OnError int

const (
	// StopOnError leaves the remaining schemas alone after a failure.
	StopOnError OnError = iota
	// ContinueOnError goes on with the next schema.
	ContinueOnError
)

// SchemaResult is the outcome of one schema of a multi-schema run.
type SchemaResult struct {
	Schema string
	// Moved counts the revisions applied (or undone).
	Moved int
	Took  time.Duration
	// Err is the schema's failure, or nil.
	Err error
}

// SchemaReporter is a Reporter that also hears when a multi-schema run
// starts and finishes each schema. A Runner's reporter that implements it
// is told; the runner's command line prints a header per schema with it.
type SchemaReporter interface {
	Reporter
	SchemaStarted(schema string, index, total int)
	SchemaDone(res SchemaResult, index, total int)
}

// UpgradeSchemas upgrades each of the schemas to target, one after the
// other, each through ForSchema, and returns the result of every schema it
// tried. With StopOnError it stops after the first failure; with
// ContinueOnError it tries them all. The error joins the schemas' failures,
// each naming its schema.
func (r *Runner) UpgradeSchemas(ctx context.Context, conn *pgx.Conn, schemas []string, target string, onErr OnError) ([]SchemaResult, error) {
	return r.eachSchema(ctx, schemas, onErr, func(s *Runner) (int, error) { return s.Upgrade(ctx, conn, target) })
}

// DowngradeSchemas downgrades each of the schemas to target, as
// UpgradeSchemas upgrades them.
func (r *Runner) DowngradeSchemas(ctx context.Context, conn *pgx.Conn, schemas []string, target string, onErr OnError) ([]SchemaResult, error) {
	return r.eachSchema(ctx, schemas, onErr, func(s *Runner) (int, error) { return s.Downgrade(ctx, conn, target) })
}

// SchemaError is the failure of one schema in a multi-schema run.
type SchemaError struct {
	Schema string
	Err    error
}

// Error names the schema, then the cause.
func (e *SchemaError) Error() string { return "schema " + e.Schema + ": " + e.Err.Error() }

// Unwrap returns the cause, often a *RevisionError.
func (e *SchemaError) Unwrap() error { return e.Err }

func (r *Runner) eachSchema(ctx context.Context, schemas []string, onErr OnError, move func(*Runner) (int, error)) ([]SchemaResult, error) {
	if len(schemas) == 0 {
		return nil, ErrNoSchema
	}
	rep, _ := r.reporter.(SchemaReporter)
	var out []SchemaResult
	var errs []error
	for i, name := range schemas {
		if err := ctx.Err(); err != nil {
			errs = append(errs, err)
			break
		}
		if rep != nil {
			rep.SchemaStarted(name, i+1, len(schemas))
		}
		start := time.Now()
		n, err := move(r.ForSchema(name))
		res := SchemaResult{Schema: name, Moved: n, Took: time.Since(start)}
		if err != nil {
			res.Err = &SchemaError{Schema: name, Err: err}
			errs = append(errs, res.Err)
		}
		out = append(out, res)
		if rep != nil {
			rep.SchemaDone(res, i+1, len(schemas))
		}
		if err != nil && onErr == StopOnError {
			break
		}
	}
	return out, errors.Join(errs...)
}

// SchemaStatus is the Status of one tenant schema.
type SchemaStatus struct {
	Schema string
	Status
}

// StatusSchemas returns the Status of each schema, for health checks of a
// multi-tenant database: which tenants are behind, and by how much.
func (r *Runner) StatusSchemas(ctx context.Context, conn *pgx.Conn, schemas []string) ([]SchemaStatus, error) {
	var out []SchemaStatus
	for _, name := range schemas {
		st, err := r.ForSchema(name).Status(ctx, conn)
		if err != nil {
			return out, &SchemaError{Schema: name, Err: err}
		}
		out = append(out, SchemaStatus{Schema: name, Status: st})
	}
	return out, nil
}
