package ddlparse

import (
	"strconv"
	"strings"
	"unicode/utf8"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
)

// nameDataLen is PostgreSQL's NAMEDATALEN: identifiers hold at most 63
// bytes.
const nameDataLen = 64

// clip truncates s to at most n bytes without splitting a character, as
// pg_mbcliplen does.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// makeObjectName builds name1_name2_label within 63 bytes, truncating the
// longer of the two names first, exactly as PostgreSQL's makeObjectName.
func makeObjectName(name1, name2, label string) string {
	overhead := 0
	n1, n2 := len(name1), 0
	if name2 != "" {
		n2 = len(name2)
		overhead++
	}
	if label != "" {
		overhead += len(label) + 1
	}
	avail := nameDataLen - 1 - overhead
	for n1+n2 > avail {
		if n1 > n2 {
			n1--
		} else {
			n2--
		}
	}
	name := clip(name1, n1)
	if name2 != "" {
		name += "_" + clip(name2, n2)
	}
	if label != "" {
		name += "_" + label
	}
	return name
}

// chooseRelationName picks a pg_class name not yet taken in the schema,
// adding 1, 2, ... to the label on conflict (ChooseRelationName).
// isConstraint also avoids constraint names, for indexes that implement
// constraints.
func (b *builder) chooseRelationName(schema, name1, name2, label string, isConstraint bool) string {
	mod := label
	for pass := 1; ; pass++ {
		name := makeObjectName(name1, name2, mod)
		if !b.relationExists(schema, name) && (!isConstraint || !b.connames[schema][name]) {
			return name
		}
		mod = label + strconv.Itoa(pass)
	}
}

// chooseConstraintName picks a constraint name not taken in the schema nor
// in others (ChooseConstraintName).
func (b *builder) chooseConstraintName(schema, name1, name2, label string, others []string) string {
	mod := label
	for pass := 1; ; pass++ {
		name := makeObjectName(name1, name2, mod)
		taken := b.connames[schema][name]
		for _, o := range others {
			taken = taken || o == name
		}
		if !taken {
			return name
		}
		mod = label + strconv.Itoa(pass)
	}
}

// indexColumnNames returns the names PostgreSQL derives for index columns
// (ChooseIndexColumnNames): the column name, or for an expression the name
// of its function or "expr"; duplicates get a numeric suffix.
func indexColumnNames(elems []*pg.Node) []string {
	var out []string
	for _, e := range elems {
		orig := "expr"
		if ie := e.GetIndexElem(); ie != nil {
			switch {
			case ie.Indexcolname != "":
				orig = ie.Indexcolname
			case ie.Name != "":
				orig = ie.Name
			case ie.Expr != nil:
				orig = figureIndexColname(ie.Expr)
			}
		} else if s := e.GetString_(); s != nil {
			orig = s.Sval
		}
		name := orig
		for i := 1; contains(out, name); i++ {
			suffix := strconv.Itoa(i)
			name = clip(orig, nameDataLen-1-len(suffix)) + suffix
		}
		out = append(out, name)
	}
	return out
}

// figureIndexColname is FigureIndexColname: the name a select-list item
// would get (a column's, a function's), or "expr".
func figureIndexColname(n *pg.Node) string {
	if name, ok := sqlnorm.FigureColnameOK(n); ok {
		return name
	}
	return "expr"
}

// nameAddition joins names with underscores, stopping once the result
// reaches NAMEDATALEN bytes (ChooseIndexNameAddition).
func nameAddition(names []string) string {
	var sb strings.Builder
	for _, n := range names {
		if sb.Len() > 0 {
			sb.WriteByte('_')
		}
		sb.WriteString(clip(n, nameDataLen-1))
		if sb.Len() >= nameDataLen {
			break
		}
	}
	return sb.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
