package pgsql

import "testing"

func TestBExpr(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"0", "0"},
		{"'active'::text", "'active'::text"},
		{"now()", "now()"},
		{"-1", "-1"},
		{"nextval('s'::regclass)", "nextval('s'::regclass)"},
		{"now() AT TIME ZONE 'utc'", "(now() AT TIME ZONE 'utc')"},
		{"(now() AT TIME ZONE 'utc')", "(now() AT TIME ZONE 'utc')"},
		{"f(a AND b)", "f(a AND b)"},
		{"a = 1 OR b = 2", "(a = 1 OR b = 2)"},
		{"NOT true", "(NOT true)"},
		{"x IS NULL", "(x IS NULL)"},
		{"'a' COLLATE \"C\"", "('a' COLLATE \"C\")"},
		{"ARRAY[1 BETWEEN 0 AND 2]", "ARRAY[1 BETWEEN 0 AND 2]"},
		{"'and'", "'and'"},
		{`"and"`, `"and"`},
		{"CASE WHEN true THEN 1 ELSE 2 END", "CASE WHEN true THEN 1 ELSE 2 END"},
	} {
		if got := BExpr(c.in); got != c.want {
			t.Errorf("BExpr(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
