package plan

import (
	"fmt"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// operations returns the operations that perform one change.
func operations(c diff.Change, o Options) ([]op.Operation, error) {
	switch c := c.(type) {
	case diff.CreateSchema:
		return ops(op.CreateSchema{Name: c.Schema.Name}), nil
	case diff.DropSchema:
		return ops(op.DropSchema{Name: c.Schema.Name}), nil
	case diff.CreateExtension:
		e := c.Extension
		return ops(op.CreateExtension{Name: e.Name, Schema: e.Schema, Version: e.Version}), nil
	case diff.DropExtension:
		return ops(op.DropExtension{Name: c.Extension.Name}), nil
	case diff.UpdateExtension:
		return ops(op.UpdateExtension{Name: c.To.Name, Version: c.To.Version, Reinstall: o.Downgrade, Schema: c.To.Schema}), nil
	case diff.CreateCollation:
		k := c.Collation
		return ops(op.CreateCollation{Schema: k.Name.Schema, Name: k.Name.Name, Provider: k.Provider, Locale: k.Locale,
			LcCollate: k.LcCollate, LcCtype: k.LcCtype, Nondeterministic: !k.Deterministic}), nil
	case diff.DropCollation:
		return ops(op.DropCollation{Schema: c.Collation.Name.Schema, Name: c.Collation.Name.Name}), nil
	case diff.CreateEnum:
		return ops(op.CreateEnum{Schema: c.Enum.Name.Schema, Name: c.Enum.Name.Name, Values: c.Enum.Values}), nil
	case diff.DropEnum:
		return ops(op.DropType{Schema: c.Enum.Name.Schema, Name: c.Enum.Name.Name}), nil
	case diff.AddEnumValue:
		return ops(op.AddEnumValue{Schema: c.Enum.Schema, Type: c.Enum.Name, Value: c.Value, Before: c.Before, After: c.After}), nil
	case diff.SwapTypes:
		return swapTypes(c), nil
	case diff.CreateDomain:
		return ops(createDomain(c.Domain)), nil
	case diff.DropDomain:
		return ops(op.DropDomain{Schema: c.Domain.Name.Schema, Name: c.Domain.Name.Name}), nil
	case diff.AlterDomain:
		return alterDomain(c.From, c.To), nil
	case diff.CreateComposite:
		return ops(createComposite(c.Composite)), nil
	case diff.DropComposite:
		return ops(op.DropType{Schema: c.Composite.Name.Schema, Name: c.Composite.Name.Name}), nil
	case diff.CreateSequence:
		return ops(createSequence(c.Sequence)), nil
	case diff.DropSequence:
		return ops(op.DropSequence{Schema: c.Sequence.Name.Schema, Name: c.Sequence.Name.Name}), nil
	case diff.AlterSequence:
		opts := sequenceOptions(c.To.SequenceOptions, "", true)
		// ALTER keeps the current type unless told, so spell it out.
		opts.Type = c.To.Type
		return ops(op.AlterSequence{Schema: c.To.Name.Schema, Name: c.To.Name.Name, SequenceOptions: opts}), nil
	case diff.SetSequenceLogged:
		return ops(op.SetSequenceLogged{Schema: c.To.Name.Schema, Name: c.To.Name.Name, Unlogged: c.To.Unlogged}), nil
	case diff.SetSequenceOwner:
		return ops(op.SetSequenceOwner{Schema: c.Sequence.Name.Schema, Name: c.Sequence.Name.Name, OwnedBy: columnRef(c.To)}), nil
	case diff.CreateFunction:
		return ops(createFunction(c.Function, c.Replace)), nil
	case diff.DropFunction:
		f := c.Function
		return ops(op.DropFunction{Schema: f.Name.Schema, Name: f.Name.Name, Args: f.IdentityArgs(), Procedure: f.Procedure}), nil
	case diff.CreateTable:
		if c.RowsFrom != nil {
			return ops(createTable(c.Table), op.RestoreRows{Schema: c.Table.Name.Schema, Table: c.Table.Name.Name,
				Columns: c.Copy, Select: restoreSelect(c.Copy, c.Retype), Sequences: sequenceColumns(c.RowsFrom)}), nil
		}
		return ops(createTable(c.Table)), nil
	case diff.DropTable:
		if c.KeepRows {
			t := c.Table
			return ops(op.StashRows{Schema: t.Name.Schema, Table: t.Name.Name, Sequences: sequenceColumns(t), ForKey: c.ForKey,
				Columns: c.Columns, Casts: textCasts(c.Text)},
				op.DropTable{Schema: t.Name.Schema, Name: t.Name.Name, RowsStashed: true}), nil
		}
		return ops(op.DropTable{Schema: c.Table.Name.Schema, Name: c.Table.Name.Name, RowsStashed: c.Routed}), nil
	case diff.SetAsideRows:
		t := c.Table
		s := op.StashRows{Schema: t.Name.Schema, Table: t.Name.Name, Reshape: true, Lost: c.Lost, Columns: c.Columns, Casts: textCasts(c.Text)}
		if t.Name == c.Root {
			s.Sequences = sequenceColumns(t)
		}
		return ops(s), nil
	case diff.RouteRows:
		t := c.Table
		var out []op.Operation
		for _, src := range c.From {
			r := op.RestoreRows{Schema: t.Name.Schema, Table: t.Name.Name, Columns: src.Copy, Select: restoreSelect(src.Copy, src.Retype),
				FromSchema: src.Table.Name.Schema, FromTable: src.Table.Name.Name}
			if src.Table.Name == t.Name {
				r.Sequences = sequenceColumns(src.Table)
			}
			out = append(out, r)
		}
		return out, nil
	case diff.SetTableLogged:
		return ops(op.SetLogged{Schema: c.To.Name.Schema, Table: c.To.Name.Name, Unlogged: c.To.Unlogged}), nil
	case diff.SetTableOptions:
		return ops(tableOptions(c.From, c.To)), nil
	case diff.SetIndexStatistics:
		var out []op.Operation
		for i, k := range c.To.Keys {
			from, to := statistics(c.From.Keys[i].Statistics), statistics(k.Statistics)
			if from == nil && to == nil || from != nil && to != nil && *from == *to {
				continue
			}
			target := int64(-1) // the default
			if to != nil {
				target = *to
			}
			out = append(out, op.SetIndexStatistics{Schema: c.To.Schema, Index: c.To.Name, Column: i + 1, Target: target})
		}
		return out, nil
	case diff.SetClusterOn:
		return ops(op.SetClusterOn{Schema: c.To.Name.Schema, Table: c.To.Name.Name, Index: c.To.ClusterOn}), nil
	case diff.SetReplicaIdentity:
		t := c.To
		return ops(op.SetReplicaIdentity{Schema: t.Name.Schema, Table: t.Name.Name, Identity: t.ReplicaIdentity, Index: t.ReplicaIdentityIndex}), nil
	case diff.SetRowSecurity:
		f, t := c.From, c.To
		return ops(op.SetRowSecurity{Schema: t.Name.Schema, Table: t.Name.Name,
			Enable: t.RLSEnabled && !f.RLSEnabled, Disable: !t.RLSEnabled && f.RLSEnabled,
			Force: t.RLSForced && !f.RLSForced, NoForce: !t.RLSForced && f.RLSForced}), nil
	case diff.AttachPartition:
		p := c.Table.PartitionOf
		return ops(op.AttachPartition{Schema: p.Schema, Table: p.Name, Partition: opName(c.Table.Name), Bound: c.Table.PartitionBound}), nil
	case diff.DetachPartition:
		p := c.Table.PartitionOf
		return ops(op.DetachPartition{Schema: p.Schema, Table: p.Name, Partition: opName(c.Table.Name)}), nil
	case diff.SetInherit:
		return ops(op.SetInherit{Schema: c.Table.Schema, Table: c.Table.Name, Parent: opName(c.Parent), NoInherit: c.Remove}), nil
	case diff.AddColumn:
		return ops(op.AddColumn{Schema: c.Table.Schema, Table: c.Table.Name, Column: column(c.Column)}), nil
	case diff.DropColumn:
		d := op.DropColumn{Schema: c.Table.Schema, Table: c.Table.Name, Column: c.Column.Name, Generated: c.Column.Generated != nil}
		for _, n := range c.Keep {
			d.Keep = append(d.Keep, opName(n))
		}
		return ops(d), nil
	case diff.AlterColumn:
		return alterColumn(c, o), nil
	case diff.RenameTable:
		return ops(op.RenameTable{Schema: c.From.Schema, Name: c.From.Name, NewName: c.To.Name}), nil
	case diff.RenameColumn:
		return ops(op.RenameColumn{Schema: c.Table.Schema, Table: c.Table.Name, Column: c.From, NewName: c.To}), nil
	case diff.RenameEnum:
		return ops(op.RenameType{Schema: c.From.Schema, Name: c.From.Name, NewName: c.To.Name}), nil
	case diff.RenameEnumValue:
		return ops(op.RenameEnumValue{Schema: c.Enum.Schema, Type: c.Enum.Name, From: c.From, To: c.To}), nil
	case diff.RenameSequence:
		return ops(op.RenameSequence{Schema: c.From.Schema, Name: c.From.Name, NewName: c.To.Name}), nil
	case diff.AddConstraint:
		return addConstraint(c, o), nil
	case diff.DropConstraint:
		return ops(op.DropConstraint{Schema: c.Table.Schema, Table: c.Table.Name, Name: c.Constraint.Name}), nil
	case diff.ValidateConstraint:
		return ops(op.ValidateConstraint{Schema: c.Table.Schema, Table: c.Table.Name, Name: c.Constraint.Name}), nil
	case diff.RenameConstraint:
		return ops(op.RenameConstraint{Schema: c.Table.Schema, Table: c.Table.Name, Name: c.From, NewName: c.To}), nil
	case diff.CreateIndex:
		ci := createIndex(c.Index)
		ci.Only = c.Only
		ci.Concurrently = o.Online && !c.Fresh && !o.Partitioned[c.Index.Table]
		// A concurrent build runs outside a transaction, so a runner cut
		// off right after it runs it again.
		ci.IfNotExists = ci.Concurrently
		return ops(ci), nil
	case diff.DropIndex:
		concurrently := o.Online && !o.Partitioned[c.Index.Table]
		return ops(op.DropIndex{Schema: c.Index.Schema, Name: c.Index.Name, Concurrently: concurrently, IfExists: concurrently,
			Cascade: len(c.Cascade) > 0}), nil
	case diff.AttachIndex:
		return attachIndex(c), nil
	case diff.NameAttachedIndex:
		return ops(op.NameAttachedIndex{Schema: c.Table.Schema, Table: c.Table.Name, ParentSchema: c.Parent.Schema,
			Parent: c.Parent.Name, Name: c.Name}), nil
	case diff.RenameIndex:
		return ops(op.RenameIndex{Schema: c.Index.Schema, Name: c.From, NewName: c.To}), nil
	case diff.CreateView:
		return append(ops(createView(c.View)), viewDefaults(c.View)...), nil
	case diff.DropView:
		return ops(op.DropView{Schema: c.View.Name.Schema, Name: c.View.Name.Name, Materialized: c.View.Materialized}), nil
	case diff.CreateTrigger:
		t := c.Trigger
		enabled := t.Enabled
		if enabled == "O" {
			enabled = ""
		}
		return ops(op.CreateTrigger{Schema: t.Table.Schema, Table: t.Table.Name, Name: t.Name, Definition: t.Definition.SQL, Enabled: enabled}), nil
	case diff.DropTrigger:
		t := c.Trigger
		return ops(op.DropTrigger{Schema: t.Table.Schema, Table: t.Table.Name, Name: t.Name}), nil
	case diff.SetClonedTriggerEnabled:
		return ops(op.SetTriggerEnabled{Schema: c.Table.Schema, Table: c.Table.Name, Name: c.Trigger, State: c.To}), nil
	case diff.SetTriggerEnabled:
		t := c.To
		return ops(op.SetTriggerEnabled{Schema: t.Table.Schema, Table: t.Table.Name, Name: t.Name, State: t.Enabled}), nil
	case diff.CreatePolicy:
		return ops(createPolicy(c.Table, c.Policy)), nil
	case diff.DropPolicy:
		return ops(op.DropPolicy{Schema: c.Table.Schema, Table: c.Table.Name, Name: c.Policy.Name}), nil
	case diff.AlterPolicy:
		return ops(op.AlterPolicy{Schema: c.Table.Schema, Table: c.Table.Name, Name: c.To.Name,
			Roles: alterRoles(c.To.Roles), Using: exprSQL(c.To.Using), WithCheck: exprSQL(c.To.WithCheck)}), nil
	case diff.SetComment:
		return ops(commentOn(c.Object, c.To)), nil
	case diff.SetOwner:
		return ops(op.SetOwner{Object: objectOf(c.Object), Owner: c.To}), nil
	case diff.SetPrivileges:
		return setPrivileges(c), nil
	case diff.SetDefaultPrivileges:
		return setDefaultPrivileges(c), nil
	case diff.AlterComposite:
		ac := op.AlterComposite{Schema: c.To.Name.Schema, Name: c.To.Name.Name}
		for _, a := range c.Drop {
			ac.Drop = append(ac.Drop, a.Name)
		}
		for _, a := range c.Retype {
			ac.Alter = append(ac.Alter, op.Attribute{Name: a.Name, Type: a.Type, Collation: a.Collation})
		}
		for _, a := range c.Add {
			ac.Add = append(ac.Add, op.Attribute{Name: a.Name, Type: a.Type, Collation: a.Collation})
		}
		return ops(ac), nil
	case diff.CreateDefinition:
		id := c.Def.ID
		if c.Shell {
			return ops(op.CreateShellType{Schema: id.Name.Schema, Name: id.Name.Name}), nil
		}
		co := op.CreateObject{ObjectName: objectName(id), Definition: c.Def.Create.SQL}
		var options []string
		for _, s := range c.Def.Settings {
			if s.Option != "" {
				options = append(options, s.Option)
				continue
			}
			co.Then = append(co.Then, s.Value.SQL)
		}
		if len(options) > 0 {
			co.Definition += " OPTIONS (" + strings.Join(options, ", ") + ")"
		}
		return ops(co), nil
	case diff.DropDefinition:
		return ops(op.DropObject{ObjectName: objectName(c.Def.ID), Cascade: len(c.Cascade) > 0}), nil
	case diff.AlterDefinition:
		ao := op.AlterObject{ObjectName: objectName(c.To.ID)}
		for _, s := range c.Reset {
			ao.Actions = append(ao.Actions, s.Reset)
		}
		for _, s := range c.Set {
			ao.Actions = append(ao.Actions, s.Value.SQL)
		}
		return ops(ao), nil
	}
	return nil, fmt.Errorf("plan: unsupported change %T", c)
}

// objectName names a definition for the operations of package op.
func objectName(id model.ObjectID) op.ObjectName {
	r := id.SQLRef()
	return op.ObjectName{Kind: r.Kind, Schema: r.Schema, Table: r.Table, Name: r.Name, Args: r.Args}
}

func ops(o ...op.Operation) []op.Operation { return o }

// sequenceColumns lists the columns of a table that may take their values
// from a sequence: identity columns and columns with a default (the
// server tells which of those own a sequence).
func sequenceColumns(t *model.Table) []string {
	var out []string
	for _, c := range t.Columns {
		if c.Identity != nil || c.Default != nil {
			out = append(out, c.Name)
		}
	}
	return out
}

// alterRoles spells PUBLIC out: ALTER POLICY with no TO clause would keep
// the old roles.
func alterRoles(rs []string) []string {
	if len(rs) == 0 {
		return []string{"public"}
	}
	return rs
}

func tableOptions(f, t *model.Table) op.SetTableOptions {
	so := op.SetTableOptions{Schema: t.Name.Schema, Table: t.Name.Name}
	so.Set, so.Reset = optionChanges(f.Options, t.Options)
	return so
}

// optionChanges returns what turns options ("name=value") from into to,
// order included: the options to set, in order, and the names of those to
// reset to their defaults. PostgreSQL keeps the options a SET does not
// name in their places and puts the ones it sets after them, in the order
// given; so the options set are the shortest tail of to that holds every
// new or changed option and leaves the rest of to as from has it.
func optionChanges(from, to []string) (set, reset []string) {
	name := func(opt string) string { n, _, _ := strings.Cut(opt, "="); return n }
	named := func(list []string, n string) bool {
		return slices.ContainsFunc(list, func(x string) bool { return name(x) == n })
	}
	for _, opt := range from {
		if !named(to, name(opt)) {
			reset = append(reset, name(opt))
		}
	}
	for i := len(to); i >= 0; i-- {
		tail := to[i:]
		var stay []string
		for _, opt := range from {
			if named(to, name(opt)) && !named(tail, name(opt)) {
				stay = append(stay, opt)
			}
		}
		if slices.Equal(stay, to[:i]) {
			return tail, reset
		}
	}
	return to, reset // not reached: the whole of to always does
}

func alterDomain(f, t *model.Domain) []op.Operation {
	base := op.AlterDomain{Schema: t.Name.Schema, Name: t.Name.Name}
	var out []op.Operation
	a := base
	if !f.Default.Equal(t.Default) {
		if t.Default == nil {
			a.DropDefault = true
		} else {
			a.SetDefault = t.Default.Text()
		}
	}
	a.SetNotNull = t.NotNull && !f.NotNull
	a.DropNotNull = f.NotNull && !t.NotNull
	if a.DropDefault || a.SetDefault != "" || a.SetNotNull || a.DropNotNull {
		out = append(out, a)
	}
	find := func(list []*model.DomainCheck, name string) *model.DomainCheck {
		for _, c := range list {
			if c.Name == name {
				return c
			}
		}
		return nil
	}
	for _, fc := range f.Checks {
		tc := find(t.Checks, fc.Name)
		if tc == nil || !tc.Expr.Equal(&fc.Expr) || (tc.NotValid && !fc.NotValid) {
			x := base
			x.DropConstraint = fc.Name
			out = append(out, x)
		}
	}
	for _, tc := range t.Checks {
		fc := find(f.Checks, tc.Name)
		switch {
		case fc == nil || !tc.Expr.Equal(&fc.Expr) || (tc.NotValid && !fc.NotValid):
			x := base
			x.AddCheck = &op.DomainCheck{Name: tc.Name, Expr: tc.Expr.Text(), NotValid: tc.NotValid}
			out = append(out, x)
		case fc.NotValid && !tc.NotValid:
			x := base
			x.Validate = tc.Name
			out = append(out, x)
		}
	}
	return out
}

// addConstraint adds a constraint; online, a check or foreign key on a
// table that holds rows is added NOT VALID and validated separately, which
// takes only a SHARE UPDATE EXCLUSIVE lock for the scan, and a unique
// constraint takes over a unique index built CONCURRENTLY.
func addConstraint(c diff.AddConstraint, o Options) []op.Operation {
	con := constraint(c.Constraint)
	add := op.AddConstraint{Schema: c.Table.Schema, Table: c.Table.Name, Constraint: con, Only: c.Only}
	if !o.Online || c.Fresh || c.Only || c.Constraint.NotValid {
		return ops(add)
	}
	switch x := con.(type) {
	case op.Unique:
		if o.Partitioned[c.Table] {
			return ops(add)
		}
		ix := op.CreateIndex{Schema: c.Table.Schema, Table: c.Table.Name, Name: x.Name, Unique: true, Columns: op.Cols(x.Columns...),
			Include: x.Include, NullsNotDistinct: x.NullsNotDistinct, Options: x.Options, Concurrently: true, IfNotExists: true}
		add.Constraint = op.Unique{Name: x.Name, UsingIndex: x.Name, Deferrable: x.Deferrable}
		return ops(ix, add)
	case op.Check:
		x.NotValid = true
		add.Constraint = x
	case op.ForeignKey:
		x.NotValid = true
		add.Constraint = x
	default:
		return ops(add)
	}
	return ops(add, validateCommit, op.ValidateConstraint{Schema: c.Table.Schema, Table: c.Table.Name, Name: c.Constraint.Name})
}

// validateCommit separates a constraint added NOT VALID from its
// validation: in one transaction, the scan would hold the ACCESS EXCLUSIVE
// lock the addition took.
var validateCommit = op.Commit{Reason: "validate without holding the lock that adding the constraint took"}

// recreateEnum swaps an enum for a new one with the target values: rename
// the old type, create the new one, convert every column through text, and
// drop the old type. Column defaults are dropped first and set again.
// swapTypes renames each old type out of the way, creates the new ones
// (bases first), converts every column through the type's text form, and
// drops the old types (what is built on them first).
func swapTypes(c diff.SwapTypes) []op.Operation {
	var out []op.Operation
	for _, u := range c.Uses {
		if u.Column.Default != nil {
			out = append(out, op.AlterColumn{Schema: u.Table.Schema, Table: u.Table.Name, Column: u.Column.Name, DropDefault: true})
		}
	}
	type old struct {
		name   model.Name
		domain bool
	}
	var olds []old
	for _, t := range c.Types {
		n := t.ID.Name
		_, domain := t.From.(*model.Domain)
		tmp := oldTypeName(n.Name)
		out = append(out, op.RenameType{Schema: n.Schema, Name: n.Name, NewName: tmp, Domain: domain})
		olds = append(olds, old{model.Name{Schema: n.Schema, Name: tmp}, domain})
	}
	for _, t := range c.Types {
		switch to := t.To.(type) {
		case *model.Enum:
			out = append(out, op.CreateEnum{Schema: to.Name.Schema, Name: to.Name.Name, Values: to.Values})
		case *model.Domain:
			out = append(out, createDomain(to))
		case *model.Composite:
			out = append(out, createComposite(to))
		}
	}
	for _, u := range c.Uses {
		col := op.QuoteIdent(u.Column.Name)
		a := op.AlterColumn{Schema: u.Table.Schema, Table: u.Table.Name, Column: u.Column.Name,
			Type: u.Column.Type, Using: col + "::text::" + u.Column.Type}
		if from, to := swappedComposite(c, u.Column.Type); to != nil {
			a.Using, a.Attributes = compositeUsing(u.Column.Name, from, to, u.Column.Type, c)
			for _, fa := range from.Attributes {
				if !slices.ContainsFunc(to.Attributes, func(ta *model.Attribute) bool { return ta.Name == fa.Name }) {
					a.DropsAttributes = append(a.DropsAttributes, fa.Name)
				}
			}
		}
		out = append(out, a)
		if u.NewDefault != nil {
			out = append(out, op.AlterColumn{Schema: u.Table.Schema, Table: u.Table.Name, Column: u.Column.Name, SetDefault: u.NewDefault.SQL})
		}
	}
	for i := len(olds) - 1; i >= 0; i-- {
		o := olds[i]
		if o.domain {
			out = append(out, op.DropDomain{Schema: o.name.Schema, Name: o.name.Name})
		} else {
			out = append(out, op.DropType{Schema: o.name.Schema, Name: o.name.Name})
		}
	}
	return out
}

// swappedComposite returns the old and new forms of the composite type a
// column of type typ has, when the swap changes which attributes it has
// or their types: its values cannot go through their text form then,
// which must list every attribute, and would round a number or fail on a
// string an attribute no longer holds without saying so. It returns nils
// otherwise, for an array of it too, which still converts through text.
func swappedComposite(c diff.SwapTypes, typ string) (from, to *model.Composite) {
	for _, t := range c.Types {
		f, ok1 := t.From.(*model.Composite)
		n, ok2 := t.To.(*model.Composite)
		if !ok1 || !ok2 || !isType(typ, n.Name) {
			continue
		}
		if slices.EqualFunc(f.Attributes, n.Attributes, func(a, b *model.Attribute) bool { return a.Name == b.Name && a.Type == b.Type }) {
			return nil, nil
		}
		return f, n
	}
	return nil, nil
}

// isType reports whether typ names the type n itself, not an array of it.
func isType(typ string, n model.Name) bool {
	t, err := pgsql.ParseType(typ)
	return err == nil && !t.Array && t.Schema == n.Schema && t.Name == n.Name
}

// compositeUsing converts a column of a composite type whose attributes
// change, attribute by attribute: one the old type had is taken by name,
// converted as a column of its type would be (op.UsingExpr) when its type
// changes, through its text form when its type is swapped too; a new one
// is NULL. A NULL value stays NULL (and a row whose attributes are all
// NULL stays a row: its text form is not NULL). It returns the attributes
// converted to another type, whose conversions may alter values.
func compositeUsing(column string, from, to *model.Composite, typ string, c diff.SwapTypes) (string, []op.AttributeChange) {
	swapped := func(t string) bool {
		pt, err := pgsql.ParseType(t)
		return err == nil && slices.ContainsFunc(c.Types, func(s diff.TypeSwap) bool {
			return s.ID.Name == model.Name{Schema: pt.Schema, Name: pt.Name}
		})
	}
	col := op.QuoteIdent(column)
	var changes []op.AttributeChange
	items := make([]string, len(to.Attributes))
	for i, a := range to.Attributes {
		old := slices.IndexFunc(from.Attributes, func(o *model.Attribute) bool { return o.Name == a.Name })
		v := op.AttributeValue(column, a.Name)
		switch {
		case old < 0:
			items[i] = "NULL::" + a.Type
		case swapped(a.Type):
			items[i] = v + "::text::" + a.Type
		case from.Attributes[old].Type == a.Type:
			items[i] = v
		default:
			items[i] = op.UsingExpr(v, from.Attributes[old].Type, a.Type)
			changes = append(changes, op.AttributeChange{Name: a.Name, FromType: from.Attributes[old].Type, Type: a.Type})
		}
	}
	return "CASE WHEN " + col + "::text IS NULL THEN NULL ELSE ROW(" + strings.Join(items, ", ") + ")::" + typ + " END", changes
}

// oldTypeName is the name a swapped type's old version takes while the
// new one is built, shortened to fit PostgreSQL's 63 bytes.
func oldTypeName(name string) string {
	const suffix = "__autogen_old"
	if len(name)+len(suffix) > 63 {
		name = name[:63-len(suffix)]
	}
	return name + suffix
}

// attachIndex creates a partition's index as its partitioned index is
// defined, unless the partition has it already, and attaches it. The
// partition's index is built in the transaction, not concurrently: a
// partitioned index cannot be attached to concurrently either.
func attachIndex(c diff.AttachIndex) []op.Operation {
	var out []op.Operation
	switch {
	case c.Index != nil:
		ci := createIndex(c.Index)
		ci.Only = c.Only
		out = append(out, ci)
	case c.Constraint != nil:
		out = append(out, op.AddConstraint{Schema: c.Table.Schema, Table: c.Table.Name, Constraint: constraint(c.Constraint), Only: c.Only})
	}
	return append(out, op.AttachIndex{Schema: c.Parent.Schema, Index: c.Parent.Name, Partition: op.Name{Schema: c.Table.Schema, Name: c.Name}})
}

// restoreSelect returns the expressions a rewritten table's rows are read
// back with: nil when every column keeps its type, else each column as it
// is or converted as a revision's ALTER COLUMN ... TYPE would (with
// op.UsingExpr where it needs USING).
func restoreSelect(copied []string, retype map[string][2]string) []string {
	if len(retype) == 0 {
		return nil
	}
	out := make([]string, len(copied))
	for i, name := range copied {
		out[i] = op.QuoteIdent(name)
		// Without a conversion the insert's assignment cast applies, which
		// refuses a value that does not fit, as ALTER COLUMN ... TYPE does.
		if rt, ok := retype[name]; ok && op.NeedsUsing(rt[0], rt[1]) {
			out[i] = op.UsingExpr(out[i], rt[0], rt[1])
		}
	}
	return out
}

// textCasts reads columns of a swapped type as their text form (see
// diff.SetAsideRows.Text).
func textCasts(cols []*model.Column) []op.ColumnCast {
	var out []op.ColumnCast
	for _, col := range cols {
		out = append(out, op.ColumnCast{Column: col.Name, Type: pgsql.TextForm(col.Type)})
	}
	return out
}
