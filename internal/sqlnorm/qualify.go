package sqlnorm

import (
	"github.com/autogen-dev/autogen/internal/pgsql"
	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/model"
)

// qualifier rewrites a parse tree in place so that it no longer depends on
// the search_path: user functions, operators, collations and the relations
// named by regclass literals get their schema, and pg_catalog qualification
// is dropped because PostgreSQL prints built-ins without it. Inside queries it
// also resolves column references (see query.go). The result means the same
// as the input, so it is what the readers keep as executable SQL.
type qualifier struct {
	ns *Namespace
	// refs collects the objects outside pg_catalog the tree refers to.
	refs map[model.Ref]bool
	// ren, when set, renames what the tree refers to (see RenameExpr).
	ren *renamer
	// params are the parameters of the function whose body this is.
	params *bodyParams
}

func newQualifier(ns *Namespace) *qualifier {
	return &qualifier{ns: ns, refs: map[model.Ref]bool{}, params: ns.params}
}

// ref records a reference to a named object outside pg_catalog.
func (q *qualifier) ref(kind model.RefKind, schema, name string) {
	if schema != "" && schema != "pg_catalog" && schema != "pg_temp" {
		q.refs[model.Ref{Kind: kind, Name: model.Name{Schema: schema, Name: name}}] = true
	}
}

// columnRef records a reference to a column: of the relation named, or of
// the expression's own table when rel is the zero Name.
func (q *qualifier) column(rel model.Name, col string) {
	if rel.Schema == "pg_catalog" {
		return
	}
	q.refs[model.Ref{Kind: model.RefColumn, Name: rel, Column: col}] = true
}

// sortedRefs returns the collected references in order.
func (q *qualifier) sortedRefs() []model.Ref {
	if len(q.refs) == 0 {
		return nil
	}
	out := make([]model.Ref, 0, len(q.refs))
	for r := range q.refs {
		out = append(out, r)
	}
	return model.SortRefs(out)
}

// typeRef records the user type a type name resolves to, if any.
func (q *qualifier) typeRef(tn *pg.TypeName) {
	if tn == nil {
		return
	}
	text, err := q.ns.TypeName(tn, BareType)
	if err != nil {
		return // the printer reports it
	}
	t, err := pgsql.ParseType(text)
	if err != nil || t.Builtin() {
		return
	}
	q.ref(model.RefType, t.Schema, t.Name)
}

// typeCast records a cast's type and applies renames to it.
func (q *qualifier) typeCast(tc *pg.TypeCast) {
	if t, ok := q.typeName(tc.TypeName); ok && q.ren != nil {
		q.ren.enumConstant(tc, t)
	}
}

// typeName records a type an expression or query names (a cast's, a
// column definition list's) and applies renames to it. It returns the
// type when it is not a built-in one.
func (q *qualifier) typeName(tn *pg.TypeName) (pgsql.Type, bool) {
	q.typeRef(tn)
	text, err := q.ns.TypeName(tn, BareType)
	if err != nil {
		return pgsql.Type{}, false
	}
	t, err := pgsql.ParseType(text)
	if err != nil || t.Builtin() {
		return pgsql.Type{}, false
	}
	if q.ren != nil {
		q.ren.typeName(tn, t)
	}
	return t, true
}

func (q *qualifier) list(nodes []*pg.Node, sc *qscope) error {
	for _, n := range nodes {
		if err := q.expr(n, sc); err != nil {
			return err
		}
	}
	return nil
}

// expr qualifies an expression. sc is the query scope for column
// references, nil outside queries.
func (q *qualifier) expr(n *pg.Node, sc *qscope) error {
	if n == nil {
		return nil
	}
	switch v := n.Node.(type) {
	case *pg.Node_ColumnRef:
		if q.params.param(v.ColumnRef, sc) {
			// A parameter of the function whose body this is.
			return nil
		}
		if sc != nil {
			return sc.columnRef(v.ColumnRef)
		}
		q.ownColumn(v.ColumnRef)
	case *pg.Node_AExpr:
		q.operator(&v.AExpr.Name)
		if err := q.expr(v.AExpr.Lexpr, sc); err != nil {
			return err
		}
		return q.expr(v.AExpr.Rexpr, sc)
	case *pg.Node_BoolExpr:
		return q.list(v.BoolExpr.Args, sc)
	case *pg.Node_TypeCast:
		if err := q.expr(v.TypeCast.Arg, sc); err != nil {
			return err
		}
		q.typeCast(v.TypeCast)
		if isRegclass(v.TypeCast.TypeName) {
			return q.regclass(v.TypeCast.Arg)
		}
		if k, ok := regNameKinds[regTypeName(v.TypeCast.TypeName)]; ok {
			return q.regName(v.TypeCast.Arg, k.kind, k.ref)
		}
	case *pg.Node_FuncCall:
		return q.funcCall(v.FuncCall, sc)
	case *pg.Node_NullTest:
		return q.expr(v.NullTest.Arg, sc)
	case *pg.Node_BooleanTest:
		return q.expr(v.BooleanTest.Arg, sc)
	case *pg.Node_CaseExpr:
		if err := q.expr(v.CaseExpr.Arg, sc); err != nil {
			return err
		}
		for _, w := range v.CaseExpr.Args {
			cw := w.GetCaseWhen()
			if err := q.expr(cw.Expr, sc); err != nil {
				return err
			}
			if err := q.expr(cw.Result, sc); err != nil {
				return err
			}
		}
		return q.expr(v.CaseExpr.Defresult, sc)
	case *pg.Node_CoalesceExpr:
		return q.list(v.CoalesceExpr.Args, sc)
	case *pg.Node_MinMaxExpr:
		return q.list(v.MinMaxExpr.Args, sc)
	case *pg.Node_AArrayExpr:
		return q.list(v.AArrayExpr.Elements, sc)
	case *pg.Node_RowExpr:
		return q.list(v.RowExpr.Args, sc)
	case *pg.Node_CollateClause:
		q.collation(&v.CollateClause.Collname)
		return q.expr(v.CollateClause.Arg, sc)
	case *pg.Node_AIndirection:
		if err := q.expr(v.AIndirection.Arg, sc); err != nil {
			return err
		}
		for _, ind := range v.AIndirection.Indirection {
			if ai := ind.GetAIndices(); ai != nil {
				if err := q.expr(ai.Lidx, sc); err != nil {
					return err
				}
				if err := q.expr(ai.Uidx, sc); err != nil {
					return err
				}
			}
		}
	case *pg.Node_SubLink:
		if err := q.expr(v.SubLink.Testexpr, sc); err != nil {
			return err
		}
		q.operator(&v.SubLink.OperName)
		if sel := v.SubLink.Subselect.GetSelectStmt(); sel != nil {
			_, err := q.query(sel, sc)
			return err
		}
	case *pg.Node_NamedArgExpr:
		return q.expr(v.NamedArgExpr.Arg, sc)
	case *pg.Node_ResTarget:
		return q.expr(v.ResTarget.Val, sc)
	case *pg.Node_List:
		return q.list(v.List.Items, sc)
	case *pg.Node_GroupingFunc:
		return q.list(v.GroupingFunc.Args, sc)
	case *pg.Node_SortBy:
		q.operator(&v.SortBy.UseOp)
		return q.expr(v.SortBy.Node, sc)
	case *pg.Node_SelectStmt:
		_, err := q.query(v.SelectStmt, sc)
		return err
	}
	return nil
}

func (q *qualifier) funcCall(f *pg.FuncCall, sc *qscope) error {
	name := Strings(f.Funcname)
	switch len(name) {
	case 1:
		if s, ok := q.ns.Resolve(KindFunction, name[0]); ok && s != "pg_catalog" {
			f.Funcname = StringNodes(s, name[0])
			q.ref(model.RefFunction, s, name[0])
		}
	case 2:
		if name[0] == "pg_catalog" {
			f.Funcname = f.Funcname[1:]
		} else {
			q.ref(model.RefFunction, name[0], name[1])
		}
	}
	if q.ren != nil {
		q.ren.qualifiedName(&f.Funcname)
	}
	if err := q.list(f.Args, sc); err != nil {
		return err
	}
	if err := q.list(f.AggOrder, sc); err != nil {
		return err
	}
	if err := q.expr(f.AggFilter, sc); err != nil {
		return err
	}
	if w := f.Over; w != nil {
		if err := q.list(w.PartitionClause, sc); err != nil {
			return err
		}
		if err := q.list(w.OrderClause, sc); err != nil {
			return err
		}
	}
	// The sequence functions take a regclass, and the text search
	// functions a regconfig first when given a configuration: PostgreSQL
	// stores a string constant there as the object and prints it
	// qualified unless it is visible, with its type.
	if len(f.Funcname) == 1 && len(f.Args) > 0 && f.Args[0].GetAConst().GetSval() != nil {
		typ, kind, ref := "", KindRelation, model.RefRelation
		switch name := Strings(f.Funcname)[0]; {
		case name == "nextval" || name == "currval" || name == "setval":
			typ = "regclass"
		case tsConfigFirst[name] == len(f.Args):
			typ, kind, ref = "regconfig", KindTSConfig, model.RefTSConfig
		}
		if typ != "" {
			if err := q.regName(f.Args[0], kind, ref); err != nil {
				return err
			}
			f.Args[0] = &pg.Node{Node: &pg.Node_TypeCast{TypeCast: &pg.TypeCast{
				Arg: f.Args[0], TypeName: &pg.TypeName{Names: StringNodes(typ), Typemod: -1}, Location: -1}}}
		}
	}
	return nil
}

// tsConfigFirst gives, for the built-in text search functions whose first
// argument may be a configuration (regconfig), the number of arguments of
// that form: to_tsvector('english', body) but to_tsvector(body).
// ts_headline is left out: with three arguments either form is possible.
var tsConfigFirst = map[string]int{
	"to_tsvector": 2, "to_tsquery": 2, "plainto_tsquery": 2, "phraseto_tsquery": 2, "websearch_to_tsquery": 2,
	"json_to_tsvector": 3, "jsonb_to_tsvector": 3,
}

func isRegclass(tn *pg.TypeName) bool {
	names := Strings(tn.Names)
	return len(tn.ArrayBounds) == 0 && (len(names) == 1 && names[0] == "regclass" ||
		len(names) == 2 && names[0] == "pg_catalog" && names[1] == "regclass")
}

// regclass qualifies the relation named by a string constant.
func (q *qualifier) regclass(n *pg.Node) error { return q.regName(n, KindRelation, model.RefRelation) }

// regNameKinds are the object identifier types other than regclass whose
// literals name an object by its (possibly qualified) name, which the
// server prints qualified unless the object is visible: a text search
// configuration ('english'::regconfig) or dictionary.
var regNameKinds = map[string]struct {
	kind Kind
	ref  model.RefKind
}{"regconfig": {KindTSConfig, model.RefTSConfig}, "regdictionary": {KindTSDictionary, model.RefTSDictionary}}

// regTypeName returns the bare name of a type without array bounds in
// pg_catalog ("" for others).
func regTypeName(tn *pg.TypeName) string {
	names := Strings(tn.Names)
	if len(tn.ArrayBounds) > 0 || len(names) == 0 || len(names) > 2 || (len(names) == 2 && names[0] != "pg_catalog") {
		return ""
	}
	return names[len(names)-1]
}

// regName qualifies the object a string constant of an object identifier
// type names (regclass, and see regNameKinds) and records the reference;
// a renamed relation is renamed.
func (q *qualifier) regName(n *pg.Node, kind Kind, ref model.RefKind) error {
	c := n.GetAConst()
	if c == nil || c.GetSval() == nil {
		return nil
	}
	parts := pgsql.SplitQualified(c.GetSval().Sval)
	var schema, name string
	switch len(parts) {
	case 1:
		name = parts[0]
		s, ok := q.ns.Resolve(kind, name)
		if !ok {
			return &UnknownError{Kind: kind, Name: name, Location: c.Location}
		}
		schema = s
	case 2:
		schema, name = parts[0], parts[1]
	default:
		return nil
	}
	q.ref(ref, schema, name)
	if q.ren != nil && kind == KindRelation {
		schema, name = q.ren.regclass(schema, name)
	}
	if schema == "pg_catalog" {
		schema = ""
	}
	c.Val = &pg.A_Const_Sval{Sval: &pg.String{Sval: pgsql.QualifiedName(schema, name)}}
	return nil
}

// operator qualifies a user operator and drops pg_catalog from built-in
// ones.
func (q *qualifier) operator(name *[]*pg.Node) {
	parts := Strings(*name)
	switch len(parts) {
	case 1:
		if IsBuiltin(KindOperator, parts[0]) {
			return
		}
		if s, ok := q.ns.Resolve(KindOperator, parts[0]); ok && s != "pg_catalog" {
			*name = StringNodes(s, parts[0])
			q.ref(model.RefOperator, s, parts[0])
		}
	case 2:
		if parts[0] == "pg_catalog" {
			*name = (*name)[1:]
		} else {
			q.ref(model.RefOperator, parts[0], parts[1])
		}
	}
	if q.ren != nil {
		q.ren.qualifiedName(name)
	}
}

// collation qualifies a user collation and drops pg_catalog from built-in
// ones, as PostgreSQL prints them.
func (q *qualifier) collation(name *[]*pg.Node) {
	parts := Strings(*name)
	switch len(parts) {
	case 1:
		if s, ok := q.ns.Resolve(KindCollation, parts[0]); ok && s != "pg_catalog" {
			*name = StringNodes(s, parts[0])
			q.ref(model.RefCollation, s, parts[0])
		}
	case 2:
		if parts[0] == "pg_catalog" {
			*name = (*name)[1:]
		} else {
			q.ref(model.RefCollation, parts[0], parts[1])
		}
	}
	if q.ren != nil {
		q.ren.qualifiedName(name)
	}
}

// ownColumn records a column reference outside any query: a bare column
// of the expression's own table, or a qualified one.
func (q *qualifier) ownColumn(cr *pg.ColumnRef) {
	f := cr.Fields
	if len(f) == 0 || f[len(f)-1].GetAStar() != nil {
		return
	}
	col := f[len(f)-1].GetString_().GetSval()
	switch len(f) {
	case 1, 2:
		// t.c in a table's own expression names the table itself.
		q.column(model.Name{}, col)
		if q.ren != nil {
			q.ren.columnField(cr, q.ren.owner, col)
			if len(f) == 2 {
				cr.Fields[0] = StringNodes(q.ren.ownRefname(f[0].GetString_().GetSval()))[0]
			}
		}
	case 3:
		rel := model.Name{Schema: f[0].GetString_().GetSval(), Name: f[1].GetString_().GetSval()}
		q.column(rel, col)
		if q.ren != nil {
			q.ren.columnField(cr, rel, col)
			cr.Fields[1] = StringNodes(q.ren.r.Table(rel).Name)[0]
		}
	}
}
