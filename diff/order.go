package diff

import (
	"cmp"
	"container/heap"
	"fmt"

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
	// Rows of tables partitioned anew are set aside before anything of
	// their trees is dropped.
	phStashRows
	phDropViews
	phDropLateFunctions
	phDropTableDefinitions // rules, statistics, publications, event triggers
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
	phCreateShells // base types' shells
	phAddEnumValues
	phSwapTypes
	phCreateDomains
	phCreateComposites
	phCreateSequences
	phAlterSequences
	phCreateFunctions
	phCreateDefinitions // aggregates, operators, casts, text search, ...
	phCreateTables
	phAlterTables
	// Rows set aside go into the trees partitioned anew once they exist,
	// before their indexes, foreign keys and triggers.
	phRouteRows
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
	phCreateTableDefinitions // rules, statistics, publications
	phAlterDefinitions
	phCreateEventTriggers
	phComments
	phOwners     // after sequences are owned by their columns, which needs equal owners
	phPrivileges // after owners: grants to a new owner merge into its ownership
	phDropColumns
	phAddAfterParents     // what a child sets on columns its parent adds or drops
	phAttachPartitions    // after the partition's columns match its parent's
	phNameAttachedIndexes // once every partition and partitioned index exists
	phCreateLateIndexes   // indexes of partitions that PostgreSQL would attach if there first
	phDropTables
	phDropSequences
	phDropDefinitions
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
func (c SwapTypes) order() (phase, string)    { return phSwapTypes, c.Types[0].ID.Name.String() }
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
func (c SetSequenceLogged) order() (phase, string) {
	return phSetSequenceOwners, c.To.Name.String() + "\x00logged"
}
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
func (c SetAsideRows) order() (phase, string) { return phStashRows, c.Table.Name.String() }
func (c RouteRows) order() (phase, string)    { return phRouteRows, c.Table.Name.String() }
func (c SetTableLogged) order() (phase, string) {
	return phAlterTables, fmt.Sprintf("%06d %s", c.Rank, c.To.Name)
}
func (c SetTableOptions) order() (phase, string) { return phAlterTables, c.To.Name.String() }
func (c SetRowSecurity) order() (phase, string)  { return phRowSecurity, c.To.Name.String() }
func (c SetClusterOn) order() (phase, string) {
	return phReplicaIdentity, c.To.Name.String() + "\x00cluster"
}
func (c SetReplicaIdentity) order() (phase, string) {
	return phReplicaIdentity, c.To.Name.String()
}
func (c AttachPartition) order() (phase, string) {
	if c.Fresh {
		return phAlterTables, c.Table.Name.String()
	}
	return phAttachPartitions, c.Table.Name.String()
}
func (c NameAttachedIndex) order() (phase, string) {
	return phNameAttachedIndexes, c.Table.String() + " " + c.Parent.String()
}
func (c AttachIndex) order() (phase, string) {
	return phNameAttachedIndexes, fmt.Sprintf("%03d %s %s", c.Level, c.Table, c.Parent)
}

// A partition is detached after the other drops of constraints: those of
// its parent's that it should not keep go with them first. Drops of what
// it keeps then (DropConstraint.AfterDetach) come after.
func (c DetachPartition) order() (phase, string) {
	return phDropConstraints, "\xff" + c.Table.Name.String()
}
func (c SetInherit) order() (phase, string) {
	if c.Remove {
		return phDropConstraints, c.Table.String()
	}
	// After the columns and CHECK constraints INHERIT needs (see
	// prepareInherit): the table's are keyed "table.name".
	return phAddConstraints, c.Table.String() + ".\xff"
}
func (c AddColumn) order() (phase, string) {
	if c.AfterParent {
		return phAddAfterParents, fmt.Sprintf("%s.\x00%06d", c.Table, c.Position)
	}
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
	if c.AfterParent {
		return phAddAfterParents, c.Table.String() + ".\x01" + c.To.Name
	}
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
	if c.AfterDetach {
		return phDropConstraints, "\xff\xff" + c.Table.String() + "." + c.Constraint.Name
	}
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
	if c.AfterAttach {
		return phCreateLateIndexes, c.Index.Schema + "." + c.Index.Name
	}
	if c.OnView {
		return phCreateViewIndexes, c.Index.Schema + "." + c.Index.Name
	}
	return phCreateIndexes, c.Index.Schema + "." + c.Index.Name
}
func (c DropIndex) order() (phase, string) { return phDropIndexes, c.Index.Schema + "." + c.Index.Name }
func (c SetIndexStatistics) order() (phase, string) {
	return phCreateIndexes, c.To.Schema + "." + c.To.Name
}
func (c RenameIndex) order() (phase, string) {
	return phRename, "4" + c.Index.Schema + "." + c.From
}
func (c CreateView) order() (phase, string)        { return phCreateLate, c.View.Name.String() }
func (c DropView) order() (phase, string)          { return phDropViews, c.View.Name.String() }
func (c CreateTrigger) order() (phase, string)     { return phCreateTriggers, triggerKey(c.Trigger) }
func (c DropTrigger) order() (phase, string)       { return phDropTriggers, triggerKey(c.Trigger) }
func (c SetTriggerEnabled) order() (phase, string) { return phSetTriggers, triggerKey(c.To) }

// After the states of the triggers themselves, which reach the clones,
// and a partitioned partition's clone before its partitions'.
func (c SetClonedTriggerEnabled) order() (phase, string) {
	return phSetTriggers, fmt.Sprintf("\xff%03d %s.%s", c.Level, c.Table, c.Trigger)
}
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
	return phComments, c.Object.Kind.Info().Keyword + " " + describeObject(c.Object)
}
func (c AlterComposite) order() (phase, string) { return phCreateComposites, c.To.Name.String() }

func (c CreateDefinition) order() (phase, string) {
	k := definitionKey(c.Def.ID)
	switch {
	case c.Shell:
		return phCreateShells, k
	case c.Def.ID.Kind == model.KindRange:
		return phCreateDomains, k
	}
	return createPhase(c.Def.ID.Kind), k
}

func (c DropDefinition) order() (phase, string) {
	k := definitionKey(c.Def.ID)
	if c.Recreate {
		return phDropRecreated, "7" + k
	}
	switch createPhase(c.Def.ID.Kind) {
	case phCreateTableDefinitions, phCreateEventTriggers:
		return phDropTableDefinitions, k
	case phCreateTables:
		return phDropTables, k
	}
	return phDropDefinitions, k
}

func (c AlterDefinition) order() (phase, string) { return phAlterDefinitions, definitionKey(c.To.ID) }

// createPhase is the phase definitions of a kind are created in, when the
// dependency graph leaves them free: most after functions and before
// tables; foreign tables with tables; what belongs to tables after them;
// event triggers, which fire on later DDL, last.
func createPhase(k model.Kind) phase {
	switch k {
	case model.KindForeignTable:
		return phCreateTables
	case model.KindRule, model.KindStatistics, model.KindPublication:
		return phCreateTableDefinitions
	case model.KindEventTrigger:
		return phCreateEventTriggers
	}
	return phCreateDefinitions
}

// definitionKey orders definitions by kind, then name.
func definitionKey(id model.ObjectID) string {
	return fmt.Sprintf("%02d %s", id.Kind, id.Object())
}

func triggerKey(t *model.Trigger) string { return t.Table.String() + "." + t.Name }

// sortChanges orders changes so that every object exists before what
// depends on it is created or altered, and outlives what depends on it:
// a topological sort over edges derived from the changes' effects and the
// dependency graphs of both catalogs (see orderEdges). Among changes that
// the graph leaves free, the fixed phase order and then the change's key
// decide, so the output is deterministic and reads in a familiar order. A
// cycle (two tables whose foreign keys reference each other are separate
// changes, so cycles are rare) is broken at the change that comes first in
// that order.
func sortChanges(cs []Change, fg, tg *graph) ([]Change, error) {
	succ, indeg, err := orderEdges(cs, fg, tg)
	if err != nil {
		return nil, err
	}
	type prio struct {
		p   phase
		key string
		i   int
	}
	prios := make([]prio, len(cs))
	for i, c := range cs {
		p, k := c.order()
		prios[i] = prio{p, k, i}
	}
	less := func(a, b int) int {
		pa, pb := prios[a], prios[b]
		if pa.p != pb.p {
			return cmp.Compare(pa.p, pb.p)
		}
		if pa.key != pb.key {
			return cmp.Compare(pa.key, pb.key)
		}
		return cmp.Compare(pa.i, pb.i)
	}
	// The ready changes are a heap ordered by less, and so are all the
	// changes for breaking cycles, taken from in order: both give the
	// first change in phase order in logarithmic time.
	ready := &changeHeap{less: less}
	for i := range cs {
		if indeg[i] == 0 {
			heap.Push(ready, i)
		}
	}
	var rest *changeHeap
	done := make([]bool, len(cs))
	out := make([]Change, 0, len(cs))
	for len(out) < len(cs) {
		if ready.Len() == 0 {
			// A cycle: take the first remaining change in phase order.
			if rest == nil {
				rest = &changeHeap{less: less, items: make([]int, len(cs))}
				for i := range cs {
					rest.items[i] = i
				}
				heap.Init(rest)
			}
			for done[rest.items[0]] {
				heap.Pop(rest)
			}
			next := rest.items[0]
			heap.Push(ready, next)
			indeg[next] = 0
		}
		i := heap.Pop(ready).(int)
		if done[i] {
			continue
		}
		done[i] = true
		out = append(out, cs[i])
		for _, j := range succ[i] {
			if indeg[j]--; indeg[j] == 0 && !done[j] {
				heap.Push(ready, j)
			}
		}
	}
	return out, nil
}

// changeHeap is a container/heap of change indexes ordered by less.
type changeHeap struct {
	items []int
	less  func(a, b int) int
}

func (h *changeHeap) Len() int           { return len(h.items) }
func (h *changeHeap) Less(i, j int) bool { return h.less(h.items[i], h.items[j]) < 0 }
func (h *changeHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *changeHeap) Push(x any)         { h.items = append(h.items, x.(int)) }
func (h *changeHeap) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}

// orderEdges derives the ordering constraints between changes:
//
//   - a change that creates, alters or needs an object comes after the
//     changes that create or alter what that object depends on in the
//     target catalog, and after the creation of the object itself;
//   - a change that only touches an object (an owner, row security)
//     runs after its creation and before its drop;
//   - a change that drops or alters an object comes before the changes
//     that drop what the object depended on in the current catalog, and
//     before the changes that alter it (a view goes before a type change
//     of a column it reads);
//   - an object (or a relation of the same name) is dropped before it is
//     created again.
func orderEdges(cs []Change, fg, tg *graph) ([][]int, []int, error) {
	n := len(cs)
	effs := make([]effect, n)
	creators, droppers, alterers := map[model.ObjectID][]int{}, map[model.ObjectID][]int{}, map[model.ObjectID][]int{}
	// shellers create the shells of objects (a base type's), which is all
	// an object in a cycle with them needs (its I/O functions).
	shellers := map[model.ObjectID][]int{}
	relCreators, relDroppers := map[model.Name][]int{}, map[model.Name][]int{}
	for i, c := range cs {
		e, err := effects(c, fg, tg)
		if err != nil {
			return nil, nil, err
		}
		effs[i] = e
		for _, id := range e.shells {
			shellers[id] = append(shellers[id], i)
		}
		for _, id := range e.creates {
			creators[id] = append(creators[id], i)
			if id.Kind.Info().Relation {
				relCreators[id.Name] = append(relCreators[id.Name], i)
			}
		}
		for _, id := range e.drops {
			droppers[id] = append(droppers[id], i)
			if id.Kind.Info().Relation {
				relDroppers[id.Name] = append(relDroppers[id.Name], i)
			}
		}
		for _, id := range e.alters {
			alterers[id] = append(alterers[id], i)
		}
	}
	succ := make([][]int, n)
	indeg := make([]int, n)
	seen := map[[2]int]bool{}
	edge := func(a, b int) {
		if a == b || seen[[2]int{a, b}] {
			return
		}
		seen[[2]int{a, b}] = true
		succ[a] = append(succ[a], b)
		indeg[b]++
	}
	for i, e := range effs {
		for _, list := range [][]model.ObjectID{e.creates, e.alters, e.needs} {
			for _, x := range list {
				if containsID(e.bare, x) {
					continue // it needs nothing of what it depends on in the target
				}
				for _, n := range tg.depsOf(x) {
					y := tg.id(n)
					for _, j := range shellers[y] {
						edge(j, i)
					}
					if len(shellers[y]) > 0 && tg.dependsOn(y, x) {
						continue // the shell is enough for what y depends on
					}
					for _, j := range creators[y] {
						edge(j, i)
					}
					if containsID(e.creates, y) {
						continue // what changes y later runs after this creates it
					}
					if x.Kind == model.KindColumn && y.Kind == model.KindTable && y.Name == x.Name {
						// A column added to a table does not wait for the
						// table's own changes: INHERIT and ATTACH need it
						// there first (they need it in turn).
						continue
					}
					for _, j := range alterers[y] {
						edge(j, i)
					}
				}
			}
		}
		for _, list := range [][]model.ObjectID{e.alters, e.needs, e.touches} {
			for _, x := range list {
				for _, j := range creators[x] {
					edge(j, i)
				}
			}
		}
		for _, x := range e.touches {
			for _, j := range droppers[x] {
				edge(i, j)
			}
		}
		for _, x := range e.needs {
			for _, j := range alterers[x] {
				edge(j, i) // what is needed is needed as it ends up
			}
		}
		for _, x := range e.gone {
			for _, j := range droppers[x] {
				edge(j, i)
			}
		}
		// What a change drops along with what it depends on (a partition
		// of a partitioned partition, dropped with the root of its tree)
		// puts no order between this change and the other changes that
		// drop that: the partitioned partition's own drop comes first, for
		// it depends on the root.
		var dropsSet map[model.ObjectID]bool
		dropsToo := func(id model.ObjectID) bool {
			if dropsSet == nil {
				dropsSet = make(map[model.ObjectID]bool, len(e.drops))
				for _, x := range e.drops {
					dropsSet[x] = true
				}
			}
			return dropsSet[id]
		}
		for _, list := range [][]model.ObjectID{e.drops, e.alters} {
			for _, x := range list {
				if containsID(e.fresh, x) {
					continue // it no longer holds what it depended on
				}
				for _, n := range fg.depsOf(x) {
					y := fg.id(n)
					if len(droppers[y]) > 1 && dropsToo(y) {
						continue
					}
					for _, j := range droppers[y] {
						edge(i, j)
					}
				}
			}
		}
		for _, x := range e.drops {
			for _, n := range fg.depsOf(x) {
				y := fg.id(n)
				if x.Kind == model.KindColumn && y.Kind == model.KindTable && y.Name == x.Name {
					// Nor does a column dropped from a table go before the
					// table's own changes: one the table inherits can
					// only go after NO INHERIT or DETACH.
					continue
				}
				for _, j := range alterers[y] {
					edge(i, j)
				}
			}
			for _, j := range alterers[x] {
				edge(j, i) // an object is changed before it is dropped
			}
		}
		for _, x := range e.shells {
			for _, j := range droppers[x] {
				edge(j, i)
			}
		}
		for _, x := range e.creates {
			for _, j := range shellers[x] {
				edge(j, i) // the shell first
			}
			for _, j := range droppers[x] {
				edge(j, i)
			}
			if x.Kind.Info().Relation {
				for _, j := range relDroppers[x.Name] {
					edge(j, i)
				}
			}
		}
	}
	staleOverloads(effs, fg, tg, droppers, edge)
	return succ, indeg, nil
}

// staleOverloads orders the drops of removed functions before what is
// created or changed with a call to another function of the same name:
// PostgreSQL resolves a call among all the functions of its name, and a
// stale overload still there would make the call ambiguous or bind it to
// the wrong function. What is changed in place and used the removed
// function itself is left out: it must stop using it before the drop.
func staleOverloads(effs []effect, fg, tg *graph, droppers map[model.ObjectID][]int, edge func(a, b int)) {
	removed := map[model.Name][]model.ObjectID{}
	for _, o := range fg.objs {
		if o.ID.Kind == model.KindFunction && !tg.has(o.ID) {
			removed[o.ID.Name] = append(removed[o.ID.Name], o.ID)
		}
	}
	if len(removed) == 0 {
		return
	}
	for i, e := range effs {
		for k, list := range [][]model.ObjectID{e.creates, e.alters} {
			for _, x := range list {
				for _, n := range tg.depsOf(x) {
					y := tg.id(n)
					if y.Kind != model.KindFunction {
						continue
					}
					for _, r := range removed[y.Name] {
						if k == 1 && fg.dependsOn(x, r) && !containsID(e.fresh, x) {
							continue
						}
						for _, j := range droppers[r] {
							edge(j, i)
						}
					}
				}
			}
		}
	}
}
