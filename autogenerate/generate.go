package autogenerate

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/codegen"
	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/model"
)

// Source is one side of a comparison: SQL files, a database or a model.
type Source interface {
	// read returns the schema as a model.
	read(ctx context.Context) (*model.Catalog, error)
}

type filesSource string

func (s filesSource) read(ctx context.Context) (*model.Catalog, error) {
	return ReadDesired(ctx, string(s), nil)
}

// Files reads the schema from SQL: a .sql file, or a directory whose .sql
// files together describe it (in any order). Data statements are refused.
func Files(path string) Source { return filesSource(path) }

type databaseSource string

func (s databaseSource) read(ctx context.Context) (*model.Catalog, error) {
	conn, err := pgx.Connect(ctx, string(s))
	if err != nil {
		return nil, fmt.Errorf("autogenerate: connecting: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	return ReadCurrent(ctx, conn, nil)
}

// Database reads the schema of the database at a connection URL (postgres://
// or a key=value string), in one round trip of catalog queries inside a
// read-only transaction.
func Database(url string) Source { return databaseSource(url) }

type connSource struct{ conn *pgx.Conn }

func (s connSource) read(ctx context.Context) (*model.Catalog, error) {
	return ReadCurrent(ctx, s.conn, nil)
}

// Conn reads the schema of the database a connection is open to.
func Conn(conn *pgx.Conn) Source { return connSource{conn} }

type modelSource struct{ cat *model.Catalog }

func (s modelSource) read(context.Context) (*model.Catalog, error) {
	s.cat.Sort()
	return s.cat, nil
}

// Model uses a schema model as it is, such as one read earlier.
func Model(cat *model.Catalog) Source { return modelSource{cat} }

// Option adjusts Generate.
type Option func(*Options)

// WithRenames confirms renames (by the names in the first schema), so that
// they become RENAME statements and the data stays.
func WithRenames(r diff.Renames) Option { return func(o *Options) { o.Renames = r } }

// WithOnline chooses lock-friendly forms of the operations.
func WithOnline() Option { return func(o *Options) { o.Online = true } }

// Generate reads both schemas and compares them: the result turns from
// into to (Up) and back (Down).
func Generate(ctx context.Context, from, to Source, opts ...Option) (*Result, error) {
	var o Options
	for _, opt := range opts {
		opt(&o)
	}
	current, err := from.read(ctx)
	if err != nil {
		return nil, err
	}
	desired, err := to.read(ctx)
	if err != nil {
		return nil, err
	}
	return Compare(current, desired, o)
}

// UpSQL returns the upgrade's statements, without trailing semicolons.
func (r *Result) UpSQL() ([]string, error) { return r.UpPlan.SQL() }

// DownSQL returns the downgrade's statements.
func (r *Result) DownSQL() ([]string, error) { return r.DownPlan.SQL() }

// RevisionSpec names the revision file Revision writes.
type RevisionSpec struct {
	// Package is the Go package of the revisions directory.
	Package string
	// ID is the revision id; Parents the revisions it follows.
	ID      string
	Parents []string
	Message string
	// Created is the date in the header; the zero time means now.
	Created time.Time
}

// Revision renders the comparison as a Go revision file, as `autogen
// revision` writes it: paired upgrade and downgrade bodies of typed
// operations, each step commented with what was detected and its hazards.
func (r *Result) Revision(s RevisionSpec) ([]byte, error) {
	if s.Created.IsZero() {
		s.Created = time.Now()
	}
	return codegen.Generate(codegen.Spec{
		Package: s.Package, ID: s.ID, Parents: s.Parents, Message: s.Message, Created: s.Created,
		NoTransaction: r.UpPlan.NoTransaction || r.DownPlan.NoTransaction,
		Upgrade:       codegen.FromPlan(r.UpPlan), Downgrade: codegen.FromPlan(r.DownPlan),
	})
}
