package sqlnorm

import (
	"fmt"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// TypeMode chooses between the two spellings of format_type.
type TypeMode int

const (
	// ColumnType spells a type with its modifier, as format_type(oid,
	// typmod) does for columns and casts: "character varying(20)", and
	// "bpchar" for a character type without length.
	ColumnType TypeMode = iota
	// BareType drops the modifier, as for function arguments and results,
	// which PostgreSQL stores without one: "character varying", "character".
	BareType
)

// UnknownError reports a name that does not resolve to any object.
type UnknownError struct {
	Kind Kind
	Name string
	// Location is the byte offset of the reference in the statement, or -1.
	Location int32
}

// Error says which name did not resolve.
func (e *UnknownError) Error() string {
	kind := map[Kind]string{KindSchema: "schema", KindRelation: "relation", KindType: "type",
		KindFunction: "function", KindOperator: "operator", KindCollation: "collation"}[e.Kind]
	return fmt.Sprintf("%s %s does not exist", kind, e.Name)
}

// UnsupportedError reports a construct the readers cannot represent.
type UnsupportedError struct {
	What     string
	Location int32
}

// Error says what is not supported.
func (e *UnsupportedError) Error() string { return e.What + " is not supported" }

// TypeName returns the canonical text of a type name: what format_type prints
// for it with an empty search_path. Unqualified names are resolved through
// ns, aliases (int, varchar, timestamptz, float(24), ...) are mapped to the
// type they stand for, and an array of any dimensions prints one "[]".
func (ns *Namespace) TypeName(tn *pg.TypeName, mode TypeMode) (string, error) {
	if tn.PctType {
		return "", &UnsupportedError{What: "%TYPE", Location: tn.Location}
	}
	names := Strings(tn.Names)
	var schema, name string
	switch len(names) {
	case 1:
		name = names[0]
	case 2:
		schema, name = names[0], names[1]
	default:
		return "", &UnsupportedError{What: "type name " + strings.Join(names, "."), Location: tn.Location}
	}
	array := len(tn.ArrayBounds) > 0
	if schema == "" {
		s, ok := ns.Resolve(KindType, name)
		if !ok && strings.HasPrefix(name, "_") {
			// "_mood" is the array type PostgreSQL creates for mood.
			if s, ok = ns.Resolve(KindType, name[1:]); ok {
				name, array = name[1:], true
			}
		}
		if !ok {
			return "", &UnknownError{Kind: KindType, Name: name, Location: tn.Location}
		}
		schema = s
	}
	var base string
	if schema == "pg_catalog" {
		if _, ok := data().types[name]; !ok && strings.HasPrefix(name, "_") {
			name, array = name[1:], true
		}
		bt, ok := data().types[name]
		if !ok {
			return "", &UnknownError{Kind: KindType, Name: "pg_catalog." + name, Location: tn.Location}
		}
		var err error
		if base, err = builtinTypeText(name, bt, tn, mode); err != nil {
			return "", err
		}
	} else {
		if len(tn.Typmods) > 0 && mode == ColumnType {
			return "", &UnsupportedError{What: "a type modifier on " + QuoteQualified(schema, name), Location: tn.Location}
		}
		base = QuoteQualified(schema, name)
	}
	if array {
		base += "[]"
	}
	return base, nil
}

// Interval field masks, as in PostgreSQL's datetime.h.
const (
	maskMonth  = 1 << 1
	maskYear   = 1 << 2
	maskDay    = 1 << 3
	maskHour   = 1 << 10
	maskMinute = 1 << 11
	maskSecond = 1 << 12
	fullRange  = 0x7FFF
)

var intervalFields = map[int64]string{
	maskYear: " year", maskMonth: " month", maskDay: " day", maskHour: " hour",
	maskMinute: " minute", maskSecond: " second",
	maskYear | maskMonth:                         " year to month",
	maskDay | maskHour:                           " day to hour",
	maskDay | maskHour | maskMinute:              " day to minute",
	maskDay | maskHour | maskMinute | maskSecond: " day to second",
	maskHour | maskMinute:                        " hour to minute",
	maskHour | maskMinute | maskSecond:           " hour to second",
	maskMinute | maskSecond:                      " minute to second",
	fullRange:                                    "",
}

func builtinTypeText(name string, bt builtinType, tn *pg.TypeName, mode TypeMode) (string, error) {
	mods := make([]int64, len(tn.Typmods))
	for i, m := range tn.Typmods {
		v, ok := ConstInt(m)
		if !ok {
			return "", &UnsupportedError{What: "a non-integer type modifier", Location: tn.Location}
		}
		mods[i] = v
	}
	if mode == BareType {
		if name == "bpchar" {
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
		return "", &UnsupportedError{What: fmt.Sprintf("type modifier %s on %s", arg(), bt.Format), Location: tn.Location}
	}
	switch name {
	case "bpchar", "varchar", "bit", "varbit":
		switch {
		case len(mods) == 1:
			return bt.Format + arg(), nil
		case len(mods) > 1:
			return bad()
		case name == "bpchar":
			return "bpchar", nil
		case name == "bit":
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
			p := mods[0]
			if p > 6 {
				p = 6
			}
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
		s := "interval" + fields
		if len(mods) == 2 && mods[1] != 0xFFFF {
			p := mods[1]
			if p > 6 {
				p = 6
			}
			s += fmt.Sprintf("(%d)", p)
		}
		return s, nil
	}
	if len(mods) > 0 {
		return bad()
	}
	return bt.Format, nil
}
