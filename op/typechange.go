package op

import (
	"strconv"
	"strings"
)

// typeChange says what changing a column from one type to another does to
// a table that holds rows.
type typeChange struct {
	// rewrites: every row is rewritten (and every index rebuilt) under an
	// ACCESS EXCLUSIVE lock. Otherwise PostgreSQL only updates the catalog.
	rewrites bool
	// mayFail: some values of the old type do not fit the new one (a
	// narrowing change), and one such row makes the statement fail.
	mayFail bool
	// lossy: the conversion succeeds but rounds or truncates (a smaller
	// scale or precision), so converting back does not restore the values.
	lossy bool
}

// sqlType is a type as written in SQL, taken apart: its base name with
// aliases resolved, its modifiers and its array dimensions.
type sqlType struct {
	base   string
	mods   []int // nil when there are none
	arrays int
	// known is false when the modifiers could not be read.
	known bool
}

// typeAliases maps the spellings of built-in types to the names
// format_type uses; timestamp and time types are named timestamp,
// timestamptz, time and timetz instead.
var typeAliases = map[string]string{
	"int": "integer", "int4": "integer", "int8": "bigint", "int2": "smallint",
	"varchar": "character varying", "char": "character", "bpchar": "character",
	"decimal": "numeric", "float8": "double precision", "float": "double precision", "float4": "real",
	"bool": "boolean", "varbit": "bit varying",
	"serial": "integer", "bigserial": "bigint", "smallserial": "smallint",
}

// parseType reads a type such as "character varying(20)", "numeric(10,2)",
// "timestamp(3) with time zone", "int8" or "public.mood[]".
func parseType(s string) sqlType {
	t := sqlType{known: true}
	s = strings.ToLower(strings.TrimSpace(s))
	for strings.HasSuffix(s, "[]") {
		t.arrays++
		s = strings.TrimSpace(strings.TrimSuffix(s, "[]"))
	}
	if i := strings.IndexByte(s, '('); i >= 0 {
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			return sqlType{base: s}
		}
		for _, m := range strings.Split(s[i+1:i+j], ",") {
			n, err := strconv.Atoi(strings.TrimSpace(m))
			if err != nil {
				return sqlType{base: s}
			}
			t.mods = append(t.mods, n)
		}
		s = strings.Join(strings.Fields(s[:i]+" "+s[i+j+1:]), " ")
	}
	s = strings.Join(strings.Fields(s), " ")
	// "character varying" and "double precision" are two words; "with
	// time zone" follows timestamp and time.
	switch {
	case strings.HasPrefix(s, "timestamp") || strings.HasPrefix(s, "time"):
		word, rest, _ := strings.Cut(s, " ")
		switch rest {
		case "with time zone":
			s = word + "tz"
		case "without time zone":
			s = word
		}
	}
	if a, ok := typeAliases[s]; ok {
		s = a
	}
	t.base = s
	return t
}

// integer widths, for widening and narrowing.
var intWidth = map[string]int{"smallint": 2, "integer": 4, "bigint": 8}

// classifyTypeChange tells what converting a column from one type to
// another does, following PostgreSQL's rules: a longer varchar, a wider
// numeric precision or time precision, or varchar to text only changes
// the catalog; integer widening rewrites; narrowing rewrites and may fail.
// Conversions it does not know are taken as rewriting and possibly
// failing.
func classifyTypeChange(from, to string) typeChange {
	f, t := parseType(from), parseType(to)
	unknown := typeChange{rewrites: true, mayFail: true}
	if !f.known || !t.known || f.arrays != t.arrays {
		return unknown
	}
	if f.base == t.base {
		return sameBase(f, t)
	}
	_, fInt := intWidth[f.base]
	_, tInt := intWidth[t.base]
	fString, tString := isString(f.base), isString(t.base)
	switch {
	case fString && tString:
		// text and varchar share a representation; a limit is checked
		// by rewriting.
		if t.base == "character varying" && t.mods != nil || t.base == "character" {
			return typeChange{rewrites: true, mayFail: true}
		}
		if f.base == "character" {
			return typeChange{rewrites: true} // trailing blanks are trimmed
		}
		return typeChange{}
	case tString && (t.base == "text" || t.mods == nil && t.base == "character varying"):
		// Every type converts to unlimited text through its output
		// function.
		return typeChange{rewrites: true}
	case fInt && tInt:
		return typeChange{rewrites: true, mayFail: intWidth[t.base] < intWidth[f.base]}
	case fInt && t.base == "numeric":
		return typeChange{rewrites: true, mayFail: t.mods != nil && t.mods[0]-scale(t) < intDigits(f.base)}
	case fInt && t.base == "double precision":
		return typeChange{rewrites: true, lossy: f.base == "bigint"}
	case fInt && t.base == "real":
		return typeChange{rewrites: true, lossy: f.base != "smallint"}
	case f.base == "real" && t.base == "double precision":
		return typeChange{rewrites: true}
	case isNumber(f.base) && isNumber(t.base):
		// To a narrower or integer type: values may not fit, fractions
		// are rounded away.
		return typeChange{rewrites: true, mayFail: true, lossy: true}
	case f.base == "cidr" && t.base == "inet":
		return typeChange{}
	case f.base == "timestamp" && t.base == "timestamptz", f.base == "timestamptz" && t.base == "timestamp",
		f.base == "date" && (t.base == "timestamp" || t.base == "timestamptz"):
		return typeChange{rewrites: true}
	case (f.base == "timestamp" || f.base == "timestamptz") && t.base == "date":
		return typeChange{rewrites: true, lossy: true}
	case f.base == "json" && t.base == "jsonb":
		// jsonb rejects \u0000 and duplicate keys collapse.
		return typeChange{rewrites: true, mayFail: true, lossy: true}
	}
	return unknown
}

// sameBase classifies a change of modifiers within one type.
func sameBase(f, t sqlType) typeChange {
	if equalMods(f.mods, t.mods) {
		return typeChange{}
	}
	switch f.base {
	case "character varying", "bit varying":
		if t.mods == nil || f.mods != nil && t.mods[0] >= f.mods[0] {
			return typeChange{}
		}
		return typeChange{rewrites: true, mayFail: true}
	case "numeric":
		switch {
		case t.mods == nil:
			return typeChange{}
		case f.mods == nil:
			return typeChange{rewrites: true, mayFail: true, lossy: true}
		case scale(f) == scale(t) && t.mods[0] >= f.mods[0]:
			return typeChange{}
		}
		return typeChange{rewrites: true, mayFail: t.mods[0]-scale(t) < f.mods[0]-scale(f), lossy: scale(t) < scale(f)}
	case "timestamp", "timestamptz", "time", "timetz", "interval":
		if t.mods == nil || f.mods != nil && t.mods[0] >= f.mods[0] {
			return typeChange{}
		}
		return typeChange{rewrites: true, lossy: true}
	case "character":
		return typeChange{rewrites: true, mayFail: t.mods == nil || f.mods == nil || t.mods[0] < f.mods[0]}
	}
	return typeChange{rewrites: true, mayFail: true}
}

func equalMods(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// scale returns a numeric type's scale (0 when only the precision is set).
func scale(t sqlType) int {
	if len(t.mods) > 1 {
		return t.mods[1]
	}
	return 0
}

// intDigits is how many decimal digits an integer type's values can have.
func intDigits(base string) int {
	return map[string]int{"smallint": 5, "integer": 10, "bigint": 19}[base]
}

func isString(base string) bool {
	return base == "text" || base == "character varying" || base == "character"
}

func isNumber(base string) bool {
	_, isInt := intWidth[base]
	return isInt || base == "numeric" || base == "real" || base == "double precision"
}
