package autogenerate

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/pgsql"
)

// Directive is the comment that declares a rename in schema.sql:
//
//	-- autogen:renamed-from users
//	CREATE TABLE members (
//	  id bigint PRIMARY KEY,
//	  email_address text NOT NULL -- autogen:renamed-from email
//	);
//
// It goes on the line before the definition it is about, or at the end of
// the definition's first line: a CREATE TABLE, CREATE INDEX or CREATE TYPE
// ... AS ENUM statement, a column or named constraint of CREATE TABLE, an
// ALTER TABLE ... ADD COLUMN or ADD CONSTRAINT, or one value of an enum. The
// old name follows the directive: an identifier (double-quoted when it
// needs quotes), or for an enum value a string literal ('ok').
//
// A directive whose rename is already applied (the database has the new
// name and not the old one) does nothing, so the comments can stay in
// schema.sql.
const Directive = "autogen:renamed-from"

// HintKind says what a renamed-from directive renames.
type HintKind string

// The kinds of objects a directive can rename.
const (
	HintTable      HintKind = "table"
	HintColumn     HintKind = "column"
	HintIndex      HintKind = "index"
	HintConstraint HintKind = "constraint"
	HintEnum       HintKind = "enum"
	HintEnumValue  HintKind = "enum value"
)

// Hint is one renamed-from directive attached to the definition it is
// about. Names are as written in the SQL (folded to lower case unless
// quoted); an empty Schema means the schema search_path picks.
type Hint struct {
	Kind HintKind
	// Schema and Name name the table, index or enum type the directive is
	// about, or the table (or enum) that holds the column, constraint (or
	// value).
	Schema, Name string
	// Member is the new name of the column, constraint or enum value.
	Member string
	// Old is the name before the rename.
	Old string
	// Pos is "file:line" of the directive, for messages.
	Pos string
}

// ScanRenamedFrom reads the renamed-from directives of the schema source: a
// .sql file, or the .sql files of a directory in name order.
func ScanRenamedFrom(path string) ([]Hint, error) {
	files, err := ddlparse.Files(path)
	if err != nil {
		return nil, fmt.Errorf("reading renamed-from comments: %w", err)
	}
	var out []Hint
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("reading renamed-from comments: %w", err)
		}
		hs, err := RenamedFrom(f, string(src))
		if err != nil {
			return nil, err
		}
		out = append(out, hs...)
	}
	return out, nil
}

// sqlToken is a token of internal/pgsql's lexer with the line it is on.
type sqlToken struct {
	pgsql.Token
	line int
}

func (t sqlToken) comment() bool { return t.Comment() }

// is reports whether the token is the keyword kw.
func (t sqlToken) is(kw string) bool { return t.Is(kw) }

// punct reports whether the token is the punctuation p ("(", ";", ...).
func (t sqlToken) punct(p string) bool { return t.Kind == pgsql.Punct && t.Text == p }

// name returns the identifier the token spells, or false when it cannot
// be a name (a reserved keyword, unquoted).
func (t sqlToken) name() (string, bool) {
	if t.Kind == pgsql.Word {
		if c, ok := pgsql.Keyword(strings.ToLower(t.Text)); ok && c == pgsql.Reserved {
			return "", false
		}
	}
	return t.Ident()
}

// object is a definition a directive can be attached to.
type object struct {
	hint Hint // without Old and Pos
	line int  // the line the definition starts on
}

// RenamedFrom returns the renamed-from directives of one SQL text; name is
// the file name used in positions. Text without a directive is not
// scanned.
func RenamedFrom(name, src string) ([]Hint, error) {
	if !strings.Contains(src, Directive) {
		return nil, nil
	}
	var toks []sqlToken
	line, at := 1, 0
	for _, t := range pgsql.Tokens(src) {
		line += strings.Count(src[at:t.Pos], "\n")
		at = t.Pos
		if t.Kind != pgsql.Space {
			toks = append(toks, sqlToken{Token: t, line: line})
		}
	}
	objects := definitions(toks)
	var out []Hint
	for i, t := range toks {
		if !t.comment() {
			continue
		}
		old, ok, err := directiveName(t.Text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, t.line, err)
		}
		if !ok {
			continue
		}
		// A directive at the end of a line is about the definitions that
		// start on that line; one on a line of its own, about those on the
		// next line that has code.
		target := t.line
		trailing := i > 0 && toks[i-1].line == t.line && !toks[i-1].comment()
		if !trailing {
			target = -1
			for _, n := range toks[i+1:] {
				if !n.comment() {
					target = n.line
					break
				}
			}
		}
		var cands []Hint
		for _, o := range objects {
			if o.line == target {
				cands = append(cands, o.hint)
			}
		}
		if len(cands) == 0 {
			return nil, fmt.Errorf("%s:%d: %s %s is not next to a table, column, index, constraint, enum or enum value definition", name, t.line, Directive, old)
		}
		// The innermost definition (the last to start) comes first; the
		// caller takes the first whose old name exists.
		slices.Reverse(cands)
		for _, h := range cands {
			h.Old, h.Pos = old, fmt.Sprintf("%s:%d", name, t.line)
			out = append(out, h)
		}
	}
	return out, nil
}

// directiveName finds the directive in a comment and returns the old name
// after it.
func directiveName(comment string) (string, bool, error) {
	i := strings.Index(comment, Directive)
	if i < 0 {
		return "", false, nil
	}
	rest := strings.TrimLeft(comment[i+len(Directive):], " \t")
	rest = strings.TrimSuffix(strings.TrimRight(rest, " \t\r\n"), "*/")
	rest = strings.TrimSpace(rest)
	switch {
	case strings.HasPrefix(rest, `"`) || strings.HasPrefix(rest, `'`):
		q := rest[0]
		var b strings.Builder
		for j := 1; j < len(rest); j++ {
			if rest[j] == q {
				if j+1 < len(rest) && rest[j+1] == q {
					b.WriteByte(q)
					j++
					continue
				}
				return b.String(), true, nil
			}
			b.WriteByte(rest[j])
		}
		return "", false, fmt.Errorf("%s: unterminated name %s", Directive, rest)
	case rest == "":
		return "", false, fmt.Errorf("%s: the old name is missing", Directive)
	}
	word, _, _ := strings.Cut(rest, " ")
	return strings.ToLower(word), true, nil
}

// definitions walks the statements of a token stream and returns the
// definitions directives can name, with the lines they start on.
func definitions(toks []sqlToken) []object {
	var out []object
	var stmt []sqlToken
	flush := func() {
		out = append(out, statementDefinitions(stmt)...)
		stmt = stmt[:0]
	}
	metaLine := -1
	for _, t := range toks {
		switch {
		case t.comment():
		case t.line == metaLine:
			// The rest of a psql meta-command line.
		case t.punct("\\") && (len(stmt) == 0 || stmt[len(stmt)-1].line != t.line):
			flush()
			metaLine = t.line
		case t.punct(";"):
			flush()
		default:
			stmt = append(stmt, t)
		}
	}
	flush()
	return out
}

// qualified reads a possibly schema-qualified name at toks[i] and returns
// it with the index after it.
func qualified(toks []sqlToken, i int) (schema, name string, next int, ok bool) {
	if i >= len(toks) {
		return "", "", i, false
	}
	name, ok = toks[i].name()
	if !ok {
		return "", "", i, false
	}
	if i+2 < len(toks) && toks[i+1].punct(".") {
		if n, ok := toks[i+2].name(); ok {
			return name, n, i + 3, true
		}
	}
	return "", name, i + 1, true
}

// skip advances past the keywords that are present, in order.
func skip(toks []sqlToken, i int, kws ...string) int {
	for _, kw := range kws {
		if i < len(toks) && toks[i].is(kw) {
			i++
		}
	}
	return i
}

func statementDefinitions(s []sqlToken) []object {
	if len(s) < 3 {
		return nil
	}
	var out []object
	add := func(h Hint, line int) { out = append(out, object{hint: h, line: line}) }
	switch {
	case s[0].is("CREATE"):
		i := skip(s, 1, "OR", "REPLACE", "GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED", "UNIQUE")
		switch {
		case i < len(s) && s[i].is("TABLE"):
			schema, name, j, ok := qualified(s, skip(s, i+1, "IF", "NOT", "EXISTS"))
			if !ok {
				return nil
			}
			add(Hint{Kind: HintTable, Schema: schema, Name: name}, s[0].line)
			if j < len(s) && s[j].punct("(") {
				out = append(out, tableElements(s[j:], schema, name)...)
			}
		case i < len(s) && s[i].is("INDEX"):
			j := skip(s, i+1, "CONCURRENTLY", "IF", "NOT", "EXISTS")
			if j >= len(s) || s[j].is("ON") {
				return nil // unnamed
			}
			name, ok := s[j].name()
			if !ok {
				return nil
			}
			j = skip(s, j+1, "ON", "ONLY")
			schema, _, _, _ := qualified(s, j)
			add(Hint{Kind: HintIndex, Schema: schema, Name: name}, s[0].line)
		case i < len(s) && s[i].is("TYPE"):
			schema, name, j, ok := qualified(s, i+1)
			if !ok || j+2 >= len(s) || !s[j].is("AS") || !s[j+1].is("ENUM") || !s[j+2].punct("(") {
				return nil
			}
			add(Hint{Kind: HintEnum, Schema: schema, Name: name}, s[0].line)
			for _, t := range s[j+3:] {
				if t.Kind == pgsql.String {
					add(Hint{Kind: HintEnumValue, Schema: schema, Name: name, Member: literal(t.Text)}, t.line)
				}
			}
		}
	case s[0].is("ALTER") && s[1].is("TABLE"):
		schema, name, j, ok := qualified(s, skip(s, 2, "IF", "EXISTS", "ONLY"))
		if !ok {
			return nil
		}
		depth := 0
		for k := j; k < len(s); k++ {
			switch {
			case s[k].punct("("):
				depth++
			case s[k].punct(")"):
				depth--
			}
			if depth != 0 || !s[k].is("ADD") || k+1 >= len(s) {
				continue
			}
			switch m := skip(s, k+1, "COLUMN", "IF", "NOT", "EXISTS"); {
			case s[k+1].is("CONSTRAINT") && k+2 < len(s):
				if c, ok := s[k+2].name(); ok {
					add(Hint{Kind: HintConstraint, Schema: schema, Name: name, Member: c}, s[k+1].line)
				}
			case m < len(s) && !isConstraintKeyword(s[m]):
				if c, ok := s[m].name(); ok {
					add(Hint{Kind: HintColumn, Schema: schema, Name: name, Member: c}, s[m].line)
				}
			}
		}
	}
	return out
}

func isConstraintKeyword(t sqlToken) bool {
	for _, kw := range []string{"CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", "LIKE"} {
		if t.is(kw) {
			return true
		}
	}
	return false
}

// tableElements returns the columns and named constraints of a CREATE
// TABLE's parenthesized list, which starts at s[0].
func tableElements(s []sqlToken, schema, table string) []object {
	var out []object
	depth := 0
	start := true
	for k := 0; k < len(s); k++ {
		t := s[k]
		switch {
		case t.punct("("):
			depth++
			if depth == 1 {
				start = true
				continue
			}
		case t.punct(")"):
			depth--
			if depth == 0 {
				return out
			}
		case t.punct(","):
			if depth == 1 {
				start = true
				continue
			}
		}
		if depth != 1 {
			continue
		}
		if t.is("CONSTRAINT") && k+1 < len(s) {
			if c, ok := s[k+1].name(); ok {
				out = append(out, object{hint: Hint{Kind: HintConstraint, Schema: schema, Name: table, Member: c}, line: t.line})
			}
		} else if start && !isConstraintKeyword(t) {
			if c, ok := t.name(); ok {
				out = append(out, object{hint: Hint{Kind: HintColumn, Schema: schema, Name: table, Member: c}, line: t.line})
			}
		}
		start = false
	}
	return out
}

// literal returns the value of a string constant token. The lexer ends an
// unterminated constant at the end of the text, so the closing quote may be
// missing.
func literal(text string) string {
	switch {
	case strings.HasPrefix(text, "'"):
		return strings.ReplaceAll(strings.TrimSuffix(text[1:], "'"), "''", "'")
	case strings.HasPrefix(text, "E'") || strings.HasPrefix(text, "e'"):
		var b strings.Builder
		body := strings.TrimSuffix(text[2:], "'")
		for i := 0; i < len(body); i++ {
			switch {
			case body[i] == '\\' && i+1 < len(body):
				i++
				b.WriteByte(map[byte]byte{'n': '\n', 't': '\t', 'r': '\r'}[body[i]] | escOr(body[i]))
			case body[i] == '\'' && i+1 < len(body) && body[i+1] == '\'':
				b.WriteByte('\'')
				i++
			default:
				b.WriteByte(body[i])
			}
		}
		return b.String()
	case strings.HasPrefix(text, "$"):
		end := strings.IndexByte(text[1:], '$')
		if end < 0 {
			return text
		}
		tag := text[:end+2]
		return strings.TrimSuffix(text[len(tag):], tag)
	}
	return text
}

// escOr returns the character itself unless it is one of the letters of
// the C escapes literal translates.
func escOr(c byte) byte {
	switch c {
	case 'n', 't', 'r':
		return 0
	}
	return c
}
