// Command pgdatagen writes the facts about a stock PostgreSQL installation
// that autogen needs in order to spell names the way the server would,
// without a server: internal/pgsql's keywords.txt (for quoting) and
// types.txt (built-in types and how format_type spells them), and
// sqlnorm/pgdata/catalog.txt: built-in functions and operators (which need
// no schema qualification), default operator classes, and the objects each
// contrib extension creates.
//
// It starts a throwaway cluster from the local PostgreSQL binaries, so the
// output describes the version installed on the machine that runs it.
//
//	go generate ./internal/sqlnorm
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"github.com/autogen-dev/autogen/internal/pgsql"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/tempdb"
)

func main() {
	out := flag.String("out", "pgdata/catalog.txt", "output file")
	pgsqlDir := flag.String("pgsql", "../pgsql", "directory of package pgsql, for keywords.txt and types.txt")
	flag.Parse()
	ctx := context.Background()
	cluster, err := tempdb.Start(ctx)
	if err != nil {
		log.Fatal(err)
	}
	defer cluster.Stop(ctx)
	_, url, err := cluster.CreateDatabase(ctx, "pgdatagen")
	if err != nil {
		log.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, t := range pgsqlTables {
		rows, err := rowsOf(ctx, conn, t.sql)
		if err != nil {
			log.Fatal(err)
		}
		var lines []string
		for _, r := range rows {
			lines = append(lines, strings.Join(r, "\t"))
		}
		sort.Strings(lines)
		if err := writeLines(filepath.Join(*pgsqlDir, t.file), lines); err != nil {
			log.Fatal(err)
		}
	}
	lines, err := collect(ctx, conn)
	if err != nil {
		log.Fatal(err)
	}
	if err := writeLines(*out, lines); err != nil {
		log.Fatal(err)
	}
}

func writeLines(path string, lines []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// pgsqlTables are the files of package pgsql: the keywords with their
// categories, and the built-in types with their format_type spelling,
// category, collatability and default storage.
var pgsqlTables = []struct{ file, sql string }{
	{"keywords.txt", `SELECT word, catcode::text FROM pg_get_keywords()`},
	{"types.txt", `SELECT t.typname::text, format_type(t.oid, NULL), t.typcategory::text,
		(t.typcollation <> 0)::text, t.typstorage::text
		FROM pg_type t
		WHERE t.typnamespace = 'pg_catalog'::regnamespace AND t.typtype IN ('b', 'p', 'r', 'm', 'd')
		  AND NOT (t.typcategory = 'A' AND t.typname LIKE '\_%')`},
}

// queries produce the lines of the data file; each row's columns are joined
// with tabs after the record kind.
var queries = []struct{ kind, sql string }{
	{"func", `SELECT DISTINCT proname::text FROM pg_proc WHERE pronamespace = 'pg_catalog'::regnamespace`},
	// The output columns of built-in functions with OUT parameters, by
	// name, where every overload agrees (json_each: key, value); unnest
	// does not (an array's elements, a tsvector's lexemes and positions).
	{"funccols", `SELECT proname::text, min(cols) FROM (
		SELECT p.proname, coalesce((SELECT string_agg(a.n, ',' ORDER BY a.i)
			FROM unnest(p.proargnames, p.proargmodes::text[]) WITH ORDINALITY AS a(n, m, i)
			WHERE a.m IN ('o', 't', 'b')), '') AS cols
		FROM pg_proc p WHERE p.pronamespace = 'pg_catalog'::regnamespace) s
		GROUP BY proname HAVING count(DISTINCT cols) = 1 AND min(cols) <> ''`},
	{"op", `SELECT DISTINCT oprname::text FROM pg_operator WHERE oprnamespace = 'pg_catalog'::regnamespace`},
	{"rel", `SELECT relname::text FROM pg_class WHERE relnamespace = 'pg_catalog'::regnamespace
		AND relkind IN ('r', 'v', 'm', 'p', 'S')`},
	{"opc", `SELECT a.amname::text, c.opcname::text, c.opcdefault::text FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
		WHERE c.opcnamespace = 'pg_catalog'::regnamespace`},
	{"ext", `SELECT name::text, coalesce(default_version, ''), coalesce(comment, '') FROM pg_available_extensions
		WHERE name <> 'plpgsql'`},
	{"opf", `SELECT a.amname::text, f.opfname::text FROM pg_opfamily f JOIN pg_am a ON a.oid = f.opfmethod
		WHERE f.opfnamespace = 'pg_catalog'::regnamespace`},
	{"ts", `SELECT 'parser', prsname::text FROM pg_ts_parser WHERE prsnamespace = 'pg_catalog'::regnamespace
		UNION ALL SELECT 'template', tmplname::text FROM pg_ts_template WHERE tmplnamespace = 'pg_catalog'::regnamespace
		UNION ALL SELECT 'dictionary', dictname::text FROM pg_ts_dict WHERE dictnamespace = 'pg_catalog'::regnamespace
		UNION ALL SELECT 'configuration', cfgname::text FROM pg_ts_config WHERE cfgnamespace = 'pg_catalog'::regnamespace`},
	{"tscfg", `SELECT c.cfgname::text, p.prsname::text FROM pg_ts_config c JOIN pg_ts_parser p ON p.oid = c.cfgparser
		WHERE c.cfgnamespace = 'pg_catalog'::regnamespace`},
	{"tsmap", `SELECT c.cfgname::text, t.alias,
		string_agg(d.dictname::text, ',' ORDER BY m.mapseqno)
		FROM pg_ts_config c
		JOIN pg_ts_config_map m ON m.mapcfg = c.oid
		JOIN pg_ts_dict d ON d.oid = m.mapdict
		JOIN ts_token_type(c.cfgparser) t ON t.tokid = m.maptokentype
		WHERE c.cfgnamespace = 'pg_catalog'::regnamespace
		GROUP BY c.cfgname, t.alias`},
}

// memberQueries list what an installed extension created, by kind.
var memberQueries = []struct{ kind, sql string }{
	{"extfunc", `SELECT DISTINCT p.proname::text FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid
		WHERE d.classid = 'pg_proc'::regclass AND d.deptype = 'e' AND d.refobjid = $1`},
	{"exttype", `SELECT t.typname::text FROM pg_depend d JOIN pg_type t ON t.oid = d.objid
		WHERE d.classid = 'pg_type'::regclass AND d.deptype = 'e' AND d.refobjid = $1`},
	{"extop", `SELECT DISTINCT o.oprname::text FROM pg_depend d JOIN pg_operator o ON o.oid = d.objid
		WHERE d.classid = 'pg_operator'::regclass AND d.deptype = 'e' AND d.refobjid = $1`},
	{"extopc", `SELECT a.amname::text, c.opcname::text, c.opcdefault::text FROM pg_depend d JOIN pg_opclass c ON c.oid = d.objid
		JOIN pg_am a ON a.oid = c.opcmethod
		WHERE d.classid = 'pg_opclass'::regclass AND d.deptype = 'e' AND d.refobjid = $1`},
	{"extrel", `SELECT c.relname::text FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
		WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e' AND d.refobjid = $1`},
	{"extopf", `SELECT a.amname::text, f.opfname::text FROM pg_depend d JOIN pg_opfamily f ON f.oid = d.objid
		JOIN pg_am a ON a.oid = f.opfmethod
		WHERE d.classid = 'pg_opfamily'::regclass AND d.deptype = 'e' AND d.refobjid = $1`},
	{"extts", `SELECT 'parser', p.prsname::text FROM pg_depend d JOIN pg_ts_parser p ON p.oid = d.objid
		WHERE d.classid = 'pg_ts_parser'::regclass AND d.deptype = 'e' AND d.refobjid = $1
		UNION ALL SELECT 'template', t.tmplname::text FROM pg_depend d JOIN pg_ts_template t ON t.oid = d.objid
		WHERE d.classid = 'pg_ts_template'::regclass AND d.deptype = 'e' AND d.refobjid = $1
		UNION ALL SELECT 'dictionary', x.dictname::text FROM pg_depend d JOIN pg_ts_dict x ON x.oid = d.objid
		WHERE d.classid = 'pg_ts_dict'::regclass AND d.deptype = 'e' AND d.refobjid = $1
		UNION ALL SELECT 'configuration', c.cfgname::text FROM pg_depend d JOIN pg_ts_config c ON c.oid = d.objid
		WHERE d.classid = 'pg_ts_config'::regclass AND d.deptype = 'e' AND d.refobjid = $1`},
}

func collect(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	var version string
	if err := conn.QueryRow(ctx, "SHOW server_version").Scan(&version); err != nil {
		return nil, err
	}
	lines := []string{"# Generated by sqlnorm/internal/pgdatagen from PostgreSQL " + version + "; DO NOT EDIT."}
	var exts []string
	for _, q := range queries {
		rows, err := rowsOf(ctx, conn, q.sql)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", q.kind, err)
		}
		for _, r := range rows {
			lines = append(lines, q.kind+"\t"+strings.Join(r, "\t"))
			if q.kind == "ext" {
				exts = append(exts, r[0])
			}
		}
	}
	sort.Strings(exts)
	for _, name := range exts {
		ext, err := install(ctx, conn, name)
		if err != nil {
			// Some packages ship control files for versioned aliases
			// (postgis-3) that cannot be installed; they are left out.
			log.Printf("leaving out extension %s: %v", name, err)
			continue
		}
		lines = append(lines, ext...)
	}
	head, body := lines[:1], lines[1:]
	sort.Strings(body)
	return append(head, body...), nil
}

// install creates the extension (and what it requires) in a schema of its
// own and lists its member objects and where it went.
func install(ctx context.Context, conn *pgx.Conn, name string) ([]string, error) {
	var oid uint32
	err := conn.QueryRow(ctx, "SELECT oid FROM pg_extension WHERE extname = $1", name).Scan(&oid)
	if err == pgx.ErrNoRows {
		schema := pgsql.QuoteIdent("ext_" + name)
		if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
			return nil, err
		}
		// In a schema of its own; else beside the extension it requires
		// (postgis_raster must be where postgis is); else where its
		// control file fixes it.
		var beside string
		_ = conn.QueryRow(ctx, `SELECT n.nspname FROM pg_available_extensions a
			JOIN pg_available_extension_versions v ON v.name = a.name AND v.version = a.default_version
			JOIN pg_extension e ON e.extname = v.requires[1] JOIN pg_namespace n ON n.oid = e.extnamespace
			WHERE a.name = $1`, name).Scan(&beside)
		create := "CREATE EXTENSION " + pgsql.QuoteIdent(name)
		attempts := []string{create + " SCHEMA " + schema + " CASCADE", create + " CASCADE"}
		if beside != "" {
			attempts = []string{attempts[0], create + " SCHEMA " + pgsql.QuoteIdent(beside) + " CASCADE", attempts[1]}
		}
		var lastErr error
		for _, a := range attempts {
			if _, lastErr = conn.Exec(ctx, a); lastErr == nil {
				break
			}
		}
		if lastErr != nil {
			// Some cannot be created on their own (Debian's script-less
			// aliases of PostGIS's extensions, the tiger geocoder, which
			// needs fuzzystrmatch on the search path): autogen takes
			// their schema on trust.
			log.Printf("skipping extension %s: %v", name, lastErr)
			_, err := conn.Exec(ctx, "DROP SCHEMA "+schema)
			return nil, err
		}
		err = conn.QueryRow(ctx, "SELECT oid FROM pg_extension WHERE extname = $1", name).Scan(&oid)
	}
	if err != nil {
		return nil, err
	}
	var lines []string
	var relocatable bool
	var requires []string
	err = conn.QueryRow(ctx, `SELECT e.extrelocatable, coalesce(v.requires::text[], '{}')
		FROM pg_extension e JOIN pg_available_extension_versions v ON v.name = e.extname AND v.version = e.extversion
		WHERE e.oid = $1`, oid).Scan(&relocatable, &requires)
	if err != nil {
		return nil, err
	}
	var fixed string
	if !relocatable {
		if err := conn.QueryRow(ctx, `SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
			WHERE e.oid = $1 AND n.nspname NOT LIKE 'ext\_%'`, oid).Scan(&fixed); err != nil && err != pgx.ErrNoRows {
			return nil, err
		}
	}
	lines = append(lines, fmt.Sprintf("extinfo\t%s\t%t\t%s\t%s", name, relocatable, fixed, strings.Join(requires, ",")))
	for _, q := range memberQueries {
		rows, err := rowsOf(ctx, conn, q.sql, oid)
		if err != nil {
			return nil, fmt.Errorf("%s of %s: %w", q.kind, name, err)
		}
		for _, r := range rows {
			lines = append(lines, q.kind+"\t"+name+"\t"+strings.Join(r, "\t"))
		}
	}
	return lines, nil
}

func rowsOf(ctx context.Context, conn *pgx.Conn, sql string, args ...any) ([][]string, error) {
	rows, err := conn.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) ([]string, error) {
		vals, err := r.Values()
		if err != nil {
			return nil, err
		}
		out := make([]string, len(vals))
		for i, v := range vals {
			out[i] = fmt.Sprint(v)
		}
		return out, nil
	})
}
