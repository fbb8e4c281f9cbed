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

// RevisionError reports a revision that failed; the database is left at the
// revision before it (unless the revision is non-transactional).
type RevisionError struct {
	Step Step
	Err  error
}

// Error names the step that failed and why.
func (e *RevisionError) Error() string {
	return fmt.Sprintf("%s %s failed: %v", e.Step.Direction, e.Step.Arrow(), e.Err)
}

// Unwrap returns the cause, often a *revision.StatementError.
func (e *RevisionError) Unwrap() error { return e.Err }
