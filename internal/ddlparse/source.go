package ddlparse

import (
	"slices"
	"strings"
	"sync"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// Revisions write an expression as the user wrote it in schema.sql, not as
// autogen re-renders it: the model's Expr.Source. The parser gives where an
// expression's nodes start but not where it ends, so the text is cut from
// the statement at token boundaries around those positions, and a cut is
// kept only when it parses to the very tree the statement holds. An
// expression whose names a different search_path would resolve otherwise,
// or that no cut reproduces, has no Source, and its qualified rendering
// (Expr.SQL) is written instead.

// sourceOf returns the finder of the user's text of an expression node of
// the current statement, or nil (see above). It must be called before the
// node is qualified, which changes it. The cut itself is deferred to the
// first use of the text (Expr.Text): it parses every candidate, and only
// the few expressions a revision writes need it, so an unchanged schema
// costs one copy of each expression's tree here rather than parses.
func (b *builder) sourceOf(n *pg.Node) model.SourceFinder {
	if n == nil || !slices.Equal(b.searchPath, b.cfg.searchPath) {
		return nil
	}
	return newPending(b.cur.raw.Text, n, false)
}

// querySourceOf returns the finder of the user's text of a view's query,
// cut from after the AS that introduces it to the end of the statement (or
// to WITH CHECK OPTION), or nil.
func (b *builder) querySourceOf(sel *pg.SelectStmt) model.SourceFinder {
	if sel == nil || !slices.Equal(b.searchPath, b.cfg.searchPath) {
		return nil
	}
	return newPending(b.cur.raw.Text, &pg.Node{Node: &pg.Node_SelectStmt{SelectStmt: sel}}, true)
}

// pending is a user's text not cut yet: the statement and the tree the
// text must parse to, serialized (which copies it before qualification
// changes it, in a fraction of a tree's memory); query tells a view's
// query from an expression. It holds plain data, so that two reads of the
// same text are deeply equal.
type pending struct {
	stmt  string
	tree  []byte
	query bool
	once  sync.Once
	src   string
}

func newPending(stmt string, n *pg.Node, query bool) model.SourceFinder {
	tree, err := proto.MarshalOptions{Deterministic: true}.Marshal(n)
	if err != nil {
		return nil
	}
	return &pending{stmt: stmt, tree: tree, query: query}
}

// Source cuts the text on first use; "" when no cut reproduces the tree.
func (p *pending) Source() string {
	p.once.Do(func() {
		var n pg.Node
		switch err := proto.Unmarshal(p.tree, &n); {
		case err != nil:
		case p.query:
			p.src = querySource(p.stmt, &n)
		default:
			p.src = exprSource(p.stmt, &n)
		}
		p.tree = nil
	})
	return p.src
}

// exprSource returns the user's text of an expression node of a statement,
// or "".
func exprSource(text string, n *pg.Node) string {
	start := minLocation(n)
	if start < 0 || start >= len(text) {
		return ""
	}
	want := stripped(n)
	toks := significant(pgsql.Tokens(text))
	first := slices.IndexFunc(toks, func(t pgsql.Token) bool { return t.Pos >= start })
	if first < 0 {
		return ""
	}
	try := func(from, to int) (string, bool) {
		s := strings.TrimSpace(text[from:to])
		if s == "" {
			return "", false
		}
		res, err := sqlnorm.Parse("SELECT " + s)
		if err != nil || len(res.Stmts) != 1 {
			return "", false
		}
		sel := res.Stmts[0].Stmt.GetSelectStmt()
		if !bareTarget(sel) {
			return "", false
		}
		got := sel.TargetList[0].GetResTarget().GetVal()
		return s, proto.Equal(stripped(got), want)
	}
	// Inside the parentheses that enclose the expression (CHECK (...),
	// USING (...), an index's (...)), innermost first.
	for _, g := range enclosing(toks, first) {
		if s, ok := try(toks[g[0]].Pos+1, toks[g[1]].Pos); ok {
			return s
		}
	}
	// Unparenthesized (DEFAULT ..., WHERE ...): from the expression's
	// first token, or the parenthesis it opens with, to the shortest end
	// that gives the same tree.
	for _, from := range startsBefore(toks, first) {
		depth := 0
	ends:
		for i := from; i < len(toks); i++ {
			switch toks[i].Text {
			case "(", "[":
				depth++
			case ")", "]":
				depth--
			}
			if depth < 0 || toks[i].Text == ";" {
				break ends
			}
			if depth == 0 {
				if s, ok := try(toks[from].Pos, toks[i].Pos+len(toks[i].Text)); ok {
					return s
				}
			}
		}
	}
	return ""
}

// bareTarget reports whether sel is SELECT of one expression and nothing
// else. A cut that SELECT reads with more (an alias, ORDER BY, LIMIT, ...)
// ends past the expression: in an index key, "lower(b) text_pattern_ops"
// reads as lower(b) with the operator class as its alias.
func bareTarget(sel *pg.SelectStmt) bool {
	if sel == nil || len(sel.TargetList) != 1 || len(sel.FromClause) > 0 || sel.WhereClause != nil ||
		len(sel.GroupClause) > 0 || sel.HavingClause != nil || len(sel.WindowClause) > 0 || len(sel.SortClause) > 0 ||
		sel.LimitCount != nil || sel.LimitOffset != nil || len(sel.LockingClause) > 0 || sel.WithClause != nil ||
		len(sel.DistinctClause) > 0 || sel.IntoClause != nil || len(sel.ValuesLists) > 0 || sel.Op != pg.SetOperation_SETOP_NONE {
		return false
	}
	rt := sel.TargetList[0].GetResTarget()
	return rt != nil && rt.Name == "" && len(rt.Indirection) == 0
}

// querySource returns the user's text of a view's query (a SelectStmt
// node) in its CREATE VIEW statement, or "".
func querySource(text string, node *pg.Node) string {
	start := minLocation(node)
	want := stripped(node)
	toks := significant(pgsql.Tokens(text))
	end := len(toks)
	for end > 0 && toks[end-1].Text == ";" {
		end--
	}
	ends := []int{len(text)}
	if end < len(toks) {
		ends[0] = toks[end].Pos
	}
	for i := end - 1; i >= 0 && i >= end-5; i-- {
		if toks[i].Is("with") {
			ends = append(ends, toks[i].Pos)
		}
	}
	for i := len(toks) - 1; i >= 0; i-- {
		if !toks[i].Is("as") || (start >= 0 && toks[i].Pos > start) || i+1 >= len(toks) {
			continue
		}
		for _, e := range ends {
			s := strings.TrimSpace(text[toks[i+1].Pos:e])
			res, err := sqlnorm.Parse(s)
			if err != nil || len(res.Stmts) != 1 {
				continue
			}
			if proto.Equal(stripped(res.Stmts[0].Stmt), want) {
				return s
			}
		}
	}
	return ""
}

// significant drops white space and comments.
func significant(toks []pgsql.Token) []pgsql.Token {
	return slices.DeleteFunc(toks, func(t pgsql.Token) bool { return t.Kind == pgsql.Space || t.Comment() })
}

// enclosing returns the parenthesis pairs (token indexes) that enclose
// token i, innermost first.
func enclosing(toks []pgsql.Token, i int) [][2]int {
	var out [][2]int
	depth := 0
	for open := i - 1; open >= 0; open-- {
		switch toks[open].Text {
		case ")":
			depth++
			continue
		case "(":
			if depth > 0 {
				depth--
				continue
			}
		default:
			continue
		}
		d := 0
		for close := open + 1; close < len(toks); close++ {
			switch toks[close].Text {
			case "(":
				d++
			case ")":
				if d == 0 {
					out = append(out, [2]int{open, close})
					close = len(toks)
					continue
				}
				d--
			}
		}
	}
	return out
}

// startsBefore returns where an unparenthesized expression whose first
// node is at token i may start: there, or at the opening parentheses just
// before it.
func startsBefore(toks []pgsql.Token, i int) []int {
	out := []int{i}
	for j := i - 1; j >= 0 && (toks[j].Text == "(" || toks[j].Text == "-" || toks[j].Text == "+"); j-- {
		out = append(out, j)
	}
	return out
}

// minLocation returns the smallest location in a tree, or -1.
func minLocation(n *pg.Node) int {
	min := -1
	eachLocation(n.ProtoReflect(), func(m protoreflect.Message, fd protoreflect.FieldDescriptor) {
		if l := int(m.Get(fd).Int()); l >= 0 && (min < 0 || l < min) {
			min = l
		}
	})
	return min
}

// stripped returns a copy of a tree without locations, for comparing
// trees parsed from different texts.
func stripped(n proto.Message) proto.Message {
	c := proto.Clone(n)
	eachLocation(c.ProtoReflect(), func(m protoreflect.Message, fd protoreflect.FieldDescriptor) { m.Clear(fd) })
	return c
}

// eachLocation calls fn for every location field set in a tree (a node's
// location, a statement's stmt_location and stmt_len).
func eachLocation(m protoreflect.Message, fn func(protoreflect.Message, protoreflect.FieldDescriptor)) {
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		switch {
		case (fd.Name() == "location" || fd.Name() == "stmt_location" || fd.Name() == "stmt_len") && fd.Kind() == protoreflect.Int32Kind:
			fn(m, fd)
		case fd.Kind() == protoreflect.MessageKind && fd.IsList():
			for i := 0; i < v.List().Len(); i++ {
				eachLocation(v.List().Get(i).Message(), fn)
			}
		case fd.Kind() == protoreflect.MessageKind && !fd.IsMap():
			eachLocation(v.Message(), fn)
		}
		return true
	})
}
