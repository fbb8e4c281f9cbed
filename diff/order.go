package diff

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/autogen-dev/autogen/model"
)

// phase is a step of the fixed sequence changes are applied in. Drops of
// dependent objects come first, then creations from the bottom of the
// dependency stack up, then alterations, then drops of what is no longer
// needed from the top down.
type phase int

const (
	// Renames come first: every later change, drops included, names
	// objects by their new names.
	phRename phase = iota
	phDropViews
	phDropLateFunctions
	phDropTriggers
	phDropPolicies
	phDropForeignKeys
	phDropConstraints
	phDropIndexes
	phDropRecreated // objects dropped to be created again, dependents first
	phCreateSchemas
	phCreateExtensions
	phUpdateExtensions
	phCreateCollations
	phCreateEnums
	phAddEnumValues
	phRecreateEnums
	phCreateDomains
	phCreateComposites
	phCreateSequences
	phAlterSequences
	phCreateFunctions
	phCreateTables
	phAlterTables
	phAlterDomains
	phSetSequenceOwners
	phAddConstraints
	phCreateIndexes
	phAddForeignKeys
	phValidate
	phReplicaIdentity // after the index it may name exists
	phCreateLate      // late functions and views, in dependency order
	phCreateViewIndexes
	phCreateTriggers
	phSetTriggers
	phRowSecurity
	phCreatePolicies
	phComments
	phDropColumns
	phAttachPartitions // after the partition's columns match its parent's
	phDropTables
	phDropSequences
	phDropFunctions
	phDropTypes
	phDropCollations
	phDropExtensions
	phDropSchemas
)

func (c CreateSchema) order() (phase, string)    { return phCreateSchemas, c.Schema.Name }
func (c DropSchema) order() (phase, string)      { return phDropSchemas, c.Schema.Name }
func (c CreateExtension) order() (phase, string) { return phCreateExtensions, c.Extension.Name }
func (c DropExtension) order() (phase, string) {
	if c.Recreate {
		return phDropRecreated, "6" + c.Extension.Name
	}
	return phDropExtensions, c.Extension.Name
}
func (c UpdateExtension) order() (phase, string) { return phUpdateExtensions, c.To.Name }
func (c CreateCollation) order() (phase, string) {
	return phCreateCollations, c.Collation.Name.String()
}
func (c DropCollation) order() (phase, string) {
	if c.Recreate {
		return phDropRecreated, "5" + c.Collation.Name.String()
	}
	return phDropCollations, c.Collation.Name.String()
}
func (c CreateEnum) order() (phase, string)   { return phCreateEnums, c.Enum.Name.String() }
func (c DropEnum) order() (phase, string)     { return phDropTypes, "3" + c.Enum.Name.String() }
func (c AddEnumValue) order() (phase, string) { return phAddEnumValues, c.Enum.String() }
func (c RecreateEnum) order() (phase, string) { return phRecreateEnums, c.To.Name.String() }
func (c CreateDomain) order() (phase, string) { return phCreateDomains, c.Domain.Name.String() }
func (c DropDomain) order() (phase, string) {
	if c.Recreate {
		return phDropRecreated, "4" + c.Domain.Name.String()
	}
	return phDropTypes, "2" + c.Domain.Name.String()
}
func (c AlterDomain) order() (phase, string) { return phAlterDomains, c.To.Name.String() }
func (c CreateComposite) order() (phase, string) {
	return phCreateComposites, c.Composite.Name.String()
}
func (c DropComposite) order() (phase, string) {
	if c.Recreate {
		return phDropRecreated, "3" + c.Composite.Name.String()
	}
	return phDropTypes, "1" + c.Composite.Name.String()
}
func (c CreateSequence) order() (phase, string) { return phCreateSequences, c.Sequence.Name.String() }
func (c DropSequence) order() (phase, string) {
	if c.Recreate {
		return phDropRecreated, "0" + c.Sequence.Name.String()
	}
	return phDropSequences, c.Sequence.Name.String()
}
func (c AlterSequence) order() (phase, string) { return phAlterSequences, c.To.Name.String() }
func (c SetSequenceOwner) order() (phase, string) {
	if c.Early {
		return phDropConstraints, "0" + c.Sequence.Name.String()
	}
	return phSetSequenceOwners, c.Sequence.Name.String()
}
func (c CreateFunction) order() (phase, string) {
	if c.Late {
		return phCreateLate, c.Function.Signature()
	}
	return phCreateFunctions, c.Function.Signature()
}
func (c DropFunction) order() (phase, string) {
	if c.Recreate {
		return phDropRecreated, "2" + c.Function.Signature()
	}
	if c.Late {
		return phDropLateFunctions, c.Function.Signature()
	}
	return phDropFunctions, c.Function.Signature()
}
func (c CreateTable) order() (phase, string) { return phCreateTables, c.Table.Name.String() }
func (c DropTable) order() (phase, string) {
	if c.Recreate {
		return phDropRecreated, "1" + c.Table.Name.String()
	}
	return phDropTables, c.Table.Name.String()
}
func (c SetTableLogged) order() (phase, string)  { return phAlterTables, c.To.Name.String() }
func (c SetTableOptions) order() (phase, string) { return phAlterTables, c.To.Name.String() }
func (c SetRowSecurity) order() (phase, string)  { return phRowSecurity, c.To.Name.String() }
func (c SetReplicaIdentity) order() (phase, string) {
	return phReplicaIdentity, c.To.Name.String()
}
func (c AttachPartition) order() (phase, string) { return phAttachPartitions, c.Table.Name.String() }
func (c DetachPartition) order() (phase, string) { return phDropConstraints, c.Table.Name.String() }
func (c SetInherit) order() (phase, string) {
	if c.Remove {
		return phDropConstraints, c.Table.String()
	}
	return phAlterTables, c.Table.String()
}
func (c AddColumn) order() (phase, string) {
	// In the desired order, which is where PostgreSQL's appending puts
	// them.
	return phAlterTables, fmt.Sprintf("%s.\x00%06d", c.Table, c.Position)
}
func (c DropColumn) order() (phase, string) {
	if c.Recreate {
		return phDropRecreated, "0" + c.Table.String() + "." + c.Column.Name
	}
	return phDropColumns, c.Table.String() + "." + c.Column.Name
}
func (c AlterColumn) order() (phase, string) {
	return phAlterTables, c.Table.String() + "." + c.To.Name
}
func (c RenameTable) order() (phase, string)  { return phRename, "1" + c.From.String() }
func (c RenameColumn) order() (phase, string) { return phRename, "2" + c.Table.String() + "." + c.From }
func (c AddConstraint) order() (phase, string) {
	if c.Constraint.Kind == model.ForeignKey {
		return phAddForeignKeys, c.Table.String() + "." + c.Constraint.Name
	}
	return phAddConstraints, c.Table.String() + "." + c.Constraint.Name
}
func (c DropConstraint) order() (phase, string) {
	if c.Constraint.Kind == model.ForeignKey {
		return phDropForeignKeys, c.Table.String() + "." + c.Constraint.Name
	}
	return phDropConstraints, c.Table.String() + "." + c.Constraint.Name
}
func (c ValidateConstraint) order() (phase, string) {
	return phValidate, c.Table.String() + "." + c.Constraint.Name
}
func (c RenameEnum) order() (phase, string) { return phRename, "0" + c.From.String() }
func (c RenameEnumValue) order() (phase, string) {
	return phRename, "5" + c.Enum.String() + "." + c.From
}
func (c RenameSequence) order() (phase, string) { return phRename, "6" + c.From.String() }
func (c RenameConstraint) order() (phase, string) {
	return phRename, "3" + c.Table.String() + "." + c.From
}
func (c CreateIndex) order() (phase, string) {
	if c.OnView {
		return phCreateViewIndexes, c.Index.Schema + "." + c.Index.Name
	}
	return phCreateIndexes, c.Index.Schema + "." + c.Index.Name
}
func (c DropIndex) order() (phase, string) { return phDropIndexes, c.Index.Schema + "." + c.Index.Name }
func (c RenameIndex) order() (phase, string) {
	return phRename, "4" + c.Index.Schema + "." + c.From
}
func (c CreateView) order() (phase, string)        { return phCreateLate, c.View.Name.String() }
func (c DropView) order() (phase, string)          { return phDropViews, c.View.Name.String() }
func (c CreateTrigger) order() (phase, string)     { return phCreateTriggers, triggerKey(c.Trigger) }
func (c DropTrigger) order() (phase, string)       { return phDropTriggers, triggerKey(c.Trigger) }
func (c SetTriggerEnabled) order() (phase, string) { return phSetTriggers, triggerKey(c.To) }
func (c CreatePolicy) order() (phase, string) {
	return phCreatePolicies, c.Table.String() + "." + c.Policy.Name
}
func (c DropPolicy) order() (phase, string) {
	return phDropPolicies, c.Table.String() + "." + c.Policy.Name
}
func (c AlterPolicy) order() (phase, string) {
	return phCreatePolicies, c.Table.String() + "." + c.To.Name
}
func (c SetComment) order() (phase, string) {
	return phComments, c.Object.Kind + " " + c.Object.String()
}

func triggerKey(t *model.Trigger) string { return t.Table.String() + "." + t.Name }

// sortChanges orders changes by phase and key, then puts the phases that
// hold interdependent objects (views and late functions, tables that
// inherit, dropped tables) into dependency order.
func sortChanges(cs []Change, from, to *model.Catalog) []Change {
	slices.SortStableFunc(cs, func(a, b Change) int {
		pa, ka := a.order()
		pb, kb := b.order()
		if pa != pb {
			return cmp.Compare(pa, pb)
		}
		return cmp.Compare(ka, kb)
	})
	out := make([]Change, 0, len(cs))
	for i := 0; i < len(cs); {
		p, _ := cs[i].order()
		j := i
		for j < len(cs) {
			if pj, _ := cs[j].order(); pj != p {
				break
			}
			j++
		}
		group := cs[i:j]
		switch p {
		case phCreateLate, phCreateTables, phCreateComposites, phCreateDomains, phCreateFunctions:
			group = topo(group, func(c Change) []string { return dependsOn(c, to) }, false)
		case phDropViews, phDropLateFunctions, phDropTables, phDropTypes, phDropRecreated, phDropFunctions:
			group = topo(group, func(c Change) []string { return dependsOn(c, from) }, true)
		}
		out = append(out, group...)
		i = j
	}
	return out
}

// topo sorts a group so every change comes after the changes of the
// objects it depends on (reverse: before them), keeping the given order
// among independent changes.
func topo(group []Change, deps func(Change) []string, reverse bool) []Change {
	key := func(c Change) string { return subjectKey(c) }
	index := map[string]int{}
	for i, c := range group {
		index[key(c)] = i
	}
	visited := make([]int, len(group)) // 0 new, 1 visiting, 2 done
	var out []Change
	var visit func(i int)
	visit = func(i int) {
		if visited[i] != 0 {
			return
		}
		visited[i] = 1
		for _, d := range deps(group[i]) {
			if j, ok := index[d]; ok && j != i {
				visit(j)
			}
		}
		visited[i] = 2
		out = append(out, group[i])
	}
	for i := range group {
		visit(i)
	}
	if reverse {
		slices.Reverse(out)
	}
	return out
}

// subjectKey identifies the object a creation or drop is about, so that
// dependencies can be matched to changes.
func subjectKey(c Change) string {
	switch c := c.(type) {
	case CreateView:
		return c.View.Name.String()
	case DropView:
		return c.View.Name.String()
	case CreateFunction:
		return c.Function.Name.String()
	case DropFunction:
		return c.Function.Name.String()
	case CreateTable:
		return c.Table.Name.String()
	case DropTable:
		return c.Table.Name.String()
	case CreateComposite:
		return c.Composite.Name.String()
	case DropComposite:
		return c.Composite.Name.String()
	case CreateDomain:
		return c.Domain.Name.String()
	case DropDomain:
		return c.Domain.Name.String()
	case DropEnum:
		return c.Enum.Name.String()
	}
	return ""
}

// dependsOn lists the objects a created or dropped object needs, as
// subjectKey strings.
func dependsOn(c Change, cat *model.Catalog) []string {
	var out []string
	switch c := c.(type) {
	case CreateView:
		for _, d := range c.View.DependsOn {
			out = append(out, d.String())
		}
	case DropView:
		for _, d := range c.View.DependsOn {
			out = append(out, d.String())
		}
	case CreateFunction:
		out = functionDeps(cat, c.Function)
	case DropFunction:
		out = functionDeps(cat, c.Function)
	case CreateTable:
		out = tableParents(c.Table)
	case DropTable:
		out = tableParents(c.Table)
	case CreateComposite:
		out = typeNames(cat, attrTypes(c.Composite))
	case DropComposite:
		out = typeNames(cat, attrTypes(c.Composite))
	case CreateDomain:
		out = typeNames(cat, []string{c.Domain.Type})
	case DropDomain:
		out = typeNames(cat, []string{c.Domain.Type})
	}
	return out
}

func tableParents(t *model.Table) []string {
	var out []string
	if t.PartitionOf != nil {
		out = append(out, t.PartitionOf.String())
	}
	for _, p := range t.Inherits {
		out = append(out, p.String())
	}
	return out
}

func attrTypes(c *model.Composite) []string {
	var out []string
	for _, a := range c.Attributes {
		out = append(out, a.Type)
	}
	return out
}
