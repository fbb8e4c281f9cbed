package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/tempdb"
)

// demoSchemas are the two versions of schema.sql the demo goes through.
var demoSchemas = []string{
	`CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
`,
	`CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');

CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status order_status NOT NULL DEFAULT 'new',
    total numeric(10,2) NOT NULL CHECK (total >= 0)
);

CREATE INDEX orders_user_id_idx ON orders (user_id);
COMMENT ON TABLE orders IS 'one row per checkout';
`,
}

func (a *App) demoCmd() *cobra.Command {
	var keep bool
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run the whole workflow on a throwaway database and show each step",
		Long: `Start a throwaway PostgreSQL from the local binaries, create a project in a
temporary directory, and go through the workflow: init, edit schema.sql,
revision, upgrade, current, history, check, a second revision, downgrade.
Each command and its output is shown. Nothing outside the temporary
directory is touched, and the directory is removed unless --keep.`,
		Example: `  go run ./cmd/autogen demo
  autogen demo --keep`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.demo(cmd.Context(), keep)
		},
	}
	cmd.Flags().BoolVar(&keep, "keep", false, "keep the demo project directory and print where it is")
	return cmd
}

func (a *App) demo(ctx context.Context, keep bool) error {
	if a.source() == "" && Version() == "(devel)" {
		return exitcode.With(exitcode.Config, fmt.Errorf("run the demo from the autogen checkout (go run ./cmd/autogen demo) or set AUTOGEN_SOURCE"))
	}
	fmt.Fprintln(a.Stdout, "Starting a throwaway PostgreSQL ...")
	c, err := tempdb.Start(ctx)
	if err != nil {
		return err
	}
	defer c.Stop(context.WithoutCancel(ctx))
	_, url, err := c.CreateDatabase(ctx, "demo")
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "autogen-demo-")
	if err != nil {
		return err
	}
	if !keep {
		defer os.RemoveAll(dir)
	}
	project := filepath.Join(dir, "shop")
	env := map[string]string{"DATABASE_URL": url, "AUTOGEN_SOURCE": a.source()}
	sub := &App{Stdin: a.Stdin, Stdout: a.Stdout, Stderr: a.Stdout, Cwd: dir,
		Getenv: func(k string) string {
			if v, ok := env[k]; ok {
				return v
			}
			return a.Getenv(k)
		}}
	run := func(args ...string) error {
		fmt.Fprintf(a.Stdout, "\n$ autogen %s\n", strings.Join(quoteArgs(args), " "))
		if code := sub.Run(args); code != 0 {
			return exitcode.With(code, fmt.Errorf("autogen %s failed with exit code %d", strings.Join(args, " "), code))
		}
		return nil
	}
	edit := func(schema string) error {
		fmt.Fprintf(a.Stdout, "\n$ cat > schema.sql <<'EOF'\n%sEOF\n", schema)
		return os.WriteFile(filepath.Join(project, "schema.sql"), []byte(schema), 0o644)
	}
	steps := []func() error{
		func() error { return run("init", "shop") },
		func() error { sub.Cwd = project; return edit(demoSchemas[0]) },
		func() error { return run("revision", "-m", "create users") },
		func() error { return run("upgrade", "head") },
		func() error { return run("current") },
		func() error { return edit(demoSchemas[1]) },
		func() error { return run("check") },
		func() error { return run("revision", "-m", "add orders") },
		func() error { return a.showLatest(project) },
		func() error { return run("upgrade", "head") },
		func() error { return run("history", "--indicate-current") },
		func() error { return run("check") },
		func() error { return run("downgrade", "-1") },
		func() error { return run("current") },
		func() error { return run("downgrade", "base") },
	}
	for i, s := range steps {
		err := s()
		// The first check is expected to fail: schema.sql changed and no
		// revision exists yet.
		if i == 6 && exitcode.Of(err) == exitcode.Drift {
			fmt.Fprintln(a.Stdout, "(exit code 1: the schema changed and no revision exists for it yet)")
			continue
		}
		if err != nil {
			return err
		}
	}
	fmt.Fprintln(a.Stdout, "\nDemo finished: the database went up two revisions and back down to base.")
	if keep {
		fmt.Fprintf(a.Stdout, "The project is kept in %s\n", project)
	}
	return nil
}

// showLatest prints the newest revision file, so the demo shows what
// autogenerate wrote.
func (a *App) showLatest(project string) error {
	files, _ := filepath.Glob(filepath.Join(project, "migrations", "*.go"))
	var newest string
	var newestTime int64
	for _, f := range files {
		if filepath.Base(f) == "registry.go" {
			continue
		}
		if st, err := os.Stat(f); err == nil && st.ModTime().UnixNano() > newestTime {
			newest, newestTime = f, st.ModTime().UnixNano()
		}
	}
	if newest == "" {
		return nil
	}
	data, err := os.ReadFile(newest)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "\n$ cat %s\n%s", filepath.Join("migrations", filepath.Base(newest)), data)
	return nil
}

func quoteArgs(args []string) []string {
	out := make([]string, len(args))
	for i, s := range args {
		if strings.ContainsAny(s, " '\"") {
			s = "\"" + s + "\""
		}
		out[i] = s
	}
	return out
}
