package op

// SyncSequence makes one sequence continue where another left off: it sets
// To to the last value From handed out, and does nothing when From was
// never used. Either side is a sequence named by Schema and Name, or the
// sequence behind a serial or identity column (Table and Column set).
//
// Converting a serial column to an identity column, or back, creates a new
// sequence; without this step it would start again at 1 and the next
// insert would collide with the keys the table holds.
type SyncSequence struct {
	From, To SequenceRef
}

// SequenceRef names a sequence: by name, or as the sequence behind a
// table's serial or identity column.
type SequenceRef struct {
	Schema string
	// Name is the sequence's name; empty when Table and Column name a
	// column instead.
	Name   string
	Table  string
	Column string
}

// regclass renders the sequence as a regclass expression.
func (r SequenceRef) regclass() string {
	if r.Name != "" {
		return QuoteLiteral(QualifiedName(r.Schema, r.Name)) + "::regclass"
	}
	return "pg_get_serial_sequence(" + QuoteLiteral(QualifiedName(r.Schema, r.Table)) + ", " + QuoteLiteral(r.Column) + ")::regclass"
}

func (r SequenceRef) valid() bool { return r.Name != "" || (r.Table != "" && r.Column != "") }

// Statements renders a SELECT setval(...) that copies the last value.
func (o SyncSequence) Statements() ([]string, error) {
	if !o.From.valid() || !o.To.valid() {
		return nil, invalid("SyncSequence", "From and To each need a Name, or a Table and a Column")
	}
	return one("SELECT setval(" + o.To.regclass() + ", s.v) FROM (SELECT pg_sequence_last_value(" + o.From.regclass() + ") AS v) s WHERE s.v IS NOT NULL")
}

// Reverse copies the value back.
func (o SyncSequence) Reverse() (Operation, error) { return SyncSequence{From: o.To, To: o.From}, nil }
