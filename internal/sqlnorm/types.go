package sqlnorm

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
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
		KindFunction: "function", KindOperator: "operator", KindCollation: "collation",
		KindOpClass: "operator class", KindOpFamily: "operator family", KindTSParser: "text search parser",
		KindTSTemplate: "text search template", KindTSDictionary: "text search dictionary",
		KindTSConfig: "text search configuration", KindStatistics: "statistics object"}[e.Kind]
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
		if _, ok := pgsql.Builtin(name); !ok && strings.HasPrefix(name, "_") {
			name, array = name[1:], true
		}
		if _, ok := pgsql.Builtin(name); !ok {
			return "", &UnknownError{Kind: KindType, Name: "pg_catalog." + name, Location: tn.Location}
		}
		var err error
		if base, err = builtinTypeText(name, tn, mode); err != nil {
			return "", err
		}
	} else {
		base = pgsql.QualifiedName(schema, name)
		if len(tn.Typmods) > 0 && mode == ColumnType {
			m, err := typeModifier(name, tn)
			if err != nil {
				return "", err
			}
			base += m
		}
	}
	if array {
		base += "[]"
	}
	return base, nil
}

// typeModifier spells the modifier of a type that is not built in (an
// extension's: PostGIS's geometry(Point,4326), pgvector's vector(3)).
func typeModifier(name string, tn *pg.TypeName) (string, error) {
	mods := make([]string, len(tn.Typmods))
	for i, m := range tn.Typmods {
		if v, ok := ConstInt(m); ok {
			mods[i] = strconv.FormatInt(v, 10)
		} else if s, ok := ConstText(m); ok {
			mods[i] = s
		} else if f := Strings(m.GetColumnRef().GetFields()); len(f) == 1 && f[0] != "" {
			mods[i] = f[0]
		} else {
			return "", &UnsupportedError{What: "this type modifier", Location: tn.Location}
		}
	}
	s, err := pgsql.FormatTypeModifier(name, mods)
	if errors.Is(err, pgsql.ErrTypeModifier) {
		return "", &UnsupportedError{What: "a type modifier " + strings.TrimPrefix(err.Error(), pgsql.ErrTypeModifier.Error()+": "), Location: tn.Location}
	}
	return s, err
}

func builtinTypeText(name string, tn *pg.TypeName, mode TypeMode) (string, error) {
	mods := make([]int64, len(tn.Typmods))
	for i, m := range tn.Typmods {
		v, ok := ConstInt(m)
		if !ok {
			return "", &UnsupportedError{What: "a non-integer type modifier", Location: tn.Location}
		}
		mods[i] = v
	}
	s, err := pgsql.FormatBuiltin(name, mods, mode == BareType)
	if errors.Is(err, pgsql.ErrTypeModifier) {
		return "", &UnsupportedError{What: strings.TrimPrefix(err.Error(), pgsql.ErrTypeModifier.Error()+": "), Location: tn.Location}
	}
	return s, err
}
