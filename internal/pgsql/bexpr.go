package pgsql

// aExprWords are the keywords that make an expression one of PostgreSQL's
// full expressions (a_expr), which a restricted expression (b_expr) cannot
// hold outside brackets: boolean connectives, IS tests, pattern matching,
// IN, BETWEEN, AT TIME ZONE, COLLATE and OVERLAPS.
var aExprWords = map[string]bool{
	"and": true, "or": true, "not": true, "is": true, "isnull": true, "notnull": true,
	"like": true, "ilike": true, "similar": true, "in": true, "between": true,
	"at": true, "collate": true, "overlaps": true,
}

// BExpr returns an expression as it may stand where PostgreSQL's grammar
// takes only a restricted expression (b_expr): the DEFAULT of a column in
// CREATE TABLE and ADD COLUMN, of a partition's column and of CREATE
// DOMAIN. One that holds, outside brackets, a keyword of the full
// expression grammar (now() AT TIME ZONE 'utc', a = b OR c) is wrapped in
// parentheses, which leave the stored expression as it is; any other is
// returned unchanged.
func BExpr(expr string) string {
	depth := 0
	s := NewScanner(expr)
	for t, ok := s.Next(); ok; t, ok = s.Next() {
		switch t.Kind {
		case Punct:
			switch t.Text {
			case "(", "[":
				depth++
			case ")", "]":
				depth--
			}
		case Word:
			if depth == 0 && len(t.Text) <= 8 && aExprWords[FoldIdent(t.Text)] {
				return "(" + expr + ")"
			}
		}
	}
	return expr
}
