package op

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/autogen-dev/autogen/internal/pgsql"
)

// This file is the one home of what autogen knows about changing a
// column's type: which conversions PostgreSQL makes on its own and which
// need USING (NeedsUsing, UsingExpr, for the generator), which rewrite the
// table or may fail, which alter values for good and how to find the values
// they would alter (the hazards and probes of AlterColumn, for lint, the
// revision-time refusal and the apply-time data guard).

// typeChange says what changing a column from one type to another does to
// a table that holds rows.
type typeChange struct {
	// rewrites: every row is rewritten (and every index rebuilt) under an
	// ACCESS EXCLUSIVE lock. Otherwise PostgreSQL only updates the catalog.
	rewrites bool
	// mayFail: some values of the old type do not fit the new one (a
	// narrowing change), and one such row makes the statement fail.
	mayFail bool
	// loss, when set, says how the conversion alters values for good
	// while succeeding ("rounds values to 1 decimal place"): data loss.
	loss string
	// probe says how to find the values the conversion alters.
	probe probeKind
	// reshapes: the conversion keeps every value but not its form
	// (whitespace, key order and duplicate keys of json), so converting
	// back does not restore the text exactly.
	reshapes bool
	// timeZone: the result depends on the session's TimeZone setting.
	timeZone bool
}

// probeKind says how the data guard finds the values a lossy conversion
// would alter.
type probeKind int

const (
	// probeRoundTrip: a value is altered when converting it and casting
	// the result back to the old type does not give the same text.
	probeRoundTrip probeKind = iota
	// probeJSON: as probeRoundTrip, for a json or jsonb column, comparing
	// as jsonb (to_jsonb of the result), since json has no cast back from
	// most types.
	probeJSON
	// probeNonNull: no cast leads back (a date cannot become a time of day
	// again), so every non-NULL value counts as altered.
	probeNonNull
)

// sqlType is a type taken apart (by internal/pgsql, the one place that
// reads type names): its base, its modifiers and whether it is an array.
type sqlType struct {
	// base is the typname of a built-in type ("int4", "varchar",
	// "timestamptz"), or "" for any other.
	base string
	// name is the qualified name, which tells other types apart.
	name  string
	mods  []int64 // nil when there are none
	array bool
	// fields is an interval's field mask (0 for the full range).
	fields int64
	// known is false when the type could not be read.
	known bool
}

// fullRange is the field mask of an interval without fields.
const fullRange = 0x7FFF

// parseType reads a type such as "character varying(20)", "numeric(10,2)",
// "timestamp(3) with time zone", "int8" or "public.mood[]".
func parseType(s string) sqlType {
	t, err := pgsql.ParseType(s)
	if err != nil || len(t.TextMods) > 0 {
		return sqlType{name: s}
	}
	out := sqlType{name: pgsql.QualifiedName(t.Schema, t.Name), mods: t.Mods, array: t.Array, known: true}
	if t.Base().Builtin() {
		out.base = t.Name
	}
	if out.base == "interval" {
		// The grammar encodes interval(p) as the field mask, then the
		// precision.
		out.fields, out.mods = fullRange, nil
		if len(t.Mods) > 0 {
			out.fields = t.Mods[0]
		}
		if len(t.Mods) > 1 {
			out.mods = t.Mods[1:]
		}
	}
	return out
}

// sameBase reports whether two parsed types name the same base type.
func (t sqlType) sameBase(o sqlType) bool { return t.name == o.name }

// families groups the built-in types whose values convert into each other
// by assignment.
var families = map[string]string{
	"int2": "number", "int4": "number", "int8": "number", "numeric": "number", "float4": "number", "float8": "number",
	"text": "string", "varchar": "string", "bpchar": "string", "name": "string",
	"date": "time", "timestamp": "time", "timestamptz": "time",
	"time": "clock", "timetz": "clock",
	"bit": "bit", "varbit": "bit", "interval": "interval", "bool": "boolean", "json": "json", "jsonb": "jsonb",
}

// NeedsUsing reports whether changing a column from one type to another
// needs an explicit USING conversion: PostgreSQL converts on its own only
// along an assignment cast. Within one type (a length or precision change)
// and within the built-in numeric, string and date-time families there is
// one; a USING cast there would be harmful, since an explicit cast to a
// shorter varchar truncates silently where the assignment cast refuses.
// Every type converts to a string type by assignment, through its output
// function; strings do not convert back.
func NeedsUsing(from, to string) bool {
	f, t := parseType(from), parseType(to)
	if f.array != t.array {
		return true
	}
	if f.sameBase(t) {
		return false
	}
	if moneyCasts[[2]string{f.base, t.base}] {
		return false
	}
	fb, tb := families[f.base], families[t.base]
	if tb == "string" {
		return false
	}
	return fb == "" || fb != tb
}

// moneyCasts are the assignment casts to and from money. It is no member
// of the numeric family: a float has no cast to it, and its text form
// ("$3.50") does not read as a number.
var moneyCasts = map[[2]string]bool{{"money", "numeric"}: true, {"numeric", "money"}: true,
	{"int4", "money"}: true, {"int8", "money"}: true}

// UsingExpr returns the expression that converts the values of column col
// (an SQL identifier, quoted as needed) from one type to another. Between
// built-in types it is a plain cast; numbers and timestamps convert as Unix
// epoch seconds, since PostgreSQL has no cast between them; money and the
// numbers through numeric, booleans and the numbers through integer; a
// value made an array becomes its one element,
// and an array made a value gives its first;
// a user-defined
// type (an enum, a domain) on either side converts through its text form,
// which is the one conversion every type has.
func UsingExpr(col, from, to string) string {
	f, t := parseType(from), parseType(to)
	if !f.array && t.array && t.known {
		// A value becomes the one element of an array (NULL stays NULL):
		// PostgreSQL would read its text as an array literal.
		elem := to
		for strings.HasSuffix(elem, "[]") {
			elem = strings.TrimSuffix(elem, "[]")
		}
		if elem != to {
			return "CASE WHEN " + col + " IS NULL THEN NULL ELSE ARRAY[" + UsingExpr(col, from, elem) + "] END"
		}
	}
	if f.array && !t.array && f.known {
		// The other way, an array gives its first element (the others
		// are lost, a hazard the change declares).
		elem := from
		for strings.HasSuffix(elem, "[]") {
			elem = strings.TrimSuffix(elem, "[]")
		}
		if elem != from {
			return UsingExpr(col+"[1]", elem, to)
		}
	}
	if path, ok := conversions[[2]string{conversionKey(f), conversionKey(t)}]; ok && !f.array {
		return path.expr(col, f, t, to)
	}
	if families[f.base] == "" || families[t.base] == "" {
		if f.array {
			return col + "::text[]::" + to
		}
		return col + "::text::" + to
	}
	return col + "::" + to
}

// conversion is how the values of one built-in type family become
// another's where PostgreSQL has no cast between them.
type conversion struct {
	// via is the type both sides have a cast to and from, as written
	// ("numeric", "integer").
	via string
	// expr, when set, writes the conversion instead.
	write func(col, to string) string
}

// expr returns the conversion of col to the type to, spelled as written.
func (c conversion) expr(col string, f, t sqlType, to string) string {
	switch {
	case c.write != nil:
		return c.write(col, to)
	case f.base == parseType(c.via).base || t.base == parseType(c.via).base:
		return col + "::" + to
	}
	return col + "::" + c.via + "::" + to
}

// conversionKey is what conversions are keyed by: the type's family, or
// the base type itself for a type in none (money).
func conversionKey(t sqlType) string {
	if fam := families[t.base]; fam != "" {
		return fam
	}
	return t.base
}

// conversions are the paths between type families that a plain cast does
// not take: money and the other numbers convert through numeric (money's
// text form, "$3.50", does not read as a number), booleans and the numbers
// through integer (their only cast), numbers and timestamps as Unix epoch
// seconds.
var conversions = map[[2]string]conversion{
	{"money", "number"}:   {via: "numeric"},
	{"number", "money"}:   {via: "numeric"},
	{"boolean", "number"}: {via: "integer"},
	{"number", "boolean"}: {via: "integer"},
	// Qualified, so that a to_timestamp(bigint) of the user's that the
	// search path finds first does not run instead (CVE-2018-1058).
	{"number", "time"}: {write: func(col, to string) string { return "pg_catalog.to_timestamp(" + col + ")::" + to }},
	{"time", "number"}: {write: func(col, to string) string { return "extract(epoch FROM " + col + ")::" + to }},
}

// integer widths, for widening and narrowing.
var intWidth = map[string]int{"int2": 2, "int4": 4, "int8": 8}

// classifyTypeChange tells what converting a column from one type to
// another does, following PostgreSQL's rules: a longer varchar, a wider
// numeric precision or time precision, or varchar to text only changes
// the catalog; integer widening rewrites; narrowing rewrites and may fail;
// a smaller scale, a float to an integer, a timestamp to a date alter
// values. explicit says the ALTER converts with USING rather than the
// assignment cast, which truncates strings where the assignment refuses
// them. Conversions it does not know are taken as rewriting and possibly
// failing.
func classifyTypeChange(from, to string, explicit bool) typeChange {
	f, t := parseType(from), parseType(to)
	unknown := typeChange{rewrites: true, mayFail: true}
	if !f.known || !t.known {
		return unknown
	}
	if f.array != t.array {
		if f.array {
			return typeChange{rewrites: true, mayFail: true, loss: "turns each array into a single " + to + " value (its first element)", probe: probeNonNull}
		}
		return unknown
	}
	if f.sameBase(t) {
		return sameBase(f, t, explicit)
	}
	_, fInt := intWidth[f.base]
	_, tInt := intWidth[t.base]
	fString, tString := isString(f.base), isString(t.base)
	switch {
	case fString && tString:
		// text and varchar share a representation; a limit is checked
		// by rewriting, and an explicit cast truncates instead.
		if t.base == "varchar" && t.mods != nil || t.base == "bpchar" && t.mods != nil {
			c := typeChange{rewrites: true, mayFail: !explicit}
			if explicit {
				c.loss = "truncates strings longer than " + strconv.FormatInt(limit(t), 10) + " characters"
			}
			return c
		}
		if f.base == "bpchar" {
			return typeChange{rewrites: true} // trailing blanks are trimmed
		}
		return typeChange{}
	case tString && t.mods == nil:
		// Every type converts to unlimited text through its output
		// function.
		return typeChange{rewrites: true}
	case fString:
		// Text read as another type keeps only what that type holds: the
		// formatting, leading zeros or case of the text are gone.
		return typeChange{rewrites: true, mayFail: true, loss: "keeps only the " + to + " value of each text: its formatting (spaces, leading zeros, case) is lost"}
	case fInt && tInt:
		return typeChange{rewrites: true, mayFail: intWidth[t.base] < intWidth[f.base]}
	case fInt && t.base == "numeric":
		return typeChange{rewrites: true, mayFail: t.mods != nil && t.mods[0]-scale(t) < intDigits(f.base)}
	case fInt && t.base == "float8":
		c := typeChange{rewrites: true}
		if f.base == "int8" {
			c.loss = "keeps 15 significant digits of values above 2^53"
		}
		return c
	case fInt && t.base == "float4":
		c := typeChange{rewrites: true}
		if f.base != "int2" {
			c.loss = "keeps 6 significant digits of values above 2^24"
		}
		return c
	case f.base == "float4" && t.base == "float8":
		return typeChange{rewrites: true}
	case isNumber(f.base) && isNumber(t.base):
		// To a narrower or integer type: values may not fit, fractions
		// are rounded away.
		loss := "rounds values to fewer significant digits"
		switch {
		case tInt:
			loss = "rounds fractions to whole numbers"
		case t.base == "numeric" && t.mods != nil:
			loss = "rounds values to " + plural(int(scale(t)), "decimal place")
		}
		return typeChange{rewrites: true, mayFail: true, loss: loss}
	case f.base == "cidr" && t.base == "inet":
		return typeChange{}
	case f.base == "timestamp" && t.base == "timestamptz", f.base == "timestamptz" && t.base == "timestamp",
		f.base == "date" && t.base == "timestamptz":
		return typeChange{rewrites: true, timeZone: true}
	case f.base == "date" && t.base == "timestamp":
		return typeChange{rewrites: true}
	case (f.base == "timestamp" || f.base == "timestamptz") && t.base == "date":
		return typeChange{rewrites: true, loss: "drops the time of day", timeZone: f.base == "timestamptz"}
	case (f.base == "timestamp" || f.base == "timestamptz") && (t.base == "time" || t.base == "timetz"):
		return typeChange{rewrites: true, loss: "drops the date", probe: probeNonNull, timeZone: f.base == "timestamptz"}
	case f.base == "json" && t.base == "jsonb":
		// jsonb rejects \u0000, and keeps neither whitespace, key order
		// nor duplicate keys.
		return typeChange{rewrites: true, mayFail: true, reshapes: true}
	case (f.base == "json" || f.base == "jsonb") && !tString:
		return typeChange{rewrites: true, mayFail: true, loss: "keeps only the " + to + " value of each JSON document", probe: probeJSON}
	}
	return unknown
}

// sameBase classifies a change of modifiers within one type.
func sameBase(f, t sqlType, explicit bool) typeChange {
	if equalMods(f.mods, t.mods) {
		return typeChange{}
	}
	switch f.base {
	case "varchar", "varbit":
		if t.mods == nil || f.mods != nil && t.mods[0] >= f.mods[0] {
			return typeChange{}
		}
		if explicit {
			return typeChange{rewrites: true, loss: "truncates values longer than " + strconv.FormatInt(t.mods[0], 10)}
		}
		return typeChange{rewrites: true, mayFail: true}
	case "numeric":
		switch {
		case t.mods == nil:
			return typeChange{}
		case f.mods == nil:
			return typeChange{rewrites: true, mayFail: true, loss: "rounds values to " + plural(int(scale(t)), "decimal place")}
		case scale(f) == scale(t) && t.mods[0] >= f.mods[0]:
			return typeChange{}
		}
		c := typeChange{rewrites: true, mayFail: t.mods[0]-scale(t) < f.mods[0]-scale(f)}
		if scale(t) < scale(f) {
			c.loss = "rounds values to " + plural(int(scale(t)), "decimal place")
		}
		return c
	case "timestamp", "timestamptz", "time", "timetz", "interval":
		if f.fields != t.fields {
			return typeChange{rewrites: true, mayFail: true}
		}
		if t.mods == nil || f.mods != nil && t.mods[0] >= f.mods[0] {
			return typeChange{}
		}
		return typeChange{rewrites: true, loss: "rounds fractional seconds to " + plural(int(t.mods[0]), "digit")}
	case "bpchar":
		shorter := t.mods != nil && (f.mods == nil || t.mods[0] < f.mods[0])
		if shorter && explicit {
			return typeChange{rewrites: true, loss: "truncates values longer than " + strconv.FormatInt(limit(t), 10)}
		}
		return typeChange{rewrites: true, mayFail: shorter}
	}
	return typeChange{rewrites: true, mayFail: true}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// limit returns the length limit of a character type.
func limit(t sqlType) int64 {
	if len(t.mods) > 0 {
		return t.mods[0]
	}
	return 0
}

func equalMods(a, b []int64) bool {
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
func scale(t sqlType) int64 {
	if len(t.mods) > 1 {
		return t.mods[1]
	}
	return 0
}

// intDigits is how many decimal digits an integer type's values can have.
func intDigits(base string) int64 {
	return map[string]int64{"int2": 5, "int4": 10, "int8": 19}[base]
}

func isString(base string) bool { return families[base] == "string" }

func isNumber(base string) bool { return families[base] == "number" }

// typeHazards are the hazards of a type change: conservative when the old
// type is unknown, exact for the conversions classifyTypeChange knows.
func (o AlterColumn) typeHazards() []Hazard {
	col := o.Table + "." + o.Column
	if o.FromType == "" {
		return []Hazard{{RewritesTable, "changing the type of " + col + " may rewrite the table under an ACCESS EXCLUSIVE lock"},
			{MayFail, "existing values of " + col + " may not convert to " + o.Type}}
	}
	c := classifyTypeChange(o.bases())
	if o.Using != "" {
		// An explicit conversion is an expression PostgreSQL evaluates
		// for every row.
		c.rewrites = true
	}
	change := " from " + o.FromType + " to " + o.Type
	var hs []Hazard
	if c.loss != "" {
		hs = append(hs, Hazard{DeletesData, o.lossMessage(c)})
	}
	if c.rewrites {
		hs = append(hs, Hazard{RewritesTable, "changing " + col + change + " rewrites " + o.Table + " under an ACCESS EXCLUSIVE lock"})
	} else if o.Collation != "" || o.FromType == o.Type {
		// The same type again is a collation change back to the default.
		hs = append(hs, Hazard{BlocksWrites, "changing the collation of " + col + " rebuilds the indexes on it under an ACCESS EXCLUSIVE lock"})
	}
	if c.mayFail {
		hs = append(hs, Hazard{MayFail, "values of " + col + " that do not fit " + o.Type + " make the change" + change + " fail"})
	}
	if c.reshapes {
		hs = append(hs, Hazard{Irreversible, "changing " + col + change + " keeps neither whitespace, key order nor duplicate keys; changing it back does not restore them"})
	}
	if c.timeZone {
		hs = append(hs, Hazard{TimeZone, "changing " + col + change + " converts every value in the session time zone (the TimeZone setting of the connection that runs the revision); say which with USING " +
			QuoteIdent(o.Column) + " AT TIME ZONE 'UTC'"})
	}
	return hs
}

// lossMessage says how the column's type change alters values.
func (o AlterColumn) lossMessage(c typeChange) string {
	return "changing " + o.Table + "." + o.Column + " from " + o.FromType + " to " + o.Type + " " + c.loss
}

// bases returns the types a type change is judged by: the base types of
// domains, when known, and whether the conversion is explicit.
func (o AlterColumn) bases() (from, to string, explicit bool) {
	from, to = o.FromType, o.Type
	if o.FromBase != "" {
		from = o.FromBase
	}
	if o.ToBase != "" {
		to = o.ToBase
	}
	return from, to, o.Using != ""
}

// typeProbes returns the probe that finds values the type change would
// alter, when it may alter some.
func (o AlterColumn) typeProbes() []Probe {
	if o.FromType == "" {
		return nil
	}
	from, _, _ := o.bases()
	c := classifyTypeChange(o.bases())
	if c.loss == "" {
		return nil
	}
	col := QuoteIdent(o.Column)
	conv := o.Using
	if conv == "" {
		conv = col + "::" + o.Type
	}
	p := changeProbe(Name{o.Schema, o.Table}, o.Column, col, conv, from, c,
		"values of "+o.Table+"."+o.Column+" that changing it to "+o.Type+" alters (it "+c.loss+")")
	p.Hazard = o.lossMessage(c)
	return []Probe{p}
}

// changeProbe finds a value (the expression value, of type from, in a
// column of table) that the lossy conversion conv alters.
func changeProbe(table Name, column, value, conv, from string, c typeChange, what string) Probe {
	var cond string
	switch c.probe {
	case probeRoundTrip:
		cond = value + "::text IS DISTINCT FROM ((" + conv + ")::" + from + ")::text"
	case probeJSON:
		cond = value + "::jsonb IS DISTINCT FROM pg_catalog.to_jsonb((" + conv + "))"
	case probeNonNull:
		cond = value + " IS NOT NULL"
	}
	return Probe{
		Table:  table,
		Column: column,
		What:   what,
		SQL: "SELECT pg_catalog.left(pg_catalog.format('%s becomes %s', " + value + ", (" + conv + ")), " + strconv.Itoa(exampleLength) + ") FROM " +
			QualifiedName(table.Schema, table.Name) + " WHERE " + cond + " LIMIT 1",
		Scans: true,
	}
}

// AttributeValue is the expression of an attribute of a column's composite
// values, for conversions and probes.
func AttributeValue(column, attr string) string {
	return "(" + QuoteIdent(column) + ")." + QuoteIdent(attr)
}

// hazards of converting the attribute explicitly in the values of column
// col (table.column): data loss where the conversion alters values, and
// failure where values may not fit.
func (a AttributeChange) hazards(col string) []Hazard {
	c := classifyTypeChange(a.FromType, a.Type, true)
	var hs []Hazard
	if c.loss != "" {
		hs = append(hs, Hazard{DeletesData, a.change(col) + " " + c.loss})
	}
	if c.mayFail {
		hs = append(hs, Hazard{MayFail, "values of attribute " + a.Name + " of " + col + " that do not fit " + a.Type + " make " + a.change(col) + " fail"})
	}
	return hs
}

// change names the attribute's change, in the values of column col
// (table.column).
func (a AttributeChange) change(col string) string {
	return "changing attribute " + a.Name + " of " + col + " from " + a.FromType + " to " + a.Type
}

// probes of the attribute's conversion: a value it alters.
func (a AttributeChange) probes(schema, table, column string) []Probe {
	c := classifyTypeChange(a.FromType, a.Type, true)
	if c.loss == "" {
		return nil
	}
	v := AttributeValue(column, a.Name)
	p := changeProbe(Name{schema, table}, column, v, UsingExpr(v, a.FromType, a.Type), a.FromType, c,
		"values of attribute "+a.Name+" of "+table+"."+column+" that changing it to "+a.Type+" alters (it "+c.loss+")")
	p.Hazard = a.change(table+"."+column) + " " + c.loss
	return []Probe{p}
}
