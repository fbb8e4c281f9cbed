package revision

import (
	"context"
	"time"

	"github.com/autogen-dev/autogen/op"
)

// Func is an upgrade or downgrade body.
type Func func(ctx context.Context, m *Migration) error

// Revision is one migration step: an upgrade, its downgrade and its place in
// the graph.
type Revision struct {
	// ID identifies the revision; generated ids are 12 hex digits.
	ID string
	// Revises lists the parent revisions: none for a base revision, one for
	// an ordinary revision, several for a merge.
	Revises []string
	// DependsOn lists revisions that must be applied first without being
	// parents (a dependency across branches).
	DependsOn []string
	// BranchLabels name the branch this revision starts or belongs to.
	BranchLabels []string
	// Message is the -m text given when the revision was created.
	Message string
	// NoTransaction runs the revision statement by statement outside a
	// transaction block, recorded in the version table only at its end.
	// Such a revision is not atomic: a failure can leave part of it
	// applied, unrecorded. It is rarely needed: a revision without it
	// runs CREATE INDEX CONCURRENTLY (and any operation that cannot run in
	// a transaction) as a segment of its own, recorded when it completes.
	NoTransaction bool
	// LockTimeout and StatementTimeout, when set, bound how long each
	// statement waits for a lock and runs.
	LockTimeout      time.Duration
	StatementTimeout time.Duration
	// LockRetries retries the failed transaction (the whole revision, or
	// its segment) this many times when a statement fails because the lock
	// timeout expired.
	LockRetries int
	// AllowHazards acknowledges the hazards of the revision's operations,
	// so that `autogen lint` accepts them. Acknowledging op.DeletesData
	// also lets the revision run where it would lose data: the data guard
	// does not check it.
	AllowHazards []op.HazardKind
	Upgrade      Func
	Downgrade    Func
}

// IsBase reports whether the revision has no parent.
func (r *Revision) IsBase() bool { return len(r.Revises) == 0 }

// IsMerge reports whether the revision has several parents.
func (r *Revision) IsMerge() bool { return len(r.Revises) > 1 }
