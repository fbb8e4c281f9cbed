package op

import "context"

// Stepwise is implemented by operations that run a sequence of statements of
// their own instead of a fixed list, deciding as they go: a batched
// [Backfill] repeats an UPDATE until no row is left, a concurrent
// [CreateIndex] first clears the INVALID index a failed build left behind.
// Online, the migration calls Run; offline (--sql, lint), it renders
// Statements, which must do the same work as a script.
//
// Stepwise operations that loop must be [NonTransactional]: each step commits on its
// own, which only a segment outside a transaction allows.
type Stepwise interface {
	Run(ctx context.Context, db DB) error
}

// DB is the database a [Stepwise] operation works on: the connection of the revision,
// seen through the migration, so that every statement is reported like
// the statements of other operations.
type DB interface {
	// Exec runs one statement and returns how many rows it affected.
	Exec(ctx context.Context, sql string, args ...any) (int64, error)
	// QueryRow runs a query that returns one row.
	QueryRow(ctx context.Context, sql string, args ...any) Row
	// Report tells the runtime how far the operation has got.
	Report(p Progress)
}

// Row is one result row, scanned as pgx scans.
type Row interface {
	Scan(dest ...any) error
}

// Progress is a report from a long-running operation.
type Progress struct {
	// Operation says what runs, as "backfill public.users".
	Operation string
	// Rows counts the rows processed so far and Steps the statements
	// (batches) run.
	Rows  int64
	Steps int
	// Done is set on the last report of the operation.
	Done bool
}

// runStatements runs an operation's statements in order, for runners
// that add something before or after them.
func runStatements(ctx context.Context, db DB, o Operation) error {
	stmts, err := o.Statements()
	if err != nil {
		return err
	}
	for _, s := range stmts {
		if _, err := db.Exec(ctx, s); err != nil {
			return err
		}
	}
	return nil
}
