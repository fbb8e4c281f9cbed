package project

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestPrune: every edit of a revision file builds a runner; the cache keeps
// the project's few most recently used ones and other projects' runners,
// and drops anything unused for a month.
func TestPrune(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	files := map[string]time.Duration{
		"runner-aaaa-1": 5 * time.Hour, "runner-aaaa-2": 4 * time.Hour, "runner-aaaa-3": 3 * time.Hour,
		"runner-aaaa-4": 2 * time.Hour, "runner-aaaa-new": 0,
		"runner-bbbb-1": 10 * time.Hour, "runner-bbbb-old": 40 * 24 * time.Hour,
		"runner-aaaa-x.partial-1": 40 * 24 * time.Hour,
	}
	for name, age := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, nil, 0o755); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, now.Add(-age), now.Add(-age))
	}
	prune(dir, "runner-aaaa-", filepath.Join(dir, "runner-aaaa-new"))
	entries, _ := os.ReadDir(dir)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	want := []string{"runner-aaaa-3", "runner-aaaa-4", "runner-aaaa-new", "runner-aaaa-x.partial-1", "runner-bbbb-1"}
	if !slices.Equal(left, want) {
		t.Errorf("left %q, want %q", left, want)
	}
}

// TestScanHeader: the scan reads a revision's creation date from the
// header autogen writes, for the revision the header names.
func TestScanHeader(t *testing.T) {
	dir := t.TempDir()
	src := `// add users
//
// Revision ID: abc123
// Revises:
// Create Date: 2026-11-22 03:05:56.503426

package migrations

import "github.com/autogen-dev/autogen/revision"

func init() {
	Registry.Add(&revision.Revision{ID: "abc123"})
	Registry.Add(&revision.Revision{ID: "other"})
}
`
	os.WriteFile(filepath.Join(dir, "a.go"), []byte(src), 0o644)
	pkg, err := ScanPackage(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkg.Revisions) != 2 || pkg.Revisions[0].Created != "2026-11-22 03:05:56.503426" || pkg.Revisions[1].Created != "" {
		t.Errorf("revisions %+v", pkg.Revisions)
	}
}
