package cli

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestFileNameIsAlwaysCompiled: a message whose slug ends in a Go file-name
// suffix must not make a file the Go build ignores or builds on one
// platform only; the revision would never be applied.
func TestFileNameIsAlwaysCompiled(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct{ msg, want string }{
		{"load test", "abc_load_test_.go"},
		{"support windows", "abc_support_windows_.go"},
		{"tune for arm64", "abc_tune_for_arm64_.go"},
		{"linux amd64", "abc_linux_amd64_.go"},
		{"add orders", "abc_add_orders.go"},
		{"", "abc_.go"},
		{"testing", "abc_testing.go"},
	}
	for _, tt := range tests {
		if got := fileName("{rev}_{slug}.go", "abc", tt.msg, now); got != tt.want {
			t.Errorf("fileName(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
	if got := fileName("_{rev}.go", "abc", "x", now); got == "" {
		t.Error("a template the build ignores gave no name")
	}
}

// TestWriteNewMode: revision files are source files, readable by the team
// and the build, not private to their writer.
func TestWriteNewMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.go")
	if err := writeNew(path, []byte("package r\n")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want -rw-r--r--", st.Mode().Perm())
	}
}
