package migrate

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"regexp"
	"strings"

	"github.com/jackc/pgx/v5"
)

// FleetSource says where a fleet's targets come from: a list of URLs, a
// file of them, a query against a control database (the tenant registry
// SaaS teams keep), or any combination, in that order. It is what a
// [fleet.NAME] section of autogen.toml holds.
//
// URLs, lines of the file and ControlURL may name environment variables as
// ${NAME}, so that no password need be written down; a variable that is not
// set is an error. Values are inserted as they are: a password with
// characters that URLs reserve must be percent-encoded, or the whole URL
// kept in the variable.
type FleetSource struct {
	// URLs are targets as ParseTarget reads them: a URL, optionally
	// followed by tenant-schema patterns.
	URLs []string
	// File names a file of targets, one per line as in URLs; blank lines
	// and lines starting with # are skipped.
	File string
	// Query runs on ControlURL and returns one target per row: a single
	// column is the URL; otherwise the columns are named url, or host,
	// port and dbname (and optionally user), which replace those parts of
	// ControlURL so that its credentials and settings carry over; an
	// optional schemas column holds comma-separated tenant-schema patterns
	// (NULL for the database itself) and an optional name column the
	// target's name.
	Query      string
	ControlURL string
	// Schemas are the tenant-schema patterns of every target that names
	// none of its own.
	Schemas []string
}

// Targets resolves the source into targets, reading environment variables
// through getenv. Targets are de-duplicated by name and schema patterns,
// keeping the first.
func (s FleetSource) Targets(ctx context.Context, getenv func(string) string) ([]Target, error) {
	var out []Target
	for i, u := range s.URLs {
		t, err := expandTarget(u, getenv)
		if err != nil {
			return nil, fmt.Errorf("fleet urls[%d]: %w", i, err)
		}
		out = append(out, t)
	}
	if s.File != "" {
		ts, err := fileTargets(s.File, getenv)
		if err != nil {
			return nil, err
		}
		out = append(out, ts...)
	}
	if s.Query != "" {
		if s.ControlURL == "" {
			return nil, errors.New("fleet query: no control database URL to run it on")
		}
		control, err := Expand(s.ControlURL, getenv)
		if err != nil {
			return nil, fmt.Errorf("fleet control database URL: %w", err)
		}
		ts, err := queryTargets(ctx, control, s.Query)
		if err != nil {
			return nil, fmt.Errorf("fleet query: %s", Redact(err.Error(), control))
		}
		out = append(out, ts...)
	}
	seen := map[string]bool{}
	var uniq []Target
	for _, t := range out {
		if len(t.Schemas) == 0 {
			t.Schemas = s.Schemas
		}
		key := t.Name + " " + strings.Join(t.Schemas, ",")
		if !seen[key] {
			seen[key] = true
			uniq = append(uniq, t)
		}
	}
	return uniq, nil
}

var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// Expand replaces every ${NAME} in s with the environment variable's value,
// read through getenv; a variable that is not set (or empty) is an error
// naming it.
func Expand(s string, getenv func(string) string) (string, error) {
	var missing []string
	out := envRef.ReplaceAllStringFunc(s, func(ref string) string {
		name := envRef.FindStringSubmatch(ref)[1]
		v := getenv(name)
		if v == "" {
			missing = append(missing, name)
		}
		return v
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("environment variable %s is not set", strings.Join(missing, ", "))
	}
	return out, nil
}

func expandTarget(line string, getenv func(string) string) (Target, error) {
	s, err := Expand(line, getenv)
	if err != nil {
		return Target{}, err
	}
	return ParseTarget(s)
}

func fileTargets(path string, getenv func(string) string) ([]Target, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("fleet file: %w", err)
	}
	defer f.Close()
	var out []Target
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		t, err := expandTarget(line, getenv)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out = append(out, t)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("fleet file: %w", err)
	}
	return out, nil
}

// queryTargets runs query on the control database and turns its rows into
// targets.
func queryTargets(ctx context.Context, controlURL, query string) ([]Target, error) {
	cfg, err := pgx.ParseConfig(controlURL)
	if err != nil {
		return nil, fmt.Errorf("invalid control database URL: %w", err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = DefaultConnectTimeout
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connecting to the control database: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	rows, err := conn.Query(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols := map[string]int{}
	for i, fd := range rows.FieldDescriptions() {
		cols[fd.Name] = i
	}
	single := len(cols) == 1
	for name := range cols {
		switch name {
		case "url", "host", "port", "dbname", "user", "schemas", "name":
		default:
			if !single {
				return nil, fmt.Errorf("unknown column %q: name the columns url, or host, port and dbname (and user), with optional schemas and name", name)
			}
		}
	}
	_, hasURL := cols["url"]
	_, hasHost := cols["host"]
	_, hasDB := cols["dbname"]
	if !single && !hasURL && !(hasHost && hasDB) {
		return nil, errors.New("the query must return a url column, or host and dbname columns (and port, user)")
	}
	var out []Target
	for n := 1; rows.Next(); n++ {
		vals, err := rows.Values()
		if err != nil {
			return nil, err
		}
		text := func(col string) string {
			i, ok := cols[col]
			if !ok || vals[i] == nil {
				return ""
			}
			return fmt.Sprint(vals[i])
		}
		var line string
		switch {
		case single:
			line = fmt.Sprint(vals[0])
		case hasURL:
			line = text("url")
		default:
			line, err = replaceDatabase(controlURL, text("host"), text("port"), text("dbname"), text("user"))
			if err != nil {
				return nil, fmt.Errorf("row %d: %w", n, err)
			}
		}
		t, err := ParseTarget(line)
		if err != nil {
			return nil, fmt.Errorf("row %d: %w", n, err)
		}
		if p := text("schemas"); p != "" {
			t.Schemas = strings.Split(p, ",")
			for i := range t.Schemas {
				t.Schemas[i] = strings.TrimSpace(t.Schemas[i])
			}
		}
		if name := text("name"); name != "" {
			t.Name = name
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// replaceDatabase returns base (a URL) with its host, port, database and,
// when given, user replaced; the password is kept only for the same user.
func replaceDatabase(base, host, port, dbname, user string) (string, error) {
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" {
		return "", errors.New("the control database must be given as a postgres:// URL for host and dbname columns")
	}
	if host == "" || dbname == "" {
		return "", errors.New("host and dbname must not be null")
	}
	if port == "" {
		port = u.Port()
	}
	if port == "" {
		port = "5432"
	}
	u.Host = net.JoinHostPort(host, port)
	u.Path = "/" + dbname
	u.RawPath = ""
	if user != "" && (u.User == nil || u.User.Username() != user) {
		u.User = url.User(user)
	}
	return u.String(), nil
}
