package plan

import (
	"cmp"
	"reflect"

	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// alterColumn turns a column change into ALTER COLUMN statements. Across a
// type change the default is dropped before it (it may not fit the new
// type) and set afterwards; a serial sequence is dropped before an identity takes
// its name, and created only after an identity is gone.
func alterColumn(c diff.AlterColumn, o Options) []op.Operation {
	f, t := c.From, c.To
	base := op.AlterColumn{Schema: c.Table.Schema, Table: c.Table.Name, Column: t.Name, Only: c.Only}
	typeChange := f.Type != t.Type || f.Collation != t.Collation

	// A default that only changes is replaced by SET DEFAULT alone; it is
	// dropped first when there is none to take its place, or when the type
	// or an identity changes under it.
	first := base
	if f.Default != nil && (t.Default == nil || typeChange || t.Identity != nil) {
		first.DropDefault = true
	}
	first.DropIdentity = f.Identity != nil && t.Identity == nil
	first.DropExpression = f.Generated != nil && t.Generated == nil

	second := base
	if typeChange {
		second.Type = t.Type
		second.FromType = f.Type
		second.FromBase = o.FromDomains[f.Type]
		second.ToBase = o.ToDomains[t.Type]
		second.Collation = t.Collation
		if op.NeedsUsing(f.Type, t.Type) {
			second.Using = op.UsingExpr(op.QuoteIdent(t.Name), f.Type, t.Type)
		}
	}
	if t.Default != nil && (first.DropDefault || f.Default == nil || !f.Default.Equal(t.Default)) {
		second.SetDefault = t.Default.Text()
	}
	var notNullViaCheck bool
	if t.NotNull && !f.NotNull {
		if o.Online {
			notNullViaCheck = true
		}
		second.SetNotNull = true
	}
	second.DropNotNull = f.NotNull && !t.NotNull
	switch {
	case f.Identity == nil && t.Identity != nil:
		second.AddIdentity = identity(t.Identity, t.Type)
	case f.Identity != nil && t.Identity != nil && !sameIdentity(f, t):
		id := identity(t.Identity, t.Type)
		id.SequenceOptions = sequenceOptions(t.Identity.SequenceOptions, t.Type, true)
		second.SetIdentity = id
	}
	switch {
	case f.Storage == t.Storage:
	case t.Storage != "":
		second.SetStorage = t.Storage
	default:
		second.SetStorage = c.DefaultStorage
	}
	if f.Compression != t.Compression {
		second.SetCompression = cmp.Or(t.Compression, "default")
	}
	second.SetOptions, second.ResetOptions = optionChanges(f.Options, t.Options)
	if !reflect.DeepEqual(f.Statistics, t.Statistics) {
		// -1 sets the default target back.
		second.SetStatistics = cmp.Or(statistics(t.Statistics), op.Int64(-1))
	}

	var out []op.Operation
	col := op.SequenceRef{Schema: c.Table.Schema, Table: c.Table.Name, Column: t.Name}
	var newSeq *op.SequenceRef
	if s := c.CreateSequence; s != nil {
		// Identity to serial: the serial's sequence is created under a
		// temporary name, continues where the identity left off, and
		// takes its name once the identity (and its sequence) is gone.
		tmp := createSequence(s)
		tmp.Name = tempName(s.Name.Name)
		out = append(out, tmp, op.SyncSequence{From: col, To: op.SequenceRef{Schema: s.Name.Schema, Name: tmp.Name}})
		newSeq = &op.SequenceRef{Schema: s.Name.Schema, Name: tmp.Name}
	}
	if first.DropDefault || first.DropIdentity || first.DropExpression {
		out = append(out, first)
	}
	var oldSeq *op.SequenceRef
	if s := c.DropSequence; s != nil {
		// Serial to identity: the old sequence makes way for the
		// identity's (they share the name), and is dropped once the
		// identity continues where it left off.
		tmp := tempName(s.Name.Name)
		out = append(out, op.RenameSequence{Schema: s.Name.Schema, Name: s.Name.Name, NewName: tmp},
			op.SetSequenceOwner{Schema: s.Name.Schema, Name: tmp})
		oldSeq = &op.SequenceRef{Schema: s.Name.Schema, Name: tmp}
	}
	if newSeq != nil {
		out = append(out, op.RenameSequence{Schema: newSeq.Schema, Name: newSeq.Name, NewName: c.CreateSequence.Name.Name})
	}
	if notNullViaCheck {
		// PostgreSQL 12+ skips the SET NOT NULL scan when a validated check
		// proves the column has no NULLs; the check is validated without
		// blocking writes and dropped afterwards.
		check := t.Name + "_not_null_autogen"
		out = append(out,
			op.AddConstraint{Schema: c.Table.Schema, Table: c.Table.Name, Constraint: op.Check{Name: check, Expr: op.QuoteIdent(t.Name) + " IS NOT NULL", NotValid: true}},
			validateCommit,
			op.ValidateConstraint{Schema: c.Table.Schema, Table: c.Table.Name, Name: check},
		)
	}
	if !reflect.DeepEqual(second, base) {
		out = append(out, second)
	}
	if oldSeq != nil {
		out = append(out, op.SyncSequence{From: *oldSeq, To: col}, op.DropSequence{Schema: oldSeq.Schema, Name: oldSeq.Name})
	}
	if notNullViaCheck {
		out = append(out, op.DropConstraint{Schema: c.Table.Schema, Table: c.Table.Name, Name: t.Name + "_not_null_autogen"})
	}
	return out
}

// sameIdentity reports whether two identity columns have the same kind and
// options.
func sameIdentity(f, t *model.Column) bool {
	return reflect.DeepEqual(f.Identity, t.Identity)
}

// tempName returns the name a sequence takes while another holds its
// own: the name with a suffix, shortened to fit PostgreSQL's 63 bytes.
func tempName(name string) string {
	const suffix = "_autogen_tmp"
	if len(name)+len(suffix) > 63 {
		name = name[:63-len(suffix)]
	}
	return name + suffix
}
