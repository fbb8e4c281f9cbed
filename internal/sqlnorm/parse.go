package sqlnorm

import (
	"fmt"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
)

// MaxChainDepth bounds pgsql.ChainDepth for the text Parse gives pg_query.
// A deeper chain would overflow the C stack of pg_query's tree walk (near
// 25,000 levels) and kill the process; from about 5,000 levels the tree is
// already too deep for pg_query_go's protobuf decoder, so nothing that
// could be read is refused.
const MaxChainDepth = 4000

// ChainError is text Parse refused because it nests deeper than
// MaxChainDepth; Offset is the byte offset in the text where.
type ChainError struct{ Offset int }

func (e *ChainError) Error() string {
	return fmt.Sprintf("expression nested too deeply: more than %d operators, casts, joins or set operations in one chain; split it up (pg_query cannot read it)", MaxChainDepth)
}

// Parse parses SQL text with pg_query, refusing first the text whose tree
// would be too deep for it (see MaxChainDepth). Every parse of text autogen
// did not build itself goes through here.
func Parse(sql string) (*pg.ParseResult, error) {
	if depth, at := pgsql.ChainDepth(sql); depth > MaxChainDepth {
		return nil, &ChainError{Offset: at}
	}
	return pg.Parse(sql)
}
