// Package exitcode defines the process exit codes of autogen and of the
// runners it builds, and maps errors to them, so that scripts can tell
// failures apart.
package exitcode

import (
	"errors"
	"net"

	"github.com/jackc/pgx/v5/pgconn"
)

// The exit codes. They are part of autogen's interface; README.md lists them.
const (
	OK = 0
	// Drift: `check` found differences, `lint` found unacknowledged hazards.
	Drift = 1
	// Usage: bad flags or arguments.
	Usage = 2
	// Config: autogen.toml is missing or invalid.
	Config = 3
	// Schema: the schema SQL files cannot be read or represented.
	Schema = 4
	// Graph: an unknown or ambiguous revision, a broken revision graph, or
	// several heads where one is needed.
	Graph = 5
	// Connect: the database is unreachable.
	Connect = 6
	// State: the database is not where the command needs it (not at head,
	// or at a revision no file declares).
	State = 7
	// Migration: a revision failed while running.
	Migration = 8
	// Build: the revisions package does not compile.
	Build = 9
	// Refused: the command refused to write or run something unsafe
	// (changes that would lose data, unconfirmed renames, existing files).
	Refused = 10
	// Internal: anything else.
	Internal = 70
	// Interrupted: SIGINT or SIGTERM stopped the command; the running
	// statement was cancelled and its transaction rolled back (128 + the
	// number of SIGINT, as shells report it, whichever signal it was).
	Interrupted = 130
)

// Error carries an exit code with an error.
type Error struct {
	Code int
	Err  error
}

// Error returns the cause's message.
func (e *Error) Error() string { return e.Err.Error() }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// With attaches an exit code to an error; nil stays nil.
func With(code int, err error) error {
	if err == nil {
		return nil
	}
	return &Error{Code: code, Err: err}
}

// Of returns the exit code for an error: the code attached with With, or a
// code derived from well-known causes, or Internal.
func Of(err error) int {
	if err == nil {
		return OK
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if IsConnectError(err) {
		return Connect
	}
	return Internal
}

// IsConnectError reports whether err means the database could not be
// reached or refused the login.
func IsConnectError(err error) bool {
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne)
}
