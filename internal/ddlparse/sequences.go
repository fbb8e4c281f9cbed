package ddlparse

import (
	"math"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

func (b *builder) createSequence(s *pg.CreateSeqStmt) error {
	n, err := b.createName(s.Sequence)
	if err != nil {
		return err
	}
	if b.relationExists(n.Schema, n.Name) {
		if s.IfNotExists {
			return nil
		}
		return b.errorAt(s.Sequence.Location, ErrInvalid, "relation %s already exists", n)
	}
	seq := &model.Sequence{Name: n, Unlogged: s.Sequence.Relpersistence == "u"}
	opts, ownedBy, err := b.sequenceOptions(nil, "bigint", s.Options)
	if err != nil {
		return err
	}
	seq.SequenceOptions = opts
	b.initAccess(&seq.Access, model.KindSequence, n.Schema)
	b.sequences[n] = &sequence{m: seq}
	b.takeRelname(n.Schema, n.Name)
	return b.setOwnedBy(seq, ownedBy)
}

func (b *builder) alterSequence(s *pg.AlterSeqStmt) error {
	n, err := b.relation(s.Sequence)
	if err != nil {
		if s.MissingOk {
			return nil
		}
		return err
	}
	seq := b.sequences[n]
	if seq == nil {
		if s.MissingOk {
			return nil
		}
		return b.errorAt(s.Sequence.Location, ErrUndefined, "sequence %s does not exist", n)
	}
	opts, ownedBy, err := b.sequenceOptions(&seq.m.SequenceOptions, seq.m.Type, s.Options)
	if err != nil {
		return err
	}
	seq.m.SequenceOptions = opts
	return b.setOwnedBy(seq.m, ownedBy)
}

// alterSequenceTable applies the forms of ALTER SEQUENCE that parse as
// ALTER TABLE: OWNER TO, and SET LOGGED or UNLOGGED.
func (b *builder) alterSequenceTable(s *pg.AlterTableStmt) error {
	for _, c := range s.Cmds {
		switch cmd := c.GetAlterTableCmd(); cmd.Subtype {
		case pg.AlterTableType_AT_ChangeOwner:
			if err := b.relationOwner(s.Objtype, s.Relation, cmd.Newowner, s.MissingOk); err != nil {
				return err
			}
		case pg.AlterTableType_AT_SetLogged, pg.AlterTableType_AT_SetUnLogged:
			n, err := b.relation(s.Relation)
			if err == nil && b.sequences[n] == nil {
				err = b.errorAt(s.Relation.Location, ErrUndefined, "sequence %s does not exist", n)
			}
			if err != nil {
				if s.MissingOk {
					return nil
				}
				return err
			}
			b.sequences[n].m.Unlogged = cmd.Subtype == pg.AlterTableType_AT_SetUnLogged
		default:
			return b.unsupported("this ALTER SEQUENCE")
		}
	}
	return nil
}

// setOwnedBy applies OWNED BY: nil leaves the owner, an empty list removes
// it ("OWNED BY NONE").
func (b *builder) setOwnedBy(seq *model.Sequence, owner []string) error {
	switch {
	case owner == nil:
		return nil
	case len(owner) == 1 && owner[0] == "none":
		seq.OwnedBy = nil
		return nil
	case len(owner) < 2 || len(owner) > 3:
		return b.errorAt(-1, ErrInvalid, "invalid OWNED BY")
	}
	rv := &pg.RangeVar{Relname: owner[len(owner)-2], Location: -1}
	if len(owner) == 3 {
		rv.Schemaname = owner[0]
	}
	t, err := b.table(rv)
	if err != nil {
		return err
	}
	col := owner[len(owner)-1]
	if t.m.Column(col) == nil {
		return b.errorAt(-1, ErrUndefined, "column %s of table %s does not exist", col, t.m.Name)
	}
	if seq.Owner != t.m.Owner {
		return b.errorAt(-1, ErrInvalid, "sequence must have same owner as table it is linked to (%s is owned by %s, %s by %s)",
			seq.Name, ownerName(seq.Owner), t.m.Name, ownerName(t.m.Owner))
	}
	seq.OwnedBy = &model.ColumnRef{Table: t.m.Name, Column: col}
	return nil
}

// typeBounds returns the range of an integer type.
func typeBounds(typ string) (min, max int64) {
	switch typ {
	case "smallint":
		return math.MinInt16, math.MaxInt16
	case "integer":
		return math.MinInt32, math.MaxInt32
	}
	return math.MinInt64, math.MaxInt64
}

// sequenceOptions computes the effective options of a sequence or identity
// column, as PostgreSQL's init_params: the given options over base (nil for
// a new sequence) with every omitted option at its default. It also
// returns the OWNED BY name list, nil when not given.
func (b *builder) sequenceOptions(base *model.SequenceOptions, typ string, opts []*pg.Node) (model.SequenceOptions, []string, error) {
	var o model.SequenceOptions
	if base != nil {
		o = *base
	} else {
		o.Increment, o.Cache = 1, 1
	}
	o.Type = typ
	var ownedBy []string
	var inc, min, max, start *int64
	noMin, noMax := false, false
	for _, n := range opts {
		d := n.GetDefElem()
		num := func() (*int64, error) {
			v, ok := sqlnorm.ConstInt(d.Arg)
			if !ok {
				return nil, b.errorAt(d.Location, ErrInvalid, "%s requires an integer", strings.ToUpper(d.Defname))
			}
			return &v, nil
		}
		var err error
		switch d.Defname {
		case "as":
			t, terr := b.typeName(d.Arg.GetTypeName(), sqlnorm.ColumnType)
			if terr != nil {
				return o, nil, terr
			}
			if t != "smallint" && t != "integer" && t != "bigint" {
				return o, nil, b.errorAt(d.Location, ErrInvalid, "sequence type must be smallint, integer, or bigint")
			}
			if base != nil && t != o.Type {
				// Bounds that were the old type's defaults follow the type.
				oldMin, oldMax := typeBounds(o.Type)
				if o.MaxValue == oldMax {
					noMax = true
				}
				if o.MinValue == oldMin {
					noMin = true
				}
			}
			o.Type = t
		case "increment":
			inc, err = num()
		case "minvalue":
			if d.Arg == nil {
				noMin = true
			} else {
				min, err = num()
			}
		case "maxvalue":
			if d.Arg == nil {
				noMax = true
			} else {
				max, err = num()
			}
		case "start":
			start, err = num()
		case "cache":
			var c *int64
			if c, err = num(); err == nil {
				o.Cache = *c
			}
		case "cycle":
			o.Cycle = d.Arg == nil || d.Arg.GetBoolean().GetBoolval()
		case "owned_by":
			ownedBy = sqlnorm.Strings(d.Arg.GetList().GetItems())
		case "restart", "sequence_name":
			// RESTART sets the current value, which is data; the name of an
			// identity sequence is handled by the caller.
		default:
			return o, nil, b.errorAt(d.Location, ErrUnsupported, "sequence option %s is not supported", d.Defname)
		}
		if err != nil {
			return o, nil, err
		}
	}
	if base == nil {
		noMin, noMax = true, true
	}
	if inc != nil {
		if *inc == 0 {
			return o, nil, b.errorAt(-1, ErrInvalid, "INCREMENT must not be zero")
		}
		o.Increment = *inc
	}
	tmin, tmax := typeBounds(o.Type)
	switch {
	case max != nil:
		o.MaxValue = *max
	case noMax && o.Increment > 0:
		o.MaxValue = tmax
	case noMax:
		o.MaxValue = -1
	}
	switch {
	case min != nil:
		o.MinValue = *min
	case noMin && o.Increment > 0:
		o.MinValue = 1
	case noMin:
		o.MinValue = tmin
	}
	switch {
	case start != nil:
		o.Start = *start
	case base == nil && o.Increment > 0:
		o.Start = o.MinValue
	case base == nil:
		o.Start = o.MaxValue
	}
	return o, ownedBy, nil
}

// addSequence registers an implicit sequence (serial or identity) named as
// PostgreSQL names it, unless the statement gave a name.
func (b *builder) addSequence(t *table, col, given string, opts model.SequenceOptions, identity bool) *model.Sequence {
	tbl := t.m.Name
	name := given
	if name == "" {
		name = b.chooseRelationName(tbl.Schema, tbl.Name, col, "seq", false)
	}
	// PostgreSQL gives the sequence its table's persistence.
	seq := &model.Sequence{Name: model.Name{Schema: tbl.Schema, Name: name}, Unlogged: t.m.Unlogged, SequenceOptions: opts,
		OwnedBy: &model.ColumnRef{Table: tbl, Column: col}}
	if !identity {
		b.initAccess(&seq.Access, model.KindSequence, seq.Name.Schema)
	}
	b.sequences[seq.Name] = &sequence{m: seq, identity: identity}
	b.takeRelname(tbl.Schema, name)
	return seq
}
