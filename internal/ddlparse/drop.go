package ddlparse

import (
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// drop handles DROP TABLE, VIEW, MATERIALIZED VIEW, INDEX and SEQUENCE
// without CASCADE: the object and what PostgreSQL drops with it (indexes,
// triggers, owned sequences, partitions) leave the schema. Objects that
// others depend on cannot be dropped, as in PostgreSQL. DROP TRIGGER,
// POLICY, FUNCTION, PROCEDURE, TYPE, DOMAIN, COLLATION, EXTENSION and
// SCHEMA drop objects nothing depends on (see dropOther). DROP ... IF
// EXISTS of an object that does not exist does nothing, whatever its
// kind: pg_dump --clean --if-exists starts with such statements for
// everything it then creates. Without IF EXISTS (pg_dump --clean), a DROP
// of an object that does not exist yet is accepted when the files create
// it later (see pendingDrop).
func (b *builder) drop(s *pg.DropStmt) error {
	switch s.RemoveType {
	case pg.ObjectType_OBJECT_TABLE, pg.ObjectType_OBJECT_VIEW, pg.ObjectType_OBJECT_MATVIEW,
		pg.ObjectType_OBJECT_INDEX, pg.ObjectType_OBJECT_SEQUENCE:
	default:
		return b.dropOther(s)
	}
	if s.Behavior == pg.DropBehavior_DROP_CASCADE {
		return b.unsupported("DROP ... CASCADE")
	}
	for _, o := range s.Objects {
		parts := sqlnorm.Strings(o.GetList().GetItems())
		rv := &pg.RangeVar{Relname: parts[len(parts)-1], Location: -1}
		if len(parts) > 1 {
			rv.Schemaname = parts[len(parts)-2]
		}
		n, err := b.relation(rv)
		if err == nil && !s.MissingOk && !b.relationExists(n.Schema, n.Name) {
			b.dropLater(func() bool { return b.relationExists(n.Schema, n.Name) },
				b.errorAt(-1, ErrUndefined, "%s %s does not exist", strings.ToLower(objectWord(s.RemoveType)), n))
			continue
		}
		if err != nil {
			if s.MissingOk {
				continue
			}
			if rv.Schemaname == "" {
				if cs, ok := b.ns().CreationSchema(); ok {
					later := model.Name{Schema: cs, Name: rv.Relname}
					b.dropLater(func() bool { return b.relationExists(later.Schema, later.Name) }, err)
					continue
				}
			}
			return err
		}
		if err := b.dropRelation(s.RemoveType, n, s.MissingOk); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) dropRelation(kind pg.ObjectType, n model.Name, missingOK bool) error {
	for _, v := range b.views {
		if v.m.Name != n && slices.ContainsFunc(v.m.Query.Refs, func(r model.Ref) bool {
			return (r.Kind == model.RefRelation || r.Kind == model.RefColumn) && r.Name == n
		}) {
			return b.errorAt(-1, ErrInvalid, "cannot drop %s because view %s depends on it", n, v.m.Name)
		}
	}
	switch kind {
	case pg.ObjectType_OBJECT_TABLE:
		t := b.tables[n]
		if t == nil {
			break
		}
		for _, other := range b.tables {
			for _, c := range other.m.Constraints {
				if other != t && c.Kind == model.ForeignKey && c.References != nil && *c.References == n {
					return b.errorAt(-1, ErrInvalid, "cannot drop table %s because constraint %s on table %s depends on it",
						n, c.Name, other.m.Name)
				}
			}
		}
		b.dropTable(t)
		return nil
	case pg.ObjectType_OBJECT_VIEW, pg.ObjectType_OBJECT_MATVIEW:
		if v := b.views[n]; v != nil && v.m.Materialized == (kind == pg.ObjectType_OBJECT_MATVIEW) {
			delete(b.views, n)
			delete(b.triggers, n)
			b.releaseRelname(n.Schema, n.Name)
			for _, ix := range slices.Clone(b.indexOrder) {
				if ix.m.Table == n {
					b.dropIndex(ix)
				}
			}
			return nil
		}
	case pg.ObjectType_OBJECT_INDEX:
		if ix := b.indexes[n]; ix != nil {
			if ix.constraint != nil {
				return b.errorAt(-1, ErrInvalid, "cannot drop index %s because constraint %s requires it", n, ix.constraint.Name)
			}
			b.dropIndex(ix)
			return nil
		}
	case pg.ObjectType_OBJECT_SEQUENCE:
		if s := b.sequences[n]; s != nil && !s.identity {
			delete(b.sequences, n)
			b.releaseRelname(n.Schema, n.Name)
			return nil
		}
	}
	if missingOK {
		return nil
	}
	return b.errorAt(-1, ErrUndefined, "%s %s does not exist", strings.ToLower(strings.TrimPrefix(kind.String(), "OBJECT_")), n)
}

// dropOther drops the objects of a DROP of a kind other than a relation.
func (b *builder) dropOther(s *pg.DropStmt) error {
	what := "DROP " + objectWord(s.RemoveType)
	for _, o := range s.Objects {
		found, err := b.dropObject(s.RemoveType, o, s.Behavior == pg.DropBehavior_DROP_CASCADE)
		switch {
		case err != nil:
			return err
		case found == nil && s.MissingOk:
			continue // IF EXISTS of nothing
		case found == nil:
			kind, obj, path := s.RemoveType, o, b.searchPath
			b.dropLater(func() bool {
				saved := b.searchPath
				b.searchPath = path
				defer func() { b.searchPath = saved }()
				f, _ := b.dropObject(kind, obj, true) // only whether it exists
				return f != nil
			}, b.errorAt(-1, ErrUndefined, "%s %s does not exist", strings.ToLower(objectWord(s.RemoveType)), dropName(o)))
			continue
		}
		if s.Behavior == pg.DropBehavior_DROP_CASCADE {
			return b.unsupported(what + " ... CASCADE")
		}
		found()
	}
	return nil
}

// dropName renders the name a DROP gives an object, for messages.
func dropName(o *pg.Node) string {
	var parts []string
	switch {
	case o.GetObjectWithArgs() != nil:
		return strings.Join(sqlnorm.Strings(o.GetObjectWithArgs().Objname), ".") + "(...)"
	case o.GetTypeName() != nil:
		parts = sqlnorm.Strings(o.GetTypeName().Names)
	case o.GetString_() != nil:
		parts = []string{o.GetString_().Sval}
	default:
		parts = sqlnorm.Strings(o.GetList().GetItems())
	}
	return strings.Join(parts, ".")
}

// pendingDrop is a DROP (without IF EXISTS) of an object that did not
// exist when the statement came: pg_dump --clean writes one for every
// object it then creates. It stands if the files create the object later
// (created reports it once every file is read); otherwise err, at the
// DROP, is the error.
type pendingDrop struct {
	created func() bool
	err     error
}

// dropLater records a pending DROP.
func (b *builder) dropLater(created func() bool, err error) {
	b.pendingDrops = append(b.pendingDrops, pendingDrop{created: created, err: err})
}

// checkDrops reports the first pending DROP of an object the files never
// create.
func (b *builder) checkDrops() error {
	for _, p := range b.pendingDrops {
		if !p.created() {
			return p.err
		}
	}
	return nil
}

// dropObject finds the object a DROP names and returns what removes it;
// nil when it does not exist. Kinds the model does not hold can only be
// missing.
func (b *builder) dropObject(kind pg.ObjectType, o *pg.Node, cascade bool) (func(), error) {
	// A DROP of what does not exist yet is pg_dump --clean's, and stands
	// or fails through pendingDrop; it says nothing of the order of the
	// statements, so its lookups are not remembered as misses.
	saved := b.misses
	b.misses = nil
	defer func() { b.misses = saved }()
	lookup := func(names []*pg.Node, k sqlnorm.Kind) (model.Name, bool) {
		parts := sqlnorm.Strings(names)
		switch len(parts) {
		case 1:
			s, ok := b.ns().Resolve(k, parts[0])
			return model.Name{Schema: s, Name: parts[0]}, ok
		case 2:
			return model.Name{Schema: parts[0], Name: parts[1]}, true
		}
		return model.Name{}, false
	}
	if d, ok, err := b.definitionNamed(kind, o); ok && err == nil && d != nil {
		if cascade {
			// Asked only whether it exists (a pending DROP), or for a
			// CASCADE, which dropOther refuses.
			return func() {}, nil
		}
		// A definition the files created and drop again: what depends
		// on it is not tracked here, so it is refused rather than
		// guessed.
		return nil, b.unsupported("DROP " + objectWord(kind) + " of " + d.ID.String() + ", which the files create (leave both out)")
	} else if ok && kind != pg.ObjectType_OBJECT_TYPE {
		return nil, nil // not created (yet): see dropOther
	}
	switch kind {
	case pg.ObjectType_OBJECT_TRIGGER, pg.ObjectType_OBJECT_POLICY:
		parts := sqlnorm.Strings(o.GetList().GetItems())
		if len(parts) < 2 {
			return nil, nil
		}
		rv := &pg.RangeVar{Relname: parts[len(parts)-2], Location: -1}
		if len(parts) > 2 {
			rv.Schemaname = parts[len(parts)-3]
		}
		n, err := b.relation(rv)
		if err != nil {
			return nil, nil
		}
		name := parts[len(parts)-1]
		if kind == pg.ObjectType_OBJECT_TRIGGER {
			i := slices.IndexFunc(b.triggers[n], func(t *model.Trigger) bool { return t.Name == name })
			if i < 0 {
				return nil, nil
			}
			return func() {
				b.triggers[n] = slices.Delete(b.triggers[n], i, i+1)
				if t := b.tables[n]; t != nil {
					b.forgetClonedStates(t, name) // the clones go with it
				}
			}, nil
		}
		t := b.tables[n]
		if t == nil {
			return nil, nil
		}
		i := slices.IndexFunc(t.m.Policies, func(p *model.Policy) bool { return p.Name == name })
		if i < 0 {
			return nil, nil
		}
		return func() { t.m.Policies = slices.Delete(t.m.Policies, i, i+1) }, nil
	case pg.ObjectType_OBJECT_FUNCTION, pg.ObjectType_OBJECT_PROCEDURE, pg.ObjectType_OBJECT_ROUTINE:
		owa := o.GetObjectWithArgs()
		f, err := b.functionByArgs(owa)
		if err != nil {
			return nil, nil
		}
		n := f.Name
		if users := b.functionUsers(f); users != "" && !cascade {
			return nil, b.errorAt(-1, ErrInvalid, "cannot drop function %s because %s depends on it", f.Signature(), users)
		}
		return func() {
			b.functions[n] = slices.DeleteFunc(b.functions[n], func(x *model.Function) bool { return x == f })
		}, nil
	case pg.ObjectType_OBJECT_TYPE, pg.ObjectType_OBJECT_DOMAIN:
		n, ok := lookup(o.GetTypeName().GetNames(), sqlnorm.KindType)
		if !ok {
			return nil, nil
		}
		if b.enums[n] == nil && b.domains[n] == nil && b.composites[n] == nil {
			return nil, nil
		}
		if users := b.typeUsers(n); users != "" && !cascade {
			return nil, b.errorAt(-1, ErrInvalid, "cannot drop type %s because %s depends on it", n, users)
		}
		return func() {
			delete(b.enums, n)
			delete(b.domains, n)
			if b.composites[n] != nil {
				delete(b.composites, n)
				b.releaseRelname(n.Schema, n.Name)
			}
		}, nil
	case pg.ObjectType_OBJECT_COLLATION:
		n, ok := lookup(o.GetList().GetItems(), sqlnorm.KindCollation)
		if !ok || b.collations[n] == nil {
			return nil, nil
		}
		return func() { delete(b.collations, n) }, nil
	case pg.ObjectType_OBJECT_SCHEMA:
		name := o.GetString_().GetSval()
		if b.schemas[name] == nil {
			return nil, nil
		}
		if b.schemaInUse(name) && !cascade {
			return nil, b.errorAt(-1, ErrInvalid, "cannot drop schema %s because other objects depend on it", name)
		}
		return func() { delete(b.schemas, name) }, nil
	case pg.ObjectType_OBJECT_EXTENSION:
		name := o.GetString_().GetSval()
		if b.extensions[name] == nil {
			return nil, nil
		}
		return func() { delete(b.extensions, name) }, nil
	}
	return nil, nil
}

// functionUsers names a trigger that executes a function, or "".
func (b *builder) functionUsers(f *model.Function) string {
	for _, n := range sortedNames(b.triggers) {
		for _, t := range b.triggers[n] {
			if t.Function == f.Name {
				return "trigger " + t.Name + " on " + n.String()
			}
		}
	}
	return ""
}

// typeUsers names a column, domain or composite type that uses a type,
// or "".
func (b *builder) typeUsers(n model.Name) string {
	uses := func(typ string) bool {
		return slices.ContainsFunc(model.TypeRefs(typ), func(r model.Ref) bool { return r.Name == n })
	}
	for _, tn := range sortedTableNames(b.tables) {
		for _, c := range b.tables[tn].m.Columns {
			if uses(c.Type) {
				return "column " + c.Name + " of table " + tn.String()
			}
		}
	}
	for dn, d := range b.domains {
		if dn != n && uses(d.Type) {
			return "domain " + dn.String()
		}
	}
	for cn, c := range b.composites {
		for _, a := range c.Attributes {
			if cn != n && uses(a.Type) {
				return "type " + cn.String()
			}
		}
	}
	return ""
}

// schemaInUse reports whether any object lives in the schema.
func (b *builder) schemaInUse(schema string) bool {
	if len(b.relnames[schema]) > 0 {
		return true
	}
	in := func(n model.Name) bool { return n.Schema == schema }
	for n := range b.functions {
		if in(n) && len(b.functions[n]) > 0 {
			return true
		}
	}
	for n := range b.enums {
		if in(n) {
			return true
		}
	}
	for n := range b.domains {
		if in(n) {
			return true
		}
	}
	for n := range b.collations {
		if in(n) {
			return true
		}
	}
	for _, e := range b.extensions {
		if e.m.Schema == schema {
			return true
		}
	}
	return false
}

// dropTable removes a table with its partitions, indexes, triggers and
// owned sequences.
func (b *builder) dropTable(t *table) {
	for _, child := range slices.Clone(t.children) {
		if child.m.PartitionOf != nil {
			b.dropTable(child)
		} else {
			child.parents = slices.DeleteFunc(child.parents, func(p *table) bool { return p == t })
			child.m.Inherits = slices.DeleteFunc(child.m.Inherits, func(p model.Name) bool { return p == t.m.Name })
		}
	}
	for _, p := range t.parents {
		p.children = slices.DeleteFunc(p.children, func(c *table) bool { return c == t })
	}
	n := t.m.Name
	delete(b.tables, n)
	delete(b.triggers, n)
	b.releaseRelname(n.Schema, n.Name)
	for _, ix := range b.indexesOf(t) {
		b.dropIndex(ix)
	}
	for sn, s := range b.sequences {
		if s.m.OwnedBy != nil && s.m.OwnedBy.Table == n {
			delete(b.sequences, sn)
			b.releaseRelname(sn.Schema, sn.Name)
		}
	}
}

// dropIndex forgets an index.
func (b *builder) dropIndex(ix *index) {
	if b.indexes[ix.m.QualifiedName()] == ix {
		delete(b.indexes, ix.m.QualifiedName())
		b.releaseRelname(ix.m.Schema, ix.m.Name)
		if ix.table.m.ClusterOn == ix.m.Name {
			ix.table.m.ClusterOn = "" // the mark goes with the index
		}
	}
	b.indexOrder = slices.DeleteFunc(b.indexOrder, func(x *index) bool { return x == ix })
}

// dropUserMapping handles DROP USER MAPPING as pg_dump --clean writes it:
// of a mapping the files create later, or (IF EXISTS) of none.
func (b *builder) dropUserMapping(s *pg.DropUserMappingStmt) error {
	role := "public"
	if s.User.GetRoletype() == pg.RoleSpecType_ROLESPEC_CSTRING {
		role = s.User.GetRolename()
	} else if s.User.GetRoletype() != pg.RoleSpecType_ROLESPEC_PUBLIC {
		return b.unsupported("DROP USER MAPPING FOR " + strings.TrimPrefix(s.User.GetRoletype().String(), "ROLESPEC_"))
	}
	id := model.ObjectID{Kind: model.KindUserMapping, Name: model.Name{Name: s.Servername}, Member: role}
	exists := func() bool { return b.definitions[id] != nil }
	switch {
	case exists():
		return b.unsupported("DROP USER MAPPING of a mapping the files create (leave both out)")
	case s.MissingOk:
		return nil
	}
	b.dropLater(exists, b.errorAt(-1, ErrUndefined, "%s does not exist", id))
	return nil
}
