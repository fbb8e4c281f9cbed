package pgsql

import (
	_ "embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:embed types.txt
var typeData string

// BuiltinType is a data type of pg_catalog, as PostgreSQL 15 describes it.
type BuiltinType struct {
	// Name is the type's typname: "int4", "varchar", "timestamptz".
	Name string
	// Format is what format_type prints for the type without a type
	// modifier: "integer", "character varying", "\"char\"".
	Format string
	// Category is pg_type.typcategory ('N' numeric, 'S' string, ...).
	Category byte
	// Collatable is true when the type has a collation.
	Collatable bool
	// Storage is the default storage of the type's columns: "plain",
	// "external", "extended" or "main".
	Storage string
}

var storageNames = map[string]string{"p": "plain", "e": "external", "x": "extended", "m": "main"}

var builtins = sync.OnceValue(func() map[string]BuiltinType {
	m := map[string]BuiltinType{}
	for line := range strings.SplitSeq(typeData, "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 5 {
			continue
		}
		m[f[0]] = BuiltinType{Name: f[0], Format: f[1], Category: f[2][0], Collatable: f[3] == "true", Storage: storageNames[f[4]]}
	}
	return m
})

// Builtin returns the pg_catalog type with the given typname.
func Builtin(typname string) (BuiltinType, bool) {
	t, ok := builtins()[typname]
	return t, ok
}

// grammarAliases maps the type names SQL's grammar knows (and the serial
// pseudo-types) to the typname they stand for. Names that are typnames
// already (int4, varchar, bpchar, ...) need no entry.
var grammarAliases = map[string]string{
	"int": "int4", "integer": "int4", "smallint": "int2", "bigint": "int8",
	"real": "float4", "float": "float8", "double precision": "float8",
	"decimal": "numeric", "dec": "numeric", "boolean": "bool",
	"character varying": "varchar", "char varying": "varchar", "character": "bpchar", "char": "bpchar",
	"national character varying": "varchar", "national char varying": "varchar",
	"national character": "bpchar", "national char": "bpchar", "nchar": "bpchar",
	"bit varying": "varbit",
	"timestamp":   "timestamp", "timestamp without time zone": "timestamp", "timestamp with time zone": "timestamptz",
	"time": "time", "time without time zone": "time", "time with time zone": "timetz",
	"serial": "int4", "serial4": "int4", "bigserial": "int8", "serial8": "int8", "smallserial": "int2", "serial2": "int2",
}

// SerialType returns the integer typname a serial pseudo-type stands for
// ("serial" gives "int4"), and false for other names.
func SerialType(name string) (string, bool) {
	switch name {
	case "serial", "serial4":
		return "int4", true
	case "bigserial", "serial8":
		return "int8", true
	case "smallserial", "serial2":
		return "int2", true
	}
	return "", false
}

// Interval field masks, as in PostgreSQL's datetime.h.
const (
	maskMonth  = 1 << 1
	maskYear   = 1 << 2
	maskDay    = 1 << 3
	maskHour   = 1 << 10
	maskMinute = 1 << 11
	maskSecond = 1 << 12
	// IntervalFullRange is the interval field mask of a plain interval.
	IntervalFullRange = 0x7FFF
	// IntervalNoPrecision is the precision modifier of an interval
	// without one.
	IntervalNoPrecision = 0xFFFF
)

var intervalFields = map[int64]string{
	maskYear: "year", maskMonth: "month", maskDay: "day", maskHour: "hour",
	maskMinute: "minute", maskSecond: "second",
	maskYear | maskMonth:                         "year to month",
	maskDay | maskHour:                           "day to hour",
	maskDay | maskHour | maskMinute:              "day to minute",
	maskDay | maskHour | maskMinute | maskSecond: "day to second",
	maskHour | maskMinute:                        "hour to minute",
	maskHour | maskMinute | maskSecond:           "hour to second",
	maskMinute | maskSecond:                      "minute to second",
	IntervalFullRange:                            "",
}

// IntervalFields returns the field mask of an interval qualifier such as
// "day to second", as the grammar encodes it in the first type modifier.
func IntervalFields(qualifier string) (int64, bool) {
	for mask, text := range intervalFields {
		if text == qualifier {
			return mask, true
		}
	}
	return 0, false
}

// ErrTypeModifier is wrapped by errors about type modifiers a type does
// not take.
var ErrTypeModifier = errors.New("invalid type modifier")

// FormatBuiltin spells a pg_catalog type with its type modifiers exactly as
// format_type does for a column: "character varying(20)", "numeric(10,2)",
// "timestamp(3) with time zone", "interval day to second(0)", and bpchar
// for a character type without length. With bare set it spells the type
// as PostgreSQL stores function arguments and results, without modifier
// ("character varying", "character").
func FormatBuiltin(typname string, mods []int64, bare bool) (string, error) {
	bt, ok := Builtin(typname)
	if !ok {
		return "", fmt.Errorf("pgsql: type pg_catalog.%s does not exist", typname)
	}
	if bare {
		if typname == "bpchar" {
			return "character", nil
		}
		return bt.Format, nil
	}
	arg := func() string {
		parts := make([]string, len(mods))
		for i, m := range mods {
			parts[i] = strconv.FormatInt(m, 10)
		}
		return "(" + strings.Join(parts, ",") + ")"
	}
	bad := func() (string, error) {
		return "", fmt.Errorf("%w: %s on %s", ErrTypeModifier, arg(), bt.Format)
	}
	switch typname {
	case "bpchar", "varchar", "bit", "varbit":
		switch {
		case len(mods) == 1:
			return bt.Format + arg(), nil
		case len(mods) > 1:
			return bad()
		case typname == "bpchar":
			return "bpchar", nil
		case typname == "bit":
			return `"bit"`, nil
		}
		return bt.Format, nil
	case "numeric":
		switch len(mods) {
		case 0:
			return "numeric", nil
		case 1:
			return fmt.Sprintf("numeric(%d,0)", mods[0]), nil
		case 2:
			return fmt.Sprintf("numeric(%d,%d)", mods[0], mods[1]), nil
		}
		return bad()
	case "time", "timetz", "timestamp", "timestamptz":
		switch len(mods) {
		case 0:
			return bt.Format, nil
		case 1:
			p := min(mods[0], 6)
			word, zone, _ := strings.Cut(bt.Format, " ")
			return fmt.Sprintf("%s(%d) %s", word, p, zone), nil
		}
		return bad()
	case "interval":
		if len(mods) == 0 {
			return "interval", nil
		}
		fields, ok := intervalFields[mods[0]]
		if !ok || len(mods) > 2 {
			return bad()
		}
		s := "interval"
		if fields != "" {
			s += " " + fields
		}
		if len(mods) == 2 && mods[1] != IntervalNoPrecision {
			s += fmt.Sprintf("(%d)", min(mods[1], 6))
		}
		return s, nil
	}
	if len(mods) > 0 {
		return bad()
	}
	return bt.Format, nil
}

// Type is a type name taken apart.
type Type struct {
	// Schema is the type's schema; "" for a built-in type.
	Schema string
	// Name is the typname of a built-in type ("int4", "varchar",
	// "timestamptz"), or the name of any other type.
	Name string
	// Mods are the type modifiers: (20) of varchar(20), (10,2) of
	// numeric(10,2). For interval, the first is the field mask and the
	// second the precision, as the grammar encodes them.
	Mods []int64
	// TextMods holds modifiers that are not integers, as written
	// (geometry(Point,4326)); Mods is nil when it is set.
	TextMods []string
	// Array is set for an array type (of any number of dimensions).
	Array bool
}

// Builtin reports whether the type is a pg_catalog one.
func (t Type) Builtin() bool {
	if t.Schema != "" && t.Schema != "pg_catalog" {
		return false
	}
	_, ok := Builtin(t.Name)
	return ok
}

// Base returns the type without modifiers and array brackets.
func (t Type) Base() Type { return Type{Schema: t.Schema, Name: t.Name} }

// Elem returns the element type of an array type, or the type itself.
func (t Type) Elem() Type {
	t.Array = false
	return t
}

// String spells the type as format_type does with an empty search_path:
// built-in types by their SQL names with modifiers, others qualified and
// quoted as needed, arrays with one "[]".
func (t Type) String() string {
	var s string
	if t.Builtin() {
		var err error
		s, err = FormatBuiltin(t.Name, t.Mods, false)
		if err != nil {
			bt, _ := Builtin(t.Name)
			s = bt.Format + modText(t)
		}
	} else {
		s = QualifiedName(t.Schema, t.Name) + modText(t)
	}
	if t.Array {
		s += "[]"
	}
	return s
}

func modText(t Type) string {
	switch {
	case len(t.TextMods) > 0:
		return "(" + strings.Join(t.TextMods, ",") + ")"
	case len(t.Mods) > 0:
		parts := make([]string, len(t.Mods))
		for i, m := range t.Mods {
			parts[i] = strconv.FormatInt(m, 10)
		}
		return "(" + strings.Join(parts, ",") + ")"
	}
	return ""
}

// TextForm returns the type a value of type typ is kept as in its text
// form, which every type has: text, or text[] for an array.
func TextForm(typ string) string {
	if t, err := ParseType(typ); err == nil && t.Array || err != nil && strings.HasSuffix(typ, "]") {
		return "text[]"
	}
	return "text"
}

// SameBase reports whether two spellings of types name the same base
// type, array or not, whatever their modifiers (varchar(10) and
// varchar(20) do); texts that do not parse compare as written.
func SameBase(a, b string) bool {
	ta, aerr := ParseType(a)
	tb, berr := ParseType(b)
	if aerr != nil || berr != nil {
		return a == b
	}
	return ta.Schema == tb.Schema && ta.Name == tb.Name && ta.Array == tb.Array
}

// ParseType reads a type name as SQL writes it, in any of its spellings:
// "integer", "int4", "INT", "character varying(20)", "varchar(20)",
// "timestamp(3) with time zone", "interval day to second", "double
// precision", "public.mood[]", "\"My Type\"". Unqualified names that are
// neither grammar aliases nor pg_catalog types are returned without a
// schema, for the caller to resolve.
func ParseType(text string) (Type, error) {
	var toks []Token
	s := NewScanner(text)
	for tok, ok := s.Next(); ok; tok, ok = s.Next() {
		if tok.Kind != Space && !tok.Comment() {
			toks = append(toks, tok)
		}
	}
	bad := func(why string) (Type, error) {
		return Type{}, fmt.Errorf("pgsql: invalid type %q: %s", text, why)
	}
	if len(toks) == 0 {
		return bad("empty")
	}
	var t Type
	i := 0
	// Array suffixes: "[]", "[3]", or the keyword ARRAY.
	end := len(toks)
	for end > 0 {
		switch {
		case toks[end-1].Kind == Punct && toks[end-1].Text == "]":
			j := end - 2
			for j >= 0 && !(toks[j].Kind == Punct && toks[j].Text == "[") {
				j--
			}
			if j < 0 {
				return bad("unbalanced brackets")
			}
			t.Array = true
			end = j
			continue
		case toks[end-1].Is("array"):
			t.Array = true
			end--
			continue
		}
		break
	}
	toks = toks[:end]
	// A name: one identifier, two separated by a dot, or a multi-word
	// built-in name ("double precision", "character varying").
	var names []string
	grammar := toks[0].Kind == Word // an unquoted, unqualified name may be a grammar alias
	for i < len(toks) {
		name, ok := toks[i].Ident()
		if !ok {
			break
		}
		if toks[i].Kind == Word && len(names) == 0 {
			words := []string{name}
			for i+1 < len(toks) && toks[i+1].Kind == Word && multiWord(words, FoldIdent(toks[i+1].Text)) {
				words = append(words, FoldIdent(toks[i+1].Text))
				i++
			}
			name = strings.Join(words, " ")
		}
		names = append(names, name)
		i++
		if len(names) == 1 && i < len(toks) && toks[i].Kind == Punct && toks[i].Text == "." {
			i++
			grammar = false
			continue
		}
		break
	}
	switch len(names) {
	case 1:
		t.Name = names[0]
	case 2:
		t.Schema, t.Name = names[0], names[1]
	default:
		return bad("not a type name")
	}
	// Modifiers in parentheses.
	if i < len(toks) && toks[i].Kind == Punct && toks[i].Text == "(" {
		j := i + 1
		var mods []string
		var cur strings.Builder
		for ; j < len(toks) && !(toks[j].Kind == Punct && toks[j].Text == ")"); j++ {
			if toks[j].Kind == Punct && toks[j].Text == "," {
				mods = append(mods, cur.String())
				cur.Reset()
				continue
			}
			cur.WriteString(toks[j].Text)
		}
		if j >= len(toks) {
			return bad("unbalanced parentheses")
		}
		mods = append(mods, cur.String())
		ints := make([]int64, 0, len(mods))
		for _, m := range mods {
			n, err := strconv.ParseInt(m, 10, 64)
			if err != nil {
				ints = nil
				break
			}
			ints = append(ints, n)
		}
		if ints == nil {
			t.TextMods = mods
		} else {
			t.Mods = ints
		}
		i = j + 1
	}
	// What may follow the modifier: "with time zone" or "without time
	// zone" after time and timestamp, the fields of an interval.
	var rest []string
	for ; i < len(toks); i++ {
		if toks[i].Kind != Word {
			return bad("unexpected " + toks[i].Text)
		}
		rest = append(rest, strings.ToLower(toks[i].Text))
	}
	if t.Schema == "" || t.Schema == "pg_catalog" {
		if err := t.resolveBuiltin(rest, grammar); err != nil {
			return bad(err.Error())
		}
	} else if len(rest) > 0 {
		return bad("unexpected " + strings.Join(rest, " "))
	}
	return t, nil
}

// multiWord reports whether a built-in type name that starts with words
// goes on with next.
func multiWord(words []string, next string) bool {
	joined := strings.Join(words, " ") + " " + next
	for alias := range grammarAliases {
		if alias == joined || strings.HasPrefix(alias, joined+" ") {
			return true
		}
	}
	if words[0] == "interval" {
		_, ok := intervalWords[next]
		return ok
	}
	return false
}

var intervalWords = map[string]bool{"year": true, "month": true, "day": true, "hour": true, "minute": true, "second": true, "to": true}

// resolveBuiltin maps a grammar alias to its typname and folds what
// followed the modifiers (time zones, interval fields) into it.
func (t *Type) resolveBuiltin(rest []string, grammar bool) error {
	name := t.Name
	if !grammar {
		// A quoted or qualified name is a typname, never an alias:
		// "char" is the one-byte type, pg_catalog.bit has no length.
		if _, ok := Builtin(name); ok {
			t.Schema = ""
		} else if t.Schema == "pg_catalog" {
			return errors.New("type pg_catalog." + name + " does not exist")
		}
		return nil
	}
	if strings.HasPrefix(name, "interval ") {
		rest = append(strings.Fields(strings.TrimPrefix(name, "interval ")), rest...)
		name = "interval"
	}
	if len(rest) > 0 {
		switch {
		case name == "interval":
			mask, ok := IntervalFields(strings.Join(rest, " "))
			if !ok {
				return errors.New("unknown interval fields " + strings.Join(rest, " "))
			}
			switch len(t.Mods) {
			case 0:
				t.Mods = []int64{mask}
			case 1:
				t.Mods = []int64{mask, t.Mods[0]}
			default:
				return errors.New("too many interval modifiers")
			}
		case name == "timestamp" || name == "time":
			name += " " + strings.Join(rest, " ")
		default:
			return errors.New("unexpected " + strings.Join(rest, " "))
		}
	} else if name == "interval" && len(t.Mods) == 1 && t.Schema == "" {
		// interval(3): the precision of a full-range interval.
		t.Mods = []int64{IntervalFullRange, t.Mods[0]}
	}
	switch name {
	case "char", "character", "nchar", "national char", "national character", "bit":
		// The grammar gives these a length of one when none is written.
		if len(t.Mods) == 0 && len(t.TextMods) == 0 {
			t.Mods = []int64{1}
		}
	}
	if a, ok := grammarAliases[name]; ok {
		if name == "float" && len(t.Mods) == 1 {
			// float(p) is real up to 24 bits of precision.
			if t.Mods[0] <= 24 {
				a = "float4"
			}
			t.Mods = nil
		}
		name = a
		t.Schema = ""
	}
	if _, ok := Builtin(name); ok {
		t.Schema = ""
	} else if t.Schema == "pg_catalog" {
		return errors.New("type pg_catalog." + name + " does not exist")
	}
	t.Name = name
	return nil
}

// DefaultStorage returns the storage PostgreSQL gives a column of a type
// by default ("plain", "extended", ...), for a canonical type name of a
// built-in type or an array; "" when it is not known here.
func DefaultStorage(typ string) string {
	t, err := ParseType(typ)
	if err != nil {
		return ""
	}
	if t.Array {
		return "extended"
	}
	if !t.Builtin() {
		return ""
	}
	bt, _ := Builtin(t.Name)
	return bt.Storage
}

// TypeStorage returns the storage PostgreSQL gives a column of type typ (a
// canonical type name) by default. user answers for a type that is not
// built in, by schema and name: whether it is an enum, and the base type
// of a domain ("" for any other type). Enums store plain, a domain as its
// base type; other types that are not built in (composites, ranges, an
// extension's types) get "extended", what CREATE TYPE gives unless told
// otherwise.
func TypeStorage(typ string, user func(schema, name string) (enum bool, domainBase string)) string {
	if s := DefaultStorage(typ); s != "" {
		return s
	}
	if t, err := ParseType(typ); err == nil && !t.Array && !t.Builtin() {
		enum, base := user(t.Schema, t.Name)
		switch {
		case enum:
			return "plain"
		case base != "":
			return TypeStorage(base, user)
		}
	}
	return "extended"
}

// postgisTypes are the geometry types of PostGIS, by lower-case name, as
// its typmod output function spells them.
var postgisTypes = func() map[string]string {
	m := map[string]string{}
	for _, n := range []string{"Geometry", "Point", "LineString", "Polygon", "MultiPoint", "MultiLineString",
		"MultiPolygon", "GeometryCollection", "CircularString", "CompoundCurve", "CurvePolygon", "MultiCurve",
		"MultiSurface", "PolyhedralSurface", "Triangle", "Tin"} {
		m[strings.ToLower(n)] = n
	}
	return m
}()

// FormatTypeModifier spells the type modifier of a type that is not built
// in, as format_type prints it through the type's typmod output function:
// PostGIS's geometry and geography spell the geometry type in its own case
// with its dimensions and the SRID when there is one ("(Point,4326)",
// "(PointZ)"; a geography's SRID defaults to 4326, and a plain
// geometry(Geometry) prints no modifier at all); the integer modifiers of
// other types print as written ("(3)" for pgvector's vector(3)). mods are
// the modifiers as written: identifiers, strings or integers. A text
// modifier of a type autogen does not know is an error wrapping
// ErrTypeModifier.
func FormatTypeModifier(name string, mods []string) (string, error) {
	if len(mods) == 0 {
		return "", nil
	}
	switch name {
	case "geometry", "geography":
		return postgisModifier(name == "geography", mods)
	}
	for _, m := range mods {
		if _, err := strconv.ParseInt(m, 10, 32); err != nil {
			return "", fmt.Errorf("%w: (%s) on %s: autogen knows only the integer modifiers of types that are not built in (and PostGIS's)",
				ErrTypeModifier, strings.Join(mods, ","), name)
		}
	}
	return "(" + strings.Join(mods, ",") + ")", nil
}

// postgisModifier canonicalizes a geometry or geography modifier: a
// geometry type, optionally suffixed with Z, M or ZM, and an SRID.
func postgisModifier(geography bool, mods []string) (string, error) {
	bad := func(why string) (string, error) {
		return "", fmt.Errorf("%w: (%s): %s", ErrTypeModifier, strings.Join(mods, ","), why)
	}
	if len(mods) > 2 {
		return bad("at most a geometry type and an SRID")
	}
	t := strings.ToLower(strings.TrimSpace(mods[0]))
	dims := ""
	base, ok := postgisTypes[t]
	for _, suffix := range []string{"zm", "z", "m"} {
		if ok {
			break
		}
		if strings.HasSuffix(t, suffix) {
			if base, ok = postgisTypes[strings.TrimSuffix(t, suffix)]; ok {
				dims = strings.ToUpper(suffix)
			}
		}
	}
	if !ok {
		return bad("unknown geometry type " + mods[0])
	}
	var srid int64
	if len(mods) == 2 {
		n, err := strconv.ParseInt(strings.TrimSpace(mods[1]), 10, 32)
		if err != nil {
			return bad("the SRID must be an integer")
		}
		srid = max(n, 0) // PostGIS takes a negative SRID as unknown (0)
	}
	if geography && srid == 0 {
		srid = 4326
	}
	if !geography && base == "Geometry" && dims == "" && srid == 0 {
		return "", nil
	}
	s := "(" + base + dims
	if srid != 0 {
		s += "," + strconv.FormatInt(srid, 10)
	}
	return s + ")", nil
}
