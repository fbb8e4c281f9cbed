package migrate

import (
	"errors"
	"fmt"
	"strings"
)

// ErrUnknownDatabaseRevision is returned when the version table names a
// revision that no revision file declares.
var ErrUnknownDatabaseRevision = errors.New("the database is at a revision that no revision file declares")

// UnknownRevisionsError lists the version-table rows no revision declares.
type UnknownRevisionsError struct {
	IDs []string
}

// Error names the unknown revisions and the way out.
func (e *UnknownRevisionsError) Error() string {
	return fmt.Sprintf("the database is at revision %s, which no revision file declares; restore the missing file, or `autogen stamp --purge REV` to overwrite the version table", strings.Join(e.IDs, ", "))
}

// Unwrap makes the error match ErrUnknownDatabaseRevision.
func (e *UnknownRevisionsError) Unwrap() error { return ErrUnknownDatabaseRevision }

// CommitUnknownError reports a COMMIT whose answer never came: the
// connection was lost while the server committed, or before it could, so
// whether the transaction's changes (a revision and its version-table row)
// are in the database is known only by reading it again.
type CommitUnknownError struct {
	Err error
}

// Error says that the outcome is unknown and why.
func (e *CommitUnknownError) Error() string {
	return fmt.Sprintf("the outcome of COMMIT is unknown (%v): read the database again (`autogen current`) to know whether it committed", e.Err)
}

// Unwrap returns the connection's error.
func (e *CommitUnknownError) Unwrap() error { return e.Err }

// RevisionError reports a revision that failed. The database is left at
// the revision before it, or, for a revision that runs in several
// segments, at the end of the last segment that completed (Partial); a
// revision with NoTransaction may be left part way through.
type RevisionError struct {
	Step Step
	Err  error
	// Partial is where the revision stopped, when some of its segments
	// completed; nil when nothing of it is left.
	Partial *Partial
}

// Error names the step that failed and why, and where the revision
// stopped when some of it is done.
func (e *RevisionError) Error() string {
	msg := fmt.Sprintf("%s %s failed: %v", e.Step.Direction, e.Step.Arrow(), e.Err)
	if p := e.Partial; p != nil {
		forward, back := "upgrade", "downgrade"
		if p.Direction == Down {
			forward, back = back, forward
		}
		msg += fmt.Sprintf("\nThe database is at the end of a segment: %s. `autogen %s` runs the rest; `autogen %s` undoes what is done.", p, forward, back)
	}
	return msg
}

// Unwrap returns the cause, often a *revision.StatementError.
func (e *RevisionError) Unwrap() error { return e.Err }
