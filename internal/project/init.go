package project

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/internal/config"
)

// ErrExists is returned when init would overwrite something.
var ErrExists = errors.New("already exists")

// InitOptions configures Init.
type InitOptions struct {
	// Dir is the project directory; it is created if needed.
	Dir string
	// Revisions is the revisions directory, relative to Dir.
	Revisions string
	// Version is the autogen version the project requires.
	Version string
	// Source, when set, is a local autogen checkout the project's go.mod
	// points to with a replace directive instead of Version.
	Source string
	// Out receives one line per generated file.
	Out io.Writer
	// Schema, when set, holds the schema files to write (relative to Dir)
	// instead of an empty schema.sql, and SchemaPath the schema source
	// autogen.toml names (default schema.sql). None may exist.
	// SchemaDir says SchemaPath is a directory.
	Schema     map[string][]byte
	SchemaPath string
	SchemaDir  bool
	// ExcludeSchemas and ExcludeTables go to autogen.toml's [scope].
	ExcludeSchemas, ExcludeTables []string
	// Finish, when set, runs once the project is written (init
	// --from-database writes the baseline revision and stamps the
	// database); when it fails, Init removes everything it created.
	Finish func(ctx context.Context) error
}

// Init creates a project: autogen.toml, schema.sql (unless it exists), the
// revisions package, and go.mod when Dir is not inside a module. It refuses
// to overwrite anything, and on failure removes what it created and restores
// go.mod and go.sum, so nothing is left half-done.
func Init(ctx context.Context, o InitOptions) (err error) {
	if o.Revisions == "" {
		o.Revisions = config.DefaultRevisions
	}
	dir, err := filepath.Abs(o.Dir)
	if err != nil {
		return err
	}
	cfgPath := filepath.Join(dir, config.FileName)
	revDir := filepath.Join(dir, o.Revisions)
	if _, err := os.Stat(cfgPath); err == nil {
		return fmt.Errorf("%s %w; autogen init never overwrites files", cfgPath, ErrExists)
	}
	if entries, err := os.ReadDir(revDir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s %w and is not empty; autogen init never overwrites files", revDir, ErrExists)
	}
	if o.Source == "" && (o.Version == "" || o.Version == "(devel)") {
		return errors.New("this autogen was built from source without a version; set AUTOGEN_SOURCE to the autogen checkout so the project can use its runtime packages")
	}

	var created []string
	var restore []func()
	defer func() {
		if err == nil {
			return
		}
		for i := len(created) - 1; i >= 0; i-- {
			os.Remove(created[i])
		}
		for _, r := range restore {
			r()
		}
	}()
	var mkdir func(d string) error
	mkdir = func(d string) error {
		if _, err := os.Stat(d); err == nil {
			return nil
		}
		if err := mkdir(filepath.Dir(d)); err != nil {
			return err
		}
		if err := os.Mkdir(d, 0o755); err != nil {
			return err
		}
		created = append(created, d)
		return nil
	}
	write := func(path, content string) error {
		if err := mkdir(filepath.Dir(path)); err != nil {
			return err
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		created = append(created, path)
		if _, err := f.WriteString(content); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		if o.Out != nil {
			fmt.Fprintf(o.Out, "Generating %s ... done\n", path)
		}
		return nil
	}
	backup := func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			restore = append(restore, func() { os.Remove(path) })
			return
		}
		restore = append(restore, func() { os.WriteFile(path, data, 0o644) })
	}

	mod, err := FindModule(dir)
	switch {
	case errors.Is(err, ErrNoModule):
		name := moduleName(dir)
		if err := write(filepath.Join(dir, "go.mod"), "module "+name+"\n\ngo 1.25.0\n"); err != nil {
			return err
		}
		mod = &Module{Dir: dir, Path: name}
	case err != nil:
		return err
	default:
		backup(filepath.Join(mod.Dir, "go.mod"))
	}
	backup(filepath.Join(mod.Dir, "go.sum"))

	initial := config.Initial{Revisions: filepath.ToSlash(o.Revisions), Schema: filepath.ToSlash(o.SchemaPath),
		ExcludeSchemas: o.ExcludeSchemas, ExcludeTables: o.ExcludeTables}
	if err := write(cfgPath, initial.File()); err != nil {
		return err
	}
	for _, rel := range sortedKeys(o.Schema) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := write(p, string(o.Schema[rel])); err != nil {
			if os.IsExist(err) {
				return fmt.Errorf("%s %w; autogen init never overwrites files", p, ErrExists)
			}
			return err
		}
	}
	if o.SchemaDir {
		// A schema directory exists even when the database is empty.
		if err := mkdir(filepath.Join(dir, filepath.FromSlash(o.SchemaPath))); err != nil {
			return err
		}
	}
	schema := filepath.Join(dir, config.DefaultSchema)
	if _, err := os.Stat(schema); os.IsNotExist(err) && o.Schema == nil {
		if err := write(schema, "-- The desired schema. Edit it, then run: autogen revision -m \"describe the change\"\n"); err != nil {
			return err
		}
	}
	if err := write(filepath.Join(revDir, "registry.go"), registrySource(PackageName(revDir))); err != nil {
		return err
	}

	require := []string{"mod", "edit", "-require=" + ModulePath + "@" + o.Version}
	if o.Source != "" {
		src, err := filepath.Abs(o.Source)
		if err != nil {
			return err
		}
		require = []string{"mod", "edit", "-require=" + ModulePath + "@v0.0.0-00010101000000-000000000000", "-replace=" + ModulePath + "=" + src}
	}
	if err := goCmd(ctx, mod.Dir, require...); err != nil {
		return err
	}
	if err := goCmd(ctx, mod.Dir, "mod", "tidy"); err != nil {
		return err
	}
	if o.Finish != nil {
		return o.Finish(ctx)
	}
	return nil
}

func sortedKeys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func goCmd(ctx context.Context, dir string, args ...string) error {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, strings.TrimSpace(out.String()))
	}
	return nil
}

// moduleName derives a module path for a new module from its directory.
func moduleName(dir string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(filepath.Base(dir)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		}
	}
	name := strings.Trim(b.String(), ".-_")
	if name == "" {
		name = "app"
	}
	// Go refuses a module path element that names a device on Windows
	// (prn, con.d, ...), on every system.
	if short, rest, _ := strings.Cut(name, "."); windowsReserved[short] {
		name = short + "-app"
		if rest != "" {
			name += "." + rest
		}
	}
	return name
}

// windowsReserved are the names Go refuses as module path elements, before
// any dot.
var windowsReserved = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// EnsureRegistry makes dir a revisions package: when it holds no Go file
// yet, it creates the directory and writes registry.go, which declares the
// Registry that revision files add themselves to. It returns the path it
// wrote, or "" when the package already existed.
func EnsureRegistry(dir string) (string, error) {
	pkg, err := ScanPackage(dir)
	if err != nil {
		return "", err
	}
	if len(pkg.Files) > 0 {
		return "", nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "registry.go")
	if err := os.WriteFile(path, []byte(registrySource(PackageName(dir))), 0o644); err != nil {
		return "", err
	}
	return path, nil
}

func registrySource(pkg string) string {
	return `// Package ` + pkg + ` holds the project's revisions. autogen writes a file here
// for every ` + "`autogen revision`" + `; each file adds its revision to Registry.
package ` + pkg + `

import (
	"github.com/autogen-dev/autogen/revision"
	"github.com/autogen-dev/autogen/runner"
)

// Registry collects this package's revisions. Applications apply them with
// migrate.New(` + pkg + `.Registry) and (*migrate.Runner).Upgrade.
var Registry = revision.NewRegistry()

// Main runs the revision command line (upgrade, downgrade, current, ...)
// for this package's revisions and returns the exit code, for applications
// that embed it: os.Exit(` + pkg + `.Main(os.Args[1:])).
func Main(args []string) int { return runner.Main(Registry, args) }
`
}
