package ddlparse

import (
	"slices"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

func (b *builder) createView(s *pg.ViewStmt) error {
	if s.View.Relpersistence == "t" {
		return b.unsupported("CREATE TEMPORARY VIEW")
	}
	opts, err := b.relOptions(s.Options)
	if err != nil {
		return err
	}
	switch s.WithCheckOption {
	case pg.ViewCheckOption_LOCAL_CHECK_OPTION:
		opts = mergeOptions(opts, []string{"check_option=local"}, false)
	case pg.ViewCheckOption_CASCADED_CHECK_OPTION:
		opts = mergeOptions(opts, []string{"check_option=cascaded"}, false)
	}
	return b.defineView(s.View, s.Query.GetSelectStmt(), sqlnorm.Strings(s.Aliases), opts, false, s.Replace)
}

func (b *builder) createMaterializedView(s *pg.CreateTableAsStmt) error {
	if s.Objtype != pg.ObjectType_OBJECT_MATVIEW {
		return b.unsupported("CREATE TABLE AS")
	}
	into := s.Into
	if into.TableSpaceName != "" && into.TableSpaceName != "pg_default" {
		return b.unsupported("TABLESPACE (tablespaces are out of scope)")
	}
	if into.AccessMethod != "" && into.AccessMethod != "heap" {
		return b.unsupported("a table access method other than heap")
	}
	opts, err := b.relOptions(into.Options)
	if err != nil {
		return err
	}
	n, err := b.createName(into.Rel)
	if err != nil {
		return err
	}
	if b.relationExists(n.Schema, n.Name) && s.IfNotExists {
		return nil
	}
	return b.defineView(into.Rel, s.Query.GetSelectStmt(), sqlnorm.Strings(into.ColNames), opts, true, false)
}

// defineView creates (or with replace, redefines) a view. An explicit
// column list is folded into the query's output names, which is how
// PostgreSQL keeps it.
func (b *builder) defineView(rv *pg.RangeVar, sel *pg.SelectStmt, columns, opts []string, materialized, replace bool) error {
	if sel == nil {
		return b.unsupported("a view query that is not a SELECT")
	}
	n, err := b.createName(rv)
	if err != nil {
		return err
	}
	old := b.views[n]
	if b.relationExists(n.Schema, n.Name) && !(replace && old != nil && !old.m.Materialized) {
		return b.errorAt(rv.Location, ErrInvalid, "relation %s already exists", n)
	}
	var src model.SourceFinder
	if len(columns) == 0 {
		// A column list is folded into the query's output names, which the
		// user's text does not have.
		src = b.querySourceOf(sel)
	}
	q, err := b.ns().Query(sel, columns)
	if err != nil {
		return b.exprError(err)
	}
	q.Expr.Find = src
	v := &model.View{Name: n, Materialized: materialized, Query: q.Expr, Options: opts}
	if old != nil {
		// CREATE OR REPLACE keeps the comment, owner and privileges.
		v.Comment = old.m.Comment
		v.Access = old.m.Access
		b.accessDone[&v.Access] = true
	} else {
		b.initAccess(&v.Access, v.ID().Kind, n.Schema)
	}
	b.views[n] = &view{m: v, columns: q.Columns}
	b.takeRelname(n.Schema, n.Name)
	return nil
}

// matviewTable presents a materialized view as a table, for indexes on it.
func (b *builder) matviewTable(v *view) *table {
	if v.asTable == nil {
		v.asTable = &table{m: &model.Table{Name: v.m.Name}}
		for _, c := range v.columns {
			v.asTable.m.Columns = append(v.asTable.m.Columns, &model.Column{Name: c})
		}
	}
	return v.asTable
}

// alterView handles the ALTER VIEW forms that keep a view's definition:
// SET and RESET of options, and ownership (ignored).
func (b *builder) alterView(s *pg.AlterTableStmt) error {
	n, err := b.relation(s.Relation)
	if err != nil {
		return err
	}
	v := b.views[n]
	if v == nil {
		return b.errorAt(s.Relation.Location, ErrUndefined, "view %s does not exist", n)
	}
	for _, cn := range s.Cmds {
		c := cn.GetAlterTableCmd()
		switch c.Subtype {
		case pg.AlterTableType_AT_ChangeOwner:
			t := accessTarget{kind: v.m.ID().Kind, acc: &v.m.Access, schema: n.Schema, what: n.String()}
			if err := b.setOwner(t, b.role(c.Newowner, false)); err != nil {
				return err
			}
		case pg.AlterTableType_AT_SetRelOptions, pg.AlterTableType_AT_ResetRelOptions:
			opts, err := b.relOptions(c.Def.GetList().GetItems())
			if err != nil {
				return err
			}
			v.m.Options = mergeOptions(v.m.Options, opts, c.Subtype == pg.AlterTableType_AT_ResetRelOptions)
		case pg.AlterTableType_AT_ColumnDefault:
			if v.m.Materialized {
				return b.errorAt(s.Relation.Location, ErrInvalid, "%s is not a table, view, or foreign table", n)
			}
			if !slices.Contains(v.columns, c.Name) {
				return b.errorAt(-1, ErrUndefined, "column %s of relation %s does not exist", c.Name, n)
			}
			if err := b.setDefault(v.detail(c.Name), c.Def); err != nil {
				return err
			}
		default:
			return b.unsupported("ALTER VIEW " + atName(c.Subtype))
		}
	}
	return nil
}
