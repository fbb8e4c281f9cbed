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
// others depend on cannot be dropped, as in PostgreSQL.
func (b *builder) drop(s *pg.DropStmt) error {
	switch s.RemoveType {
	case pg.ObjectType_OBJECT_TABLE, pg.ObjectType_OBJECT_VIEW, pg.ObjectType_OBJECT_MATVIEW,
		pg.ObjectType_OBJECT_INDEX, pg.ObjectType_OBJECT_SEQUENCE:
	default:
		return b.unsupported("DROP " + strings.ReplaceAll(strings.TrimPrefix(s.RemoveType.String(), "OBJECT_"), "_", " "))
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
		if err != nil {
			if s.MissingOk {
				continue
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
	}
	b.indexOrder = slices.DeleteFunc(b.indexOrder, func(x *index) bool { return x == ix })
}
