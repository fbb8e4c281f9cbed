package sqlnorm

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// Range types and base types (CREATE TYPE with I/O functions).

var rangeOptions = []optSpec{
	{name: "SUBTYPE", kind: optType},
	{name: "SUBTYPE_OPCLASS", kind: optName, ref: model.RefOpClass, lookup: KindOpClass},
	{name: "COLLATION", kind: optName, ref: model.RefCollation, lookup: KindCollation},
	{name: "CANONICAL", kind: optFunc},
	{name: "SUBTYPE_DIFF", kind: optFunc},
	{name: "MULTIRANGE_TYPE_NAME", kind: optText},
}

// rangeType builds CREATE TYPE ... AS RANGE. The multirange type is always
// named; PostgreSQL derives its name from the range's when it is not
// given. The operator class is left out when it is the subtype's default
// btree class, the collation when it is the default one.
func (d *definer) rangeType(s *pg.CreateRangeStmt) (*model.Definition, error) {
	name, err := d.createName(Strings(s.TypeName))
	if err != nil {
		return nil, err
	}
	var elems []*pg.Node
	var multi model.Name
	for _, n := range s.Params {
		de := n.GetDefElem()
		if de != nil && strings.EqualFold(de.Defname, "multirange_type_name") {
			if multi, err = d.createName(defNames(de.Arg)); err != nil {
				return nil, err
			}
			continue
		}
		if de != nil && strings.EqualFold(de.Defname, "subtype_opclass") {
			names := defNames(de.Arg)
			if n := names[len(names)-1]; (len(names) == 1 || names[0] == "pg_catalog") && IsBuiltin(KindOpClass, n) {
				if found, def := Opclass("", "btree", n); found && def {
					continue
				}
			}
		}
		if de != nil && strings.EqualFold(de.Defname, "collation") {
			if names := defNames(de.Arg); names[len(names)-1] == "default" && (len(names) == 1 || names[0] == "pg_catalog") {
				continue
			}
		}
		elems = append(elems, n)
	}
	vals, err := d.options(elems, rangeOptions, nil)
	if err != nil {
		return nil, err
	}
	if vals["SUBTYPE"] == "" {
		return nil, defError("CREATE TYPE ... AS RANGE without SUBTYPE")
	}
	if multi.Name == "" {
		multi = model.Name{Schema: name.Schema, Name: multirangeName(name.Name)}
	}
	vals["MULTIRANGE_TYPE_NAME"] = pgsql.QualifiedName(multi.Schema, multi.Name)
	sql := "CREATE TYPE " + pgsql.QualifiedName(name.Schema, name.Name) + " AS RANGE (" + renderOptions(vals, rangeOptions) + ")"
	return &model.Definition{ID: model.ObjectID{Kind: model.KindRange, Name: name}, Create: d.expr(sql),
		Provides: model.SortRefs([]model.Ref{{Kind: model.RefType, Name: multi}, {Kind: model.RefFunction, Name: name},
			{Kind: model.RefFunction, Name: multi}})}, nil
}

// multirangeName is the name PostgreSQL gives a range type's multirange
// type: "range" in the name becomes "multirange", else "_multirange" is
// appended; the result is cut to 63 bytes.
func multirangeName(rng string) string {
	var s string
	if i := strings.Index(rng, "range"); i >= 0 {
		s = rng[:i] + "multi" + rng[i:]
	} else {
		s = rng + "_multirange"
	}
	if len(s) > 63 {
		s = s[:63]
	}
	return s
}

var baseTypeOptions = []optSpec{
	{name: "INTERNALLENGTH", kind: optWord, def: "VARIABLE"},
	{name: "INPUT", kind: optFunc},
	{name: "OUTPUT", kind: optFunc},
	{name: "RECEIVE", kind: optFunc},
	{name: "SEND", kind: optFunc},
	{name: "TYPMOD_IN", kind: optFunc},
	{name: "TYPMOD_OUT", kind: optFunc},
	{name: "ANALYZE", kind: optFunc},
	{name: "SUBSCRIPT", kind: optFunc},
	{name: "CATEGORY", kind: optText, def: "'U'"},
	{name: "PREFERRED", kind: optBool, def: "false"},
	{name: "DEFAULT", kind: optText},
	{name: "ELEMENT", kind: optType},
	{name: "DELIMITER", kind: optText, def: "','"},
	{name: "COLLATABLE", kind: optBool, def: "false"},
	{name: "ALIGNMENT", kind: optWord, def: "INT4"},
	{name: "STORAGE", kind: optWord, def: "PLAIN"},
	{name: "PASSEDBYVALUE", kind: optFlag, def: "false"},
}

// alignments maps the spellings CREATE TYPE takes for ALIGNMENT to one.
var alignments = map[string]string{"char": "CHAR", "bpchar": "CHAR", "int2": "INT2", "smallint": "INT2",
	"int4": "INT4", "integer": "INT4", "double": "DOUBLE", "float8": "DOUBLE"}

// baseType builds CREATE TYPE name (INPUT = ..., OUTPUT = ..., ...).
// LIKE, which copies the representation of another type, is refused:
// spell the representation out.
func (d *definer) baseType(s *pg.DefineStmt) (*model.Definition, error) {
	name, err := d.createName(Strings(s.Defnames))
	if err != nil {
		return nil, err
	}
	var elems []*pg.Node
	vals := map[string]string{}
	for _, n := range s.Definition {
		de := n.GetDefElem()
		if de == nil {
			continue
		}
		switch strings.ToLower(de.Defname) {
		case "like":
			return nil, defError("CREATE TYPE ... (LIKE = type): give INTERNALLENGTH, PASSEDBYVALUE, ALIGNMENT and STORAGE instead")
		case "alignment":
			names := defNames(de.Arg)
			a, ok := "", len(names) > 0
			if ok {
				a, ok = alignments[strings.ToLower(names[len(names)-1])]
			}
			if !ok {
				return nil, defError("ALIGNMENT = %v", names)
			}
			vals["ALIGNMENT"] = a
			continue
		case "internallength":
			v, ok := defString(de.Arg)
			if !ok {
				return nil, defError("the value of INTERNALLENGTH")
			}
			if v == "-1" {
				v = "variable"
			}
			vals["INTERNALLENGTH"] = strings.ToUpper(v)
			continue
		}
		elems = append(elems, n)
	}
	more, err := d.options(elems, baseTypeOptions, nil)
	if err != nil {
		return nil, err
	}
	for k, v := range more {
		vals[k] = v
	}
	if vals["INPUT"] == "" || vals["OUTPUT"] == "" {
		return nil, defError("CREATE TYPE %s without INPUT and OUTPUT", name)
	}
	sql := "CREATE TYPE " + pgsql.QualifiedName(name.Schema, name.Name) + " (" + renderOptions(vals, baseTypeOptions) + ")"
	return &model.Definition{ID: model.ObjectID{Kind: model.KindBaseType, Name: name}, Create: d.expr(sql)}, nil
}
