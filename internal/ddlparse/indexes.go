package ddlparse

import (
	"strings"

	"github.com/autogen-dev/autogen/internal/pgsql"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// createIndex handles CREATE INDEX on a table or materialized view. On a
// partitioned table (without ONLY) it also gives every partition a
// matching index, attaching an existing one when there is one.
func (b *builder) createIndex(s *pg.IndexStmt) error {
	if s.TableSpace != "" && s.TableSpace != "pg_default" {
		return b.unsupported("TABLESPACE (tablespaces are out of scope)")
	}
	rel, err := b.relation(s.Relation)
	if err != nil {
		return err
	}
	t := b.tables[rel]
	v := b.views[rel]
	if t == nil && (v == nil || !v.m.Materialized) {
		return b.errorAt(s.Relation.Location, ErrUndefined, "table %s does not exist", rel)
	}
	if t == nil {
		// Indexes on a materialized view reach its columns the same way.
		t = b.matviewTable(v)
	}
	method := s.AccessMethod
	if method == "" {
		method = "btree"
	}
	ix := &model.Index{Schema: rel.Schema, Table: rel, Unique: s.Unique, Method: method,
		NullsNotDistinct: s.NullsNotDistinct}
	for _, p := range s.IndexParams {
		k, err := b.indexKey(t, method, p.GetIndexElem())
		if err != nil {
			return err
		}
		ix.Keys = append(ix.Keys, k)
	}
	for _, p := range s.IndexIncludingParams {
		ie := p.GetIndexElem()
		if ie.Name == "" || t.m.Column(ie.Name) == nil {
			return b.errorAt(-1, ErrUndefined, "column %s does not exist", ie.Name)
		}
		ix.Include = append(ix.Include, ie.Name)
	}
	if ix.Options, err = b.relOptions(s.Options); err != nil {
		return err
	}
	if s.WhereClause != nil {
		if ix.Where, err = b.expr(s.WhereClause, ""); err != nil {
			return err
		}
	}
	name := s.Idxname
	if name == "" {
		cols := indexColumnNames(append(append([]*pg.Node(nil), s.IndexParams...), s.IndexIncludingParams...))
		name = b.chooseRelationName(rel.Schema, rel.Name, pgsql.NameAddition(cols), "idx", false)
	} else if b.relationExists(rel.Schema, name) {
		if s.IfNotExists {
			return nil
		}
		return b.errorAt(-1, ErrInvalid, "relation %s already exists", name)
	}
	ix.Name = name
	rec := &index{m: ix, table: t}
	b.addIndexRecord(rec)
	if s.Relation.Inh {
		for _, child := range t.partitions() {
			b.attachOrCreateChildIndex(rec, child)
		}
	}
	return nil
}

// addIndexRecord registers an index and takes its name.
func (b *builder) addIndexRecord(ix *index) {
	b.indexes[ix.m.QualifiedName()] = ix
	b.indexOrder = append(b.indexOrder, ix)
	b.takeRelname(ix.m.Schema, ix.m.Name)
}

// renameIndex gives an index a new name (ADD CONSTRAINT ... USING INDEX).
func (b *builder) renameIndex(ix *index, name string) {
	if ix.m.Name == name {
		return
	}
	delete(b.indexes, ix.m.QualifiedName())
	b.releaseRelname(ix.m.Schema, ix.m.Name)
	if ix.table.m.ClusterOn == ix.m.Name {
		ix.table.m.ClusterOn = name // the mark is the index's
	}
	ix.m.Name = name
	b.indexes[ix.m.QualifiedName()] = ix
	b.takeRelname(ix.m.Schema, name)
}

// indexKey converts one index element of an index on t. Defaults are left
// out: ascending order, the direction's NULLS order, the column's
// collation and the type's default operator class.
func (b *builder) indexKey(t *table, method string, ie *pg.IndexElem) (model.IndexKey, error) {
	var k model.IndexKey
	colName := ie.Name
	// A top-level COLLATE is the key's collation, as PostgreSQL's
	// ComputeIndexAttrs takes it: "(x COLLATE y)" is "x COLLATE y".
	for cc := ie.Expr.GetCollateClause(); cc != nil; cc = ie.Expr.GetCollateClause() {
		if ie.Collation == nil {
			ie.Collation = cc.Collname
		}
		ie.Expr = cc.Arg
	}
	if cr := ie.Expr.GetColumnRef(); cr != nil && len(cr.Fields) == 1 {
		// "(col)" is a plain column, as PostgreSQL treats it.
		colName = cr.Fields[0].GetString_().GetSval()
	}
	var colType, colColl string
	if colName != "" {
		c := t.m.Column(colName)
		if c == nil {
			return k, b.errorAt(-1, ErrUndefined, "column %s does not exist", colName)
		}
		k.Column, colType, colColl = colName, c.Type, c.Collation
	} else {
		e, err := b.expr(ie.Expr, sqlnorm.KeyType)
		if err != nil {
			return k, err
		}
		k.Expr = e
	}
	if ie.Collation != nil {
		coll, err := b.collation(&pg.CollateClause{Collname: ie.Collation, Location: -1}, colType)
		if err != nil {
			return k, err
		}
		if coll != colColl {
			k.Collation = coll
		}
	}
	if len(ie.Opclass) > 0 {
		opc, err := b.opclass(method, sqlnorm.Strings(ie.Opclass))
		if err != nil {
			return k, err
		}
		k.Opclass = opc
	}
	for _, o := range ie.Opclassopts {
		d := o.GetDefElem()
		k.OpclassOptions = append(k.OpclassOptions, d.Defname+"="+defValue(d.Arg))
	}
	k.Desc = ie.Ordering == pg.SortByDir_SORTBY_DESC
	switch ie.NullsOrdering {
	case pg.SortByNulls_SORTBY_NULLS_FIRST:
		if !k.Desc {
			k.NullsOrder = "NULLS FIRST"
		}
	case pg.SortByNulls_SORTBY_NULLS_LAST:
		if k.Desc {
			k.NullsOrder = "NULLS LAST"
		}
	}
	return k, nil
}

// opclass resolves an operator class: "" when it is the default class of
// its type, the bare name for pg_catalog classes, else schema.name.
func (b *builder) opclass(method string, names []string) (string, error) {
	name := names[len(names)-1]
	schemas := b.ns().SearchPath
	if len(names) == 2 {
		schemas = []string{names[0]}
	}
	if len(names) == 1 || names[0] == "pg_catalog" {
		if found, def := sqlnorm.Opclass("", method, name); found {
			if def {
				return "", nil
			}
			return pgsql.QuoteIdent(name), nil
		}
	}
	for _, s := range schemas {
		if len(names) == 2 && names[0] == "pg_catalog" {
			break
		}
		id := model.ObjectID{Kind: model.KindOpClass, Name: model.Name{Schema: s, Name: name}, Args: method}
		if b.definitions[id] != nil {
			if b.defaultClasses[id] {
				return "", nil
			}
			return pgsql.QualifiedName(s, name), nil
		}
		for _, e := range b.extensions {
			if e.m.Schema != s {
				continue
			}
			found, def := true, false
			if e.info != nil {
				found, def = sqlnorm.Opclass(e.m.Name, method, name)
			}
			if found {
				if def {
					return "", nil
				}
				return pgsql.QualifiedName(s, name), nil
			}
		}
	}
	if len(names) == 2 && b.unchecked(names[0]) {
		return pgsql.QualifiedName(names[0], name), nil
	}
	return "", b.errorAt(-1, ErrUndefined, "operator class %s does not exist for access method %s", strings.Join(names, "."), method)
}
