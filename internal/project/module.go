// Package project knows the layout of an autogen project on disk: its Go
// module, its revision directories and their files. It scaffolds new
// projects (`autogen init`) and builds the runner program that applies the
// project's revisions.
package project

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ModulePath is the import path of autogen's module.
const ModulePath = "github.com/autogen-dev/autogen"

// Module is a Go module on disk.
type Module struct {
	// Dir holds go.mod.
	Dir string
	// Path is the module path.
	Path string
	// Replace is the local directory autogen's module is replaced with,
	// or "".
	Replace string
}

// ErrNoModule is returned when no go.mod is found.
var ErrNoModule = errors.New("no go.mod found")

// FindModule returns the module that contains dir.
func FindModule(dir string) (*Module, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil {
			return parseModule(dir, data)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil, ErrNoModule
		}
		dir = parent
	}
}

// parseModule reads the module path and any replace directive for autogen.
// It reads only these two things, so a small scanner serves.
func parseModule(dir string, data []byte) (*Module, error) {
	m := &Module{Dir: dir}
	inReplace := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, "//"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		switch {
		case strings.HasPrefix(line, "module "):
			m.Path = unquote(strings.TrimSpace(strings.TrimPrefix(line, "module ")))
		case line == "replace (":
			inReplace = true
		case inReplace && line == ")":
			inReplace = false
		case strings.HasPrefix(line, "replace ") || inReplace:
			spec := strings.TrimSpace(strings.TrimPrefix(line, "replace "))
			from, to, ok := strings.Cut(spec, "=>")
			if !ok || strings.Fields(from)[0] != ModulePath {
				continue
			}
			target := strings.Fields(strings.TrimSpace(to))
			if len(target) == 1 && (strings.HasPrefix(target[0], ".") || strings.HasPrefix(target[0], "/")) {
				p := unquote(target[0])
				if !filepath.IsAbs(p) {
					p = filepath.Join(dir, p)
				}
				m.Replace = filepath.Clean(p)
			}
		}
	}
	if m.Path == "" {
		return nil, fmt.Errorf("%s: no module line", filepath.Join(dir, "go.mod"))
	}
	return m, nil
}

func unquote(s string) string {
	if u, err := strconv.Unquote(s); err == nil {
		return u
	}
	return s
}

// ImportPath returns the import path of the package in directory dir, which
// must be inside the module.
func (m *Module) ImportPath(dir string) (string, error) {
	rel, err := filepath.Rel(m.Dir, dir)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", fmt.Errorf("%s is outside the module in %s", dir, m.Dir)
	}
	if rel == "." {
		return m.Path, nil
	}
	return m.Path + "/" + filepath.ToSlash(rel), nil
}

// PackageName returns the Go package name for a revisions directory: its
// base name made into an identifier.
func PackageName(dir string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(filepath.Base(dir)) {
		switch {
		case r >= 'a' && r <= 'z', r == '_', r >= '0' && r <= '9' && b.Len() > 0:
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "migrations"
	}
	return b.String()
}
