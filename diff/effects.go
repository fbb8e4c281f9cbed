package diff

import (
	"fmt"

	"github.com/autogen-dev/autogen/model"
)

// effect is what a change does to the objects of the catalog: which it
// creates, which it drops, which it alters in place and which it only
// needs to exist. Ordering is derived from effects and the two dependency
// graphs (see sortChanges).
type effect struct {
	creates, drops, alters, needs []model.ObjectID
	// shells are created ahead of what they depend on: a base type's
	// shell, which its I/O functions need before it can be defined. What
	// is in a dependency cycle with a shelled object needs only the
	// shell; everything else waits for its creation in full.
	shells []model.ObjectID
	// touches are objects changed in a way nothing that depends on them
	// notices (an owner, row security, a trigger's enabled state): the
	// change only runs between the object's creation and its drop.
	touches []model.ObjectID
	// gone are objects that must be dropped before the change runs (the
	// columns a table loses before it is attached as a partition).
	gone []model.ObjectID
	// fresh are objects the change alters without reading what they hold
	// now: a column given a default where it has none. What they used
	// before is no concern of the change (see staleOverloads).
	fresh []model.ObjectID
	// bare are objects the change alters into a state that needs nothing
	// of the target: a column losing its default. What the target's
	// default calls is no concern of the change, which may have to run
	// before that is dropped and created again.
	bare []model.ObjectID
}

func (e *effect) create(ids ...model.ObjectID) { e.creates = append(e.creates, ids...) }
func (e *effect) shell(ids ...model.ObjectID)  { e.shells = append(e.shells, ids...) }
func (e *effect) drop(ids ...model.ObjectID)   { e.drops = append(e.drops, ids...) }
func (e *effect) alter(ids ...model.ObjectID)  { e.alters = append(e.alters, ids...) }
func (e *effect) need(ids ...model.ObjectID)   { e.needs = append(e.needs, ids...) }
func (e *effect) touch(ids ...model.ObjectID)  { e.touches = append(e.touches, ids...) }

// attachment lists the objects an attachment of an index of partition
// table to partitioned index parent needs: the partition, and the parent
// as the target has it (a plain index or a constraint of the partitioned
// table; neither when it is an index the target leaves implied).
func attachment(tg *graph, table, parent model.Name) []model.ObjectID {
	out := []model.ObjectID{{Kind: model.KindTable, Name: table}}
	if id := (model.ObjectID{Kind: model.KindIndex, Name: parent}); tg.has(id) {
		out = append(out, id)
	}
	if t := tg.table(table); t != nil && t.PartitionOf != nil {
		if id := model.ConstraintID(*t.PartitionOf, parent.Name); tg.has(id) {
			out = append(out, id)
		}
	}
	return out
}

// typeMembers lists a type of a SwapTypes with its members.
func typeMembers(id model.ObjectID, v any) []model.ObjectID {
	switch v := v.(type) {
	case *model.Composite:
		return compositeMembers(v)
	case *model.Domain:
		return domainMembers(v)
	}
	return []model.ObjectID{id}
}

// viewMembers lists a view and its columns with a comment or a default,
// which go and come with it.
func viewMembers(v *model.View) []model.ObjectID {
	ids := []model.ObjectID{v.ID()}
	for _, c := range v.ColumnDetails {
		ids = append(ids, model.ColumnID(v.Name, c.Name))
	}
	return ids
}

// compositeMembers lists a composite type and its attributes, which go
// and come with it.
func compositeMembers(c *model.Composite) []model.ObjectID {
	ids := []model.ObjectID{c.ID()}
	for _, a := range c.Attributes {
		ids = append(ids, model.ColumnID(c.Name, a.Name))
	}
	return ids
}

// tableMembers returns the IDs of a table and what goes with it: its
// columns, constraints (foreign keys are separate changes when it is
// created, but go with it when it is dropped), policies, indexes and
// triggers (those of g, the table's catalog, when given).
func tableMembers(g *graph, t *model.Table, withForeignKeys bool) []model.ObjectID {
	ids := []model.ObjectID{t.ID()}
	for _, c := range t.Columns {
		ids = append(ids, model.ColumnID(t.Name, c.Name))
	}
	for _, c := range t.Constraints {
		if c.Kind != model.ForeignKey || withForeignKeys {
			ids = append(ids, model.ConstraintID(t.Name, c.Name))
		}
	}
	for _, p := range t.Policies {
		ids = append(ids, model.PolicyID(t.Name, p.Name))
	}
	if g != nil {
		for _, ix := range g.indexesOf(t.Name) {
			ids = append(ids, ix.ID())
		}
		for _, tr := range g.triggersOf(t.Name) {
			ids = append(ids, tr.ID())
		}
	}
	return ids
}

func domainMembers(d *model.Domain) []model.ObjectID {
	ids := []model.ObjectID{d.ID()}
	for _, c := range d.Checks {
		ids = append(ids, model.ObjectID{Kind: model.KindDomainCheck, Name: d.Name, Member: c.Name})
	}
	return ids
}

// effects returns what a change does. from and to are the graphs of the
// catalogs the change leads from and to. Every change type is handled; an
// unknown one is an error rather than a change ordered at random.
func effects(c Change, from, to *graph) (effect, error) {
	var e effect
	switch c := c.(type) {
	case CreateSchema:
		e.create(c.Schema.ID())
	case DropSchema:
		e.drop(c.Schema.ID())
	case CreateExtension:
		e.create(c.Extension.ID())
	case DropExtension:
		e.drop(c.Extension.ID())
	case UpdateExtension:
		e.alter(c.To.ID())
	case CreateCollation:
		e.create(c.Collation.ID())
	case DropCollation:
		e.drop(c.Collation.ID())
	case CreateEnum:
		e.create(c.Enum.ID())
	case DropEnum:
		e.drop(c.Enum.ID())
	case AddEnumValue:
		e.alter(model.ObjectID{Kind: model.KindEnum, Name: c.Enum})
	case SwapTypes:
		// Each type is created anew (the old one renamed and dropped),
		// and its columns converted.
		// Members go and come with their type: a new composite's
		// attributes and a new domain's checks carry no comment until
		// the comments pass sets it.
		for _, t := range c.Types {
			e.drop(typeMembers(t.ID, t.From)...)
			e.create(typeMembers(t.ID, t.To)...)
		}
		for _, u := range c.Uses {
			e.alter(model.ColumnID(u.Table, u.Column.Name))
		}
	case CreateDomain:
		e.create(domainMembers(c.Domain)...)
	case DropDomain:
		e.drop(domainMembers(c.Domain)...)
	case AlterDomain:
		e.alter(domainMembers(c.To)...)
		for _, id := range domainMembers(c.From) {
			if !containsID(domainMembers(c.To), id) {
				e.drop(id)
			}
		}
	case CreateComposite:
		e.create(compositeMembers(c.Composite)...)
	case DropComposite:
		e.drop(compositeMembers(c.Composite)...)
	case AlterComposite:
		e.alter(c.To.ID())
	case CreateSequence:
		e.create(c.Sequence.ID())
	case DropSequence:
		e.drop(c.Sequence.ID())
	case AlterSequence:
		e.alter(c.To.ID())
	case SetSequenceLogged:
		e.touch(c.To.ID())
	case SetSequenceOwner:
		e.touch(c.Sequence.ID())
		if c.To != nil {
			e.need(model.ColumnID(c.To.Table, c.To.Column))
		}
	case CreateFunction:
		if c.Replace {
			e.alter(c.Function.ID())
		} else {
			e.create(c.Function.ID())
		}
	case DropFunction:
		e.drop(c.Function.ID())
	case CreateTable:
		e.create(tableMembers(nil, c.Table, false)...)
		// A child is created once its parents' columns are as the target
		// has them: it takes their storage and compression method (see
		// atCreation).
		for _, p := range to.parentsOf(c.Table) {
			for _, col := range p.Columns {
				e.need(model.ColumnID(p.Name, col.Name))
			}
		}
	case DropTable:
		e.drop(tableMembers(from, c.Table, true)...)
		// Its partitions go with it.
		for _, p := range from.partitionsOf(c.Table.Name) {
			e.drop(tableMembers(from, p, true)...)
		}
	case SetAsideRows:
		// No edge: its phase, which comes before every drop, places it.
		// The table it reads has the ID of the one created again, so an
		// edge could not tell the two apart.
	case RouteRows:
		// Once every table of the new tree exists.
		e.need(c.Table.ID())
		for _, p := range to.partitionsOf(c.Table.Name) {
			e.need(p.ID())
		}
	case SetTableLogged:
		e.alter(c.To.ID())
	case SetTableOptions:
		e.touch(c.To.ID())
	case SetRowSecurity:
		e.touch(c.To.ID())
	case SetClusterOn:
		e.touch(c.To.ID())
		if c.To.ClusterOn != "" {
			e.need(clusterIndex(c.To))
		}
	case SetReplicaIdentity:
		e.touch(c.To.ID())
		if c.To.ReplicaIdentityIndex != "" {
			e.need(model.ObjectID{Kind: model.KindIndex, Name: model.Name{Schema: c.To.Name.Schema, Name: c.To.ReplicaIdentityIndex}})
		}
	case AttachPartition:
		// A partition is attached once it and its parent have the same
		// columns: after the parent's columns are added, changed and
		// dropped.
		parent := *c.Table.PartitionOf
		if c.Fresh {
			// The table it attaches is the one created: it changes
			// nothing a drop of the table as it was must come after.
			e.need(c.Table.ID())
		} else {
			e.alter(c.Table.ID())
		}
		e.need(model.ObjectID{Kind: model.KindTable, Name: parent})
		if t := to.table(parent); t != nil {
			for _, col := range t.Columns {
				e.need(model.ColumnID(parent, col.Name))
			}
		}
		if f := from.table(parent); f != nil {
			for _, col := range f.Columns {
				e.gone = append(e.gone, model.ColumnID(parent, col.Name))
			}
		}
		// The columns the partition lists for settings of its own must
		// be there to attach it (see reconcileColumns).
		for _, col := range c.Table.Columns {
			e.need(model.ColumnID(c.Table.Name, col.Name))
		}
	case DetachPartition:
		// A touch, not an alter: what the table holds stays, and a column
		// it lists for settings of its own is dropped, if at all, after
		// it is detached (a partition cannot drop a column it inherits),
		// where an alter would put the drops of its members first. Its
		// parent, whose drop claims its partitions, goes after it.
		e.touch(c.Table.ID())
	case SetInherit:
		e.alter(model.ObjectID{Kind: model.KindTable, Name: c.Table})
		e.need(model.ObjectID{Kind: model.KindTable, Name: c.Parent})
	case AddColumn:
		e.create(model.ColumnID(c.Table, c.Column.Name))
	case DropColumn:
		e.drop(model.ColumnID(c.Table, c.Column.Name))
	case AlterColumn:
		e.alter(model.ColumnID(c.Table, c.To.Name))
		if c.Only {
			// After the ancestors' changes, which may pass theirs down.
			for _, a := range to.columnAncestors(c.Table, c.To.Name) {
				e.need(model.ColumnID(a, c.To.Name))
			}
		}
		if c.From.Default == nil && c.To.Default != nil && sameExcept(c.From, c.To, "Default", "Comment") {
			// Only a default set where there is none: the second half of
			// a default replaced around a drop.
			e.fresh = append(e.fresh, model.ColumnID(c.Table, c.To.Name))
		}
		if c.From.Default != nil && c.To.Default == nil && sameExcept(c.From, c.To, "Default", "Comment") {
			// Only a default dropped: the first half of a default
			// replaced around a drop.
			e.bare = append(e.bare, model.ColumnID(c.Table, c.To.Name))
		}
		if c.DropSequence != nil {
			e.drop(c.DropSequence.ID())
		}
		if c.CreateSequence != nil {
			e.create(c.CreateSequence.ID())
		}
	case NameAttachedIndex:
		// Names an index that exists by then; nothing depends on its
		// name. It runs once the partition and the partitioned index
		// exist.
		e.need(attachment(to, c.Table, c.Parent)...)
	case AttachIndex:
		// The partition's index is implied by the partitioned one, which
		// the graphs do not list; it runs once the partition, the
		// partitioned index and the partition's own constraint it
		// attaches exist.
		e.need(attachment(to, c.Table, c.Parent)...)
		if id := model.ConstraintID(c.Table, c.Name); c.Constraint == nil && to.has(id) {
			e.need(id)
		}
	case RenameTable, RenameColumn, RenameEnum, RenameEnumValue, RenameSequence, RenameConstraint, RenameIndex:
		// Renames run first, before anything that could depend on order.
	case AddConstraint:
		e.create(model.ConstraintID(c.Table, c.Constraint.Name))
		if c.Constraint.Kind == model.Check && c.Constraint.NotValid {
			e.need(to.notValidCopies(c.Table, c.Constraint.Name)...)
		}
	case DropConstraint:
		e.drop(model.ConstraintID(c.Table, c.Constraint.Name))
	case ValidateConstraint:
		if c.Inherited != nil {
			e.need(model.ConstraintID(*c.Inherited, c.Constraint.Name))
			break
		}
		e.touch(model.ConstraintID(c.Table, c.Constraint.Name))
	case CreateIndex:
		e.create(c.Index.ID())
	case SetIndexStatistics:
		e.touch(c.To.ID())
	case DropIndex:
		e.drop(c.Index.ID())
		e.drop(c.Cascade...)
	case CreateView:
		e.create(viewMembers(c.View)...)
	case DropView:
		e.drop(viewMembers(c.View)...)
	case CreateTrigger:
		e.create(c.Trigger.ID())
	case DropTrigger:
		e.drop(c.Trigger.ID())
	case SetTriggerEnabled:
		e.touch(c.To.ID())
	case SetClonedTriggerEnabled:
		e.need(model.ObjectID{Kind: model.KindTable, Name: c.Table}, (&model.Trigger{Table: c.Owner, Name: c.Trigger}).ID())
	case CreatePolicy:
		e.create(model.PolicyID(c.Table, c.Policy.Name))
	case DropPolicy:
		e.drop(model.PolicyID(c.Table, c.Policy.Name))
	case AlterPolicy:
		e.alter(model.PolicyID(c.Table, c.To.Name))
	case CreateDefinition:
		if c.Shell {
			e.shell(c.Def.ID)
		} else {
			e.create(definitionMembers(c.Def)...)
		}
	case DropDefinition:
		e.drop(definitionMembers(c.Def)...)
		e.drop(c.Cascade...)
	case AlterDefinition:
		e.alter(c.To.ID)
	case SetComment, SetOwner, SetPrivileges:
		e.need(objectOf(c))
	case SetDefaultPrivileges:
		if c.Schema != "" {
			e.need(model.ObjectID{Kind: model.KindSchema, Name: model.Name{Name: c.Schema}})
		}
	default:
		return e, fmt.Errorf("diff: no effects known for change %T", c)
	}
	return e, nil
}

// objectOf returns the object a comment, owner or privileges change is
// about.
func objectOf(c Change) model.ObjectID {
	switch c := c.(type) {
	case SetComment:
		return c.Object
	case SetOwner:
		return c.Object
	case SetPrivileges:
		return c.Object
	}
	return model.ObjectID{}
}

// definitionMembers returns the ID of a definition and of what goes with
// it: a foreign table's columns.
func definitionMembers(d *model.Definition) []model.ObjectID {
	ids := []model.ObjectID{d.ID}
	for _, c := range d.Columns {
		ids = append(ids, model.ColumnID(d.ID.Name, c.Name))
	}
	return ids
}

func containsID(list []model.ObjectID, id model.ObjectID) bool {
	for _, x := range list {
		if x == id {
			return true
		}
	}
	return false
}
