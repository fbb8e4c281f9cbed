package settle

import (
	"errors"
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// A probe never touches a user's relation: every table or view that a
// disputed expression reads is replaced by a temporary stand-in (a shadow)
// of the same name, with the columns and types the desired schema gives
// it, and the expression's references are pointed at pg_temp. The server
// prints a temporary relation without its schema (the session's temporary
// schema is always on the search path), so the printed text is pointed
// back at the real schema before it is read.

// errOutside marks an expression that reads a relation the desired schema
// does not describe (excluded from the scope, or an extension's): it cannot
// be shadowed, and reading the real one would lock it.
var errOutside = errors.New("reads a relation outside the managed schema")

// relations indexes the desired catalog's tables and views.
type relations struct {
	tables map[model.Name]*model.Table
	views  map[model.Name]*model.View
}

func newRelations(c *model.Catalog) *relations {
	r := &relations{tables: map[model.Name]*model.Table{}, views: map[model.Name]*model.View{}}
	for _, t := range c.Tables {
		r.tables[t.Name] = t
	}
	for _, v := range c.Views {
		r.views[v.Name] = v
	}
	return r
}

// columns returns every column of a table, inherited ones first, as
// PostgreSQL orders them: the model leaves out the columns a child only
// inherits.
func (r *relations) columns(n model.Name) []*model.Column {
	t := r.tables[n]
	if t == nil {
		return nil
	}
	var parents []model.Name
	if t.PartitionOf != nil {
		parents = append(parents, *t.PartitionOf)
	}
	parents = append(parents, t.Inherits...)
	var out []*model.Column
	seen := map[string]bool{}
	add := func(c *model.Column) {
		if !seen[c.Name] {
			seen[c.Name] = true
			out = append(out, c)
		}
	}
	for _, p := range parents {
		for _, c := range r.columns(p) {
			add(c)
		}
	}
	for _, c := range t.Columns {
		if seen[c.Name] {
			// A child's own definition of an inherited column replaces the
			// parent's in place.
			for i, o := range out {
				if o.Name == c.Name {
					out[i] = c
				}
			}
			continue
		}
		add(c)
	}
	return out
}

// env collects the statements that create one probe's shadows.
type env struct {
	rels  *relations
	stmts []string
	// shadowed maps a shadow's name to the relation it stands for, and
	// order lists the shadows as they were created.
	shadowed map[string]model.Name
	order    []string
	visiting map[model.Name]bool
}

func newEnv(rels *relations) *env {
	return &env{rels: rels, shadowed: map[string]model.Name{}, visiting: map[model.Name]bool{}}
}

// claim reserves the shadow name for n; two relations of the same name in
// different schemas cannot both be shadowed in one probe.
func (e *env) claim(n model.Name) (bool, error) {
	if got, ok := e.shadowed[n.Name]; ok {
		if got != n {
			return false, fmt.Errorf("reads both %s and %s, which cannot be told apart in pg_temp", got, n)
		}
		return false, nil
	}
	if e.visiting[n] {
		return false, fmt.Errorf("%s depends on itself", n)
	}
	return true, nil
}

func (e *env) record(n model.Name) {
	e.shadowed[n.Name] = n
	e.order = append(e.order, n.Name)
}

// table shadows a table with its columns, leaving out the column except
// names (the one a probe adds itself).
func (e *env) table(n model.Name, except string) error {
	ok, err := e.claim(n)
	if err != nil || !ok {
		return err
	}
	var cols []string
	for _, c := range e.rels.columns(n) {
		if c.Name == except {
			continue
		}
		def := pgsql.QuoteIdent(c.Name) + " " + c.Type
		if c.Collation != "" {
			def += " COLLATE " + c.Collation
		}
		cols = append(cols, def)
	}
	e.stmts = append(e.stmts, "CREATE TEMPORARY TABLE "+pgsql.QuoteIdent(n.Name)+" ("+strings.Join(cols, ", ")+")")
	e.record(n)
	return nil
}

// relation shadows a table or view that an expression reads. A view is
// shadowed by a table of its query's columns, built from the shadows of
// what it reads in turn, so that a shadow can also carry an index.
func (e *env) relation(n model.Name) error {
	if e.rels.tables[n] != nil {
		return e.table(n, "")
	}
	return e.viewShadow(n, "CREATE TEMPORARY TABLE %s AS %s WITH NO DATA")
}

// view shadows a view as a temporary view, for a probe of the view itself
// or of a trigger on it.
func (e *env) view(n model.Name) error {
	return e.viewShadow(n, "CREATE TEMPORARY VIEW %s AS %s")
}

// viewShadow creates a view's stand-in with the statement format (name,
// then query), after the stand-ins of what the query reads.
func (e *env) viewShadow(n model.Name, format string) error {
	v := e.rels.views[n]
	if v == nil {
		return fmt.Errorf("%w: %s", errOutside, n)
	}
	ok, err := e.claim(n)
	if err != nil || !ok {
		return err
	}
	e.visiting[n] = true
	query, err := e.retarget(v.Query.SQL, true)
	delete(e.visiting, n)
	if err != nil {
		return err
	}
	e.stmts = append(e.stmts, fmt.Sprintf(format, pgsql.QuoteIdent(n.Name), query))
	e.record(n)
	return nil
}

// retarget points the relations that sql reads at their shadows, creating
// them. query says whether sql is a whole statement (a view's query) or an
// expression.
func (e *env) retarget(sql string, query bool) (string, error) {
	tree, err := parse(sql, query)
	if err != nil {
		return "", err
	}
	var walkErr error
	changed := false
	sqlnorm.Walk(tree.Stmts[0].Stmt, func(n *pg.Node) bool {
		rv := n.GetRangeVar()
		if rv == nil || walkErr != nil {
			return walkErr == nil
		}
		switch rv.Schemaname {
		case "", "pg_catalog", "information_schema":
			// A common table expression, or a system relation.
			return true
		}
		name := model.Name{Schema: rv.Schemaname, Name: rv.Relname}
		if err := e.relation(name); err != nil {
			walkErr = err
			return false
		}
		rv.Schemaname = "pg_temp"
		changed = true
		return true
	})
	if walkErr != nil || !changed {
		return sql, walkErr
	}
	return deparse(tree, query)
}

// namespace returns the namespace in which to read what the server printed
// for the probe: Inspect's, which knows only pg_catalog, plus the shadows,
// which the server prints without a schema and which resolve here to the
// relations they stand for. cols holds the shadows' columns as the server
// created them.
func (e *env) namespace(cols map[string][]string) *sqlnorm.Namespace {
	var path []string
	seen := map[string]bool{}
	for _, name := range e.order {
		if s := e.shadowed[name].Schema; !seen[s] {
			seen[s] = true
			path = append(path, s)
		}
	}
	return &sqlnorm.Namespace{
		SearchPath: path,
		Lookup: func(kind sqlnorm.Kind, schema, name string) bool {
			return (kind == sqlnorm.KindRelation || kind == sqlnorm.KindType) &&
				e.shadowed[name] == model.Name{Schema: schema, Name: name}
		},
		Columns: func(rel model.Name) ([]string, bool) {
			if e.shadowed[rel.Name] != rel {
				return nil, false
			}
			c, ok := cols[rel.Name]
			return c, ok
		},
	}
}

// parse parses a statement, or an expression wrapped in a SELECT.
func parse(sql string, query bool) (*pg.ParseResult, error) {
	text := sql
	if !query {
		text = "SELECT " + sql
	}
	tree, err := sqlnorm.Parse(text)
	if err != nil {
		return nil, fmt.Errorf("parsing %q: %w", sql, err)
	}
	if len(tree.Stmts) != 1 {
		return nil, fmt.Errorf("parsing %q: not one statement", sql)
	}
	return tree, nil
}

// deparse prints what parse read.
func deparse(tree *pg.ParseResult, query bool) (string, error) {
	out, err := sqlnorm.Deparse(tree)
	if err != nil {
		return "", fmt.Errorf("printing: %w", err)
	}
	if !query {
		out = strings.TrimPrefix(out, "SELECT ")
	}
	return out, nil
}
