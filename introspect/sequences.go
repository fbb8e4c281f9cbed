package introspect

import (
	"github.com/autogen-dev/autogen/model"
)

type sequenceRow struct {
	Schema      string `db:"schema"`
	Name        string `db:"name"`
	Type        string `db:"type"`
	Start       int64  `db:"start"`
	Increment   int64  `db:"increment"`
	MinValue    int64  `db:"min_value"`
	MaxValue    int64  `db:"max_value"`
	Cache       int64  `db:"cache"`
	Cycle       bool   `db:"cycle"`
	Unlogged    bool   `db:"unlogged"`
	OwnerSchema string `db:"owner_schema"`
	OwnerTable  string `db:"owner_table"`
	OwnerColumn string `db:"owner_column"`
	// Identity marks the sequence of an identity column (OwnerOID's
	// column OwnerAttNum), read with the column rather than as a sequence.
	Identity    bool  `db:"identity"`
	OwnerOID    int64 `db:"owner_oid"`
	OwnerAttNum int64 `db:"owner_attnum"`
	OID         int64 `db:"oid"`
}

// options returns the sequence's options.
func (row *sequenceRow) options() model.SequenceOptions {
	return model.SequenceOptions{Type: row.Type, Start: row.Start, Increment: row.Increment,
		MinValue: row.MinValue, MaxValue: row.MaxValue, Cache: row.Cache, Cycle: row.Cycle}
}

func (r *reader) sequence(row *sequenceRow) error {
	if row.Identity {
		seq := *row
		r.identitySeqs[[2]int64{row.OwnerOID, row.OwnerAttNum}] = &seq
		return nil
	}
	s := &model.Sequence{Name: model.Name{Schema: row.Schema, Name: row.Name}, Unlogged: row.Unlogged, Comment: r.comment("pg_class", row.OID, 0),
		SequenceOptions: row.options()}
	s.Access = r.access("pg_class", row.OID, 0, model.KindSequence, s.Name.String())
	if row.OwnerTable != "" {
		s.OwnedBy = &model.ColumnRef{Table: model.Name{Schema: row.OwnerSchema, Name: row.OwnerTable}, Column: row.OwnerColumn}
	}
	r.cat.Sequences = append(r.cat.Sequences, s)
	return nil
}
