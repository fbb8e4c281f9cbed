package sqlnorm

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// aggregateOptions are CREATE AGGREGATE's options, in the order pg_dump
// writes them, with pg_aggregate's defaults. FINALFUNC_MODIFY and
// MFINALFUNC_MODIFY default to READ_ONLY for ordinary aggregates and to
// READ_WRITE for ordered-set ones (see aggregate).
var aggregateOptions = []optSpec{
	{name: "SFUNC", kind: optFunc},
	{name: "STYPE", kind: optType},
	{name: "SSPACE", kind: optInt, def: "0"},
	{name: "FINALFUNC", kind: optFunc},
	{name: "FINALFUNC_EXTRA", kind: optFlag, def: "false"},
	{name: "FINALFUNC_MODIFY", kind: optWord},
	{name: "COMBINEFUNC", kind: optFunc},
	{name: "SERIALFUNC", kind: optFunc},
	{name: "DESERIALFUNC", kind: optFunc},
	{name: "INITCOND", kind: optText},
	{name: "MSFUNC", kind: optFunc},
	{name: "MINVFUNC", kind: optFunc},
	{name: "MSTYPE", kind: optType},
	{name: "MSSPACE", kind: optInt, def: "0"},
	{name: "MFINALFUNC", kind: optFunc},
	{name: "MFINALFUNC_EXTRA", kind: optFlag, def: "false"},
	{name: "MFINALFUNC_MODIFY", kind: optWord},
	{name: "MINITCOND", kind: optText},
	{name: "SORTOP", kind: optOper},
	{name: "PARALLEL", kind: optWord, def: "UNSAFE"},
	{name: "HYPOTHETICAL", kind: optFlag, def: "false"},
}

// The pre-8.2 spellings CREATE AGGREGATE still accepts.
var aggregateAliases = map[string]string{"sfunc1": "sfunc", "stype1": "stype", "initcond1": "initcond"}

// aggregate builds CREATE AGGREGATE: ordinary, ordered-set (ORDER BY in
// the arguments) and hypothetical-set aggregates, with moving-aggregate
// options. The old syntax (BASETYPE = type) is read as the new one.
func (d *definer) aggregate(s *pg.DefineStmt) (*model.Definition, error) {
	name, err := d.createName(Strings(s.Defnames))
	if err != nil {
		return nil, err
	}
	var params []*pg.FunctionParameter
	ndirect := -1
	elems := s.Definition
	if s.Oldstyle {
		// BASETYPE names the one argument; ANY means none.
		elems = nil
		for _, n := range s.Definition {
			de := n.GetDefElem()
			if de == nil || strings.ToLower(de.Defname) != "basetype" {
				elems = append(elems, n)
				continue
			}
			tn := de.Arg.GetTypeName()
			if tn == nil {
				return nil, defError("BASETYPE = %v", de.Arg)
			}
			if names := Strings(tn.Names); len(names) == 1 && strings.EqualFold(names[0], "any") {
				continue
			}
			params = append(params, &pg.FunctionParameter{ArgType: tn, Mode: pg.FunctionParameterMode_FUNC_PARAM_DEFAULT})
		}
	} else if len(s.Args) == 2 {
		for _, p := range s.Args[0].GetList().GetItems() {
			params = append(params, p.GetFunctionParameter())
		}
		ndirect = int(s.Args[1].GetInteger().GetIval())
	}
	var args, ident []string
	for _, p := range params {
		typ, err := d.typ(p.ArgType)
		if err != nil {
			return nil, err
		}
		a, id := typ, typ
		switch p.Mode {
		case pg.FunctionParameterMode_FUNC_PARAM_VARIADIC:
			a, id = "VARIADIC "+typ, "VARIADIC "+typ
		case pg.FunctionParameterMode_FUNC_PARAM_DEFAULT, pg.FunctionParameterMode_FUNC_PARAM_IN:
		default:
			return nil, defError("an aggregate argument of mode %s", p.Mode)
		}
		if p.Name != "" {
			a = strings.Replace(a, typ, pgsql.QuoteIdent(p.Name)+" "+typ, 1)
		}
		args, ident = append(args, a), append(ident, id)
	}
	list := func(items []string) string {
		if ndirect < 0 {
			if len(items) == 0 {
				return "*"
			}
			return strings.Join(items, ", ")
		}
		direct, ordered := items[:ndirect], items[ndirect:]
		if len(ordered) == 0 && len(direct) > 0 {
			// (VARIADIC "any" ORDER BY VARIADIC "any") is stored as one
			// argument; PostgreSQL prints it on both sides.
			ordered = direct[len(direct)-1:]
		}
		s := strings.Join(direct, ", ")
		if s != "" {
			s += " "
		}
		return s + "ORDER BY " + strings.Join(ordered, ", ")
	}
	vals, err := d.options(elems, aggregateOptions, aggregateAliases)
	if err != nil {
		return nil, err
	}
	if vals["SFUNC"] == "" || vals["STYPE"] == "" {
		return nil, defError("CREATE AGGREGATE without SFUNC and STYPE")
	}
	modify := "READ_ONLY"
	if ndirect >= 0 {
		modify = "READ_WRITE"
	}
	specs := append([]optSpec(nil), aggregateOptions...)
	for i := range specs {
		if specs[i].name == "FINALFUNC_MODIFY" || specs[i].name == "MFINALFUNC_MODIFY" {
			specs[i].def = modify
		}
	}
	sql := "CREATE AGGREGATE " + pgsql.QualifiedName(name.Schema, name.Name) + "(" + list(args) + ") (" +
		renderOptions(vals, specs) + ")"
	return &model.Definition{ID: model.ObjectID{Kind: model.KindAggregate, Name: name, Args: list(ident)},
		Create: d.expr(sql)}, nil
}
