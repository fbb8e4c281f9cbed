package tempdb

import (
	"context"
	"errors"
	"fmt"
	"github.com/autogen-dev/autogen/internal/pgsql"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/jackc/pgx/v5"
)

// Cluster is a running throwaway PostgreSQL server.
type Cluster struct {
	// Dir holds the data directory, the socket and the server log.
	Dir string
	// Port is the TCP port the server listens on at 127.0.0.1.
	Port int
	// User is the superuser name.
	User string

	bindir   string
	cred     *syscall.Credential
	seq      atomic.Int64
	settings map[string]string
}

// Option configures [Start].
type Option func(*config)

type config struct {
	parent   string
	settings map[string]string
}

// WithParentDir creates the cluster directory under dir instead of the
// system's temporary directory.
func WithParentDir(dir string) Option { return func(c *config) { c.parent = dir } }

// InMemory creates the cluster directory in /dev/shm when the machine has
// that memory file system with room to spare (1 GiB), and in the system's
// temporary directory otherwise. A throwaway server runs without fsync
// anyway; on a disk file system creating and dropping databases still costs
// journal writes and discards, which made the test suites a quarter slower.
func InMemory() Option {
	return func(c *config) {
		if c.parent == "" && memoryDirUsable(memoryDir, 1<<30) {
			c.parent = memoryDir
		}
	}
}

// memoryDir is the memory file system InMemory uses.
const memoryDir = "/dev/shm"

// memoryDirUsable reports whether dir is a writable directory with at least
// free bytes available.
func memoryDirUsable(dir string, free uint64) bool {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return false
	}
	if uint64(st.Bavail)*uint64(st.Bsize) < free {
		return false
	}
	return syscall.Access(dir, 2 /* W_OK */) == nil
}

// WithSetting passes a server setting, as `-c name=value`.
func WithSetting(name, value string) Option {
	return func(c *config) { c.settings[name] = value }
}

// Start creates and starts a new cluster. The caller must call Stop.
func Start(ctx context.Context, opts ...Option) (*Cluster, error) {
	cfg := &config{settings: map[string]string{}}
	for _, o := range opts {
		o(cfg)
	}
	bindir, err := FindBinaries()
	if err != nil {
		return nil, err
	}
	parent := cfg.parent
	if parent == "" && os.Geteuid() == 0 && !reachable(os.TempDir()) {
		// The server runs as another user, who must reach its directory:
		// a private TMPDIR (a test's, for instance) would make initdb
		// fail with "permission denied".
		parent = "/tmp"
	}
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		if cred, err = serverCredential(); err != nil {
			return nil, err
		}
	}
	reapDir := parent
	if reapDir == "" {
		reapDir = os.TempDir()
	}
	reapOrphans(ctx, reapDir, bindir, cred)
	dir, err := os.MkdirTemp(parent, "autogen-pg-")
	if err != nil {
		return nil, fmt.Errorf("tempdb: %w", err)
	}
	c := &Cluster{Dir: dir, User: "postgres", bindir: bindir, cred: cred, settings: cfg.settings}
	if err := writeOwner(dir); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("tempdb: %w", err)
	}
	if c.cred != nil {
		if err := os.Chown(dir, int(c.cred.Uid), int(c.cred.Gid)); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("tempdb: %w", err)
		}
	}
	if err := c.initdb(ctx); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	// A port can be taken between our probe and the server's bind; retry a
	// few times with a fresh port.
	for attempt := 0; ; attempt++ {
		c.Port, err = freePort()
		if err == nil {
			err = c.start(ctx, cfg.settings)
		}
		if err == nil {
			return c, nil
		}
		if attempt == 4 || ctx.Err() != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
}

// reachable reports whether every user may traverse dir and its parents,
// which the server needs when it runs as another user than the caller.
func reachable(dir string) bool {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	for {
		st, err := os.Stat(dir)
		if err != nil || st.Mode().Perm()&0o001 == 0 {
			return false
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return true
		}
		dir = parent
	}
}

func serverCredential() (*syscall.Credential, error) {
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
	}
	return nil, errors.New("tempdb: running as root and no unprivileged user (postgres, nobody) to run the server as")
}

func (c *Cluster) command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, filepath.Join(c.bindir, name), args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C", "TZ=UTC")
	if c.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred}
		cmd.Dir = c.Dir
	}
	return cmd
}

func (c *Cluster) dataDir() string { return filepath.Join(c.Dir, "data") }

func (c *Cluster) initdb(ctx context.Context) error {
	cmd := c.command(ctx, "initdb", "-D", c.dataDir(), "-U", c.User, "-A", "trust",
		"-E", "UTF8", "--locale=C", "--no-sync")
	if out, err := cmd.CombinedOutput(); err != nil {
		return describe(cmd, out, err)
	}
	return nil
}

func (c *Cluster) start(ctx context.Context, settings map[string]string) error {
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB",
		c.Port, c.Dir)
	for k, v := range settings {
		opts += fmt.Sprintf(" -c %s=%s", k, v)
	}
	cmd := c.command(ctx, "pg_ctl", "start", "-w", "-t", "60", "-D", c.dataDir(),
		"-l", filepath.Join(c.Dir, "server.log"), "-o", opts)
	if out, err := cmd.CombinedOutput(); err != nil {
		log, _ := os.ReadFile(filepath.Join(c.Dir, "server.log"))
		return describe(cmd, append(out, log...), err)
	}
	return nil
}

// Stop shuts the server down immediately and removes its directory.
func (c *Cluster) Stop(ctx context.Context) error {
	admin.forget(c.Port)
	cmd := c.command(ctx, "pg_ctl", "stop", "-w", "-m", "immediate", "-D", c.dataDir())
	var err error
	if out, runErr := cmd.CombinedOutput(); runErr != nil {
		err = describe(cmd, out, runErr)
	}
	return errors.Join(err, os.RemoveAll(c.Dir))
}

// Halt stops the server at once, as a crash or a lost machine would:
// connected sessions are cut off mid-statement and their transactions are
// lost. The data stays, so that Restart brings the server back, for tests
// of what a client does when its server goes away.
func (c *Cluster) Halt(ctx context.Context) error {
	admin.forget(c.Port)
	cmd := c.command(ctx, "pg_ctl", "stop", "-w", "-m", "immediate", "-D", c.dataDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		return describe(cmd, out, err)
	}
	return nil
}

// Restart starts a halted server again on the same port, with the same
// settings; it recovers as after a crash.
func (c *Cluster) Restart(ctx context.Context) error {
	return c.start(ctx, c.settings)
}

// URL returns a connection URL for the given database.
func (c *Cluster) URL(database string) string {
	u := url.URL{
		Scheme:   "postgres",
		User:     url.User(c.User),
		Host:     net.JoinHostPort("127.0.0.1", strconv.Itoa(c.Port)),
		Path:     "/" + database,
		RawQuery: "sslmode=disable",
	}
	return u.String()
}

// CreateDatabase creates a new empty database named prefix followed by a
// unique suffix and returns its name and URL.
func (c *Cluster) CreateDatabase(ctx context.Context, prefix string) (name, dbURL string, err error) {
	name = fmt.Sprintf("%s_%d_%d", prefix, os.Getpid(), c.seq.Add(1))
	if err := CreateDatabase(ctx, c.URL("postgres"), name); err != nil {
		return "", "", err
	}
	return name, c.URL(name), nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("tempdb: finding a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// CreateDatabase creates the database name (from template0) on the server
// that adminURL connects to.
//
// On a server that runs without fsync, as a throwaway one does, it copies
// the template's files (STRATEGY FILE_COPY): that costs two checkpoints,
// which such a server writes to memory at once, and is cheaper than the
// default (WAL_LOG), which writes every page of the template through the
// WAL. On any other server the default stands, so that a real server is
// never made to checkpoint for a test database.
func CreateDatabase(ctx context.Context, adminURL, name string) error {
	stmt := "CREATE DATABASE " + pgsql.QuoteIdent(name) + " TEMPLATE template0"
	if admin.throwaway(ctx, adminURL) {
		stmt += " STRATEGY FILE_COPY"
	}
	return adminExec(ctx, adminURL, stmt)
}

// DropDatabase drops the database name, disconnecting its sessions first.
func DropDatabase(ctx context.Context, adminURL, name string) error {
	return adminExec(ctx, adminURL, "DROP DATABASE IF EXISTS "+pgsql.QuoteIdent(name)+" WITH (FORCE)")
}

func adminExec(ctx context.Context, adminURL, sql string) error {
	conn, err := admin.get(ctx, adminURL)
	if err != nil {
		return fmt.Errorf("tempdb: connecting: %w", err)
	}
	if _, err := conn.Exec(ctx, sql); err != nil {
		// A failed statement may leave the session unusable (a cancelled
		// context closes it); a fresh one serves the next call.
		conn.Close(context.WithoutCancel(ctx))
		return fmt.Errorf("tempdb: %w", err)
	}
	admin.put(adminURL, conn)
	return nil
}

// admin keeps the maintenance sessions that CreateDatabase and
// DropDatabase use, so that a test suite creating a database per test does
// not start (and end) a server process for each of them: on a busy
// two-core machine that was a measurable share of the suite's time.
var admin = &adminSessions{idle: map[string][]*pgx.Conn{}, fast: map[string]bool{}}

// maxIdleAdmin is how many sessions per server stay open between calls.
const maxIdleAdmin = 4

// adminSessions holds idle maintenance sessions by connection URL.
type adminSessions struct {
	mu   sync.Mutex
	idle map[string][]*pgx.Conn
	// fast records, per URL, whether the server runs without fsync and
	// knows CREATE DATABASE's STRATEGY (PostgreSQL 15 and later).
	fast map[string]bool
}

// throwaway reports whether the server at url runs without fsync and can
// copy a template's files: asked once per URL, false when it cannot tell.
func (a *adminSessions) throwaway(ctx context.Context, url string) bool {
	a.mu.Lock()
	fast, known := a.fast[url]
	a.mu.Unlock()
	if known {
		return fast
	}
	conn, err := a.get(ctx, url)
	if err != nil {
		return false
	}
	err = conn.QueryRow(ctx, "SELECT current_setting('server_version_num')::int >= 150000 AND current_setting('fsync') = 'off'").Scan(&fast)
	if err != nil {
		conn.Close(context.WithoutCancel(ctx))
		return false
	}
	a.put(url, conn)
	a.mu.Lock()
	a.fast[url] = fast
	a.mu.Unlock()
	return fast
}

// get returns an idle session to url, or a new one.
func (a *adminSessions) get(ctx context.Context, url string) (*pgx.Conn, error) {
	a.mu.Lock()
	if list := a.idle[url]; len(list) > 0 {
		conn := list[len(list)-1]
		a.idle[url] = list[:len(list)-1]
		a.mu.Unlock()
		// The server may have ended the session since (a restart, an
		// administrator); a ping costs far less than a new session.
		if err := conn.Ping(ctx); err == nil {
			return conn, nil
		}
		conn.Close(context.WithoutCancel(ctx))
	} else {
		a.mu.Unlock()
	}
	return pgx.Connect(ctx, url)
}

// put keeps conn for the next call, or closes it when enough are idle.
func (a *adminSessions) put(url string, conn *pgx.Conn) {
	a.mu.Lock()
	if len(a.idle[url]) < maxIdleAdmin {
		a.idle[url] = append(a.idle[url], conn)
		conn = nil
	}
	a.mu.Unlock()
	if conn != nil {
		conn.Close(context.Background())
	}
}

// forget closes the idle sessions to a server that is stopping.
func (a *adminSessions) forget(port int) {
	a.mu.Lock()
	var closing []*pgx.Conn
	for url, list := range a.idle {
		if len(list) > 0 && int(list[0].Config().Port) == port {
			closing = append(closing, list...)
			delete(a.idle, url)
		}
	}
	// Another server may listen on the port later.
	clear(a.fast)
	a.mu.Unlock()
	for _, conn := range closing {
		conn.Close(context.Background())
	}
}

// WithDatabase returns serverURL with its database replaced by name.
func WithDatabase(serverURL, name string) (string, error) {
	u, err := url.Parse(serverURL)
	if err != nil {
		return "", fmt.Errorf("tempdb: invalid URL")
	}
	u.Path = "/" + name
	return u.String(), nil
}
