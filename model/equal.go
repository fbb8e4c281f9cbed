package model

import "reflect"

// Equal reports whether two model values are equal, comparing expressions
// by their canonical form only (Expr.Refs and Expr.SQL are derived and
// left out). It follows pointers and slices, so it serves every model
// type, including fields added later. It is the one notion of equality:
// the diff and the readers' pruning of inherited objects both use it.
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
		if a.Type() == exprType {
			return a.Interface().(Expr).Canon == b.Interface().(Expr).Canon
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
	}
	return a.Interface() == b.Interface()
}

// EqualExcept compares two structs of the same type as Equal does,
// ignoring the named top-level fields (such as Name or Comment).
func EqualExcept(a, b any, fields ...string) bool {
	av, bv := reflect.Indirect(reflect.ValueOf(a)), reflect.Indirect(reflect.ValueOf(b))
	if av.Type() != bv.Type() {
		return false
	}
	skip := map[string]bool{}
	for _, f := range fields {
		skip[f] = true
	}
	for i := 0; i < av.NumField(); i++ {
		if skip[av.Type().Field(i).Name] {
			continue
		}
		if !equalValue(av.Field(i), bv.Field(i)) {
			return false
		}
	}
	return true
}
