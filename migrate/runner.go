package migrate

import (
	"fmt"
	"strings"
	"time"

	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// DefaultVersionTable is the version table's name when none is configured.
const DefaultVersionTable = "autogen_version"

// Runner applies the revisions of one registry.
type Runner struct {
	reg      *revision.Registry
	graph    *revision.Graph
	table    op.Name
	reporter Reporter
	// lockWait, when positive, is how long withLock waits for the
	// migration lock before failing with a LockTimeoutError.
	lockWait time.Duration
	// schema, when set, is the tenant schema the runner works in (see
	// ForSchema).
	schema string
	// allowLoss turns the data guard off (WithAllowDestructive).
	allowLoss bool
	// columnOrder says whether the stairway test fails on column
	// positions.
	columnOrder ColumnOrder
}

// Option configures a Runner.
type Option func(*Runner) error

// WithVersionTable names the version table, as "table" or "schema.table".
// The default is public.autogen_version.
func WithVersionTable(name string) Option {
	return func(r *Runner) error {
		schema, table, ok := strings.Cut(name, ".")
		if !ok {
			schema, table = "public", name
		}
		if table == "" || schema == "" || strings.Contains(table, ".") {
			return fmt.Errorf("migrate: invalid version table name %q", name)
		}
		r.table = op.Name{Schema: schema, Name: table}
		return nil
	}
}

// WithColumnOrder says whether Stairway fails when a step leaves the
// columns of a table in another order (ColumnOrderExact, the default) or
// only notes it (ColumnOrderIgnore).
func WithColumnOrder(o ColumnOrder) Option {
	return func(r *Runner) error {
		r.columnOrder = o
		return nil
	}
}

// WithReporter sets who hears about revisions and statements as they run.
func WithReporter(rep Reporter) Option {
	return func(r *Runner) error {
		r.reporter = rep
		return nil
	}
}

// New validates the registry's revision graph and returns a runner for it.
func New(reg *revision.Registry, opts ...Option) (*Runner, error) {
	g, err := reg.Graph()
	if err != nil {
		return nil, err
	}
	r := &Runner{reg: reg, graph: g, table: op.Name{Schema: "public", Name: DefaultVersionTable}, reporter: nopReporter{}}
	for _, o := range opts {
		if err := o(r); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Graph returns the revision graph.
func (r *Runner) Graph() *revision.Graph { return r.graph }

// Registry returns the registry the runner was built from.
func (r *Runner) Registry() *revision.Registry { return r.reg }

// VersionTable returns the version table's name.
func (r *Runner) VersionTable() op.Name { return r.table }

// Direction says whether a step upgrades or downgrades.
type Direction int

// The two directions.
const (
	Up Direction = iota
	Down
)

// String returns "upgrade" or "downgrade".
func (d Direction) String() string {
	if d == Down {
		return "downgrade"
	}
	return "upgrade"
}

// Step is one revision applied or undone.
type Step struct {
	Direction Direction
	Revision  *revision.Revision
	// Down lists the revision's parents and the dependencies they do not
	// already bring in (Graph.DownRevisions); Arrow shows them.
	Down []string
	// Index counts from 1 to Total within one command.
	Index int
	Total int
}

// Arrow renders the step as Alembic does: "a1b2 -> c3d4, message" for an
// upgrade, "c3d4 -> a1b2, message" for a downgrade. A dependency counts as
// a down revision there, as in Alembic's "29f8, 55af -> 2a95".
func (s Step) Arrow() string {
	down := s.Down
	if down == nil {
		down = s.Revision.Revises
	}
	parents := strings.Join(down, ", ")
	if s.Direction == Down {
		return fmt.Sprintf("%s -> %s, %s", s.Revision.ID, parents, s.Revision.Message)
	}
	return fmt.Sprintf("%s -> %s, %s", parents, s.Revision.ID, s.Revision.Message)
}

// label names the step in short, as "upgrade a1b2".
func (s Step) label() string { return s.Direction.String() + " " + s.Revision.ID }

// Reporter hears about progress. All methods are called from the goroutine
// running the migration.
type Reporter interface {
	revision.Observer
	StepStarted(s Step)
	StepDone(s Step, took time.Duration, err error)
}

type nopReporter struct{}

func (nopReporter) StatementStarted(string)                    {}
func (nopReporter) StatementDone(string, time.Duration, error) {}
func (nopReporter) StepStarted(Step)                           {}
func (nopReporter) StepDone(Step, time.Duration, error)        {}
