package ddlparse

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Files lists the SQL files that make up a schema source: the file itself,
// or every .sql file below a directory, in name order. It is the one
// definition of what a schema source holds; everything that reads the
// source (the reader, the renamed-from scanner, tenant staging) uses it.
//
// The extension matches in any case (Orders.SQL). Symbolic links to
// directories are followed, once each. Names starting with a dot are left
// out: editors keep their history (.history/), backups and lock files
// (.#schema.sql) there. A directory without a single SQL file is an
// error, not an empty schema: compared with a database, an empty schema
// would drop everything in it.
func Files(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("ddlparse: %w", err)
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	var files []string
	seen := map[string]bool{}
	var walk func(dir string) error
	walk = func(dir string) error {
		real, err := filepath.EvalSymlinks(dir)
		if err != nil {
			return err
		}
		if seen[real] {
			return nil
		}
		seen[real] = true
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			name := e.Name()
			if strings.HasPrefix(name, ".") {
				continue
			}
			p := filepath.Join(dir, name)
			isDir := e.IsDir()
			if e.Type()&fs.ModeSymlink != 0 {
				if st, err := os.Stat(p); err == nil && st.IsDir() {
					isDir = true
				}
			}
			switch {
			case isDir:
				if err := walk(p); err != nil {
					return err
				}
			case strings.EqualFold(filepath.Ext(name), ".sql"):
				files = append(files, p)
			}
		}
		return nil
	}
	if err := walk(path); err != nil {
		return nil, fmt.Errorf("ddlparse: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("ddlparse: %w: %s holds no .sql file", ErrNoFiles, path)
	}
	sort.Strings(files)
	return files, nil
}

// ErrNoFiles marks a schema directory without a single SQL file.
var ErrNoFiles = errors.New("no schema files")
