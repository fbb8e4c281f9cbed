package codegen

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/autogen-dev/autogen/op"
)

// maxLine is the width under which a composite literal stays on one line.
const maxLine = 100

var opPkg = reflect.TypeOf(op.Name{}).PkgPath()

// GoCode renders an operation value as Go source: a composite literal, such as
// op.AddColumn{Schema: "public", Table: "orders", Column: op.Column{...}}.
// Zero-valued fields are left out, fields keep their declaration order, and
// short literals stay on one line.
func GoCode(o op.Operation) (jen.Code, error) {
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Struct || v.Type().PkgPath() != opPkg {
		return nil, fmt.Errorf("codegen: %T is not an operation of package op", o)
	}
	return value(v, true)
}

func value(v reflect.Value, typed bool) (*jen.Statement, error) {
	t := v.Type()
	switch v.Kind() {
	case reflect.String:
		if t == reflect.TypeOf(op.HazardKind("")) {
			return hazardConst(op.HazardKind(v.String())), nil
		}
		if t.PkgPath() == opPkg && t.Name() == "Raw" {
			return jen.Qual(opPath, "Raw").Call(str(v.String())), nil
		}
		return str(v.String()), nil
	case reflect.Bool:
		return jen.Lit(v.Bool()), nil
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Int16, reflect.Int8:
		return jen.Lit(int(v.Int())), nil
	case reflect.Float64, reflect.Float32:
		return jen.Lit(v.Float()), nil
	case reflect.Pointer:
		if v.IsNil() {
			return jen.Nil(), nil
		}
		if v.Elem().Kind() == reflect.Int64 {
			return jen.Qual(opPath, "Int64").Call(jen.Lit(int(v.Elem().Int()))), nil
		}
		inner, err := value(v.Elem(), true)
		if err != nil {
			return nil, err
		}
		return jen.Op("&").Add(inner), nil
	case reflect.Interface:
		if v.IsNil() {
			return jen.Nil(), nil
		}
		return value(v.Elem(), true)
	case reflect.Slice:
		return slice(v, typed)
	case reflect.Struct:
		return structLit(v, typed)
	}
	return nil, fmt.Errorf("codegen: cannot render a %s", t)
}

// str renders a string literal; multi-line SQL becomes a raw string so that
// it reads as SQL in code review. A raw string holds its bytes as they are,
// so text Go source cannot hold verbatim (invalid UTF-8, NUL, a byte order
// mark) is quoted with escapes instead.
func str(s string) *jen.Statement {
	if strings.Contains(s, "\n") && !strings.ContainsAny(s, "`\r\x00\ufeff") && utf8.ValidString(s) {
		return jen.Op("`" + s + "`")
	}
	return jen.Lit(s)
}

func typeCode(t reflect.Type) *jen.Statement {
	switch t.Kind() {
	case reflect.Slice:
		return jen.Index().Add(typeCode(t.Elem()))
	case reflect.Pointer:
		return jen.Op("*").Add(typeCode(t.Elem()))
	case reflect.Interface:
		if t.PkgPath() == "" {
			return jen.Any()
		}
	}
	if t.PkgPath() == opPkg {
		return jen.Qual(opPath, t.Name())
	}
	return jen.Id(t.String())
}

func slice(v reflect.Value, typed bool) (*jen.Statement, error) {
	t := v.Type()
	var items []jen.Code
	if t == reflect.TypeOf([]op.IndexColumn{}) && plainColumns(v) {
		var names []jen.Code
		for i := 0; i < v.Len(); i++ {
			names = append(names, jen.Lit(v.Index(i).Interface().(op.IndexColumn).Name))
		}
		return jen.Qual(opPath, "Cols").Call(names...), nil
	}
	// Elements of a concrete type may omit it; interface elements
	// (constraints, row values) must name theirs.
	elemTyped := t.Elem().Kind() == reflect.Interface
	for i := 0; i < v.Len(); i++ {
		it, err := value(v.Index(i), elemTyped)
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return composite(typeCode(t), typed, items), nil
}

// plainColumns reports whether every index key is a bare column name, which
// op.Cols expresses.
func plainColumns(v reflect.Value) bool {
	for i := 0; i < v.Len(); i++ {
		if c := v.Index(i).Interface().(op.IndexColumn); c.Name == "" || !reflect.DeepEqual(c, op.IndexColumn{Name: c.Name}) {
			return false
		}
	}
	return v.Len() > 0
}

func structLit(v reflect.Value, typed bool) (*jen.Statement, error) {
	t := v.Type()
	var items []jen.Code
	for i := 0; i < t.NumField(); i++ {
		f := v.Field(i)
		if !t.Field(i).IsExported() || f.IsZero() {
			continue
		}
		fv, err := value(f, true)
		if err != nil {
			return nil, err
		}
		items = append(items, jen.Id(t.Field(i).Name).Op(":").Add(fv))
	}
	return composite(typeCode(t), typed, items), nil
}

// composite renders a composite literal on one line when it is short and
// holds nothing multi-line, and one element per line otherwise.
func composite(typ *jen.Statement, typed bool, items []jen.Code) *jen.Statement {
	head := jen.Null()
	if typed {
		head = typ.Clone()
	}
	one := head.Clone().Values(items...)
	// Measure with the type spelled out, so the fragment is a valid
	// expression for jennifer to format.
	text := fmt.Sprintf("%#v", typ.Clone().Values(items...))
	if len(items) == 0 || (len(text) <= maxLine && !strings.Contains(text, "\n")) {
		return one
	}
	return head.Clone().Custom(multi("{", "}"), items...)
}

var hazardNames = map[op.HazardKind]string{
	op.DeletesData: "DeletesData", op.RewritesTable: "RewritesTable", op.LocksForScan: "LocksForScan",
	op.BlocksWrites: "BlocksWrites", op.Irreversible: "Irreversible", op.MayFail: "MayFail", op.Untracked: "Untracked",
}

func hazardConst(k op.HazardKind) *jen.Statement {
	if n, ok := hazardNames[k]; ok {
		return jen.Qual(opPath, n)
	}
	return jen.Qual(opPath, "HazardKind").Call(jen.Lit(string(k)))
}
