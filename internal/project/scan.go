package project

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// RevisionFile is a revision declared in a file, as found by reading the
// source: a composite literal of type revision.Revision with a literal ID.
type RevisionFile struct {
	ID   string
	Path string
	// Created is the "Create Date:" of the file's header when the header
	// names this revision ("Revision ID:"), as written; else "".
	Created string
}

// Package describes a revisions directory.
type Package struct {
	Dir string
	// Name is the package clause's name, or "" when there is no Go file.
	Name string
	// Files are the package's non-test Go files, sorted.
	Files []string
	// Revisions are the revisions found in the files, by file name order.
	Revisions []RevisionFile
	// Imports are the import paths used by the files.
	Imports []string
}

// ScanPackage reads a revisions directory. A missing directory is an empty
// package.
func ScanPackage(dir string) (*Package, error) {
	p := &Package{Dir: dir}
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return p, nil
	}
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	imports := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		path := filepath.Join(dir, name)
		p.Files = append(p.Files, path)
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution|parser.ParseComments)
		if err != nil {
			// The compiler reports syntax errors better; the scan only
			// gathers what it can.
			continue
		}
		headerID, created := header(f)
		if p.Name == "" {
			p.Name = f.Name.Name
		}
		revAlias := ""
		for _, imp := range f.Imports {
			ip, _ := strconv.Unquote(imp.Path.Value)
			imports[ip] = true
			if ip == ModulePath+"/revision" {
				revAlias = "revision"
				if imp.Name != nil {
					revAlias = imp.Name.Name
				}
			}
		}
		if revAlias == "" {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			sel, ok := cl.Type.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Revision" {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); !ok || x.Name != revAlias {
				return true
			}
			for _, el := range cl.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "ID" {
					if lit, ok := kv.Value.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						id, _ := strconv.Unquote(lit.Value)
						rf := RevisionFile{ID: id, Path: path}
						if id == headerID {
							rf.Created = created
						}
						p.Revisions = append(p.Revisions, rf)
					}
				}
			}
			return false
		})
	}
	for ip := range imports {
		p.Imports = append(p.Imports, ip)
	}
	slices.Sort(p.Imports)
	return p, nil
}

// header reads the revision id and creation date from a revision file's
// header comment, as autogen writes it ("Revision ID: ...", "Create Date:
// ...").
func header(f *ast.File) (id, created string) {
	var text string
	for _, cg := range f.Comments {
		// The header precedes the package clause, separated from it by a
		// blank line, so it is not the package's doc comment.
		if cg.End() < f.Package {
			text += cg.Text()
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if v, ok := strings.CutPrefix(line, "Revision ID:"); ok {
			id = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(line, "Create Date:"); ok {
			created = strings.TrimSpace(v)
		}
	}
	return id, created
}
