package autogenerate

import (
	"slices"
	"testing"
)

// TestRenameFlagRoundTrips checks that every name reads back from the
// argument Flag writes for it: capitals, dots, equals signs, colons,
// quotes and spaces included.
func TestRenameFlagRoundTrips(t *testing.T) {
	names := []string{"plain", "ORDER", "UPPER", "a.b=c", "x:y", `say "hi"`, "two words", "MixedCase", "index"}
	for _, kind := range []string{"", "enum", "value"} {
		for _, a := range names {
			for _, b := range names {
				f := RenameFlag{Kind: kind, Old: []string{"s.p", a}, New: b}
				got, err := ParseRenameFlag(f.String())
				if err != nil || got.Kind != f.Kind || !slices.Equal(got.Old, f.Old) || got.New != f.New {
					t.Errorf("%s read back as %+v, %v", f, got, err)
				}
			}
		}
	}
}

// TestParseRenameFlag checks the forms users write and the errors they
// get.
func TestParseRenameFlag(t *testing.T) {
	for _, c := range []struct {
		in   string
		want RenameFlag
		err  string
	}{
		{in: "users=accounts", want: RenameFlag{Old: []string{"users"}, New: "accounts"}},
		{in: "app.users.email=mail", want: RenameFlag{Old: []string{"app", "users", "email"}, New: "mail"}},
		{in: `ORDER.UPPER="a.b=c"`, want: RenameFlag{Old: []string{"ORDER", "UPPER"}, New: "a.b=c"}},
		{in: `"ORDER"."UPPER"=Lower`, want: RenameFlag{Old: []string{"ORDER", "UPPER"}, New: "Lower"}},
		{in: `value:mood."so so"=meh`, want: RenameFlag{Kind: "value", Old: []string{"mood", "so so"}, New: "meh"}},
		{in: "index:users_email_idx=users_mail_idx", want: RenameFlag{Kind: "index", Old: []string{"users_email_idx"}, New: "users_mail_idx"}},
		{in: "table:users=x", err: `unknown kind table; see --help`},
		{in: "users", err: "want OLD=NEW; see --help"},
		{in: "users=a.b", err: "the new name has one part; quote it if it holds . or ="},
		{in: `"users=x`, err: "unterminated quoted name"},
		{in: "users=", err: "a name is empty; write OLD=NEW, quoting names that hold . = : or spaces"},
	} {
		got, err := ParseRenameFlag(c.in)
		switch {
		case c.err != "":
			if err == nil || err.Error() != c.err {
				t.Errorf("%s: got %+v, %v; want error %q", c.in, got, err, c.err)
			}
		case err != nil || got.Kind != c.want.Kind || !slices.Equal(got.Old, c.want.Old) || got.New != c.want.New:
			t.Errorf("%s: got %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
}
