package plan

import (
	"reflect"

	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// alterColumn turns a column change into ALTER COLUMN statements. The
// default is dropped before the type changes (it may not fit the new type)
// and set afterwards; a serial sequence is dropped before an identity takes
// its name, and created only after an identity is gone.
func alterColumn(c diff.AlterColumn, o Options) []op.Operation {
	f, t := c.From, c.To
	base := op.AlterColumn{Schema: c.Table.Schema, Table: c.Table.Name, Column: t.Name}
	typeChange := f.Type != t.Type || f.Collation != t.Collation

	first := base
	if f.Default != nil && (t.Default == nil || !f.Default.Equal(t.Default) || typeChange || t.Identity != nil) {
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
	if t.Default != nil && (first.DropDefault || f.Default == nil) {
		second.SetDefault = t.Default.SQL
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
	if f.Storage != t.Storage && t.Storage != "" {
		second.SetStorage = t.Storage
	}

	var out []op.Operation
	if first.DropDefault || first.DropIdentity || first.DropExpression {
		out = append(out, first)
	}
	if s := c.DropSequence; s != nil {
		out = append(out, op.DropSequence{Schema: s.Name.Schema, Name: s.Name.Name})
	}
	if s := c.CreateSequence; s != nil {
		out = append(out, createSequence(s))
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
	if second != base {
		out = append(out, second)
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
