package sqlnorm

import "strings"

// QuoteIdent quotes an identifier exactly when PostgreSQL's quote_ident
// would: unless it is lower-case letters, digits and underscores not starting
// with a digit, and not a keyword other than an unreserved one.
func QuoteIdent(s string) string {
	if identIsSafe(s) {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

func identIsSafe(s string) bool {
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
	cat, ok := data().keywords[s]
	return !ok || cat == 'U'
}

// QuoteQualified renders schema.name with each part quoted as needed; an
// empty schema renders the name alone.
func QuoteQualified(schema, name string) string {
	if schema == "" {
		return QuoteIdent(name)
	}
	return QuoteIdent(schema) + "." + QuoteIdent(name)
}

// QuoteLiteral renders s as a standard-conforming string literal. Like
// PostgreSQL's quote_literal it switches to the E” form when s holds a
// backslash.
func QuoteLiteral(s string) string {
	q := "'" + strings.ReplaceAll(s, "'", "''") + "'"
	if strings.Contains(s, `\`) {
		return "E" + strings.ReplaceAll(q, `\`, `\\`)
	}
	return q
}

// SplitQualified parses a possibly qualified, possibly quoted name as
// PostgreSQL's regclass input does ("Foo" keeps its case, foo and FOO fold
// to foo). It returns nil when the text is not a valid name.
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

// FoldIdent lower-cases the ASCII letters of an unquoted identifier, as
// PostgreSQL's downcase_identifier does; other characters are kept.
func FoldIdent(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
