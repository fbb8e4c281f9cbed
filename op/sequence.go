package op

import (
	"strconv"
	"strings"
)

// SequenceOptions are the options of a sequence or identity column. Zero
// values leave an option at PostgreSQL's default; the pointer fields are
// pointers because zero is a meaningful value for them.
type SequenceOptions struct {
	// Type is "smallint", "integer" or "bigint" (AS type).
	Type      string
	Start     *int64
	Increment int64
	MinValue  *int64
	MaxValue  *int64
	Cache     int64
	Cycle     bool
}

// Int64 returns a pointer to v, for the optional sequence options.
func Int64(v int64) *int64 { return &v }

// clauses renders the options as CREATE SEQUENCE clauses. For ALTER, NO
// CYCLE must be explicit, so alter is passed to spell out every option given.
func (o SequenceOptions) clauses(alter bool) []string {
	var c []string
	if o.Type != "" {
		c = append(c, "AS "+o.Type)
	}
	if o.Increment != 0 {
		c = append(c, "INCREMENT BY "+strconv.FormatInt(o.Increment, 10))
	} else if alter {
		c = append(c, "INCREMENT BY 1")
	}
	if o.MinValue != nil {
		c = append(c, "MINVALUE "+strconv.FormatInt(*o.MinValue, 10))
	} else if alter {
		c = append(c, "NO MINVALUE")
	}
	if o.MaxValue != nil {
		c = append(c, "MAXVALUE "+strconv.FormatInt(*o.MaxValue, 10))
	} else if alter {
		c = append(c, "NO MAXVALUE")
	}
	if o.Start != nil {
		c = append(c, "START WITH "+strconv.FormatInt(*o.Start, 10))
	}
	if o.Cache != 0 {
		c = append(c, "CACHE "+strconv.FormatInt(o.Cache, 10))
	} else if alter {
		c = append(c, "CACHE 1")
	}
	if o.Cycle {
		c = append(c, "CYCLE")
	} else if alter {
		c = append(c, "NO CYCLE")
	}
	return c
}

// CreateSequence creates a sequence.
type CreateSequence struct {
	Schema string
	Name   string
	// Unlogged creates an unlogged sequence (PostgreSQL 15).
	Unlogged bool
	SequenceOptions
	// OwnedBy ties the sequence to a column, as "table.column" parts.
	OwnedBy     *ColumnRef
	IfNotExists bool
	Comment     string
}

// ColumnRef names a column of a table.
type ColumnRef struct {
	Schema string
	Table  string
	Column string
}

func (c ColumnRef) sql() string {
	return QualifiedName(c.Schema, c.Table) + "." + QuoteIdent(c.Column)
}

// Statements renders CREATE SEQUENCE, and ALTER SEQUENCE ... OWNED BY when
// the sequence belongs to a column (the table may be created after it).
func (o CreateSequence) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("CreateSequence", "Name is empty")
	}
	name := QualifiedName(o.Schema, o.Name)
	s := "CREATE SEQUENCE "
	if o.Unlogged {
		s = "CREATE UNLOGGED SEQUENCE "
	}
	if o.IfNotExists {
		s += "IF NOT EXISTS "
	}
	s += name
	if c := o.clauses(false); len(c) > 0 {
		s += " " + strings.Join(c, " ")
	}
	out := []string{s}
	if o.OwnedBy != nil {
		out = append(out, "ALTER SEQUENCE "+name+" OWNED BY "+o.OwnedBy.sql())
	}
	if o.Comment != "" {
		out = append(out, commentSQL("SEQUENCE", name, o.Comment))
	}
	return out, nil
}

// Reverse drops the sequence.
func (o CreateSequence) Reverse() (Operation, error) {
	return DropSequence{Schema: o.Schema, Name: o.Name}, nil
}

// SetSequenceLogged switches a sequence between logged and unlogged
// (PostgreSQL 15). ALTER TABLE ... SET LOGGED or UNLOGGED switches the
// sequences a table owns with it; this is for a sequence on its own.
type SetSequenceLogged struct {
	Schema   string
	Name     string
	Unlogged bool
}

// Statements renders ALTER SEQUENCE ... SET LOGGED/UNLOGGED.
func (o SetSequenceLogged) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("SetSequenceLogged", "Name is empty")
	}
	return one("ALTER SEQUENCE " + QualifiedName(o.Schema, o.Name) + " SET " + persistence(o.Unlogged))
}

// Reverse switches back.
func (o SetSequenceLogged) Reverse() (Operation, error) {
	return SetSequenceLogged{Schema: o.Schema, Name: o.Name, Unlogged: !o.Unlogged}, nil
}

// DropSequence drops a sequence.
type DropSequence struct {
	Schema   string
	Name     string
	IfExists bool
}

// Statements renders DROP SEQUENCE.
func (o DropSequence) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("DropSequence", "Name is empty")
	}
	return one("DROP SEQUENCE " + ifExists(o.IfExists) + QualifiedName(o.Schema, o.Name))
}

// AlterSequence sets every option of a sequence to the given values; unset
// options go back to their defaults.
type AlterSequence struct {
	Schema string
	Name   string
	SequenceOptions
	// Restart restarts the sequence at Start.
	Restart bool
}

// Statements renders ALTER SEQUENCE.
func (o AlterSequence) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("AlterSequence", "Name is empty")
	}
	c := o.clauses(true)
	if o.Restart {
		c = append(c, "RESTART")
	}
	var out []string
	if s := o.intoRange(); s != "" {
		out = append(out, s)
	}
	return append(out, "ALTER SEQUENCE "+QualifiedName(o.Schema, o.Name)+" "+strings.Join(c, " ")), nil
}

// intoRange returns the statement that moves the sequence's value into
// the range the ALTER gives it, or "": PostgreSQL refuses a MINVALUE above
// the current value of an ascending sequence (and a MAXVALUE below that
// of a descending one) although the values handed out are then all below
// (above) the new range and none would be handed out again. So the value
// first moves to the new bound, as never called, when it lies outside;
// the reverse case, values the sequence would hand out again, stays an
// error. setval is not undone by a rollback: a failed revision leaves the
// value moved, which skips values and reuses none.
func (o AlterSequence) intoRange() string {
	bound, cmp, ok := o.SequenceOptions.bound()
	if !ok {
		return ""
	}
	seq := QualifiedName(o.Schema, o.Name)
	b := strconv.FormatInt(bound, 10)
	return "SELECT pg_catalog.setval(" + QuoteLiteral(seq) + "::regclass, " + b + ", false) FROM " + seq + " WHERE last_value " + cmp + " " + b
}

// bound returns the bound of the range that a sequence's value must be
// inside for ALTER to accept the options (the minimum of an ascending
// sequence, the maximum of a descending one) and the comparison that finds
// a value outside it, when the options set that bound.
func (o SequenceOptions) bound() (bound int64, cmp string, ok bool) {
	switch {
	case o.Increment >= 0 && o.MinValue != nil:
		return *o.MinValue, "<", true
	case o.Increment < 0 && o.MaxValue != nil:
		return *o.MaxValue, ">", true
	}
	return 0, "", false
}

// identityIntoRange is intoRange for the sequence of an identity column,
// which has no name of its own in the model: a DO block finds it.
func identityIntoRange(table, column string, o SequenceOptions) string {
	bound, cmp, ok := o.bound()
	if !ok {
		return ""
	}
	b := strconv.FormatInt(bound, 10)
	return "DO $autogen$\nDECLARE\n    s regclass := pg_catalog.pg_get_serial_sequence(" + QuoteLiteral(table) + ", " + QuoteLiteral(column) + ")::regclass;\n" +
		"    v bigint;\nBEGIN\n    EXECUTE pg_catalog.format('SELECT last_value FROM %s', s) INTO v;\n" +
		"    IF v " + cmp + " " + b + " THEN\n        PERFORM pg_catalog.setval(s, " + b + ", false);\n    END IF;\nEND\n$autogen$"
}

// SetSequenceOwner ties a sequence to a column (OWNED BY), so that it is
// dropped with it, or unties it when OwnedBy is nil.
type SetSequenceOwner struct {
	Schema  string
	Name    string
	OwnedBy *ColumnRef
}

// Statements renders ALTER SEQUENCE ... OWNED BY.
func (o SetSequenceOwner) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("SetSequenceOwner", "Name is empty")
	}
	owner := "NONE"
	if o.OwnedBy != nil {
		owner = o.OwnedBy.sql()
	}
	return one("ALTER SEQUENCE " + QualifiedName(o.Schema, o.Name) + " OWNED BY " + owner)
}

// RenameSequence renames a sequence. Its current value stays, and so do the
// column defaults that call nextval on it, since PostgreSQL stores them by
// the sequence's OID.
type RenameSequence struct {
	Schema  string
	Name    string
	NewName string
}

// Statements renders ALTER SEQUENCE ... RENAME TO.
func (o RenameSequence) Statements() ([]string, error) {
	if o.Name == "" || o.NewName == "" {
		return nil, invalid("RenameSequence", "Name and NewName are required")
	}
	return one("ALTER SEQUENCE " + QualifiedName(o.Schema, o.Name) + " RENAME TO " + QuoteIdent(o.NewName))
}

// Reverse renames the sequence back.
func (o RenameSequence) Reverse() (Operation, error) {
	return RenameSequence{Schema: o.Schema, Name: o.NewName, NewName: o.Name}, nil
}
