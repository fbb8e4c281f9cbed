package revision

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors, matched with errors.Is.
var (
	// ErrUnknownRevision: no revision matches the given id or prefix.
	ErrUnknownRevision = errors.New("unknown revision")
	// ErrAmbiguousRevision: a prefix matches several revisions.
	ErrAmbiguousRevision = errors.New("ambiguous revision")
	// ErrMultipleHeads: the graph has several heads where one is needed.
	ErrMultipleHeads = errors.New("multiple heads")
	// ErrInvalidGraph: the revisions do not form a valid graph.
	ErrInvalidGraph = errors.New("invalid revision graph")
	// ErrOffline: a body asked for database access while rendering SQL
	// offline.
	ErrOffline = errors.New("no database connection in offline mode")
)

// GraphError describes one problem in a set of revisions: a duplicate id, a
// missing parent or dependency, a cycle, or an empty id.
type GraphError struct {
	// Revision is the revision at fault.
	Revision string
	// Problem says what is wrong.
	Problem string
}

// Error names the revision at fault and the problem.
func (e *GraphError) Error() string {
	if e.Revision == "" {
		return "revision graph: " + e.Problem
	}
	return fmt.Sprintf("revision %s: %s", e.Revision, e.Problem)
}

// Unwrap makes GraphError match ErrInvalidGraph.
func (e *GraphError) Unwrap() error { return ErrInvalidGraph }

// MultipleHeadsError reports the heads when one was expected.
type MultipleHeadsError struct {
	Heads []string
}

// Error lists the heads and suggests a merge.
func (e *MultipleHeadsError) Error() string {
	return fmt.Sprintf("multiple heads are present (%s); name one of them, use \"heads\", or merge them with `autogen merge -m MESSAGE heads`",
		strings.Join(e.Heads, ", "))
}

// Unwrap makes MultipleHeadsError match ErrMultipleHeads.
func (e *MultipleHeadsError) Unwrap() error { return ErrMultipleHeads }

// ResolveError reports a revision specifier that matches nothing or more than
// one revision.
type ResolveError struct {
	Spec    string
	Matches []string
	Err     error
}

// Error says what the specifier matched.
func (e *ResolveError) Error() string {
	if errors.Is(e.Err, ErrAmbiguousRevision) {
		return fmt.Sprintf("revision %q is ambiguous: it matches %s", e.Spec, strings.Join(e.Matches, ", "))
	}
	return fmt.Sprintf("can't locate revision identified by %q", e.Spec)
}

// Unwrap returns the sentinel.
func (e *ResolveError) Unwrap() error { return e.Err }
