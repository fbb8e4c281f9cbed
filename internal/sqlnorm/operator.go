package sqlnorm

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// operatorOptions are CREATE OPERATOR's options in pg_dump's order.
// COMMUTATOR and NEGATOR are read apart (see operator).
var operatorOptions = []optSpec{
	{name: "FUNCTION", kind: optFunc},
	{name: "LEFTARG", kind: optType},
	{name: "RIGHTARG", kind: optType},
	{name: "COMMUTATOR", kind: optText},
	{name: "NEGATOR", kind: optText},
	{name: "RESTRICT", kind: optFunc},
	{name: "JOIN", kind: optFunc},
	{name: "HASHES", kind: optFlag, def: "false"},
	{name: "MERGES", kind: optFlag, def: "false"},
}

// operator builds CREATE OPERATOR. A commutator or negator is named, not
// depended on: PostgreSQL links the two operators both ways and unlinks
// them when one is dropped; one not defined yet is looked up, as
// PostgreSQL does, with the operand types swapped, so an operator on user
// types finds its partner among the user's operators.
func (d *definer) createOperator(s *pg.DefineStmt) (*model.Definition, error) {
	names := Strings(s.Defnames)
	name, err := d.createName(names)
	if err != nil {
		return nil, err
	}
	var elems, partners []*pg.Node
	for _, n := range s.Definition {
		if de := n.GetDefElem(); de != nil {
			switch strings.ToLower(de.Defname) {
			case "procedure":
				de.Defname = "function"
			case "commutator", "negator":
				partners = append(partners, n)
				continue
			}
		}
		elems = append(elems, n)
	}
	vals, err := d.options(elems, operatorOptions, nil)
	if err != nil {
		return nil, err
	}
	if vals["FUNCTION"] == "" || vals["RIGHTARG"] == "" {
		return nil, defError("CREATE OPERATOR without FUNCTION and RIGHTARG")
	}
	userTypes := !isBuiltinType(vals["LEFTARG"]) || !isBuiltinType(vals["RIGHTARG"])
	for _, n := range partners {
		de := n.GetDefElem()
		v, err := d.partner(defNames(de.Arg), name.Schema, userTypes)
		if err != nil {
			return nil, err
		}
		vals[strings.ToUpper(de.Defname)] = v
	}
	left := vals["LEFTARG"]
	if left == "" {
		left = "NONE"
	}
	sql := "CREATE OPERATOR " + pgsql.QuoteIdent(name.Schema) + "." + name.Name + " (" + renderOptions(vals, operatorOptions) + ")"
	return &model.Definition{ID: model.ObjectID{Kind: model.KindOperator, Name: name, Args: left + ", " + vals["RIGHTARG"]},
		Create: d.expr(sql)}, nil
}

// partner resolves a commutator or negator without recording a
// dependency: a qualified name as written; an unqualified one in
// pg_catalog when the operands are built-in types and it has one, else in
// the first schema of the search path that defines it, else where
// PostgreSQL would create its shell (the first existing schema).
func (d *definer) partner(names []string, own string, userTypes bool) (string, error) {
	var n model.Name
	switch len(names) {
	case 2:
		n = model.Name{Schema: names[0], Name: names[1]}
	case 1:
		n = d.partnerName(names[0], own, userTypes)
	default:
		return "", defError("the operator name %s", strings.Join(names, "."))
	}
	d.needs = append(d.needs, model.Ref{Kind: model.RefOperator, Name: n})
	return operatorSQL(n), nil
}

func (d *definer) partnerName(op, own string, userTypes bool) model.Name {
	if !userTypes && IsBuiltin(KindOperator, op) {
		return model.Name{Schema: "pg_catalog", Name: op}
	}
	for _, s := range d.ns.path() {
		if s != "pg_catalog" && d.ns.Lookup != nil && d.ns.Lookup(KindOperator, s, op) {
			return model.Name{Schema: s, Name: op}
		}
	}
	s, ok := d.ns.CreationSchema()
	if !ok {
		s = own
	}
	return model.Name{Schema: s, Name: op}
}

// isBuiltinType reports whether a canonical type (or "") is built in.
func isBuiltinType(t string) bool {
	if t == "" {
		return true
	}
	p, err := pgsql.ParseType(t)
	return err == nil && p.Builtin()
}
