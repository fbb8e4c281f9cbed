// Package corpus runs the schema pairs of ../shared/corpus through autogen
// and compares the results as the shared round-trip oracle does: the
// normalized pg_dump of the migrated database must equal that of a database
// loaded from the target schema.
package corpus

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/tempdb"
)

// Case is one schema pair.
type Case struct {
	// Name is the case's path relative to the corpus root, as the oracle
	// labels it: "migra/everything".
	Name string
	Dir  string
	// Kinds are the object kinds the case changes (index.tsv).
	Kinds []string
	// Options are the comparison's options, such as confirmed renames.
	Options autogenerate.Options
}

// Noop reports whether the case's two schemas are identical.
func (c Case) Noop() bool { return strings.HasPrefix(c.Name, "noop/") }

// Root returns the shared corpus directory: AUTOGEN_CORPUS, or
// ../shared/corpus next to the repository.
func Root(repo string) string {
	r := os.Getenv("AUTOGEN_CORPUS")
	if r == "" {
		r = filepath.Join(repo, "..", "shared", "corpus")
	}
	if abs, err := filepath.Abs(r); err == nil {
		return abs
	}
	return r
}

// Cases lists the cases of index.tsv in file order.
func Cases(root string) ([]Case, error) {
	f, err := os.Open(filepath.Join(root, "index.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Case
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 3 {
			continue
		}
		out = append(out, Case{Name: cols[0], Dir: filepath.Join(root, cols[0]), Kinds: strings.Split(cols[2], ",")})
	}
	return out, sc.Err()
}

// Dumper renders the normalized schema dump the oracle compares.
type Dumper struct {
	// PGDump is the pg_dump binary.
	PGDump string
	// Exclude lists tables left out of the dump (autogen's version table).
	Exclude []string
}

// NewDumper finds pg_dump next to the server binaries.
func NewDumper(exclude ...string) (*Dumper, error) {
	dir, err := tempdb.FindBinaries()
	if err != nil {
		return nil, err
	}
	p := filepath.Join(dir, "pg_dump")
	if _, err := os.Stat(p); err != nil {
		if p, err = exec.LookPath("pg_dump"); err != nil {
			return nil, errors.New("pg_dump not found")
		}
	}
	return &Dumper{PGDump: p, Exclude: exclude}, nil
}

// freshDumps holds, by SQL file, the dump of a fresh database loaded from
// it (see Dumper.Fresh).
var freshDumps sync.Map

// Fresh returns the dump of a fresh database loaded from file that a test
// of this process took before, if any. What a fresh load of a file dumps
// to does not change during a run, and several tests need it (the adoption
// test and the round trip both load each corpus b.sql): taking it once
// saves a database, a load and a pg_dump for every repeat.
func (d *Dumper) Fresh(file string) (string, bool) {
	v, ok := freshDumps.Load(d.freshKey(file))
	if !ok {
		return "", false
	}
	return v.(string), true
}

// RememberFresh records the dump of a fresh database loaded from file.
func (d *Dumper) RememberFresh(file, dump string) { freshDumps.Store(d.freshKey(file), dump) }

func (d *Dumper) freshKey(file string) string {
	if abs, err := filepath.Abs(file); err == nil {
		file = abs
	}
	return strings.Join(d.Exclude, ",") + "\x00" + file
}

var skipLine = regexp.MustCompile(`^(--|SET |SELECT pg_catalog\.set_config\(|\\restrict |\\unrestrict )|^\s*$`)

// Dump returns the normalized dump of the database at dbURL: pg_dump
// --schema-only --no-owner --no-privileges without comments, SET lines and
// blank lines, followed by the installed extension versions.
func (d *Dumper) Dump(ctx context.Context, dbURL string) (string, error) {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return "", err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	return d.DumpConn(ctx, conn)
}

// DumpConn is Dump of the database conn is connected to; conn lists the
// extensions, so that the dump costs no session beyond pg_dump's own.
func (d *Dumper) DumpConn(ctx context.Context, conn *pgx.Conn) (string, error) {
	dbURL := conn.Config().ConnString()
	args := []string{"--schema-only", "--no-owner", "--no-privileges"}
	for _, t := range d.Exclude {
		args = append(args, "--exclude-table="+t)
	}
	cmd := exec.CommandContext(ctx, d.PGDump, append(args, "-d", dbURL)...)
	cmd.Env = append(os.Environ(), "PGCONNECT_TIMEOUT=10")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("pg_dump: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	var b strings.Builder
	for _, line := range strings.Split(string(out), "\n") {
		if skipLine.MatchString(line) {
			continue
		}
		b.WriteString(line + "\n")
	}
	rows, err := conn.Query(ctx, "select 'EXTENSION ' || extname || ' VERSION ' || extversion from pg_extension order by 1")
	if err != nil {
		return "", err
	}
	exts, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return "", err
	}
	for _, e := range exts {
		b.WriteString(e + "\n")
	}
	return b.String(), nil
}

// Compare returns "" when two dumps are equal, else a short reason:
// "column-order" when only the order of lines inside CREATE TABLE blocks
// differs, as the oracle reports it, or the number of changed lines.
func Compare(expected, actual string) string {
	if expected == actual {
		return ""
	}
	if canonCols(expected) == canonCols(actual) {
		return "column-order"
	}
	return fmt.Sprintf("schema differs: %d changed lines", changedLines(expected, actual))
}

// canonCols sorts the lines inside CREATE TABLE (...) blocks, dropping
// trailing commas, as the oracle's column-order check does.
func canonCols(dump string) string {
	var out, block []string
	in := false
	createTable := regexp.MustCompile(`^CREATE (UNLOGGED |FOREIGN )?TABLE .*\($`)
	for _, line := range strings.Split(dump, "\n") {
		switch {
		case in && strings.HasPrefix(line, ")"):
			slices.Sort(block)
			out = append(out, block...)
			out = append(out, line)
			block, in = nil, false
		case in:
			block = append(block, strings.TrimRight(strings.TrimRight(line, " \t"), ","))
		case createTable.MatchString(line):
			in = true
			out = append(out, line)
		default:
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// changedLines counts lines present in one dump and not the other.
func changedLines(a, b string) int {
	count := map[string]int{}
	for _, l := range strings.Split(a, "\n") {
		count[l]++
	}
	for _, l := range strings.Split(b, "\n") {
		count[l]--
	}
	n := 0
	for _, c := range count {
		if c < 0 {
			c = -c
		}
		n += c
	}
	return n
}

// LineDiff lists the lines only in expected ("-") and only in actual
// ("+"), in order of appearance, for failure reports.
func LineDiff(expected, actual string) string {
	count := map[string]int{}
	for _, l := range strings.Split(actual, "\n") {
		count[l]++
	}
	var b strings.Builder
	for _, l := range strings.Split(expected, "\n") {
		if count[l] > 0 {
			count[l]--
			continue
		}
		b.WriteString("- " + l + "\n")
	}
	count = map[string]int{}
	for _, l := range strings.Split(expected, "\n") {
		count[l]++
	}
	for _, l := range strings.Split(actual, "\n") {
		if count[l] > 0 {
			count[l]--
			continue
		}
		b.WriteString("+ " + l + "\n")
	}
	return b.String()
}

// WithDatabase returns serverURL pointing at database name.
func WithDatabase(serverURL, name string) string {
	u, err := url.Parse(serverURL)
	if err != nil {
		return serverURL
	}
	u.Path = "/" + name
	return u.String()
}
