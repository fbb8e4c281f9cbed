package ddlparse

import (
	"errors"
	"fmt"
)

// The kinds of [Error], for errors.Is.
var (
	// ErrSyntax marks text that PostgreSQL's parser rejects.
	ErrSyntax = errors.New("syntax error")
	// ErrUnsupported marks a statement or clause autogen cannot represent.
	ErrUnsupported = errors.New("not supported")
	// ErrUndefined marks a reference to an object the files do not define.
	ErrUndefined = errors.New("undefined object")
	// ErrInvalid marks a statement PostgreSQL would reject for another
	// reason, such as a duplicate name.
	ErrInvalid = errors.New("invalid statement")
	// ErrCycle marks objects that depend on each other so that no order of
	// statements creates them; the message names every statement of the
	// cycle with its position.
	ErrCycle = errors.New("dependency cycle")
)

// Error is a problem with one statement of a schema file.
type Error struct {
	File string
	// Line and Column locate the problem (1-based; the column counts
	// characters), at the offending token when known, else at the start of
	// the statement.
	Line, Column int
	// Statement is the first line of the statement.
	Statement string
	// Msg says what is wrong.
	Msg string
	// Kind is ErrSyntax, ErrUnsupported, ErrUndefined, ErrInvalid or
	// ErrCycle.
	Kind error
}

// Error formats the error as file:line:column: message (in "statement").
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s (in %q)", e.File, e.Line, e.Column, e.Msg, e.Statement)
}

// Unwrap returns the error's kind.
func (e *Error) Unwrap() error { return e.Kind }
