package sqlnorm

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// This file is the shared mechanism behind model.Definition: objects that
// PostgreSQL creates with one statement (aggregates, operators, text search
// objects, rules, publications, ...). Both readers hand a parse tree to
// Namespace.Definition: the SQL reader the user's statement, the catalog
// reader a statement its queries print from the catalog. A definer
// resolves every name the statement uses, records the references, and
// writes the statement again in one canonical form: names qualified
// (pg_catalog's left bare), types spelled as format_type prints them,
// options in a fixed order with those equal to PostgreSQL's defaults left
// out. Each kind's file (aggregate.go, textsearch.go, ...) says what its
// statement holds; ALTER statements that change a definition in place go
// through Namespace.Alter.

// definer builds one definition.
type definer struct {
	ns *Namespace
	q  *qualifier
	// needs are objects the statement names without depending on them,
	// which must exist once the whole schema is read (see
	// Defined.Needs).
	needs []model.Ref
}

func (ns *Namespace) definer() *definer { return &definer{ns: ns, q: newQualifier(ns)} }

// expr returns the statement's text as the model holds it, with the
// references recorded so far.
func (d *definer) expr(sql string) model.Expr {
	return model.Expr{SQL: sql, Canon: sql, Refs: d.q.sortedRefs()}
}

// DefinitionError reports a statement the definition readers refuse.
func defError(format string, args ...any) error {
	return &UnsupportedError{What: fmt.Sprintf(format, args...), Location: -1}
}

// createName resolves the name a CREATE gives its object: as written when
// qualified, else in the first existing schema of the search path.
func (d *definer) createName(names []string) (model.Name, error) {
	switch len(names) {
	case 1:
		s, ok := d.ns.CreationSchema()
		if !ok {
			return model.Name{}, &UnknownError{Kind: KindSchema, Name: "(no schema has been selected to create in)", Location: -1}
		}
		return model.Name{Schema: s, Name: names[0]}, nil
	case 2:
		return model.Name{Schema: names[0], Name: names[1]}, nil
	case 3:
		return model.Name{Schema: names[1], Name: names[2]}, nil
	}
	return model.Name{}, defError("the name %s", strings.Join(names, "."))
}

// name resolves a reference to an object of the kind by its possibly
// qualified name, records it as a reference of refKind and returns it.
func (d *definer) name(kind Kind, refKind model.RefKind, names []string) (model.Name, error) {
	var n model.Name
	switch len(names) {
	case 1:
		s, ok := d.ns.Resolve(kind, names[0])
		if !ok {
			return n, &UnknownError{Kind: kind, Name: names[0], Location: -1}
		}
		n = model.Name{Schema: s, Name: names[0]}
	case 2:
		n = model.Name{Schema: names[0], Name: names[1]}
	case 3:
		n = model.Name{Schema: names[1], Name: names[2]}
	default:
		return n, defError("the name %s", strings.Join(names, "."))
	}
	d.q.ref(refKind, n.Schema, n.Name)
	return n, nil
}

// sqlName renders a resolved name, leaving pg_catalog's bare.
func sqlName(n model.Name) string {
	if n.Schema == "pg_catalog" {
		return pgsql.QuoteIdent(n.Name)
	}
	return pgsql.QualifiedName(n.Schema, n.Name)
}

// function resolves a function named without arguments (an aggregate's
// SFUNC, an operator's FUNCTION) and returns it as SQL.
func (d *definer) function(names []string) (string, error) {
	n, err := d.name(KindFunction, model.RefFunction, names)
	if err != nil {
		return "", err
	}
	return sqlName(n), nil
}

// typ returns the canonical spelling of a type name and records it.
func (d *definer) typ(tn *pg.TypeName) (string, error) {
	s, err := d.ns.TypeName(tn, BareType)
	if err != nil {
		return "", err
	}
	d.q.typeRef(tn)
	return s, nil
}

// columnType returns the canonical spelling of a column's type, with its
// modifier.
func (d *definer) columnType(tn *pg.TypeName) (string, error) {
	s, err := d.ns.TypeName(tn, ColumnType)
	if err != nil {
		return "", err
	}
	d.q.typeRef(tn)
	return s, nil
}

// operator resolves an operator name and returns it as SQL: bare for
// pg_catalog's, OPERATOR(schema.op) otherwise.
func (d *definer) operator(names []string) (string, error) {
	var n model.Name
	switch len(names) {
	case 1:
		s, ok := d.ns.Resolve(KindOperator, names[0])
		if !ok {
			return "", &UnknownError{Kind: KindOperator, Name: names[0], Location: -1}
		}
		n = model.Name{Schema: s, Name: names[0]}
	case 2:
		n = model.Name{Schema: names[0], Name: names[1]}
	default:
		return "", defError("the operator name %s", strings.Join(names, "."))
	}
	d.q.ref(model.RefOperator, n.Schema, n.Name)
	return operatorSQL(n), nil
}

func operatorSQL(n model.Name) string {
	if n.Schema == "pg_catalog" {
		return n.Name
	}
	return "OPERATOR(" + pgsql.QuoteIdent(n.Schema) + "." + n.Name + ")"
}

// optKind says what an option of a DefineStmt holds.
type optKind int

const (
	optFunc optKind = iota // a function name
	optType                // a type name
	optOper                // an operator name
	optText                // a string, rendered as a literal
	optWord                // a keyword, rendered in upper case
	optInt                 // an integer
	optFlag                // present or not (HASHES); a boolean value may follow
	optBool                // a boolean value (PREFERRED = true)
	optName                // an identifier, rendered quoted as needed
)

// optSpec describes one option of a DefineStmt kind.
type optSpec struct {
	// name is the option's name as rendered (upper case); the parser
	// folds what users write to lower case.
	name string
	kind optKind
	// def is the canonical value PostgreSQL uses when the option is
	// absent; an option equal to it is left out. "" for none.
	def string
	// ref is the reference kind of an optName that names an object of a
	// definition kind (a text search parser, a dictionary's template),
	// with lookup its name-resolution kind.
	ref    model.RefKind
	lookup Kind
}

// options reads the options of a DefineStmt by their specs and returns
// their canonical values by name. aliases maps other spellings to names.
func (d *definer) options(elems []*pg.Node, specs []optSpec, aliases map[string]string) (map[string]string, error) {
	out := map[string]string{}
	for _, n := range elems {
		de := n.GetDefElem()
		if de == nil {
			continue
		}
		name := strings.ToLower(de.Defname)
		if a, ok := aliases[name]; ok {
			name = a
		}
		i := slices.IndexFunc(specs, func(s optSpec) bool { return strings.EqualFold(s.name, name) })
		if i < 0 {
			return nil, defError("the option %s", de.Defname)
		}
		v, err := d.optValue(specs[i], de.Arg)
		if err != nil {
			return nil, err
		}
		if _, dup := out[specs[i].name]; dup {
			return nil, defError("the option %s given twice", de.Defname)
		}
		out[specs[i].name] = v
	}
	return out, nil
}

// optValue canonicalizes one option's value.
func (d *definer) optValue(s optSpec, arg *pg.Node) (string, error) {
	switch s.kind {
	case optFunc:
		return d.function(defNames(arg))
	case optType:
		tn := arg.GetTypeName()
		if tn == nil {
			names := defNames(arg)
			if len(names) == 0 {
				return "", defError("the value of %s", s.name)
			}
			tn = &pg.TypeName{Names: StringNodes(names...), Typemod: -1, Location: -1}
		}
		return d.typ(tn)
	case optOper:
		return d.operator(defNames(arg))
	case optText:
		v, ok := defString(arg)
		if !ok {
			return "", defError("the value of %s", s.name)
		}
		return pgsql.QuoteLiteral(v), nil
	case optWord:
		v, ok := defString(arg)
		if !ok {
			return "", defError("the value of %s", s.name)
		}
		return strings.ToUpper(v), nil
	case optInt:
		v, ok := defString(arg)
		if _, err := strconv.ParseInt(v, 10, 64); !ok || err != nil {
			return "", defError("the value of %s", s.name)
		}
		return v, nil
	case optFlag, optBool:
		if arg == nil {
			return "true", nil
		}
		v, ok := defString(arg)
		b, valid := parseBool(v)
		if !ok || !valid {
			return "", defError("the value of %s", s.name)
		}
		return strconv.FormatBool(b), nil
	case optName:
		names := defNames(arg)
		if s.ref != 0 {
			n, err := d.name(s.lookup, s.ref, names)
			if err != nil {
				return "", err
			}
			return sqlName(n), nil
		}
		if len(names) != 1 {
			return "", defError("the value of %s", s.name)
		}
		return pgsql.QuoteIdent(names[0]), nil
	}
	return "", defError("the value of %s", s.name)
}

// renderOptions writes options in spec order, leaving out defaults.
func renderOptions(vals map[string]string, specs []optSpec) string {
	var parts []string
	for _, s := range specs {
		v, ok := vals[s.name]
		if !ok || v == s.def {
			continue
		}
		switch s.kind {
		case optFlag:
			if v == "true" {
				parts = append(parts, s.name)
			}
		default:
			parts = append(parts, s.name+" = "+v)
		}
	}
	return strings.Join(parts, ", ")
}

// parseBool reads a boolean as PostgreSQL's parse_bool does.
func parseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "t", "true", "y", "yes", "on", "1":
		return true, true
	case "f", "false", "n", "no", "off", "0":
		return false, true
	}
	return false, false
}

// defString returns the text of an option value: a string, a number, a
// keyword or a bare word.
func defString(arg *pg.Node) (string, bool) {
	if arg == nil {
		return "", false
	}
	switch v := arg.Node.(type) {
	case *pg.Node_String_:
		return v.String_.Sval, true
	case *pg.Node_Integer:
		return strconv.FormatInt(int64(v.Integer.Ival), 10), true
	case *pg.Node_Float:
		return v.Float.Fval, true
	case *pg.Node_Boolean:
		return strconv.FormatBool(v.Boolean.Boolval), true
	case *pg.Node_TypeName:
		names := Strings(v.TypeName.Names)
		if len(names) == 1 && len(v.TypeName.ArrayBounds) == 0 {
			return names[0], true
		}
	case *pg.Node_AConst:
		return ConstText(arg)
	}
	return "", false
}

// defNames returns the parts of a name given as an option value: a
// TypeName (an unquoted word), a list of strings (an operator) or a
// string.
func defNames(arg *pg.Node) []string {
	if arg == nil {
		return nil
	}
	switch v := arg.Node.(type) {
	case *pg.Node_TypeName:
		return Strings(v.TypeName.Names)
	case *pg.Node_List:
		return Strings(v.List.Items)
	case *pg.Node_String_:
		return []string{v.String_.Sval}
	}
	return nil
}

// genericOptions canonicalizes an OPTIONS (name 'value', ...) list: the
// options sorted by name, as settings named "OPTION name" that OPTIONS
// (ADD ...) sets and OPTIONS (DROP ...) resets.
func genericOptions(elems []*pg.Node) ([]model.Setting, error) {
	var out []model.Setting
	for _, n := range elems {
		de := n.GetDefElem()
		if de == nil {
			continue
		}
		if de.Defaction != pg.DefElemAction_DEFELEM_UNSPEC && de.Defaction != pg.DefElemAction_DEFELEM_ADD {
			return nil, defError("OPTIONS (%s %s) in a CREATE statement", strings.ToUpper(strings.TrimPrefix(de.Defaction.String(), "DEFELEM_")), de.Defname)
		}
		v, ok := defString(de.Arg)
		if !ok {
			return nil, defError("the value of option %s", de.Defname)
		}
		out = append(out, optionSetting(de.Defname, v))
	}
	slices.SortFunc(out, func(a, b model.Setting) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

func optionSetting(name, value string) model.Setting {
	opt := pgsql.QuoteIdent(name) + " " + pgsql.QuoteLiteral(value)
	return model.Setting{Name: "OPTION " + name, Value: model.Expr{SQL: "OPTIONS (ADD " + opt + ")", Canon: opt},
		Reset: "OPTIONS (DROP " + pgsql.QuoteIdent(name) + ")", Option: opt}
}

// alterOptions applies an OPTIONS (ADD/SET/DROP ...) list to a
// definition's option settings.
func alterOptions(def *model.Definition, elems []*pg.Node) error {
	return alterOptionsOf(def, elems, "")
}

// alterOptionsOf applies an OPTIONS list to the options of a definition,
// or of one of its columns when column is not empty.
func alterOptionsOf(def *model.Definition, elems []*pg.Node, column string) error {
	setting := func(name, value string) model.Setting {
		s := optionSetting(name, value)
		if column != "" {
			s = columnOption(column, s)
		}
		return s
	}
	for _, n := range elems {
		de := n.GetDefElem()
		if de == nil {
			continue
		}
		name := setting(de.Defname, "").Name
		i := slices.IndexFunc(def.Settings, func(s model.Setting) bool { return s.Name == name })
		switch de.Defaction {
		case pg.DefElemAction_DEFELEM_DROP:
			if i < 0 {
				return defError("OPTIONS (DROP %s) of an option that is not set", de.Defname)
			}
			def.Settings = slices.Delete(def.Settings, i, i+1)
			continue
		case pg.DefElemAction_DEFELEM_SET:
			if i < 0 {
				return defError("OPTIONS (SET %s) of an option that is not set", de.Defname)
			}
		default:
			if i >= 0 {
				return defError("OPTIONS (ADD %s) of an option already set", de.Defname)
			}
		}
		v, ok := defString(de.Arg)
		if !ok {
			return defError("the value of option %s", de.Defname)
		}
		s := setting(de.Defname, v)
		if i >= 0 {
			def.Settings[i] = s
		} else {
			def.Settings = append(def.Settings, s)
		}
	}
	sortSettings(def)
	return nil
}

// alterColumnOptions applies ALTER COLUMN c OPTIONS (...) to the option
// settings of a foreign table's column.
func alterColumnOptions(def *model.Definition, column string, elems []*pg.Node) error {
	if !slices.ContainsFunc(def.Columns, func(c *model.Column) bool { return c.Name == column }) {
		return &UnknownError{Kind: KindRelation, Name: def.ID.Name.String() + "." + column, Location: -1}
	}
	return alterOptionsOf(def, elems, column)
}

// setSetting adds or replaces a setting, keeping them sorted.
func setSetting(def *model.Definition, s model.Setting) {
	if i := slices.IndexFunc(def.Settings, func(x model.Setting) bool { return x.Name == s.Name }); i >= 0 {
		def.Settings[i] = s
	} else {
		def.Settings = append(def.Settings, s)
	}
	sortSettings(def)
}

// removeSetting removes a setting by name; it reports whether there was
// one.
func removeSetting(def *model.Definition, name string) bool {
	i := slices.IndexFunc(def.Settings, func(x model.Setting) bool { return x.Name == name })
	if i < 0 {
		return false
	}
	def.Settings = slices.Delete(def.Settings, i, i+1)
	return true
}

func sortSettings(def *model.Definition) {
	slices.SortFunc(def.Settings, func(a, b model.Setting) int { return strings.Compare(a.Name, b.Name) })
}
