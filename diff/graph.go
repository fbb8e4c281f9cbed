package diff

import (
	"slices"

	"github.com/autogen-dev/autogen/model"
)

// graph is the dependency graph of one catalog: every object with the
// objects it depends on, resolved from the typed references the readers
// recorded (model.Object.Refs), and the reverse edges. It is how the diff
// knows what a change disturbs and in which order changes must run; no
// dependency is ever found by searching SQL text.
type graph struct {
	cat  *model.Catalog
	objs map[model.ObjectID]*model.Object
	// deps and users are the edges and their reverse, sorted.
	deps, users map[model.ObjectID][]model.ObjectID

	relations  map[model.Name]model.ObjectID
	types      map[model.Name]model.ObjectID
	functions  map[model.Name][]model.ObjectID
	collations map[model.Name]model.ObjectID
	columns    map[model.ObjectID]bool
	// named resolves the references to definitions of the other kinds
	// (operators, operator classes and families, text search objects,
	// foreign-data wrappers, servers), by reference kind and name.
	named map[model.Ref][]model.ObjectID
}

func newGraph(cat *model.Catalog) *graph {
	g := &graph{cat: cat, objs: map[model.ObjectID]*model.Object{}, deps: map[model.ObjectID][]model.ObjectID{},
		users: map[model.ObjectID][]model.ObjectID{}, relations: map[model.Name]model.ObjectID{},
		types: map[model.Name]model.ObjectID{}, functions: map[model.Name][]model.ObjectID{},
		collations: map[model.Name]model.ObjectID{}, columns: map[model.ObjectID]bool{},
		named: map[model.Ref][]model.ObjectID{}}
	objs := cat.Objects()
	for i := range objs {
		o := &objs[i]
		g.objs[o.ID] = o
		switch o.ID.Kind {
		case model.KindTable, model.KindView, model.KindMatView, model.KindSequence:
			g.relations[o.ID.Name] = o.ID
			if o.ID.Kind != model.KindSequence {
				g.types[o.ID.Name] = o.ID // its row type
			}
		case model.KindEnum, model.KindDomain, model.KindComposite:
			g.types[o.ID.Name] = o.ID
		case model.KindFunction, model.KindProcedure:
			g.functions[o.ID.Name] = append(g.functions[o.ID.Name], o.ID)
		case model.KindCollation:
			g.collations[o.ID.Name] = o.ID
		case model.KindColumn:
			g.columns[o.ID] = true
		}
		if d, ok := o.Value.(*model.Definition); ok {
			g.register(o.ID, model.Ref{Kind: o.ID.Kind.Info().Ref, Name: o.ID.Name})
			for _, r := range d.Provides {
				g.register(o.ID, r)
			}
		}
	}
	for i := range objs {
		o := &objs[i]
		set := map[model.ObjectID]bool{}
		if p, ok := o.ID.Parent(cat); ok {
			set[p] = true
		}
		for _, r := range o.Refs {
			for _, t := range g.resolve(o.ID, r) {
				if t != o.ID {
					set[t] = true
				}
			}
		}
		if o.ID.Kind == model.KindConstraint {
			if k, ok := g.referencedKey(o); ok {
				set[k] = true
			}
		}
		for t := range set {
			g.deps[o.ID] = append(g.deps[o.ID], t)
			g.users[t] = append(g.users[t], o.ID)
		}
	}
	for _, m := range []map[model.ObjectID][]model.ObjectID{g.deps, g.users} {
		for _, list := range m {
			slices.SortFunc(list, model.ObjectID.Compare)
		}
	}
	return g
}

// register makes references of the given kind and name resolve to a
// definition: a range type answers to its name as a type and as a
// function (its constructor), an aggregate to its name as a function, a
// foreign table to its name as a relation and a type.
func (g *graph) register(id model.ObjectID, r model.Ref) {
	switch r.Kind {
	case 0:
	case model.RefType:
		g.types[r.Name] = id
	case model.RefFunction:
		g.functions[r.Name] = append(g.functions[r.Name], id)
	case model.RefRelation:
		g.relations[r.Name] = id
		g.types[r.Name] = id
	default:
		g.named[model.Ref{Kind: r.Kind, Name: r.Name}] = append(g.named[model.Ref{Kind: r.Kind, Name: r.Name}], id)
	}
}

// resolve returns the objects of the catalog a reference of owner points
// at; none when the reference is to something outside the catalog (an
// extension's object, pg_catalog).
func (g *graph) resolve(owner model.ObjectID, r model.Ref) []model.ObjectID {
	switch r.Kind {
	case model.RefSchema:
		id := model.ObjectID{Kind: model.KindSchema, Name: r.Name}
		if g.objs[id] != nil {
			return []model.ObjectID{id}
		}
	case model.RefExtension:
		id := model.ObjectID{Kind: model.KindExtension, Name: r.Name}
		if g.objs[id] != nil {
			return []model.ObjectID{id}
		}
	case model.RefRelation:
		if id, ok := g.relations[r.Name]; ok {
			return []model.ObjectID{id}
		}
	case model.RefColumn:
		rel := r.Name
		if rel.Name == "" {
			if !owner.Kind.Info().Member {
				return nil
			}
			rel = owner.Name
		}
		if col := model.ColumnID(rel, r.Column); g.columns[col] {
			return []model.ObjectID{col}
		}
		if id, ok := g.relations[rel]; ok {
			return []model.ObjectID{id}
		}
	case model.RefType:
		if id, ok := g.types[r.Name]; ok {
			return []model.ObjectID{id}
		}
	case model.RefFunction:
		return g.functions[r.Name]
	case model.RefCollation:
		if id, ok := g.collations[r.Name]; ok {
			return []model.ObjectID{id}
		}
	default:
		return g.named[model.Ref{Kind: r.Kind, Name: r.Name}]
	}
	return nil
}

// referencedKey returns the primary key or unique constraint a foreign key
// relies on: PostgreSQL records that dependency, and refuses to drop the
// key while the foreign key exists.
func (g *graph) referencedKey(o *model.Object) (model.ObjectID, bool) {
	fk, ok := o.Value.(*model.Constraint)
	if !ok || fk.Kind != model.ForeignKey || fk.References == nil {
		return model.ObjectID{}, false
	}
	t := g.cat.Table(*fk.References)
	if t == nil {
		return model.ObjectID{}, false
	}
	cols := fk.RefColumns
	if len(cols) == 0 {
		if pk := t.PrimaryKey(); pk != nil {
			cols = pk.Columns
		}
	}
	for _, c := range t.Constraints {
		if (c.Kind == model.PrimaryKey || c.Kind == model.Unique) && sameSet(c.Columns, cols) {
			return model.ConstraintID(t.Name, c.Name), true
		}
	}
	for _, ix := range g.cat.IndexesOf(t.Name) {
		if !ix.Unique || ix.Where != nil {
			continue
		}
		var keys []string
		for _, k := range ix.Keys {
			keys = append(keys, k.Column)
		}
		if sameSet(keys, cols) {
			return ix.ID(), true
		}
	}
	return model.ObjectID{}, false
}

// has reports whether the catalog holds the object.
func (g *graph) has(id model.ObjectID) bool { return g.objs[id] != nil }

// dependents returns every object that depends on id, directly or through
// others, in a deterministic order (nearest first).
func (g *graph) dependents(id model.ObjectID) []model.ObjectID {
	seen := map[model.ObjectID]bool{id: true}
	var out []model.ObjectID
	queue := []model.ObjectID{id}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, u := range g.users[cur] {
			if !seen[u] {
				seen[u] = true
				out = append(out, u)
				queue = append(queue, u)
			}
		}
	}
	return out
}

// dependsOn reports whether a depends on b, directly or through others.
func (g *graph) dependsOn(a, b model.ObjectID) bool {
	seen := map[model.ObjectID]bool{}
	var visit func(model.ObjectID) bool
	visit = func(x model.ObjectID) bool {
		if x == b {
			return true
		}
		if seen[x] {
			return false
		}
		seen[x] = true
		for _, d := range g.deps[x] {
			if visit(d) {
				return true
			}
		}
		return false
	}
	return a != b && visit(a)
}

// late reports whether a function must be created after the tables and
// views (and dropped before them): it depends, directly or through other
// functions, on a relation or a relation's row type. Other functions come
// early, since defaults, checks and indexes may call them. The order of
// changes follows the graph either way; lateness only chooses the phase
// a function is listed in when the graph leaves it free.
func (g *graph) late(id model.ObjectID) bool {
	seen := map[model.ObjectID]bool{}
	var visit func(model.ObjectID) bool
	visit = func(x model.ObjectID) bool {
		if seen[x] {
			return false
		}
		seen[x] = true
		for _, dep := range g.deps[x] {
			switch dep.Kind {
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
	return visit(id)
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
	for _, r := range refs {
		if slices.Contains(g.resolve(owner, r), target) {
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
	for id := range g.objs {
		seen := map[model.ObjectID]bool{}
		var visit func(model.ObjectID)
		visit = func(x model.ObjectID) {
			for _, d := range g.deps[x] {
				if !seen[d] {
					seen[d] = true
					visit(d)
				}
			}
		}
		visit(id)
		delete(seen, id)
		list := make([]model.ObjectID, 0, len(seen))
		for d := range seen {
			list = append(list, d)
		}
		slices.SortFunc(list, model.ObjectID.Compare)
		out[id] = list
	}
	return out
}
