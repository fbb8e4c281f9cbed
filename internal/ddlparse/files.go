package ddlparse

import (
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
func Files(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("ddlparse: %w", err)
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".sql") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("ddlparse: %w", err)
	}
	sort.Strings(files)
	return files, nil
}
