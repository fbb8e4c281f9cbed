package diff

import (
	"slices"

	"github.com/autogen-dev/autogen/model"
)

// node is an object of a graph: its index in graph.objs.
type node = int32

// graph is the dependency graph of one catalog: every object with the
// objects it depends on, resolved from the typed references the readers
// recorded (model.Object.Refs), and the reverse edges. It is how the diff
// knows what a change disturbs and in which order changes must run; no
// dependency is ever found by searching SQL text.
//
// The graph is also the diff's index of its catalog: every lookup by
// name (a table, a view, the indexes of a table) goes through it, in
// constant time, so that no stage of the comparison scans the catalog
// once per object. The model stays plain data without caches; the graph
// is built once per catalog and comparison, after the renames are
// applied, and the diff never modifies a catalog after that.
type graph struct {
	cat *model.Catalog
	// objs are the catalog's objects in Catalog.Objects order, without
	// their references: those are the edges.
	objs []model.Object
	ids  objectIndex
	// deps and users are the edges and their reverse, each list sorted by
	// the IDs it names (model.ObjectID.Compare) and free of duplicates.
	deps, users [][]node

	// relations and types name the relations (tables, views, sequences)
	// and the types (a relation's row type included) by name.
	relations, types map[model.Name]node
	functions        map[model.Name][]node
	// signatures finds a function or procedure by Function.Signature.
	signatures map[string]*model.Function
	// indexes, triggers and partitions list the indexes and triggers of a
	// table or view, and a table's partitions, in catalog order.
	indexes    map[model.Name][]*model.Index
	triggers   map[model.Name][]*model.Trigger
	partitions map[model.Name][]*model.Table
	// inheritors lists the tables that inherit from a table (classic
	// inheritance), in catalog order.
	inheritors map[model.Name][]*model.Table
	// owned maps a column to the sequence it owns (the first in catalog
	// order).
	owned map[model.ColumnRef]*model.Sequence
	// tableDefs lists the definitions that belong to a table or view
	// (rules, statistics), in catalog order.
	tableDefs map[model.Name][]*model.Definition
	// named resolves the references to definitions of the other kinds
	// (operators, operator classes and families, text search objects,
	// foreign-data wrappers, servers), by reference kind and name.
	named map[model.Ref][]node
}

func newGraph(cat *model.Catalog) *graph {
	// The objects are listed first, without references, since a
	// reference may name an object listed after it; a second walk
	// resolves the references into edges as it meets them, so that no
	// object's list of references outlives it.
	// They are counted first: a list grown by appending would leave
	// several times its size behind as garbage.
	n := 0
	var perKind []int
	cat.EachObject(func(o model.Object) {
		n++
		if int(o.ID.Kind) >= len(perKind) {
			perKind = append(perKind, make([]int, int(o.ID.Kind)+1-len(perKind))...)
		}
		perKind[o.ID.Kind]++
	})
	objs := make([]model.Object, 0, n)
	cat.EachObject(func(o model.Object) { objs = append(objs, o) })
	g := &graph{cat: cat, objs: objs, ids: newObjectIndex(perKind),
		deps: make([][]node, n), users: make([][]node, n),
		relations: map[model.Name]node{}, types: map[model.Name]node{}, functions: map[model.Name][]node{},
		signatures: map[string]*model.Function{}, indexes: map[model.Name][]*model.Index{},
		triggers: map[model.Name][]*model.Trigger{}, partitions: map[model.Name][]*model.Table{},
		inheritors: map[model.Name][]*model.Table{},
		owned:      map[model.ColumnRef]*model.Sequence{}, named: map[model.Ref][]node{},
		tableDefs: map[model.Name][]*model.Definition{}}
	for i := range objs {
		o := &objs[i]
		id := node(i)
		if _, dup := g.ids.get(o.ID); dup {
			continue // names are unique in a catalog; keep the first
		}
		g.ids[o.ID.Kind][o.ID] = id
		switch o.ID.Kind {
		case model.KindTable, model.KindView, model.KindMatView, model.KindSequence:
			if _, ok := g.relations[o.ID.Name]; !ok {
				g.relations[o.ID.Name] = id
			}
			if o.ID.Kind != model.KindSequence {
				g.types[o.ID.Name] = id // its row type
			}
		case model.KindEnum, model.KindDomain, model.KindComposite:
			g.types[o.ID.Name] = id
		case model.KindFunction, model.KindProcedure:
			g.functions[o.ID.Name] = append(g.functions[o.ID.Name], id)
		}
		if d, ok := o.Value.(*model.Definition); ok {
			g.register(id, model.Ref{Kind: o.ID.Kind.Info().Ref, Name: o.ID.Name})
			for _, r := range d.Provides {
				g.register(id, r)
			}
		}
	}
	for _, f := range cat.Functions {
		if sig := f.Signature(); g.signatures[sig] == nil {
			g.signatures[sig] = f
		}
	}
	for _, ix := range cat.Indexes {
		g.indexes[ix.Table] = append(g.indexes[ix.Table], ix)
	}
	for _, t := range cat.Triggers {
		g.triggers[t.Table] = append(g.triggers[t.Table], t)
	}
	for _, t := range cat.Tables {
		if t.PartitionOf != nil {
			g.partitions[*t.PartitionOf] = append(g.partitions[*t.PartitionOf], t)
		}
		for _, p := range t.Inherits {
			g.inheritors[p] = append(g.inheritors[p], t)
		}
	}
	for _, def := range cat.Definitions {
		if def.Table != nil {
			g.tableDefs[*def.Table] = append(g.tableDefs[*def.Table], def)
		}
	}
	for _, s := range cat.Sequences {
		if s.OwnedBy != nil && g.owned[*s.OwnedBy] == nil {
			g.owned[*s.OwnedBy] = s
		}
	}
	var set []node
	i := 0
	cat.EachObjectRefs(func(o model.Object) {
		self := node(i)
		i++
		set = set[:0]
		if p, ok := g.parent(o.ID); ok {
			set = append(set, p)
		}
		for _, r := range o.Refs {
			set = g.resolve(set, o.ID, r)
		}
		if o.ID.Kind == model.KindConstraint {
			if k, ok := g.referencedKey(&o); ok {
				set = append(set, k)
			}
		}
		set = slices.DeleteFunc(set, func(t node) bool { return t == self })
		g.sortNodes(set)
		set = slices.Compact(set)
		if len(set) > 0 {
			g.deps[self] = slices.Clone(set)
		}
		for _, t := range set {
			g.users[t] = append(g.users[t], self)
		}
	})
	for _, list := range g.users {
		g.sortNodes(list)
	}
	return g
}

// sortNodes sorts nodes by their IDs.
func (g *graph) sortNodes(list []node) {
	if len(list) < 2 {
		return
	}
	slices.SortFunc(list, func(a, b node) int { return g.objs[a].ID.Compare(g.objs[b].ID) })
}

// objectIndex finds an object's node by its ID, with one map per kind
// (indexed by model.Kind). A lookup then probes a map the size of its
// kind: at tens of thousands of objects, one map of them all cost a cache
// miss on nearly every lookup.
type objectIndex []map[model.ObjectID]node

// newObjectIndex makes an empty index sized for the given number of
// objects of each kind.
func newObjectIndex(perKind []int) objectIndex {
	x := make(objectIndex, len(perKind))
	for k, n := range perKind {
		if n > 0 {
			x[k] = make(map[model.ObjectID]node, n)
		}
	}
	return x
}

// get returns the node of an object, and false when there is none.
func (x objectIndex) get(id model.ObjectID) (node, bool) {
	if int(id.Kind) >= len(x) {
		return 0, false
	}
	n, ok := x[id.Kind][id]
	return n, ok
}

// node returns the node of an object, and false when the catalog has no
// such object.
func (g *graph) node(id model.ObjectID) (node, bool) {
	return g.ids.get(id)
}

// id returns the ID of a node.
func (g *graph) id(n node) model.ObjectID { return g.objs[n].ID }

// object returns an object of the catalog, or nil.
func (g *graph) object(id model.ObjectID) *model.Object {
	if n, ok := g.ids.get(id); ok {
		return &g.objs[n]
	}
	return nil
}

// value returns the model value of an object (a *model.Table, ...), or
// nil.
func (g *graph) value(id model.ObjectID) any {
	if o := g.object(id); o != nil {
		return o.Value
	}
	return nil
}

// has reports whether the catalog holds the object.
func (g *graph) has(id model.ObjectID) bool {
	_, ok := g.ids.get(id)
	return ok
}

// depsOf and usersOf return what an object depends on and what depends on
// it, directly, as nodes sorted by ID.
func (g *graph) depsOf(id model.ObjectID) []node {
	if n, ok := g.ids.get(id); ok {
		return g.deps[n]
	}
	return nil
}

// dependsOn reports whether a depends on b directly.
func (g *graph) dependsOn(a, b model.ObjectID) bool {
	nb, ok := g.ids.get(b)
	if !ok {
		return false
	}
	_, found := slices.BinarySearchFunc(g.depsOf(a), nb, func(x, y node) int { return g.objs[x].ID.Compare(g.objs[y].ID) })
	return found
}

func (g *graph) usersOf(id model.ObjectID) []node {
	if n, ok := g.ids.get(id); ok {
		return g.users[n]
	}
	return nil
}

// parent returns the table, view or domain a member belongs to.
func (g *graph) parent(id model.ObjectID) (node, bool) {
	switch id.Kind {
	case model.KindColumn, model.KindConstraint, model.KindTrigger, model.KindPolicy:
		if r, ok := g.relations[id.Name]; ok {
			if k := g.objs[r].ID.Kind; k == model.KindTable || k == model.KindView || k == model.KindMatView {
				return r, true
			}
		}
		return g.node(model.ObjectID{Kind: model.KindTable, Name: id.Name})
	case model.KindDomainCheck:
		return g.node(model.ObjectID{Kind: model.KindDomain, Name: id.Name})
	}
	return 0, false
}

// register makes references of the given kind and name resolve to a
// definition: a range type answers to its name as a type and as a
// function (its constructor), an aggregate to its name as a function, a
// foreign table to its name as a relation and a type.
func (g *graph) register(n node, r model.Ref) {
	switch r.Kind {
	case 0:
	case model.RefType:
		g.types[r.Name] = n
	case model.RefFunction:
		g.functions[r.Name] = append(g.functions[r.Name], n)
	case model.RefRelation:
		g.relations[r.Name] = n
		g.types[r.Name] = n
	default:
		k := model.Ref{Kind: r.Kind, Name: r.Name}
		g.named[k] = append(g.named[k], n)
	}
}

// resolve appends to out the nodes a reference of owner points at; none
// when the reference is to something outside the catalog (an extension's
// object, pg_catalog).
func (g *graph) resolve(out []node, owner model.ObjectID, r model.Ref) []node {
	add := func(n node, ok bool) []node {
		if ok {
			return append(out, n)
		}
		return out
	}
	switch r.Kind {
	case model.RefSchema:
		return add(g.node(model.ObjectID{Kind: model.KindSchema, Name: r.Name}))
	case model.RefExtension:
		return add(g.node(model.ObjectID{Kind: model.KindExtension, Name: r.Name}))
	case model.RefRelation:
		n, ok := g.relations[r.Name]
		return add(n, ok)
	case model.RefColumn:
		rel := r.Name
		if rel.Name == "" {
			if !owner.Kind.Info().Member {
				return out
			}
			rel = owner.Name
		}
		if n, ok := g.node(model.ColumnID(rel, r.Column)); ok {
			return append(out, n)
		}
		n, ok := g.relations[rel]
		return add(n, ok)
	case model.RefType:
		n, ok := g.types[r.Name]
		return add(n, ok)
	case model.RefFunction:
		return append(out, g.functions[r.Name]...)
	case model.RefCollation:
		return add(g.node(model.ObjectID{Kind: model.KindCollation, Name: r.Name}))
	default:
		return append(out, g.named[model.Ref{Kind: r.Kind, Name: r.Name}]...)
	}
}

// referencedKey returns the primary key or unique constraint a foreign key
// relies on: PostgreSQL records that dependency, and refuses to drop the
// key while the foreign key exists.
func (g *graph) referencedKey(o *model.Object) (node, bool) {
	fk, ok := o.Value.(*model.Constraint)
	if !ok || fk.Kind != model.ForeignKey || fk.References == nil {
		return 0, false
	}
	t := g.table(*fk.References)
	if t == nil {
		return 0, false
	}
	cols := fk.RefColumns
	if len(cols) == 0 {
		if pk := t.PrimaryKey(); pk != nil {
			cols = pk.Columns
		}
	}
	for _, c := range t.Constraints {
		if (c.Kind == model.PrimaryKey || c.Kind == model.Unique) && sameSet(c.Columns, cols) {
			return g.node(model.ConstraintID(t.Name, c.Name))
		}
	}
	for _, ix := range g.indexesOf(t.Name) {
		if !ix.Unique || ix.Where != nil {
			continue
		}
		var keys []string
		for _, k := range ix.Keys {
			keys = append(keys, k.Column)
		}
		if sameSet(keys, cols) {
			return g.node(ix.ID())
		}
	}
	return 0, false
}

// late reports whether a function must be created after the tables and
// views (and dropped before them): it depends, directly or through other
// functions, on a relation or a relation's row type. Other functions come
// early, since defaults, checks and indexes may call them. The order of
// changes follows the graph either way; lateness only chooses the phase
// a function is listed in when the graph leaves it free.
func (g *graph) late(id model.ObjectID) bool {
	seen := map[node]bool{}
	var visit func(node) bool
	visit = func(x node) bool {
		if seen[x] {
			return false
		}
		seen[x] = true
		for _, dep := range g.deps[x] {
			switch g.objs[dep].ID.Kind {
			case model.KindTable, model.KindView, model.KindMatView, model.KindColumn:
				return true
			case model.KindFunction, model.KindProcedure:
				if visit(dep) {
					return true
				}
			}
		}
		return false
	}
	n, ok := g.node(id)
	return ok && visit(n)
}

// sameSet reports whether two name lists hold the same names.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// refersTo reports whether any of refs, as owner holds them, resolves to
// target.
func (g *graph) refersTo(owner model.ObjectID, refs []model.Ref, target model.ObjectID) bool {
	t, ok := g.node(target)
	if !ok {
		return false
	}
	var buf []node
	for _, r := range refs {
		if slices.Contains(g.resolve(buf[:0], owner, r), t) {
			return true
		}
	}
	return false
}

// Dependencies returns, for every object of the catalog, the objects it
// depends on, directly or through others, in order: the closure of the
// dependency graph the diff orders changes by and recreates dependents
// from. Tests compare it across the two readers and with pg_depend.
func Dependencies(cat *model.Catalog) map[model.ObjectID][]model.ObjectID {
	g := newGraph(cat)
	out := make(map[model.ObjectID][]model.ObjectID, len(g.objs))
	for i := range g.objs {
		n, id := node(i), g.objs[i].ID
		if m, _ := g.ids.get(id); m != n {
			continue // a later object of the same name
		}
		seen := map[node]bool{}
		var visit func(node)
		visit = func(x node) {
			for _, d := range g.deps[x] {
				if !seen[d] {
					seen[d] = true
					visit(d)
				}
			}
		}
		visit(n)
		delete(seen, n)
		list := make([]node, 0, len(seen))
		for d := range seen {
			list = append(list, d)
		}
		g.sortNodes(list)
		ids := make([]model.ObjectID, len(list))
		for i, d := range list {
			ids[i] = g.id(d)
		}
		out[id] = ids
	}
	return out
}
