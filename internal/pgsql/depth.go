package pgsql

// chainWords are the keywords of PostgreSQL's left-recursive grammar rules
// besides operators: each one met in a chain can nest the parse tree one
// level deeper (a IS NULL IS NULL, a JOIN b JOIN c, SELECT 1 UNION SELECT 2
// UNION ...).
var chainWords = map[string]bool{
	"is": true, "isnull": true, "notnull": true, "like": true, "ilike": true, "similar": true,
	"in": true, "at": true, "collate": true, "overlaps": true, "operator": true,
	"join": true, "union": true, "intersect": true, "except": true,
}

// siblingWords separate the parts of a statement that become siblings in
// its parse tree rather than one nested in the other: the parser flattens
// a AND b AND c into one node, and a CASE's branches are its arguments.
var siblingWords = map[string]bool{"and": true, "or": true, "when": true, "then": true, "else": true}

// ChainDepth returns an upper bound of how deep a statement's parse tree
// nests through left-recursive rules (binary and postfix operators, casts,
// joins, set operations), and the byte offset of the token where the bound
// is reached. The parser builds such chains without limit: 1+1+...+1 of
// 30,000 terms parses into a tree 30,000 levels deep, which pg_query's C
// code then walks recursively until it overflows the thread's stack and
// the process dies. Nesting through brackets and right-recursive rules
// (NOT NOT ..., subqueries, CASE in CASE) is bounded by the parser's own
// stack of 10,000 entries instead, and reported as an error. The bound
// counts the chain tokens since the last separator (a comma, AND, OR, a
// CASE branch) at each bracket level, summed over the enclosing levels.
func ChainDepth(src string) (depth, at int) {
	var stack [16]int // enough brackets for most statements without allocating
	levels := stack[:1]
	total := 0
	var buf [9]byte // the longest word of chainWords and siblingWords
	s := NewScanner(src)
	for t, ok := s.Next(); ok; t, ok = s.Next() {
		top := len(levels) - 1
		switch t.Kind {
		case Operator:
			levels[top]++
			total++
		case Word:
			if len(t.Text) > len(buf) {
				break
			}
			// Folded into a buffer: keywords come in capitals, and
			// FoldIdent would allocate for each.
			w := AppendFolded(buf[:0], t.Text)
			switch {
			case chainWords[string(w)]:
				levels[top]++
				total++
			case siblingWords[string(w)]:
				total -= levels[top]
				levels[top] = 0
			}
		case Punct:
			switch t.Text {
			case "(", "[":
				levels = append(levels, 0)
			case ")", "]":
				if top > 0 {
					total -= levels[top]
					levels = levels[:top]
				}
			case ",", ";":
				total -= levels[top]
				levels[top] = 0
			}
		}
		if total > depth {
			depth, at = total, t.Pos
		}
	}
	return depth, at
}
