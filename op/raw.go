package op

import (
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Execute runs SQL that no other operation expresses: data fixes, grants,
// anything. Undo is its inverse, when there is one.
type Execute struct {
	SQL  string
	Undo string
	// NoTransaction marks SQL that cannot run in a transaction block
	// (VACUUM, ALTER SYSTEM). It runs as a segment of its own, which must
	// be safe to run again: a runner cut off right after it cannot have
	// recorded that it ran.
	NoTransaction bool
}

// Statements returns the SQL as one statement.
func (o Execute) Statements() ([]string, error) {
	if strings.TrimSpace(o.SQL) == "" {
		return nil, invalid("Execute", "SQL is empty")
	}
	return one(o.SQL)
}

// Reverse returns the Undo SQL as an operation.
func (o Execute) Reverse() (Operation, error) {
	if strings.TrimSpace(o.Undo) == "" {
		return nil, invalid("Execute", "no Undo SQL")
	}
	return Execute{SQL: o.Undo, Undo: o.SQL, NoTransaction: o.NoTransaction}, nil
}

// NonTransactional reports whether the SQL must run outside a transaction.
func (o Execute) NonTransactional() bool { return o.NoTransaction }

// Hazards: raw SQL is not analysed.
func (o Execute) Hazards() []Hazard {
	first, _, _ := strings.Cut(strings.TrimSpace(o.SQL), "\n")
	return []Hazard{{Untracked, "raw SQL is not analysed: " + first}}
}

// BulkInsert inserts rows, as Alembic's op.bulk_insert does. Each row gives
// one value per column, in Columns order. Values may be nil, strings,
// booleans, integers, floats, time.Time, []byte, or [Raw] for an SQL
// expression.
type BulkInsert struct {
	Schema  string
	Table   string
	Columns []string
	Rows    [][]any
}

// Raw is an SQL expression used as a value in [BulkInsert], such as
// Raw("now()").
type Raw string

// Statements renders one INSERT with all rows; it renders nothing when there
// are no rows.
func (o BulkInsert) Statements() ([]string, error) {
	if o.Table == "" || len(o.Columns) == 0 {
		return nil, invalid("BulkInsert", "Table and Columns are required")
	}
	if len(o.Rows) == 0 {
		return nil, nil
	}
	var b strings.Builder
	b.WriteString("INSERT INTO " + QualifiedName(o.Schema, o.Table) + " (" + identList(o.Columns) + ") VALUES")
	for i, row := range o.Rows {
		if len(row) != len(o.Columns) {
			return nil, invalid("BulkInsert", "row %d has %d values for %d columns", i+1, len(row), len(o.Columns))
		}
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n    (")
		for j, v := range row {
			if j > 0 {
				b.WriteString(", ")
			}
			lit, err := Literal(v)
			if err != nil {
				return nil, fmt.Errorf("BulkInsert %s row %d column %s: %w", o.Table, i+1, o.Columns[j], err)
			}
			b.WriteString(lit)
		}
		b.WriteString(")")
	}
	return one(b.String())
}

// Literal renders a Go value as an SQL literal.
func Literal(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "NULL", nil
	case Raw:
		return string(v), nil
	case string:
		return QuoteLiteral(v), nil
	case bool:
		return strconv.FormatBool(v), nil
	case int:
		return strconv.FormatInt(int64(v), 10), nil
	case int8:
		return strconv.FormatInt(int64(v), 10), nil
	case int16:
		return strconv.FormatInt(int64(v), 10), nil
	case int32:
		return strconv.FormatInt(int64(v), 10), nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case uint:
		return strconv.FormatUint(uint64(v), 10), nil
	case uint8:
		return strconv.FormatUint(uint64(v), 10), nil
	case uint16:
		return strconv.FormatUint(uint64(v), 10), nil
	case uint32:
		return strconv.FormatUint(uint64(v), 10), nil
	case uint64:
		return strconv.FormatUint(v, 10), nil
	case float32:
		return floatLiteral(float64(v)), nil
	case float64:
		return floatLiteral(v), nil
	case time.Time:
		return QuoteLiteral(v.Format("2006-01-02 15:04:05.999999999Z07:00")), nil
	case []byte:
		// The escape-string form keeps the hex format's backslash a
		// backslash whatever standard_conforming_strings is set to; a
		// plain '\x..' literal would be read as an escape sequence when it
		// is off.
		return `E'\\x` + hex.EncodeToString(v) + `'::bytea`, nil
	case fmt.Stringer:
		return QuoteLiteral(v.String()), nil
	}
	return "", fmt.Errorf("%w: no SQL literal for %T", ErrInvalid, v)
}

func floatLiteral(f float64) string {
	switch {
	case math.IsNaN(f):
		return "'NaN'::double precision"
	case math.IsInf(f, 1):
		return "'Infinity'::double precision"
	case math.IsInf(f, -1):
		return "'-Infinity'::double precision"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// SetLocal changes a setting for the rest of the revision's transaction
// (SET LOCAL), such as check_function_bodies = off while creating
// functions that read tables created later in the same revision.
type SetLocal struct {
	Name  string
	Value string
}

// Statements renders SET LOCAL.
func (o SetLocal) Statements() ([]string, error) {
	if o.Name == "" || o.Value == "" {
		return nil, invalid("SetLocal", "Name and Value are required")
	}
	return one("SET LOCAL " + o.Name + " = " + o.Value)
}

// Commit ends the revision's current transaction and starts the next one
// here. A revision runs as segments: each run of operations between
// Commits (and around operations PostgreSQL refuses inside a transaction
// block, such as CREATE INDEX CONCURRENTLY) is one transaction, committed
// together with a note in the version table of how far the revision got,
// so that a failure or an interruption leaves the database at the end of
// a segment, from which `upgrade` resumes and `downgrade` goes back.
//
// autogen writes one after an enum value that later operations use (a
// value added to an enum cannot be used in the transaction that adds it)
// and, for online changes, between adding a constraint NOT VALID and
// validating it, so that the validation's scan does not hold the ACCESS
// EXCLUSIVE lock the addition took. Settings of SetLocal carry over into
// the following transactions. In a revision with NoTransaction set, which
// commits every statement, Commit does nothing.
type Commit struct {
	// Reason says why the transaction ends here, for people reading the
	// revision and its history.
	Reason string
}

// Statements renders nothing: the runtime commits.
func (o Commit) Statements() ([]string, error) { return nil, nil }
