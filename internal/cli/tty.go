package cli

import (
	"io"
	"os"

	"golang.org/x/term"
)

// isTerminal reports whether r is a terminal a person types into: a file
// whose terminal attributes can be read. /dev/null, pipes and regular files
// are not, and neither is anything that is not a file, such as a test's
// buffer; rename candidates are then settled with flags or comments.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
