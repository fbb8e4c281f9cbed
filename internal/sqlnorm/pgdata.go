package sqlnorm

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/autogen-dev/autogen/internal/pgsql"
)

//go:generate go run ./internal/pgdatagen -out pgdata/catalog.txt

// catalogData describes a stock PostgreSQL installation; see
// internal/pgdatagen.
//
//go:embed pgdata/catalog.txt
var catalogData string

// OperatorName is how the model names an operator outside expressions (an
// exclusion constraint's): bare when it is pg_catalog's, or shares its
// name with one of pg_catalog's (an extension's &&: the SQL reader cannot
// tell them apart without operand types), else schema-qualified.
func OperatorName(schema, name string) string {
	if schema == "" || schema == "pg_catalog" || IsBuiltin(KindOperator, name) {
		return name
	}
	return schema + "." + name
}

// ExtensionInfo describes a contrib extension that ships with PostgreSQL.
type ExtensionInfo struct {
	Name string
	// DefaultVersion is the version CREATE EXTENSION installs when none is
	// given.
	DefaultVersion string
	// Comment is the comment the extension's script puts on it.
	Comment string
	// Schema is the schema the extension always goes to, or "" when it can
	// be placed in any schema.
	Schema string
	// Requires lists the extensions that must be installed first.
	Requires []string

	funcs, types, ops, rels map[string]bool
	// opclasses maps "method name" to whether the class is its type's
	// default.
	opclasses map[string]bool
	// opfamilies holds "method name"; ts holds "kind name" for the text
	// search objects (kind: parser, template, dictionary, configuration).
	opfamilies, ts map[string]bool
}

// Has reports whether the extension creates an object of the kind with the
// given name.
func (e *ExtensionInfo) Has(kind Kind, name string) bool {
	switch kind {
	case KindFunction:
		return e.funcs[name]
	case KindType:
		return e.types[name] || strings.HasPrefix(name, "_") && e.types[name[1:]]
	case KindOperator:
		return e.ops[name]
	case KindRelation:
		return e.rels[name]
	case KindOpClass:
		return hasName(e.opclasses, name)
	case KindOpFamily:
		return hasName(e.opfamilies, name)
	case KindTSParser, KindTSTemplate, KindTSDictionary, KindTSConfig:
		return e.ts[tsKindWord[kind]+" "+name]
	}
	return false
}

// hasName reports whether a "method name" set holds the name for any
// method.
func hasName[V any](m map[string]V, name string) bool {
	for k := range m {
		if _, n, _ := strings.Cut(k, " "); n == name {
			return true
		}
	}
	return false
}

var tsKindWord = map[Kind]string{KindTSParser: "parser", KindTSTemplate: "template",
	KindTSDictionary: "dictionary", KindTSConfig: "configuration"}

// tsConfigInfo is a built-in text search configuration.
type tsConfigInfo struct {
	parser   string
	mappings []tsMapping
}

type tsMapping struct {
	token string
	dicts []string
}

type pgData struct {
	funcs, ops, rels map[string]bool
	// funcCols are the output columns of built-in functions with OUT
	// parameters (see pgdatagen's funccols).
	funcCols       map[string][]string
	opclasses      map[string]bool // "method name" -> is default
	opfamilies, ts map[string]bool
	tsConfigs      map[string]*tsConfigInfo
	extensions     map[string]*ExtensionInfo
}

var data = sync.OnceValue(loadData)

func loadData() *pgData {
	d := &pgData{
		funcs:      map[string]bool{},
		funcCols:   map[string][]string{},
		ops:        map[string]bool{},
		rels:       map[string]bool{},
		opclasses:  map[string]bool{},
		opfamilies: map[string]bool{},
		ts:         map[string]bool{},
		tsConfigs:  map[string]*tsConfigInfo{},
		extensions: map[string]*ExtensionInfo{},
	}
	tsConfig := func(name string) *tsConfigInfo {
		c := d.tsConfigs[name]
		if c == nil {
			c = &tsConfigInfo{}
			d.tsConfigs[name] = c
		}
		return c
	}
	ext := func(name string) *ExtensionInfo {
		e := d.extensions[name]
		if e == nil {
			e = &ExtensionInfo{Name: name, funcs: map[string]bool{}, types: map[string]bool{},
				ops: map[string]bool{}, rels: map[string]bool{}, opclasses: map[string]bool{},
				opfamilies: map[string]bool{}, ts: map[string]bool{}}
			d.extensions[name] = e
		}
		return e
	}
	for _, line := range strings.Split(catalogData, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		switch f[0] {
		case "func":
			d.funcs[f[1]] = true
		case "funccols":
			d.funcCols[f[1]] = strings.Split(f[2], ",")
		case "op":
			d.ops[f[1]] = true
		case "rel":
			d.rels[f[1]] = true
		case "opc":
			d.opclasses[f[1]+" "+f[2]] = f[3] == "true"
		case "opf":
			d.opfamilies[f[1]+" "+f[2]] = true
		case "ts":
			d.ts[f[1]+" "+f[2]] = true
		case "tscfg":
			tsConfig(f[1]).parser = f[2]
		case "tsmap":
			c := tsConfig(f[1])
			c.mappings = append(c.mappings, tsMapping{token: f[2], dicts: strings.Split(f[3], ",")})
		case "ext":
			e := ext(f[1])
			e.DefaultVersion, e.Comment = f[2], f[3]
		case "extinfo":
			e := ext(f[1])
			e.Schema = f[3]
			if f[4] != "" {
				e.Requires = strings.Split(f[4], ",")
			}
		case "extfunc":
			ext(f[1]).funcs[f[2]] = true
		case "exttype":
			ext(f[1]).types[f[2]] = true
		case "extop":
			ext(f[1]).ops[f[2]] = true
		case "extrel":
			ext(f[1]).rels[f[2]] = true
		case "extopc":
			ext(f[1]).opclasses[f[2]+" "+f[3]] = f[4] == "true"
		case "extopf":
			ext(f[1]).opfamilies[f[2]+" "+f[3]] = true
		case "extts":
			ext(f[1]).ts[f[2]+" "+f[3]] = true
		}
	}
	return d
}

// builtinFunctionColumns returns the output columns of the pg_catalog
// function of that name when it has OUT parameters and all its overloads
// agree on them.
func builtinFunctionColumns(name string) ([]string, bool) {
	cols, ok := data().funcCols[name]
	return cols, ok
}

// Extension returns what is known about a contrib extension, or nil.
func Extension(name string) *ExtensionInfo { return data().extensions[name] }

// IsBuiltin reports whether pg_catalog has an object of the kind with the
// given name. Functions and operators are matched by name only.
func IsBuiltin(kind Kind, name string) bool {
	d := data()
	switch kind {
	case KindType:
		_, ok := pgsql.Builtin(name)
		if !ok && strings.HasPrefix(name, "_") {
			_, ok = pgsql.Builtin(name[1:])
		}
		return ok
	case KindFunction:
		return d.funcs[name]
	case KindOperator:
		return d.ops[name]
	case KindRelation:
		return d.rels[name]
	case KindOpClass:
		return hasName(d.opclasses, name)
	case KindOpFamily:
		return d.opfamilies["btree "+name] || hasName(d.opfamilies, name)
	case KindTSParser, KindTSTemplate, KindTSDictionary, KindTSConfig:
		return d.ts[tsKindWord[kind]+" "+name]
	}
	return false
}

// builtinTSConfig returns a text search configuration of pg_catalog, or
// nil.
func builtinTSConfig(name string) *tsConfigInfo { return data().tsConfigs[name] }

// Opclass looks up an operator class of an index method: whether it is in
// pg_catalog or in the given extension ("" for pg_catalog), and whether it
// is the default class of its type.
func Opclass(extension, method, name string) (found, isDefault bool) {
	d := data()
	m := d.opclasses
	if extension != "" {
		e := d.extensions[extension]
		if e == nil {
			return false, false
		}
		m = e.opclasses
	}
	isDefault, found = m[method+" "+name]
	return found, isDefault
}
