package sqlnorm

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// LooseEqual reports whether two canonical forms differ at most in casts
// of column references: the rule the offline comparison falls back on for
// a dispute the server could not settle. Only the server can tell a cast
// it writes itself (a domain's value meeting its base type, (d)::integer)
// from one that changes the value (n::integer of a numeric), so offline
// such a pair counts as equal, approximately, as it always did before the
// canonical form kept the casts that change a value.
func LooseEqual(a, b string) bool {
	if a == b {
		return true
	}
	la, ok := loosened(a)
	if !ok {
		return false
	}
	lb, ok := loosened(b)
	return ok && la == lb
}

// loosened returns a canonical form printed again without its casts of
// column references; a query's form parses as it is, an expression's
// after SELECT.
func loosened(canon string) (string, bool) {
	text := canon
	if !strings.HasPrefix(canon, "SELECT ") && !strings.HasPrefix(canon, "WITH ") {
		text = "SELECT " + canon
	}
	tree, err := Parse(text)
	if err != nil || len(tree.Stmts) != 1 {
		return "", false
	}
	walk(tree.Stmts[0].Stmt, func(n *pg.Node) bool {
		if n.GetTypeCast() != nil && columnValue(n) {
			n.Node = uncast(n).Node
			return false
		}
		return true
	})
	out, err := Deparse(tree)
	return out, err == nil
}
