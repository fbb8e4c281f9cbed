package project

import "testing"

// TestModuleName: a new module's path comes from its directory's name,
// kept to the characters a module path allows, and never a name Go
// refuses as a path element (a Windows device name, before any dot).
func TestModuleName(t *testing.T) {
	for dir, want := range map[string]string{
		"/tmp/My App":  "myapp",
		"/tmp/orders":  "orders",
		"/tmp/.hidden": "hidden",
		"/tmp/ü":       "app",
		"/tmp/prn":     "prn-app",
		"/tmp/CON":     "con-app",
		"/tmp/aux.d":   "aux-app.d",
		"/tmp/com1":    "com1-app",
		"/tmp/console": "console",
	} {
		if got := moduleName(dir); got != want {
			t.Errorf("moduleName(%q) = %q, want %q", dir, got, want)
		}
	}
}
