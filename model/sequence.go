package model

// Sequence is a standalone sequence, including the sequence behind a serial
// column (which has OwnedBy set). The sequence of an identity column is part
// of the column's [Identity] instead.
type Sequence struct {
	Name Name
	// Unlogged is set on an unlogged sequence (PostgreSQL 15). The
	// sequence of a serial column of an unlogged table is created
	// unlogged, and ALTER TABLE ... SET LOGGED or UNLOGGED switches the
	// sequences a table owns with it.
	Unlogged bool
	SequenceOptions
	OwnedBy *ColumnRef
	Comment string
	Access
}

// SequenceOptions are the options shared by sequences and identity columns.
// Every field holds the effective value, defaults included, so that an omitted
// option and its default compare equal.
type SequenceOptions struct {
	// Type is "smallint", "integer" or "bigint".
	Type      string
	Start     int64
	Increment int64
	MinValue  int64
	MaxValue  int64
	Cache     int64
	Cycle     bool
}

// ColumnRef names one column of one table.
type ColumnRef struct {
	Table  Name
	Column string
}

// DefaultSequenceOptions returns the options PostgreSQL uses when none are
// given for a sequence of the given integer type and increment direction.
func DefaultSequenceOptions(typ string, increment int64) SequenceOptions {
	if increment == 0 {
		increment = 1
	}
	var max int64
	switch typ {
	case "smallint":
		max = 32767
	case "integer":
		max = 2147483647
	default:
		typ = "bigint"
		max = 9223372036854775807
	}
	o := SequenceOptions{Type: typ, Increment: increment, Cache: 1}
	if increment > 0 {
		o.MinValue, o.MaxValue, o.Start = 1, max, 1
	} else {
		o.MinValue, o.MaxValue, o.Start = -max-1, -1, -1
	}
	return o
}
