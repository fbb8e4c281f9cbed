package autogenerate

import (
	"errors"
	"strings"
)

// RenameFlag is one --rename argument taken apart: an optional kind
// ("index", "constraint", "enum", "value"; empty for a table or a column),
// the old name's parts (schema, object, member, as given) and the new name.
type RenameFlag struct {
	Kind string
	Old  []string
	New  string
}

// renameKinds are the kinds a --rename argument may start with.
var renameKinds = []string{"index", "constraint", "enum", "value"}

// ParseRenameFlag splits a --rename argument, KIND:OLD=NEW with OLD of one
// to three parts separated by dots. Names are taken as they are in the
// database, case included; a name holding a dot, an equals sign, a colon,
// a double quote or a space is written between double quotes, a double
// quote in it doubled, as SQL quotes identifiers ("a.b=c").
func ParseRenameFlag(s string) (RenameFlag, error) {
	var f RenameFlag
	if kind, rest, ok := strings.Cut(s, ":"); ok && !strings.ContainsAny(kind, `".=`) {
		for _, k := range renameKinds {
			if kind == k {
				f.Kind, s = k, rest
			}
		}
		if f.Kind == "" {
			return f, errors.New("unknown kind " + quoteRenamePart(kind) + "; see --help")
		}
	}
	var part strings.Builder
	quoted, afterEquals := false, false
	end := func() error {
		if part.Len() == 0 && !quoted {
			return errors.New("a name is empty; write OLD=NEW, quoting names that hold . = : or spaces")
		}
		if afterEquals {
			f.New = part.String()
		} else {
			f.Old = append(f.Old, part.String())
		}
		part.Reset()
		quoted = false
		return nil
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			j := i + 1
			for ; j < len(s); j++ {
				if s[j] == '"' {
					if j+1 < len(s) && s[j+1] == '"' {
						part.WriteByte('"')
						j++
						continue
					}
					break
				}
				part.WriteByte(s[j])
			}
			if j >= len(s) {
				return f, errors.New("unterminated quoted name")
			}
			quoted, i = true, j
		case c == '.' && !afterEquals:
			if err := end(); err != nil {
				return f, err
			}
		case c == '=' && !afterEquals:
			if err := end(); err != nil {
				return f, err
			}
			afterEquals = true
		case c == '.' || c == '=':
			return f, errors.New("the new name has one part; quote it if it holds . or =")
		default:
			part.WriteByte(c)
		}
	}
	if !afterEquals {
		return f, errors.New("want OLD=NEW; see --help")
	}
	if err := end(); err != nil {
		return f, err
	}
	return f, nil
}

// String renders the argument so that ParseRenameFlag reads it back,
// quoting the names that need it.
func (f RenameFlag) String() string {
	var b strings.Builder
	if f.Kind != "" {
		b.WriteString(f.Kind + ":")
	}
	for i, p := range f.Old {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(quoteRenamePart(p))
	}
	b.WriteString("=" + quoteRenamePart(f.New))
	return b.String()
}

// quoteRenamePart quotes a name of a --rename argument when it holds a
// character the argument's syntax uses.
func quoteRenamePart(s string) string {
	if s != "" && !strings.ContainsAny(s, `.=:" `+"\t") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
