package op

import (
	"errors"
	"fmt"
)

// Operation is one schema change a revision applies. Statements renders it
// as the SQL statements that perform it, without trailing semicolons, in the
// order they must run. Rendering connects to nothing, so the same operation
// serves online runs, offline --sql output and lint.
//
// Users can define operations of their own by implementing this interface
// (and [Reverser] and [Hazardous] where they can).
type Operation interface {
	Statements() ([]string, error)
}

// Reverser is implemented by operations that know their exact inverse.
type Reverser interface {
	Reverse() (Operation, error)
}

// Hazardous is implemented by operations that can hurt a production
// database: lose data, hold heavy locks, rewrite tables or fail on existing
// rows.
type Hazardous interface {
	Hazards() []Hazard
}

// NonTransactional is implemented by operations that PostgreSQL refuses to
// run inside a transaction block (CREATE INDEX CONCURRENTLY). Such an
// operation runs alone, outside a transaction, between the transactions of
// the operations around it (see [Commit]); since a runner killed right
// after it cannot have recorded that it ran, it must be safe to run again
// (IF NOT EXISTS, a rebuild of an INVALID index).
type NonTransactional interface {
	NonTransactional() bool
}

// ErrInvalid is wrapped by every error that reports an operation built
// without a required field.
var ErrInvalid = errors.New("invalid operation")

func invalid(op, format string, args ...any) error {
	return fmt.Errorf("%w: %s: %s", ErrInvalid, op, fmt.Sprintf(format, args...))
}

// SQL renders a list of operations into statements, in order.
func SQL(ops ...Operation) ([]string, error) {
	var out []string
	for _, o := range ops {
		stmts, err := o.Statements()
		if err != nil {
			return nil, err
		}
		out = append(out, stmts...)
	}
	return out, nil
}

// Name is a schema-qualified name of a table, type or function. An empty
// Schema leaves the name to search_path.
type Name struct {
	Schema string
	Name   string
}

// SQL renders the name, quoted as needed.
func (n Name) SQL() string { return QualifiedName(n.Schema, n.Name) }

func one(s string) ([]string, error) { return []string{s}, nil }
