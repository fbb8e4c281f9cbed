package pgsql

import "strings"

// TokenKind classifies a token of SQL text.
type TokenKind int

// The token kinds. The scanner knows PostgreSQL's lexical structure well
// enough never to see a statement's end, a comment or a name inside a
// string, a quoted identifier or a dollar-quoted body.
const (
	// Space is a run of white space.
	Space TokenKind = iota
	// LineComment is "-- ..." up to the end of the line (not included).
	LineComment
	// BlockComment is "/* ... */", nested as PostgreSQL nests them.
	BlockComment
	// Word is an unquoted identifier or keyword.
	Word
	// QuotedIdent is a double-quoted identifier ("Foo", U&"d\0061t").
	QuotedIdent
	// String is a string constant: '...', E'...', B'...', X'...', N'...'
	// or U&'...'.
	String
	// DollarString is a dollar-quoted string ($$...$$, $body$...$body$).
	DollarString
	// Number is a numeric constant.
	Number
	// Param is a positional parameter ($1).
	Param
	// Operator is a run of operator characters (+ - * / < > = ~ ! @ # % ^
	// & | ` ?) or "::".
	Operator
	// Punct is one of ( ) [ ] , ; : . and a lone psql backslash.
	Punct
)

// Token is one token of SQL text: its kind, its text (a slice of the
// source) and its byte offset in the source.
type Token struct {
	Kind TokenKind
	Text string
	Pos  int
}

// Comment reports whether the token is a comment.
func (t Token) Comment() bool { return t.Kind == LineComment || t.Kind == BlockComment }

// Ident returns the name an identifier token stands for: an unquoted word
// folded to lower case, a quoted identifier with its quotes removed. It
// returns false for other tokens and for U&"..." identifiers, whose
// escapes it does not decode.
func (t Token) Ident() (string, bool) {
	switch t.Kind {
	case Word:
		return FoldIdent(t.Text), true
	case QuotedIdent:
		if !strings.HasPrefix(t.Text, `"`) || len(t.Text) < 3 || !strings.HasSuffix(t.Text, `"`) {
			return "", false
		}
		return strings.ReplaceAll(t.Text[1:len(t.Text)-1], `""`, `"`), true
	}
	return "", false
}

// Is reports whether the token is the unquoted word w, in any case.
func (t Token) Is(w string) bool { return t.Kind == Word && strings.EqualFold(t.Text, w) }

// Scanner cuts SQL text into tokens without allocating.
type Scanner struct {
	src string
	pos int
}

// NewScanner returns a scanner over src.
func NewScanner(src string) *Scanner { return &Scanner{src: src} }

// Next returns the next token, and false at the end of the text. An
// unterminated string, identifier or comment runs to the end of the text.
func (s *Scanner) Next() (Token, bool) {
	src, i := s.src, s.pos
	if i >= len(src) {
		return Token{}, false
	}
	kind, end := scanToken(src, i)
	s.pos = end
	return Token{Kind: kind, Text: src[i:end], Pos: i}, true
}

// Tokens returns every token of src, comments and white space included.
func Tokens(src string) []Token {
	var out []Token
	s := NewScanner(src)
	for t, ok := s.Next(); ok; t, ok = s.Next() {
		out = append(out, t)
	}
	return out
}

// scanToken returns the kind of the token at src[i] and where it ends.
func scanToken(src string, i int) (TokenKind, int) {
	c := src[i]
	switch {
	case isSpace(c):
		j := i + 1
		for j < len(src) && isSpace(src[j]) {
			j++
		}
		return Space, j
	case c == '-' && i+1 < len(src) && src[i+1] == '-':
		j := strings.IndexByte(src[i:], '\n')
		if j < 0 {
			return LineComment, len(src)
		}
		return LineComment, i + j
	case c == '/' && i+1 < len(src) && src[i+1] == '*':
		return BlockComment, skipBlockComment(src, i)
	case c == '\'':
		return String, skipQuoted(src, i, '\'', false)
	case c == '"':
		return QuotedIdent, skipQuoted(src, i, '"', false)
	case (c == 'e' || c == 'E') && i+1 < len(src) && src[i+1] == '\'':
		return String, skipQuoted(src, i+1, '\'', true)
	case (c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') && i+1 < len(src) && src[i+1] == '\'':
		return String, skipQuoted(src, i+1, '\'', false)
	case (c == 'u' || c == 'U') && i+2 < len(src) && src[i+1] == '&' && (src[i+2] == '\'' || src[i+2] == '"'):
		if src[i+2] == '"' {
			return QuotedIdent, skipQuoted(src, i+2, '"', false)
		}
		return String, skipQuoted(src, i+2, '\'', false)
	case c == '$':
		if tag, ok := dollarTag(src, i); ok {
			end := strings.Index(src[i+len(tag):], tag)
			if end < 0 {
				return DollarString, len(src)
			}
			return DollarString, i + len(tag) + end + len(tag)
		}
		j := i + 1
		for j < len(src) && src[j] >= '0' && src[j] <= '9' {
			j++
		}
		if j > i+1 {
			return Param, j
		}
		return Operator, i + 1
	case isIdentStart(c):
		j := i + 1
		for j < len(src) && isIdentChar(src[j]) {
			j++
		}
		return Word, j
	case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
		return Number, scanNumber(src, i)
	case c == ':' && i+1 < len(src) && src[i+1] == ':':
		return Operator, i + 2
	case strings.IndexByte("()[],;:.\\", c) >= 0:
		return Punct, i + 1
	case isOpChar(c):
		j := i + 1
		for j < len(src) && isOpChar(src[j]) {
			if (src[j] == '-' && j+1 < len(src) && src[j+1] == '-') || (src[j] == '/' && j+1 < len(src) && src[j+1] == '*') {
				break // a comment starts inside the operator
			}
			j++
		}
		return Operator, j
	}
	// Anything else (a stray byte) is a token of its own.
	return Punct, i + 1
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func isOpChar(c byte) bool { return strings.IndexByte("+-*/<>=~!@#%^&|`?", c) >= 0 }

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
}

func isIdentChar(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9' || c == '$'
}

func scanNumber(src string, i int) int {
	j := i
	digits := func() {
		for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '_') {
			j++
		}
	}
	if strings.HasPrefix(src[j:], "0x") || strings.HasPrefix(src[j:], "0X") ||
		strings.HasPrefix(src[j:], "0o") || strings.HasPrefix(src[j:], "0O") ||
		strings.HasPrefix(src[j:], "0b") || strings.HasPrefix(src[j:], "0B") {
		j += 2
		for j < len(src) && isIdentChar(src[j]) {
			j++
		}
		return j
	}
	digits()
	if j < len(src) && src[j] == '.' && !(j+1 < len(src) && src[j+1] == '.') {
		j++
		digits()
	}
	if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
		k := j + 1
		if k < len(src) && (src[k] == '+' || src[k] == '-') {
			k++
		}
		if k < len(src) && src[k] >= '0' && src[k] <= '9' {
			j = k
			digits()
		}
	}
	return j
}

func skipBlockComment(src string, i int) int {
	end, _ := scanBlockComment(src, i)
	return end
}

// scanBlockComment returns the offset after the block comment that starts
// at i, and whether its nested "/*" and "*/" pair up before the end of src
// (else it runs to the end).
func scanBlockComment(src string, i int) (int, bool) {
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
				return i, true
			}
		default:
			i++
		}
	}
	return i, false
}

// closed reports whether a block comment token is closed.
func closed(comment string) bool {
	_, ok := scanBlockComment(comment, 0)
	return ok
}

// skipQuoted returns the offset after the quoted token whose opening quote
// is at i. A doubled quote stands for itself; with escapes (E'...'), a
// backslash escapes the next byte.
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
	return len(src)
}

// dollarTag returns the $tag$ starting at i, if there is one.
func dollarTag(src string, i int) (string, bool) {
	if i > 0 && isIdentChar(src[i-1]) {
		return "", false // part of an identifier like a$b
	}
	j := i + 1
	for j < len(src) && src[j] != '$' {
		if !isIdentChar(src[j]) || src[j] == '$' || src[j] >= '0' && src[j] <= '9' && j == i+1 {
			return "", false
		}
		j++
	}
	if j >= len(src) {
		return "", false
	}
	return src[i : j+1], true
}

// Statement is one statement of SQL text: its text without the
// terminating semicolon and the byte offset where it starts.
type Statement struct {
	Text   string
	Offset int
	// Meta is set for a psql meta-command line (\restrict ...), which
	// takes the rest of its line.
	Meta bool
}

// Split cuts SQL text into statements at top-level semicolons, skipping
// those in comments, quoted strings and identifiers, dollar-quoted bodies
// and BEGIN ATOMIC blocks. Comments and white space between statements
// are left out; a statement's text starts at its first token. Splitting
// in Go lets the statements be parsed in parallel, and keeps each
// statement's offset for error positions.
func Split(src string) []Statement {
	var out []Statement
	start := -1 // start of the current statement, -1 before its first token
	atomic := 0 // depth of BEGIN ATOMIC blocks
	caseDepth := 0
	prevWord := ""
	emit := func(end int) {
		if start >= 0 {
			out = append(out, Statement{Text: src[start:end], Offset: start})
		}
		start = -1
		atomic, caseDepth, prevWord = 0, 0, ""
	}
	s := NewScanner(src)
	for {
		t, ok := s.Next()
		if !ok {
			break
		}
		switch t.Kind {
		case Space, LineComment:
			continue
		case BlockComment:
			// A comment left open at the end of the text is kept, so that
			// the parser reports it instead of the rest of the file
			// silently being a comment.
			if t.Pos+len(t.Text) < len(src) || closed(t.Text) {
				continue
			}
		case Punct:
			if t.Text == `\` && start < 0 {
				// A psql meta-command takes the rest of the line.
				end := strings.IndexByte(src[t.Pos:], '\n')
				if end < 0 {
					end = len(src) - t.Pos
				}
				out = append(out, Statement{Text: strings.TrimSpace(src[t.Pos : t.Pos+end]), Offset: t.Pos, Meta: true})
				s.pos = t.Pos + end
				continue
			}
		}
		if start < 0 {
			start = t.Pos
		}
		switch {
		case t.Kind == Punct && t.Text == ";":
			if atomic > 0 {
				continue
			}
			emit(t.Pos)
		case t.Kind == Word:
			word := strings.ToLower(t.Text)
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
		}
	}
	emit(len(src))
	return out
}

// LineOf returns the 1-based line number of a byte offset in src.
func LineOf(src string, offset int) int {
	if offset > len(src) {
		offset = len(src)
	}
	return strings.Count(src[:offset], "\n") + 1
}
