package ddlparse

import (
	"strings"
)

// rawStmt is one statement of a file: its text without the terminating
// semicolon and the byte offset where it starts.
type rawStmt struct {
	text   string
	offset int
	// meta is set for a psql meta-command line (\restrict ...).
	meta bool
}

// split cuts SQL text into statements at top-level semicolons. It knows
// PostgreSQL's lexical structure well enough to skip semicolons in comments,
// quoted strings and identifiers, dollar-quoted bodies and BEGIN ATOMIC
// blocks. Splitting in Go lets the statements be parsed in parallel, and
// keeps each statement's offset for error positions.
func split(src string) []rawStmt {
	var out []rawStmt
	start := -1 // start of the current statement, -1 before its first token
	atomic := 0 // depth of BEGIN ATOMIC blocks
	caseDepth := 0
	prevWord := ""
	emit := func(end int) {
		if start >= 0 {
			out = append(out, rawStmt{text: src[start:end], offset: start})
		}
		start = -1
		atomic, caseDepth, prevWord = 0, 0, ""
	}
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
			continue
		case c == '-' && i+1 < len(src) && src[i+1] == '-':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i = skipBlockComment(src, i)
			continue
		case c == '\\' && start < 0:
			// A psql meta-command takes the rest of the line.
			end := strings.IndexByte(src[i:], '\n')
			if end < 0 {
				end = len(src) - i
			}
			out = append(out, rawStmt{text: strings.TrimSpace(src[i : i+end]), offset: i, meta: true})
			i += end
			continue
		}
		if start < 0 {
			start = i
		}
		switch {
		case c == ';':
			if atomic > 0 {
				i++
				continue
			}
			emit(i)
			i++
		case c == '\'':
			escapes := i > 0 && (src[i-1] == 'E' || src[i-1] == 'e') && (i < 2 || !isIdentChar(src[i-2]))
			i = skipQuoted(src, i, '\'', escapes)
		case c == '"':
			i = skipQuoted(src, i, '"', false)
		case c == '$':
			if tag, ok := dollarTag(src, i); ok {
				end := strings.Index(src[i+len(tag):], tag)
				if end < 0 {
					i = len(src)
				} else {
					i += len(tag) + end + len(tag)
				}
			} else {
				i++
			}
		case isIdentStart(c):
			j := i
			for j < len(src) && isIdentChar(src[j]) {
				j++
			}
			word := strings.ToLower(src[i:j])
			switch {
			case word == "atomic" && prevWord == "begin":
				atomic++
			case atomic > 0 && word == "case":
				caseDepth++
			case atomic > 0 && word == "end":
				if caseDepth > 0 {
					caseDepth--
				} else {
					atomic--
				}
			}
			prevWord = word
			i = j
		default:
			i++
		}
	}
	emit(len(src))
	return out
}

func skipBlockComment(src string, i int) int {
	depth := 0
	for i < len(src) {
		switch {
		case strings.HasPrefix(src[i:], "/*"):
			depth++
			i += 2
		case strings.HasPrefix(src[i:], "*/"):
			depth--
			i += 2
			if depth == 0 {
				return i
			}
		default:
			i++
		}
	}
	return i
}

// skipQuoted returns the offset after the quoted token starting at i.
func skipQuoted(src string, i int, q byte, escapes bool) int {
	i++
	for i < len(src) {
		switch {
		case escapes && src[i] == '\\':
			i += 2
		case src[i] == q:
			if i+1 < len(src) && src[i+1] == q {
				i += 2
				continue
			}
			return i + 1
		default:
			i++
		}
	}
	return i
}

// dollarTag returns the $tag$ starting at i, if there is one.
func dollarTag(src string, i int) (string, bool) {
	if i > 0 && isIdentChar(src[i-1]) {
		return "", false // part of an identifier like a$b
	}
	j := i + 1
	for j < len(src) && src[j] != '$' {
		if !isIdentChar(src[j]) || src[j] >= '0' && src[j] <= '9' && j == i+1 {
			return "", false
		}
		j++
	}
	if j >= len(src) {
		return "", false
	}
	return src[i : j+1], true
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
}

func isIdentChar(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9' || c == '$'
}
