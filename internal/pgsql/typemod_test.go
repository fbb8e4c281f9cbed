package pgsql

import (
	"errors"
	"testing"
)

// TestFormatTypeModifier checks the modifiers of types that are not built
// in against what format_type prints for them (PostGIS 3.3, and integer
// modifiers as pgvector's typmod output prints them).
func TestFormatTypeModifier(t *testing.T) {
	for _, c := range []struct {
		name string
		mods []string
		want string
	}{
		{"geometry", []string{"point", "4326"}, "(Point,4326)"},
		{"geometry", []string{"POINTZ"}, "(PointZ)"},
		{"geometry", []string{"MultiPolygonZM", "0"}, "(MultiPolygonZM)"},
		{"geometry", []string{"pointm", "-1"}, "(PointM)"},
		{"geometry", []string{"Geometry"}, ""},
		{"geometry", []string{"GEOMETRYZ", "0"}, "(GeometryZ)"},
		{"geometry", []string{"Geometry", "3857"}, "(Geometry,3857)"},
		{"geometry", []string{"tin", "4326"}, "(Tin,4326)"},
		{"geography", []string{"point"}, "(Point,4326)"},
		{"geography", []string{"Geometry"}, "(Geometry,4326)"},
		{"geography", []string{"Polygon", "4269"}, "(Polygon,4269)"},
		{"vector", []string{"3"}, "(3)"},
		{"halfvec", []string{"1536"}, "(1536)"},
		{"anything", []string{"1", "2"}, "(1,2)"},
	} {
		got, err := FormatTypeModifier(c.name, c.mods)
		if err != nil || got != c.want {
			t.Errorf("%s%v: got %q, %v; want %q", c.name, c.mods, got, err, c.want)
		}
	}
	for _, c := range []struct {
		name string
		mods []string
	}{
		{"geometry", []string{"Pointy"}},
		{"geometry", []string{"Point", "x"}},
		{"geometry", []string{"Point", "4326", "1"}},
		{"vector", []string{"Point"}},
	} {
		if _, err := FormatTypeModifier(c.name, c.mods); !errors.Is(err, ErrTypeModifier) {
			t.Errorf("%s%v: got %v, want an ErrTypeModifier", c.name, c.mods, err)
		}
	}
	// The spelling reads back as the same type.
	typ, err := ParseType("public.geometry(Point,4326)[]")
	if err != nil || typ.String() != "public.geometry(Point,4326)[]" {
		t.Errorf("ParseType: %+v %v", typ, err)
	}
}
