package model

import (
	"reflect"
	"slices"
	"sync"
)

// Equal reports whether two model values are equal, comparing expressions
// by their canonical form only (Expr.Refs and Expr.SQL are derived and
// left out). It follows pointers and slices, so it serves every model
// type, including fields added later. It is the one notion of equality:
// the diff and the readers' pruning of inherited objects both use it.
// Owners and privileges (Access) are left out: the diff compares them in
// a pass of their own, for every kind alike, so a grant never makes an
// object differ.
func Equal(a, b any) bool {
	return equalValue(reflect.ValueOf(a), reflect.ValueOf(b))
}

func equalValue(a, b reflect.Value) bool {
	if !a.IsValid() || !b.IsValid() {
		return a.IsValid() == b.IsValid()
	}
	if a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return equalValue(a.Elem(), b.Elem())
	case reflect.Struct:
		switch a.Type() {
		case exprType:
			return a.FieldByIndex(exprCanon).String() == b.FieldByIndex(exprCanon).String()
		case accessType:
			return true
		}
		for i := 0; i < a.NumField(); i++ {
			if !equalValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := 0; i < a.Len(); i++ {
			if !equalValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			if !equalValue(a.MapIndex(k), b.MapIndex(k)) {
				return false
			}
		}
		return true
	case reflect.String:
		return a.String() == b.String()
	case reflect.Bool:
		return a.Bool() == b.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() == b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return a.Uint() == b.Uint()
	}
	return a.Interface() == b.Interface()
}

// exprCanon is the index of Expr.Canon, the field expressions compare by.
var exprCanon = func() []int {
	f, _ := exprType.FieldByName("Canon")
	return f.Index
}()

// EqualExcept compares two structs of the same type as Equal does,
// ignoring the named top-level fields (such as Name or Comment).
func EqualExcept(a, b any, fields ...string) bool {
	av, bv := reflect.Indirect(reflect.ValueOf(a)), reflect.Indirect(reflect.ValueOf(b))
	if av.Type() != bv.Type() {
		return false
	}
	var names []string
	if len(fields) > 0 {
		names = fieldNames(av.Type())
	}
	for i := 0; i < av.NumField(); i++ {
		if len(fields) > 0 && slices.Contains(fields, names[i]) {
			continue
		}
		if !equalValue(av.Field(i), bv.Field(i)) {
			return false
		}
	}
	return true
}

// structFields caches the field names of struct types for EqualExcept:
// reflect.Type.Field builds a whole StructField on every call, which the
// diff paid for every field of every object it compared.
var structFields sync.Map // reflect.Type -> []string

func fieldNames(t reflect.Type) []string {
	if v, ok := structFields.Load(t); ok {
		return v.([]string)
	}
	names := make([]string, t.NumField())
	for i := range names {
		names[i] = t.Field(i).Name
	}
	structFields.Store(t, names)
	return names
}
