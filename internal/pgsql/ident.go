// Package pgsql is the one home of PostgreSQL's lexical rules in autogen:
// how identifiers and string literals are quoted, how qualified names are
// written and read back, how SQL text splits into tokens and statements,
// and how a canonical type name (format_type's spelling) is taken apart.
//
// It imports only the standard library, so both the runtime that users'
// revision files link (package op) and the generator side (the readers,
// the diff, the CLI) use it; nothing else in autogen quotes or lexes SQL.
// The keyword list it quotes by is PostgreSQL 15's own (pg_get_keywords),
// generated into keywords.txt.
package pgsql

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed keywords.txt
var keywordData string

// KeywordCategory is the category pg_get_keywords() gives a keyword.
type KeywordCategory byte

// The keyword categories, as pg_get_keywords().catcode spells them.
const (
	Unreserved   KeywordCategory = 'U'
	ColumnName   KeywordCategory = 'C'
	TypeFuncName KeywordCategory = 'T'
	Reserved     KeywordCategory = 'R'
)

var keywords = sync.OnceValue(func() map[string]KeywordCategory {
	m := make(map[string]KeywordCategory, 512)
	for line := range strings.SplitSeq(keywordData, "\n") {
		word, cat, ok := strings.Cut(line, "\t")
		if ok && cat != "" {
			m[word] = KeywordCategory(cat[0])
		}
	}
	return m
})

// Keyword returns the category of a keyword (given in lower case), and
// false when the word is not a keyword.
func Keyword(word string) (KeywordCategory, bool) {
	c, ok := keywords()[word]
	return c, ok
}

// Keywords returns every keyword PostgreSQL knows, in alphabetical order.
func Keywords() []string {
	var out []string
	for line := range strings.SplitSeq(keywordData, "\n") {
		if word, _, ok := strings.Cut(line, "\t"); ok {
			out = append(out, word)
		}
	}
	return out
}

// QuoteIdent returns name as an SQL identifier, quoted exactly when
// PostgreSQL's quote_ident would quote it: unless it is made of lower-case
// ASCII letters, digits and underscores, does not start with a digit, and
// is not a keyword other than an unreserved one. A "$" or a non-ASCII
// letter therefore makes it quoted, as the server prints it.
func QuoteIdent(name string) string {
	if safeIdent(name) {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

func safeIdent(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; !(c >= 'a' && c <= 'z' || c == '_') {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	cat, ok := Keyword(s)
	return !ok || cat == Unreserved
}

// QualifiedName renders schema.name with each part quoted as needed. An
// empty schema gives the name alone, which resolves through search_path.
func QualifiedName(schema, name string) string {
	if schema == "" {
		return QuoteIdent(name)
	}
	return QuoteIdent(schema) + "." + QuoteIdent(name)
}

// QuoteIdents quotes each name and joins them with ", ", as in a column
// list.
func QuoteIdents(names []string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = QuoteIdent(n)
	}
	return strings.Join(parts, ", ")
}

// QuoteLiteral returns s as an SQL string literal. Like PostgreSQL's
// quote_literal it switches to the escape-string form (E'...') when s
// holds a backslash, so the literal means the same whatever
// standard_conforming_strings is set to. Invalid UTF-8 is replaced, since
// the server would refuse it.
func QuoteLiteral(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	q := "'" + strings.ReplaceAll(s, "'", "''") + "'"
	if strings.Contains(s, `\`) {
		return "E" + strings.ReplaceAll(q, `\`, `\\`)
	}
	return q
}

// FoldIdent lower-cases the ASCII letters of an unquoted identifier, as
// PostgreSQL's downcase_identifier does; other characters are kept.
func FoldIdent(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return string(AppendFolded(make([]byte, 0, len(s)), s))
		}
	}
	return s
}

// AppendFolded appends s to dst with its ASCII letters lower-cased, as
// FoldIdent does, for callers that fold into a buffer of their own.
func AppendFolded(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// SplitQualified reads a possibly qualified, possibly quoted name the way
// PostgreSQL's regclass input does: "Foo" keeps its case, Foo and FOO fold
// to foo, and the parts are separated by dots. It returns nil when the
// text is not a valid name.
func SplitQualified(s string) []string {
	var parts []string
	i := 0
	for {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i >= len(s) {
			return nil
		}
		var part strings.Builder
		if s[i] == '"' {
			i++
			for {
				if i >= len(s) {
					return nil
				}
				if s[i] == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						part.WriteByte('"')
						i += 2
						continue
					}
					i++
					break
				}
				part.WriteByte(s[i])
				i++
			}
			if part.Len() == 0 {
				return nil // a zero-length quoted name is an error
			}
		} else {
			start := i
			for i < len(s) && s[i] != '.' && s[i] != ' ' && s[i] != '"' {
				i++
			}
			if i == start {
				return nil
			}
			part.WriteString(FoldIdent(s[start:i]))
		}
		parts = append(parts, part.String())
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i == len(s) {
			return parts
		}
		if s[i] != '.' {
			return nil
		}
		i++
	}
}
