package sqlnorm

import (
	"fmt"
	"slices"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// ExprKind says how an expression's text is read.
type ExprKind int

// The kinds of expression text.
const (
	// ScalarExpr is a default, check, index expression or predicate,
	// policy qualifier or generated column.
	ScalarExpr ExprKind = iota
	// QueryExpr is a view's query.
	QueryExpr
	// BodyExpr is a SQL-standard function body.
	BodyExpr
	// TriggerExpr is a whole CREATE TRIGGER statement.
	TriggerExpr
)

// RenameExpr returns e as it reads after the renames, or e itself when it
// names no renamed object. owner is the table (by its old name) whose bare
// column names the expression uses, typ the type its value is coerced to,
// as for Expr; ns resolves relations' columns by their old names.
func RenameExpr(e *model.Expr, kind ExprKind, owner model.Name, typ string, r *model.Renaming, ns *Namespace) (*model.Expr, error) {
	if e == nil {
		return nil, nil
	}
	touched := false
	for _, ref := range e.Refs {
		if r.Touches(owner, ref) {
			touched = true
			break
		}
	}
	// A default of an enum column is a constant of that type, with or
	// without a cast.
	var valueRenames map[string]string
	if t, err := pgsql.ParseType(typ); err == nil && !t.Builtin() && !t.Array {
		valueRenames = r.EnumValues[model.Name{Schema: t.Schema, Name: t.Name}]
	}
	if !touched && valueRenames == nil {
		return e, nil
	}
	q := newQualifier(ns)
	q.ren = &renamer{r: r, owner: owner}
	var out *model.Expr
	switch kind {
	case ScalarExpr:
		n, err := ParseExprNode(e.SQL)
		if err != nil {
			return nil, err
		}
		if err := q.expr(n, nil); err != nil {
			return nil, err
		}
		if c := n.GetAConst(); c != nil && c.GetSval() != nil {
			if nv, ok := valueRenames[c.GetSval().Sval]; ok {
				c.GetSval().Sval = nv
			}
		}
		if out, err = ns.printed(n, typ, q); err != nil {
			return nil, err
		}
	case QueryExpr:
		res, err := Parse(e.SQL)
		if err != nil || len(res.Stmts) != 1 || res.Stmts[0].Stmt.GetSelectStmt() == nil {
			return nil, fmt.Errorf("renaming in view query: %v", err)
		}
		sel := res.Stmts[0].Stmt.GetSelectStmt()
		if _, err := q.query(sel, nil); err != nil {
			return nil, err
		}
		if out, err = ns.printed(&pg.Node{Node: &pg.Node_SelectStmt{SelectStmt: sel}}, "", q); err != nil {
			return nil, err
		}
	case TriggerExpr:
		stmt, err := ParseTrigger(e.SQL)
		if err != nil {
			return nil, err
		}
		table := model.Name{Schema: stmt.Relation.Schemaname, Name: stmt.Relation.Relname}
		for i, c := range stmt.Columns {
			stmt.Columns[i] = StringNodes(r.Column(table, c.GetString_().GetSval()))[0]
		}
		fn := Strings(stmt.Funcname)
		fname := model.Name{Name: fn[len(fn)-1]}
		if len(fn) == 2 {
			fname.Schema = fn[0]
		}
		if err := q.expr(stmt.WhenClause, nil); err != nil {
			return nil, err
		}
		re, err := ns.Trigger(stmt, r.Table(table), fname)
		if err != nil {
			return nil, err
		}
		out = re
	case BodyExpr:
		// A SQL-standard body keeps its text: the diff compares it with
		// the target's and recreates the function if it reads a renamed
		// column (PostgreSQL would have renamed it inside).
		out = &model.Expr{SQL: e.SQL, Canon: e.Canon}
	}
	// The qualifier recorded references by the old names; the renamed
	// ones are the expression's own, renamed.
	out.Refs = nil
	for _, ref := range e.Refs {
		out.Refs = append(out.Refs, r.RenameRef(ref, owner))
	}
	out.Refs = model.SortRefs(out.Refs)
	return out, nil
}

// renamer applies a Renaming while the qualifier walks a tree whose names
// are the old ones.
type renamer struct {
	r     *model.Renaming
	owner model.Name
}

// relation renames a relation of a FROM item; it returns the new name.
func (rn *renamer) relation(rv *pg.RangeVar) {
	n := rn.r.Table(model.Name{Schema: rv.Schemaname, Name: rv.Relname})
	rv.Schemaname, rv.Relname = n.Schema, n.Name
}

// qualifiedName renames a function's, operator's or collation's name list
// when its schema moves.
func (rn *renamer) qualifiedName(names *[]*pg.Node) {
	parts := Strings(*names)
	if len(parts) != 2 {
		return
	}
	n := rn.r.Name(model.Name{Schema: parts[0], Name: parts[1]})
	if n.Schema == "" {
		*names = StringNodes(n.Name)
	} else {
		*names = StringNodes(n.Schema, n.Name)
	}
}

// columnField renames the column field of a reference to rel's column.
func (rn *renamer) columnField(cr *pg.ColumnRef, rel model.Name, col string) {
	nc := rn.r.Column(rel, col)
	if nc != col {
		cr.Fields[len(cr.Fields)-1] = StringNodes(nc)[0]
	}
}

// enumConstant renames the constant a cast to type t holds when t is an
// enum whose values are renamed (t is the type's name before renames).
func (rn *renamer) enumConstant(tc *pg.TypeCast, t pgsql.Type) {
	vals := rn.r.EnumValues[model.Name{Schema: t.Schema, Name: t.Name}]
	if vals == nil {
		return
	}
	if c := tc.Arg.GetAConst(); c != nil && c.GetSval() != nil {
		if nv, ok := vals[c.GetSval().Sval]; ok {
			c.GetSval().Sval = nv
		}
	}
}

// typeName renames a type the tree names (t is its name).
func (rn *renamer) typeName(tn *pg.TypeName, t pgsql.Type) {
	n := model.Name{Schema: t.Schema, Name: t.Name}
	if nn := rn.r.TypeName(n); nn != n {
		if nn.Schema == "" {
			tn.Names = StringNodes(nn.Name)
		} else {
			tn.Names = StringNodes(nn.Schema, nn.Name)
		}
	}
}

// regclass renames the relation a regclass constant names.
func (rn *renamer) regclass(schema, name string) (string, string) {
	n := rn.r.Table(model.Name{Schema: schema, Name: name})
	return n.Schema, n.Name
}

// ownRefname returns the name a qualified own-table reference uses after
// the rename (t.col where t is the owner table).
func (rn *renamer) ownRefname(ref string) string {
	if ref == rn.owner.Name {
		return rn.r.Table(rn.owner).Name
	}
	return ref
}

// RenameCatalogExprs applies the renames to every expression of the
// catalog, in place: defaults, generated columns, checks, exclusion and
// index keys and predicates, policies, view queries, triggers, function
// argument defaults and bodies, domain defaults and checks. The catalog
// must still hold the old names (the diff renames the objects
// afterwards); expressions that name no renamed object are left alone.
func RenameCatalogExprs(cat *model.Catalog, r *model.Renaming) error {
	// A schema moved to no schema: its objects are printed unqualified,
	// and the printer must resolve them so, as through a search_path
	// holding only that schema.
	moved := ""
	for from, to := range r.Schemas {
		if to == "" {
			moved = from
		}
	}
	objects := map[string][]model.Kind{}
	if moved != "" {
		cat.EachObject(func(o model.Object) {
			if o.ID.Name.Schema == moved && !o.ID.Kind.Info().Member {
				objects[o.ID.Name.Name] = append(objects[o.ID.Name.Name], o.ID.Kind)
			}
		})
	}
	// lookupKinds are the model kinds a name of each lookup kind may be.
	lookupKinds := map[Kind][]model.Kind{
		KindType:      {model.KindEnum, model.KindDomain, model.KindComposite, model.KindTable, model.KindView, model.KindMatView},
		KindRelation:  {model.KindTable, model.KindView, model.KindMatView, model.KindSequence, model.KindIndex},
		KindFunction:  {model.KindFunction, model.KindProcedure},
		KindCollation: {model.KindCollation},
	}
	ns := &Namespace{Columns: func(rel model.Name) ([]string, bool) {
		if rel.Schema == "" {
			rel.Schema = moved
		}
		if t := cat.Table(rel); t != nil {
			cols := make([]string, len(t.Columns))
			for i, c := range t.Columns {
				cols[i] = c.Name
			}
			return cols, true
		}
		return nil, false
	}}
	if moved != "" {
		ns.SearchPath = []string{""}
		ns.Lookup = func(kind Kind, schema, name string) bool {
			if schema != "" {
				return false
			}
			for _, k := range objects[name] {
				if slices.Contains(lookupKinds[kind], k) {
					return true
				}
			}
			return false
		}
	}
	var firstErr error
	re := func(e *model.Expr, kind ExprKind, owner model.Name, typ string) *model.Expr {
		out, err := RenameExpr(e, kind, owner, typ, r, ns)
		if err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("renaming in an expression (%s): %w", e.SQL, err)
			}
			return e
		}
		return out
	}
	val := func(e model.Expr, kind ExprKind, owner model.Name) model.Expr {
		if out := re(&e, kind, owner, ""); out != nil {
			return *out
		}
		return e
	}
	for _, t := range cat.Tables {
		if t.PartitionBy != nil {
			if err := renamePartitionKey(t, r, ns); err != nil && firstErr == nil {
				firstErr = err
			}
		}
		for _, c := range t.Columns {
			c.Default = re(c.Default, ScalarExpr, t.Name, c.Type)
			c.Generated = re(c.Generated, ScalarExpr, t.Name, c.Type)
		}
		for _, c := range t.Constraints {
			c.Expr = re(c.Expr, ScalarExpr, t.Name, "")
			c.Where = re(c.Where, ScalarExpr, t.Name, "")
			for i := range c.Elements {
				c.Elements[i].Key.Expr = re(c.Elements[i].Key.Expr, ScalarExpr, t.Name, "")
			}
		}
		for _, p := range t.Policies {
			p.Using = re(p.Using, ScalarExpr, t.Name, "")
			p.WithCheck = re(p.WithCheck, ScalarExpr, t.Name, "")
		}
	}
	for _, ix := range cat.Indexes {
		for i := range ix.Keys {
			ix.Keys[i].Expr = re(ix.Keys[i].Expr, ScalarExpr, ix.Table, "")
		}
		ix.Where = re(ix.Where, ScalarExpr, ix.Table, "")
	}
	for _, v := range cat.Views {
		v.Query = val(v.Query, QueryExpr, v.Name)
	}
	for _, tr := range cat.Triggers {
		tr.Definition = val(tr.Definition, TriggerExpr, tr.Table)
	}
	for _, f := range cat.Functions {
		for i := range f.Args {
			f.Args[i].Default = re(f.Args[i].Default, ScalarExpr, model.Name{}, f.Args[i].Type)
		}
		if len(f.Body.Refs) > 0 {
			f.Body = val(f.Body, BodyExpr, model.Name{})
		}
	}
	for _, d := range cat.Domains {
		d.Default = re(d.Default, ScalarExpr, model.Name{}, d.Type)
		for _, c := range d.Checks {
			c.Expr = val(c.Expr, ScalarExpr, model.Name{})
		}
	}
	return firstErr
}

// renamePartitionKey applies column renames to a partitioned table's key:
// the key is parsed, its column names and the bare column references of
// its expressions renamed in the tree, and read again.
func renamePartitionKey(t *model.Table, r *model.Renaming, ns *Namespace) error {
	pk := t.PartitionBy
	touched := false
	for _, ref := range pk.Key.Refs {
		touched = touched || r.Touches(t.Name, ref)
	}
	if !touched {
		return nil
	}
	res, err := Parse("CREATE TABLE autogen_key () PARTITION BY " + pk.Strategy + " " + pk.Key.SQL)
	if err != nil {
		return fmt.Errorf("parsing partition key %s: %w", pk.Key.SQL, err)
	}
	spec := res.Stmts[0].Stmt.GetCreateStmt().GetPartspec()
	for _, p := range spec.PartParams {
		pe := p.GetPartitionElem()
		if pe.Name != "" {
			pe.Name = r.Column(t.Name, pe.Name)
		}
		walk(pe.Expr, func(n *pg.Node) bool {
			if cr := n.GetColumnRef(); cr != nil && len(cr.Fields) == 1 && cr.Fields[0].GetString_() != nil {
				cr.Fields[0] = StringNodes(r.Column(t.Name, cr.Fields[0].GetString_().GetSval()))[0]
			}
			return true
		})
	}
	method := "btree"
	if pk.Strategy == "HASH" {
		method = "hash"
	}
	key, err := PartitionKey(ns, spec.PartParams, method, func(name string) (string, bool) {
		for _, c := range t.Columns {
			if r.Column(t.Name, c.Name) == name {
				return c.Type, true
			}
		}
		return "", false
	})
	if err != nil {
		return err
	}
	pk.Key = *key
	return nil
}

// MoveSchema moves every object of schema from to schema to, in place,
// structurally: names, references and expressions (parsed and rewritten
// in the tree, so a string constant that merely reads like a qualified
// name stays as it is). With to empty the objects become unqualified,
// which is how a multi-tenant project's template schema is written into
// revisions: search_path resolves the names in each tenant's schema. The
// schema itself leaves the catalog.
func MoveSchema(cat *model.Catalog, from, to string) error {
	r := &model.Renaming{Schemas: map[string]string{from: to}}
	if err := RenameCatalogExprs(cat, r); err != nil {
		return err
	}
	cat.Rename(r, true)
	cat.Sort()
	return nil
}
