package cli

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"text/template"

	"github.com/autogen-dev/autogen/codegen"
)

// headerData is what a custom revision header template sees.
type headerData struct {
	Message   string
	ID        string
	Parents   string
	DependsOn string
	Created   string
	// Default is the header autogen would write.
	Default string
}

// renderHeader executes the project's header template (Go text/template)
// for a revision.
func renderHeader(path string, s codegen.Spec) (string, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("reading the revision template: %w", err)
	}
	t, err := template.New(path).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return "", fmt.Errorf("revision template: %w", err)
	}
	var b bytes.Buffer
	err = t.Execute(&b, headerData{
		Message: s.Message, ID: s.ID, Parents: strings.Join(s.Parents, ", "), DependsOn: strings.Join(s.DependsOn, ", "),
		Created: s.Created.Format("2006-01-02 15:04:05.000000"), Default: codegen.Header(s),
	})
	if err != nil {
		return "", fmt.Errorf("revision template: %w", err)
	}
	return b.String(), nil
}
