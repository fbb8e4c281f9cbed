package project

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dave/jennifer/jen"
)

// runnerFormat changes whenever the generated runner's shape changes, so
// that cached runners from an older autogen are not reused.
const runnerFormat = "runner-v2"

// Builder compiles the runner program for a project's revisions: a main
// package that hands the revisions packages' registries to runner.Main.
type Builder struct {
	Module *Module
	// Dirs are the revision directories, absolute.
	Dirs []string
	// Root is the project root; source paths are shown relative to it.
	Root string
	// Name is the program name shown in help text.
	Name string
	// CacheDir holds built runners; empty means the user cache directory.
	CacheDir string
}

// BuildError reports revisions that do not compile.
type BuildError struct {
	Output string
}

// Error returns the compiler output.
func (e *BuildError) Error() string {
	return "the revisions do not compile:\n" + strings.TrimSpace(e.Output)
}

// DuplicateError reports a revision id that two revision files declare.
type DuplicateError struct {
	ID string
	// Files are the two files, relative to the project root.
	Files []string
}

// Error names the revision and both files.
func (e *DuplicateError) Error() string {
	return fmt.Sprintf("revision %s is declared twice, in %s and in %s; give one of them a new ID", e.ID, e.Files[0], e.Files[1])
}

// Runner returns the path of a runner binary for the current sources,
// building it only when no cached one matches them. Reusing a cached
// runner costs a hash of the revision files, so a second command with no
// changed file starts at once.
func (b *Builder) Runner(ctx context.Context) (string, error) {
	key, err := b.key()
	if err != nil {
		return "", err
	}
	dir, err := b.cacheDir()
	if err != nil {
		return "", err
	}
	prefix := "runner-" + b.projectKey() + "-"
	bin := filepath.Join(dir, prefix+key[:24])
	if st, err := os.Stat(bin); err == nil && st.Mode()&0o111 != 0 {
		// The modification time records the last use, for pruning.
		now := time.Now()
		os.Chtimes(bin, now, now)
		return bin, nil
	}
	if err := b.Build(ctx, bin); err != nil {
		return "", err
	}
	prune(dir, prefix, bin)
	return bin, nil
}

// keepRunners is how many runners of one project the cache keeps: every
// edit of a revision file builds a new one, and the previous few are
// worth keeping for a branch switched back and forth.
const keepRunners = 3

// staleRunner is how long an unused runner of any project stays cached.
const staleRunner = 30 * 24 * time.Hour

// maxCacheBytes bounds the runners of all projects together (each is a
// Go binary of about 11 MB). Projects in throwaway directories (CI jobs,
// test harnesses, a script that runs autogen once per case) never build
// again, so their runners would otherwise stay for staleRunner: a
// thousand such runs filled a 70 GB disk. Past the bound the least
// recently used runners go first, whichever project built them.
const maxCacheBytes = 1 << 30

// abandonedBuild is how old a partial runner (a build's output before
// it is renamed into place) must be to belong to a build that was killed.
const abandonedBuild = 24 * time.Hour

// prune removes the runners of this project (their names start with
// prefix) but the keepRunners most recently used, any runner unused for
// staleRunner, and then the least recently used of all until the cache
// holds at most maxCacheBytes. The runner just built is always kept, and
// so is a partial one of a build that may still run.
func prune(dir, prefix, keep string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type runner struct {
		path string
		used time.Time
		size int64
	}
	var mine, all []runner
	var total int64
	for _, e := range entries {
		if e.IsDir() || !strings.HasPrefix(e.Name(), "runner-") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if strings.Contains(e.Name(), ".partial-") {
			if time.Since(info.ModTime()) > abandonedBuild {
				os.Remove(p)
			}
			continue
		}
		r := runner{p, info.ModTime(), info.Size()}
		switch {
		case p == keep:
			total += r.size
		case time.Since(info.ModTime()) > staleRunner:
			os.Remove(p)
		case strings.HasPrefix(e.Name(), prefix):
			mine = append(mine, r)
		default:
			all = append(all, r)
			total += r.size
		}
	}
	newest := func(a, b runner) int { return b.used.Compare(a.used) }
	slices.SortFunc(mine, newest)
	for i, r := range mine {
		if i >= keepRunners-1 {
			os.Remove(r.path)
		} else {
			all = append(all, r)
			total += r.size
		}
	}
	slices.SortFunc(all, newest)
	for i := len(all) - 1; i >= 0 && total > maxCacheBytes; i-- {
		if os.Remove(all[i].path) == nil {
			total -= all[i].size
		}
	}
}

// projectKey identifies the project in runner names, so that pruning one
// project's runners leaves the others' alone.
func (b *Builder) projectKey() string {
	h := sha256.Sum256([]byte(b.Module.Dir + "\x00" + b.Root + "\x00" + b.Name))
	return hex.EncodeToString(h[:6])
}

func (b *Builder) cacheDir() (string, error) {
	dir := b.CacheDir
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			base = os.TempDir()
		}
		dir = filepath.Join(base, "autogen")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("creating the runner cache: %w", err)
	}
	return dir, nil
}

// Build compiles the runner to out. The main package is never written into
// the project: go build reads it through an overlay.
func (b *Builder) Build(ctx context.Context, out string) error {
	src, err := b.mainSource()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "autogen-build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	mainFile := filepath.Join(tmp, "main.go")
	if err := os.WriteFile(mainFile, src, 0o644); err != nil {
		return err
	}
	virtual := filepath.Join(b.Module.Dir, "autogen_runner_main", "main.go")
	overlay, _ := json.Marshal(map[string]map[string]string{"Replace": {virtual: mainFile}})
	overlayFile := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(overlayFile, overlay, 0o644); err != nil {
		return err
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	// Build next to the target and rename, so a concurrent build or an
	// interrupted one never leaves a half-written binary in place.
	partial := abs + ".partial-" + filepath.Base(tmp)
	// Without a symbol table and DWARF the link, most of a build whose
	// packages are cached, takes a fifth less; a runner's panics still
	// print their stacks.
	cmd := exec.CommandContext(ctx, "go", "build", "-ldflags=-s -w", "-o", partial, "-overlay", overlayFile, "./autogen_runner_main")
	cmd.Dir = b.Module.Dir
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Run(); err != nil {
		os.Remove(partial)
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return &BuildError{Output: output.String()}
		}
		return fmt.Errorf("running go build: %w", err)
	}
	return os.Rename(partial, abs)
}

// mainSource generates the runner's main package.
func (b *Builder) mainSource() ([]byte, error) {
	f := jen.NewFile("main")
	f.HeaderComment("Code generated by autogen. DO NOT EDIT.")
	var regs []jen.Code
	var sources []jen.Code
	declared := map[string]string{}
	for i, dir := range b.Dirs {
		pkg, err := ScanPackage(dir)
		if err != nil {
			return nil, err
		}
		// A configured directory that holds no Go file yet (Alembic's
		// version_locations may name one before its first revision) has
		// no revisions and no package to import.
		if len(pkg.Files) == 0 {
			continue
		}
		ip, err := b.Module.ImportPath(dir)
		if err != nil {
			return nil, err
		}
		alias := fmt.Sprintf("revisions%d", i)
		f.ImportAlias(ip, alias)
		regs = append(regs, jen.Qual(ip, "Registry"))
		for _, r := range pkg.Revisions {
			rel, err := filepath.Rel(b.Root, r.Path)
			if err != nil {
				rel = r.Path
			}
			if first, ok := declared[r.ID]; ok {
				return nil, &DuplicateError{ID: r.ID, Files: []string{first, filepath.ToSlash(rel)}}
			}
			declared[r.ID] = filepath.ToSlash(rel)
			sources = append(sources, jen.Id("reg").Dot("SetSource").Call(jen.Lit(r.ID), jen.Lit(filepath.ToSlash(rel))))
			if r.Created != "" {
				sources = append(sources, jen.Id("reg").Dot("SetCreated").Call(jen.Lit(r.ID), jen.Lit(r.Created)))
			}
		}
	}
	body := []jen.Code{jen.Id("reg").Op(":=").Qual(ModulePath+"/revision", "Merge").Call(regs...)}
	body = append(body, sources...)
	body = append(body, jen.Qual("os", "Exit").Call(jen.Qual(ModulePath+"/runner", "Main").Call(
		jen.Id("reg"), jen.Qual("os", "Args").Index(jen.Lit(1), jen.Empty()),
		jen.Qual(ModulePath+"/runner", "WithName").Call(jen.Lit(b.Name)),
	)))
	f.Func().Id("main").Params().Block(body...)
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// key hashes everything the runner is built from: go.mod and go.sum, the
// revisions packages, the packages of this module they import (transitively),
// and autogen's runtime sources when go.mod replaces autogen with a local
// checkout.
func (b *Builder) key() (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%s\n%s\n", runnerFormat, b.Name, b.Module.Dir, b.Root)
	for _, f := range []string{"go.mod", "go.sum", "go.work", "go.work.sum"} {
		if err := hashFile(h, filepath.Join(b.Module.Dir, f)); err != nil && !os.IsNotExist(err) {
			return "", err
		}
	}
	seen := map[string]bool{}
	queue := slices.Clone(b.Dirs)
	for len(queue) > 0 {
		dir := queue[0]
		queue = queue[1:]
		if seen[dir] {
			continue
		}
		seen[dir] = true
		pkg, err := ScanPackage(dir)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "dir %s\n", dir)
		for _, f := range pkg.Files {
			if err := hashFile(h, f); err != nil {
				return "", err
			}
		}
		for _, ip := range pkg.Imports {
			if rest, ok := strings.CutPrefix(ip, b.Module.Path+"/"); ok {
				queue = append(queue, filepath.Join(b.Module.Dir, filepath.FromSlash(rest)))
			}
		}
	}
	if b.Module.Replace != "" {
		for _, rel := range []string{"go.mod", "go.sum", "op", "revision", "guard", "migrate", "runner", "internal/exitcode", "internal/term", "internal/cmdhelp", "internal/mdreport", "internal/pgsql"} {
			if err := hashTree(h, filepath.Join(b.Module.Replace, rel)); err != nil {
				return "", err
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func hashFile(h io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fmt.Fprintf(h, "file %s\n", path)
	_, err = io.Copy(h, f)
	return err
}

// hashTree hashes a file, or the non-test Go files of a directory.
func hashTree(h io.Writer, path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return hashFile(h, path)
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".go") && !strings.HasSuffix(e.Name(), "_test.go") {
			if err := hashFile(h, filepath.Join(path, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}
