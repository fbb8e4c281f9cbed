package autogenerate

import (
	"testing"
)

// FuzzRenamedFrom checks that reading renamed-from comments from any text
// gives hints or an error, never a panic, and that every hint names what
// it renames and from what.
func FuzzRenamedFrom(f *testing.F) {
	for _, s := range []string{
		"-- autogen:renamed-from users\nCREATE TABLE members (id int);",
		"CREATE TABLE t (\n  a int, -- autogen:renamed-from b\n  CONSTRAINT c CHECK (a > 0) -- autogen:renamed-from \"C c\"\n);",
		"CREATE TYPE e AS ENUM ( -- autogen:renamed-from f\n 'x', 'y' -- autogen:renamed-from 'z''z'\n);",
		"CREATE INDEX i ON s.t (a); /* autogen:renamed-from j */",
		"ALTER TABLE t ADD COLUMN a int, -- autogen:renamed-from b\n ADD CONSTRAINT c CHECK (a > 0); -- autogen:renamed-from d",
		"\\set x 1\n-- autogen:renamed-from\nCREATE TABLE t ();",
		"-- autogen:renamed-from x\nSELECT 'unterminated",
		"CREATE TABLE -- autogen:renamed-from a\n",
		"-- autogen:renamed-from \"open\nCREATE TABLE t (a int);",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		hints, err := RenamedFrom("fuzz.sql", src)
		if err != nil {
			return
		}
		for _, h := range hints {
			if h.Kind == "" || h.Name == "" || h.Pos == "" {
				t.Fatalf("incomplete hint %+v", h)
			}
		}
	})
}
