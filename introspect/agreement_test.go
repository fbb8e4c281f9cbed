package introspect_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/introspect"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/tempdb"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// corpusDir holds schema pairs from other tools' test suites; see its
// README. It sits beside the repository (../shared/corpus), as CI checks it
// out; AUTOGEN_CORPUS points elsewhere.
func corpusDir() string {
	if d := os.Getenv("AUTOGEN_CORPUS"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "corpus")
}

const readersDir = "../testdata/readers"

// agreementFile is one SQL file of the agreement test.
type agreementFile struct {
	key  string // "corpus/<case>/a.sql" or "readers/<name>.sql"
	path string
	// dump asks for the pg_dump round trip too: for every file of
	// testdata/readers and every fourth corpus file, which keeps the test
	// within its time budget.
	dump bool
}

func agreementFiles(t *testing.T) []agreementFile {
	var files []agreementFile
	corpus := corpusDir()
	if _, err := os.Stat(corpus); err != nil {
		// The property is about the corpus: without it the test would
		// prove little, so it fails rather than shrink.
		t.Fatalf("the shared corpus is missing (%v); set AUTOGEN_CORPUS", err)
	}
	err := filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if name := d.Name(); !d.IsDir() && (name == "a.sql" || name == "b.sql") {
			rel, _ := filepath.Rel(corpus, p)
			files = append(files, agreementFile{key: "corpus/" + filepath.ToSlash(rel), path: p, dump: len(files)%4 == 0})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	matches, err := filepath.Glob(filepath.Join(readersDir, "*.sql"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range matches {
		files = append(files, agreementFile{key: "readers/" + filepath.Base(p), path: p, dump: true})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].key < files[j].key })
	return files
}

// knownMismatches reads testdata/readers/known_mismatches.txt: one file key
// per line, a tab, and the reason.
func knownMismatches(t *testing.T) map[string]string {
	known := map[string]string{}
	f, err := os.Open(filepath.Join(readersDir, "known_mismatches.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, reason, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(reason) == "" {
			t.Fatalf("known_mismatches.txt: %q needs a tab and a reason", line)
		}
		known[key] = strings.TrimSpace(reason)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return known
}

// outcome is what happened to one file.
type outcome struct {
	identical   bool
	unsupported error // the SQL reader's ErrUnsupported error
	problem     string
	// rejected is PostgreSQL's error when both readers refuse the file.
	rejected error
}

// dbPool hands out databases for loading files; each is reset before use,
// which is much cheaper than creating one per file, and keeps its session:
// on a small machine a new session costs more than a small file's load.
type dbPool struct {
	ready chan *pooledDB
}

// pooledDB is a database of the pool with the session that loads files
// into it and reads them back.
type pooledDB struct {
	url  string
	conn *pgx.Conn
}

// newDBPool creates n databases; n bounds how many files load at once.
func newDBPool(t *testing.T, n int) *dbPool {
	p := &dbPool{ready: make(chan *pooledDB, n)}
	for i := 0; i < n; i++ {
		db := &pooledDB{url: pgtest.NewDB(t)}
		if err := db.connect(context.Background()); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.conn.Close(context.Background()) })
		p.ready <- db
	}
	return p
}

func (p *dbPool) get() *pooledDB { return <-p.ready }

func (p *dbPool) put(db *pooledDB) { p.ready <- db }

func (db *pooledDB) connect(ctx context.Context) error {
	if db.conn != nil {
		db.conn.Close(ctx)
	}
	var err error
	db.conn, err = pgx.Connect(ctx, db.url)
	return err
}

// exec runs SQL (several statements allowed) through the simple query
// protocol. Whatever the SQL leaves in the session is undone after it (an
// open or failed transaction, a role, settings such as search_path, which
// change how the server prints expressions), so that what reads the
// database next sees it as a new session would.
func (db *pooledDB) exec(ctx context.Context, sql string) error {
	_, err := db.conn.Exec(ctx, sql, pgx.QueryExecModeSimpleProtocol)
	broken := db.conn.IsClosed() || pgtest.ResetSession(ctx, db.conn) != nil
	if broken {
		if cerr := db.connect(ctx); cerr != nil && err == nil {
			err = cerr
		}
	}
	return err
}

// resetSQL empties a database: extensions, schemas and the public schema.
// Schemas go first: dropping an extension cascades badly to an index that
// uses one of its operator classes with options.
const resetSQL = `
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT IN ('pg_catalog', 'information_schema')
             AND nspname NOT LIKE 'pg\_toast%' AND nspname NOT LIKE 'pg\_temp\_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
  END LOOP;
  FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
    EXECUTE format('DROP EXTENSION IF EXISTS %I CASCADE', r.extname);
  END LOOP;
  -- Default privileges outlive schemas: put them back to PostgreSQL's.
  FOR r IN SELECT d.defaclrole::regrole AS role, d.defaclnamespace AS ns, d.defaclobjtype AS t,
                  CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(e.grantee::regrole::text) END AS grantee
           FROM pg_default_acl d, aclexplode(d.defaclacl) e WHERE e.grantee <> d.defaclrole LOOP
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %s %s REVOKE ALL ON %s FROM %s', r.role,
      CASE WHEN r.ns = 0 THEN '' ELSE 'IN SCHEMA ' || r.ns::regnamespace END,
      CASE r.t WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS' WHEN 'T' THEN 'TYPES' ELSE 'SCHEMAS' END,
      r.grantee);
  END LOOP;
  FOR r IN SELECT d.defaclrole::regrole AS role, d.defaclobjtype AS t FROM pg_default_acl d
           WHERE d.defaclnamespace = 0 AND d.defaclobjtype IN ('f', 'T') LOOP
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %s GRANT %s TO PUBLIC', r.role,
      CASE r.t WHEN 'f' THEN 'EXECUTE ON FUNCTIONS' ELSE 'USAGE ON TYPES' END);
  END LOOP;
  -- Objects outside schemas: publications, event triggers, foreign-data
  -- wrappers (with their servers and user mappings), casts.
  FOR r IN SELECT pubname FROM pg_publication LOOP
    EXECUTE format('DROP PUBLICATION %I', r.pubname);
  END LOOP;
  FOR r IN SELECT evtname FROM pg_event_trigger LOOP
    EXECUTE format('DROP EVENT TRIGGER %I', r.evtname);
  END LOOP;
  FOR r IN SELECT fdwname FROM pg_foreign_data_wrapper LOOP
    EXECUTE format('DROP FOREIGN DATA WRAPPER %I CASCADE', r.fdwname);
  END LOOP;
  FOR r IN SELECT format_type(castsource, NULL) AS s, format_type(casttarget, NULL) AS t FROM pg_cast WHERE oid >= 16384 LOOP
    EXECUTE format('DROP CAST (%s AS %s) CASCADE', r.s, r.t);
  END LOOP;
END $$;
CREATE SCHEMA public;
ALTER SCHEMA public OWNER TO pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
COMMENT ON SCHEMA public IS 'standard public schema';
`

// compareFile loads a file into a clean database and reads it both ways.
// With dump, it also reads pg_dump --schema-only output of the database,
// which must give the same model again.
func compareFile(ctx context.Context, t *testing.T, pool *dbPool, path string, dump bool) outcome {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fromFile, parseErr := ddlparse.Parse(path, src)
	if parseErr != nil && errors.Is(parseErr, ddlparse.ErrUnsupported) {
		return outcome{unsupported: parseErr}
	}
	db := pool.get()
	defer pool.put(db)
	if err := db.exec(ctx, resetSQL); err != nil {
		t.Fatalf("resetting database: %v", err)
	}
	if err := db.exec(ctx, string(src)); err != nil {
		if parseErr != nil {
			// Both refuse it: a file PostgreSQL rejects too.
			return outcome{identical: true, rejected: err}
		}
		return outcome{problem: fmt.Sprintf("PostgreSQL rejects the file but the SQL reader does not: %v", err)}
	}
	if parseErr != nil {
		return outcome{problem: fmt.Sprintf("SQL reader: %v", parseErr)}
	}
	fromDB, err := introspect.Inspect(ctx, db.conn)
	if err != nil {
		return outcome{problem: fmt.Sprintf("catalog reader: %v", err)}
	}
	unsaidOwners(fromFile, fromDB)
	a, b := model.Dump(fromFile), model.Dump(fromDB)
	if a != b {
		if dir := os.Getenv("AUTOGEN_DUMP_DIR"); dir != "" {
			// For debugging: both dumps side by side.
			base := filepath.Join(dir, strings.NewReplacer("/", "_").Replace(path))
			os.WriteFile(base+".sql.txt", []byte(a), 0o644)
			os.WriteFile(base+".db.txt", []byte(b), 0o644)
		}
		return outcome{problem: "models differ (- SQL reader, + catalog reader):\n" + lineDiff(a, b)}
	}
	if a, b := dependencyDump(fromFile), dependencyDump(fromDB); a != b {
		return outcome{problem: "dependency graphs differ (- SQL reader, + catalog reader):\n" + lineDiff(a, b)}
	}
	if !dump {
		return outcome{identical: true}
	}
	out, err := pgDump(t, db.url)
	if err != nil {
		t.Fatal(err)
	}
	fromDump, err := ddlparse.Parse("pg_dump of "+path, out)
	if err != nil {
		return outcome{problem: fmt.Sprintf("SQL reader on pg_dump output: %v", err)}
	}
	// pg_dump writes CREATE EXTENSION without a version: compare the
	// dump's model with versions taken from the database.
	for _, e := range fromDump.Extensions {
		for _, d := range fromDB.Extensions {
			if e.Name == d.Name {
				e.Version = d.Version
			}
		}
	}
	unsaidOwners(fromDump, fromDB)
	if c := model.Dump(fromDump); c != b {
		return outcome{problem: "pg_dump output reads differently (- pg_dump, + catalog reader):\n" + lineDiff(c, b)}
	}
	return outcome{identical: true}
}

// unsaidOwners gives the objects whose owner the SQL leaves unsaid (the
// role that runs it) the owner the database reports, and default
// privileges without FOR ROLE that role: the one thing the SQL reader
// cannot know.
func unsaidOwners(fromFile, fromDB *model.Catalog) {
	owners := map[model.ObjectID]string{}
	for _, o := range fromDB.Objects() {
		if a := model.AccessOf(o.Value); a != nil {
			owners[o.ID] = a.Owner
		}
	}
	for _, o := range fromFile.Objects() {
		if a := model.AccessOf(o.Value); a != nil && a.Owner == "" {
			a.SetOwner(owners[o.ID])
		}
	}
	for _, e := range fromFile.DefaultPrivileges {
		if e.Role == "" && fromDB.Cluster != nil {
			e.Role = fromDB.Cluster.CurrentRole
		}
	}
	fromFile.Sort()
}

// pgDump runs the cluster's pg_dump --schema-only on a database.
func pgDump(t testing.TB, dbURL string) ([]byte, error) {
	bindir, err := tempdb.FindBinaries()
	if err != nil {
		return nil, err
	}
	u, err := url.Parse(dbURL)
	if err != nil {
		return nil, err
	}
	// Owners and privileges stay in: the SQL reader must accept them.
	cmd := exec.Command(filepath.Join(bindir, "pg_dump"), "--schema-only", strings.TrimPrefix(u.Path, "/"))
	cmd.Env = append(os.Environ(), pgtest.PGEnv(t)...)
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, fmt.Errorf("pg_dump: %w: %s", err, ee.Stderr)
		}
		return nil, fmt.Errorf("pg_dump: %w", err)
	}
	return out, nil
}

// TestReadersAgree is the proof that the two readers agree: every corpus
// file and every file of testdata/readers is loaded into a fresh database,
// read back with Inspect, read from the file with ddlparse, and the dumps
// of the two models must be equal. Files listed in known_mismatches.txt
// may differ, or be refused by the SQL reader as not supported; a listed
// file that now agrees must be taken off the list.
func TestReadersAgree(t *testing.T) {
	files := agreementFiles(t)
	known := knownMismatches(t)
	pool := newDBPool(t, 4)
	var mu sync.Mutex
	results := map[string]outcome{}
	// Identical files (many cases share their a.sql) are read once.
	var cache sync.Map
	t.Run("files", func(t *testing.T) {
		for _, f := range files {
			t.Run(f.key, func(t *testing.T) {
				t.Parallel()
				src, err := os.ReadFile(f.path)
				if err != nil {
					t.Fatal(err)
				}
				sum := sha256.Sum256(src)
				once, _ := cache.LoadOrStore(sum, &onceOutcome{})
				o := once.(*onceOutcome)
				o.once.Do(func() { o.out = compareFile(context.Background(), t, pool, f.path, f.dump) })
				mu.Lock()
				results[f.key] = o.out
				mu.Unlock()
				reason, listed := known[f.key]
				switch {
				case o.out.rejected != nil && strings.HasPrefix(f.key, "readers/"):
					// A corpus file may be one PostgreSQL refuses; a
					// file written for this test that fails to load
					// would compare nothing.
					t.Errorf("PostgreSQL rejects %s: %v", f.key, o.out.rejected)
				case o.out.identical && listed:
					t.Errorf("%s now reads identically; remove it from known_mismatches.txt (%s)", f.key, reason)
				case o.out.identical, listed:
				case o.out.unsupported != nil:
					t.Errorf("SQL reader refuses a file that is not listed as unsupported: %v", o.out.unsupported)
				default:
					t.Error(o.out.problem)
				}
			})
		}
	})
	identical, unsupported := 0, 0
	for _, o := range results {
		if o.identical {
			identical++
		}
		if o.unsupported != nil {
			unsupported++
		}
	}
	all := map[string]bool{}
	for _, f := range files {
		all[f.key] = true
	}
	for key := range known {
		if !all[key] {
			t.Errorf("known_mismatches.txt lists %s, which is not a test file", key)
		}
	}
	t.Logf("%d of %d files read identically (%d refused as not supported, %d listed in known_mismatches.txt)",
		identical, len(results), unsupported, len(known))
	fmt.Printf("%d of %d files read identically\n", identical, len(results))
}

// dependencyDump renders the closure of a catalog's dependency graph, one
// object a line with what it depends on, for comparing the two readers.
func dependencyDump(cat *model.Catalog) string {
	deps := diff.Dependencies(cat)
	ids := make([]model.ObjectID, 0, len(deps))
	for id := range deps {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i].Compare(ids[j]) < 0 })
	var b strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&b, "%s ->", id)
		for _, d := range deps[id] {
			fmt.Fprintf(&b, " [%s]", d)
		}
		b.WriteString("\n")
	}
	return b.String()
}

type onceOutcome struct {
	once sync.Once
	out  outcome
}

// lineDiff shows where two texts differ: the lines between their common
// prefix and suffix, with a little context.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	pre := 0
	for pre < len(al) && pre < len(bl) && al[pre] == bl[pre] {
		pre++
	}
	suf := 0
	for suf < len(al)-pre && suf < len(bl)-pre && al[len(al)-1-suf] == bl[len(bl)-1-suf] {
		suf++
	}
	var sb strings.Builder
	from := max(pre-6, 0)
	for _, l := range al[from:pre] {
		sb.WriteString("  " + l + "\n")
	}
	limit := func(lines []string, mark string) {
		for i, l := range lines {
			if i == 60 {
				fmt.Fprintf(&sb, "%s ... %d more lines\n", mark, len(lines)-i)
				return
			}
			sb.WriteString(mark + " " + l + "\n")
		}
	}
	limit(al[pre:len(al)-suf], "-")
	limit(bl[pre:len(bl)-suf], "+")
	return sb.String()
}

// TestReadersAgreeMusicBrainzFull reads the complete MusicBrainz schema
// (views, 133 functions, 448 triggers among which constraint triggers, an
// ICU collation, an aggregate, a text search configuration over an
// extension's dictionary): both readers must agree on all of it.
func TestReadersAgreeMusicBrainzFull(t *testing.T) {
	path := filepath.Join(filepath.Dir(corpusDir()), "bench-schemas", "musicbrainz", "full_x1.sql")
	if d := os.Getenv("AUTOGEN_BENCH_SCHEMAS"); d != "" {
		path = filepath.Join(d, "full_x1.sql")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the MusicBrainz schema is missing (%v); set AUTOGEN_BENCH_SCHEMAS", err)
	}
	fromFile, err := ddlparse.Parse("full_x1.sql", src)
	if err != nil {
		t.Fatal(err)
	}
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, string(src))
	fromDB, err := inspectURL(context.Background(), t, url)
	if err != nil {
		t.Fatal(err)
	}
	unsaidOwners(fromFile, fromDB)
	if a, b := model.Dump(fromFile), model.Dump(fromDB); a != b {
		t.Errorf("models differ (- SQL reader, + catalog reader):\n%s", lineDiff(a, b))
	}
	if len(fromDB.Triggers) < 400 || len(fromDB.Functions) < 100 || len(fromDB.Views) < 10 {
		t.Errorf("read %d triggers, %d functions, %d views; the schema has more", len(fromDB.Triggers),
			len(fromDB.Functions), len(fromDB.Views))
	}
	for _, id := range []model.ObjectID{
		{Kind: model.KindAggregate, Name: model.Name{Schema: "mb01", Name: "median"}, Args: "integer"},
		{Kind: model.KindTSConfig, Name: model.Name{Schema: "mb01", Name: "mb_simple"}},
	} {
		if d := fromDB.Definition(id); d == nil {
			t.Errorf("%s is missing", id)
		} else if id.Kind == model.KindTSConfig && len(d.Settings) != 19 {
			t.Errorf("%s has %d mappings, want 19", id, len(d.Settings))
		}
	}
}

// inspectURL reads the database at url with Inspect.
func inspectURL(ctx context.Context, t testing.TB, url string) (*model.Catalog, error) {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	return introspect.Inspect(ctx, conn)
}
