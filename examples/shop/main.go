// Command shop is a small service that shows how an application uses the
// revisions autogen writes: it migrates its database at startup with
// migrate.New and Upgrade, and reports where the database stands on
// /healthz and /metrics with Status.
//
//	DATABASE_URL=postgres://app@localhost/shop go run . -addr 127.0.0.1:8080
//	curl -s localhost:8080/healthz
//
// With -migrate=false it leaves the schema alone (another process, such as
// a deployment job running `autogen upgrade head`, migrates it), and the
// health check reports 503 until the database is at head.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/migrate"

	"example.com/shop/migrations"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	migrateAtStart := flag.Bool("migrate", true, "apply pending revisions at startup")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Getenv("DATABASE_URL"), *addr, *migrateAtStart); err != nil {
		log.Fatal(err)
	}
}

// run migrates the database (unless told not to) and serves until ctx ends.
func run(ctx context.Context, url, addr string, migrateAtStart bool) error {
	if url == "" {
		return errors.New("set DATABASE_URL")
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return fmt.Errorf("connecting: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))

	// New validates the revision graph: a broken one stops the service
	// before it touches the database.
	r, err := migrate.New(migrations.Registry)
	if err != nil {
		return fmt.Errorf("loading the revisions: %w", err)
	}
	if migrateAtStart {
		// An advisory lock makes concurrent instances apply each revision
		// once; the others wait and find nothing left to do.
		n, err := r.Upgrade(ctx, conn, "head")
		if err != nil {
			return fmt.Errorf("migrating: %w", err)
		}
		log.Printf("shop: applied %d revision(s)", n)
	}

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: handler(&health{runner: r, conn: conn}), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		srv.Shutdown(context.WithoutCancel(ctx))
	}()
	// The test and deployment scripts wait for this line.
	log.Printf("shop: listening on %s", ln.Addr())
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// health answers from the revisions' Status. A pgx.Conn serves one query
// at a time, so requests take turns.
type health struct {
	runner *migrate.Runner
	mu     sync.Mutex
	conn   *pgx.Conn
}

func (h *health) status(ctx context.Context) (migrate.Status, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.runner.Status(ctx, h.conn)
}

func handler(h *health) http.Handler {
	mux := http.NewServeMux()
	// /healthz is 200 when every revision is applied and 503 otherwise,
	// so that a load balancer keeps traffic away from an instance whose
	// database is behind its code.
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, req *http.Request) {
		st, err := h.status(req.Context())
		w.Header().Set("Content-Type", "application/json")
		if err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			json.NewEncoder(w).Encode(map[string]string{"status": "error", "error": err.Error()})
			return
		}
		body := map[string]any{"status": "ok", "current": nonNil(st.Current), "heads": nonNil(st.Heads), "pending": st.Pending}
		if !st.AtHead {
			body["status"] = "migrations pending"
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		json.NewEncoder(w).Encode(body)
	})
	// /metrics exposes the same in Prometheus' text format.
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, req *http.Request) {
		st, err := h.status(req.Context())
		if err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		atHead := 0
		if st.AtHead {
			atHead = 1
		}
		w.Header().Set("Content-Type", "text/plain; version=0.0.4")
		fmt.Fprintf(w, "# HELP shop_migrations_pending Revisions not yet applied to the database.\n# TYPE shop_migrations_pending gauge\nshop_migrations_pending %d\n", st.Pending)
		fmt.Fprintf(w, "# HELP shop_migrations_at_head Whether the database is at the revisions' head.\n# TYPE shop_migrations_at_head gauge\nshop_migrations_at_head %d\n", atHead)
	})
	return mux
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
