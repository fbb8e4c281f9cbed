package ddlparse

import (
	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// LIKE options, as in PostgreSQL's TableLikeOption.
const (
	likeComments    = 1 << 0
	likeCompression = 1 << 1
	likeConstraints = 1 << 2
	likeDefaults    = 1 << 3
	likeGenerated   = 1 << 4
	likeIdentity    = 1 << 5
	likeIndexes     = 1 << 6
	likeStorage     = 1 << 8
)

// likeColumns copies the columns of the table a LIKE clause names, with
// what its options ask for: names, types, collations and NOT NULL always;
// defaults, generation expressions, identity, storage and comments on
// request. It returns the source table for likeObjects.
func (b *builder) likeColumns(t *table, like *pg.TableLikeClause) (*table, []*pendingColumn, error) {
	src, err := b.table(like.Relation)
	if err != nil {
		return nil, nil, err
	}
	opts := like.Options
	var pending []*pendingColumn
	for _, sc := range src.m.Columns {
		if t.m.Column(sc.Name) != nil {
			return nil, nil, b.errorAt(like.Relation.Location, ErrInvalid, "column %s specified more than once", sc.Name)
		}
		c := &model.Column{Name: sc.Name, Type: sc.Type, NotNull: sc.NotNull, Collation: sc.Collation}
		if opts&likeDefaults != 0 && sc.Generated == nil {
			c.Default = sc.Default
		}
		if opts&likeGenerated != 0 {
			c.Generated = sc.Generated
		}
		if opts&likeStorage != 0 {
			c.Storage = sc.Storage
		}
		if opts&likeCompression != 0 {
			c.Compression = sc.Compression
		}
		if opts&likeComments != 0 {
			c.Comment = sc.Comment
		}
		p := &pendingColumn{col: c}
		if opts&likeIdentity != 0 && sc.Identity != nil {
			// PostgreSQL 15 copies every sequence option but the type,
			// so the new sequence is a bigint one.
			id := *sc.Identity
			id.Type = "bigint"
			c.Identity = &id
		}
		t.m.Columns = append(t.m.Columns, c)
		t.local[c.Name] = true
		pending = append(pending, p)
	}
	return src, pending, nil
}

// likeObjects copies the CHECK constraints (keeping their names) and the
// indexes (named afresh for the new table, as PostgreSQL's cloned index
// definitions are) of a LIKE clause's source table.
func (b *builder) likeObjects(t, src *table, opts uint32) {
	schema := t.m.Name.Schema
	if opts&likeConstraints != 0 {
		for _, c := range src.m.Constraints {
			if c.Kind != model.Check {
				continue
			}
			cc := *c
			cc.NotValid = false
			if opts&likeComments == 0 {
				cc.Comment = ""
			}
			t.m.Constraints = append(t.m.Constraints, &cc)
			b.takeConname(schema, cc.Name)
		}
	}
	if opts&likeIndexes == 0 {
		return
	}
	for _, ix := range b.indexesOf(src) {
		if ix.implied {
			continue
		}
		cols := indexColumnNamesOfIndex(ix.m)
		m := *ix.m
		m.Table, m.Schema = t.m.Name, schema
		if opts&likeComments == 0 {
			m.Comment = ""
		}
		rec := &index{m: &m, table: t}
		if ix.constraint == nil {
			m.Name = b.chooseRelationName(schema, t.m.Name.Name, pgsql.NameAddition(cols), "idx", false)
		} else {
			con := *ix.constraint
			switch con.Kind {
			case model.PrimaryKey:
				m.Name = b.chooseRelationName(schema, t.m.Name.Name, "", "pkey", true)
				for _, col := range con.Columns {
					t.m.Column(col).NotNull = true
				}
			case model.Unique:
				m.Name = b.chooseRelationName(schema, t.m.Name.Name, pgsql.NameAddition(cols), "key", true)
			default:
				m.Name = b.chooseRelationName(schema, t.m.Name.Name, pgsql.NameAddition(cols), "excl", true)
			}
			con.Name = m.Name
			if opts&likeComments == 0 {
				con.Comment = ""
			}
			t.m.Constraints = append(t.m.Constraints, &con)
			b.takeConname(schema, con.Name)
			rec.constraint = &con
		}
		b.addIndexRecord(rec)
	}
}

// indexColumnNamesOf makes key names unique the way ChooseIndexColumnNames
// does.
func indexColumnNamesOf(names []string) []string {
	return indexColumnNames(sqlnorm.StringNodes(names...))
}

// indexColumnNamesOfIndex returns the names PostgreSQL gave the columns of
// an index (pg_attribute of the index), which it names copies of the index
// by (LIKE, a partition's index): each key column's name, the name
// FigureIndexColname gives an expression, then the INCLUDE columns, made
// unique.
func indexColumnNamesOfIndex(ix *model.Index) []string {
	var cols []string
	for _, k := range ix.Keys {
		if k.Column != "" {
			cols = append(cols, k.Column)
		} else if n, err := sqlnorm.ParseExprNode(k.Expr.SQL); err == nil {
			cols = append(cols, figureIndexColname(n))
		} else {
			cols = append(cols, "expr")
		}
	}
	return indexColumnNamesOf(append(cols, ix.Include...))
}
