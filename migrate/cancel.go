package migrate

import (
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
)

// cancelDeadline is how long a connection configured by ConfigureCancel
// waits for the server to answer a cancelled statement before it gives up
// on the connection.
const cancelDeadline = 30 * time.Second

// ConfigureCancel makes a connection answer a cancelled context the way a
// migration needs: by sending PostgreSQL a cancel request, so that the
// running statement stops on the server and its transaction rolls back,
// and then waiting for the server's answer. pgx's default closes the
// socket instead, which leaves the statement running on the server, with
// its locks held, until it ends on its own.
//
// Runners are interrupted through their context: connect with a config
// passed through ConfigureCancel, and cancel the context of Upgrade or
// Downgrade (on SIGINT, say). The runner then rolls back, releases the
// migration lock, and returns an error saying where the database stands.
func ConfigureCancel(cfg *pgx.ConnConfig) {
	cfg.BuildContextWatcherHandler = func(c *pgconn.PgConn) ctxwatch.Handler {
		return &pgconn.CancelRequestContextWatcherHandler{Conn: c, DeadlineDelay: cancelDeadline}
	}
}
