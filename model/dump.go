package model

import (
	"fmt"
	"reflect"
	"strings"
)

// Dump renders the catalog as indented text, one field per line, with every
// expression shown by its canonical form. Two catalogs are equal exactly when
// their dumps are; tests diff dumps to show where two readers disagree.
func Dump(c *Catalog) string {
	var b strings.Builder
	dumpValue(&b, reflect.ValueOf(c).Elem(), 0)
	return b.String()
}

var exprType = reflect.TypeOf(Expr{})

func dumpValue(b *strings.Builder, v reflect.Value, depth int) {
	indent := strings.Repeat("  ", depth)
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil\n")
			return
		}
		dumpValue(b, v.Elem(), depth)
	case reflect.Struct:
		if v.Type() == exprType {
			fmt.Fprintf(b, "%q\n", v.Interface().(Expr).Canon)
			return
		}
		if v.Type() == reflect.TypeOf(Name{}) {
			fmt.Fprintf(b, "%s\n", v.Interface().(Name).String())
			return
		}
		b.WriteString("{\n")
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			if f.IsZero() {
				continue
			}
			if v.Type().Field(i).Anonymous {
				// Embedded option structs are flattened into their parent.
				dumpFields(b, f, depth+1)
				continue
			}
			fmt.Fprintf(b, "%s  %s: ", indent, v.Type().Field(i).Name)
			dumpValue(b, f, depth+1)
		}
		fmt.Fprintf(b, "%s}\n", indent)
	case reflect.Slice:
		if v.Len() == 0 {
			b.WriteString("[]\n")
			return
		}
		b.WriteString("[\n")
		for i := 0; i < v.Len(); i++ {
			fmt.Fprintf(b, "%s  ", indent)
			dumpValue(b, v.Index(i), depth+1)
		}
		fmt.Fprintf(b, "%s]\n", indent)
	case reflect.String:
		fmt.Fprintf(b, "%q\n", v.String())
	default:
		fmt.Fprintf(b, "%v\n", v.Interface())
	}
}

func dumpFields(b *strings.Builder, v reflect.Value, depth int) {
	indent := strings.Repeat("  ", depth-1)
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if f.IsZero() {
			continue
		}
		fmt.Fprintf(b, "%s  %s: ", indent, v.Type().Field(i).Name)
		dumpValue(b, f, depth)
	}
}

// Clone returns a deep copy of the catalog, which the diff changes (to
// apply renames) while the caller's stays as it was. It copies by
// reflection so that every field of every kind, including those added
// later, is copied.
func (c *Catalog) Clone() *Catalog {
	return cloneValue(reflect.ValueOf(c)).Interface().(*Catalog)
}

func cloneValue(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		p := reflect.New(v.Elem().Type())
		p.Elem().Set(cloneValue(v.Elem()))
		return p
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		s := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			s.Index(i).Set(cloneValue(v.Index(i)))
		}
		return s
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		m := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			m.SetMapIndex(it.Key(), cloneValue(it.Value()))
		}
		return m
	case reflect.Struct:
		s := reflect.New(v.Type()).Elem()
		for i := 0; i < v.NumField(); i++ {
			s.Field(i).Set(cloneValue(v.Field(i)))
		}
		return s
	}
	return v
}
