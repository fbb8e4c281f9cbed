// Package term decides how the output of autogen and of the runners it
// builds looks: colour only on a terminal, never when NO_COLOR is set or
// TERM is "dumb", and as --color asks. The autogen command line and package
// runner share it, so that both follow the same rules.
//
// The runners link it, so it imports only the standard library and
// golang.org/x/term, which is pure Go.
package term

import (
	"fmt"
	"io"
	"os"

	xterm "golang.org/x/term"
)

// Color modes, the values of --color.
const (
	Auto   = "auto"
	Always = "always"
	Never  = "never"
)

// CheckMode returns an error unless mode is one of Auto, Always and Never.
func CheckMode(mode string) error {
	switch mode {
	case Auto, Always, Never, "":
		return nil
	}
	return fmt.Errorf("--color must be auto, always or never, not %q", mode)
}

// Style colours text, or leaves it alone when colour is off. The zero
// value is off.
type Style struct{ on bool }

// For returns the style of output written to w: with mode Always colour is
// on, with Never off; with Auto (or "") it is on exactly when w is a
// terminal and neither NO_COLOR (set to anything non-empty, as
// https://no-color.org asks) nor TERM=dumb says otherwise. getenv reads the
// environment, so that tests can give their own.
func For(w io.Writer, mode string, getenv func(string) string) Style {
	switch mode {
	case Always:
		return Style{true}
	case Never:
		return Style{false}
	}
	if getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
		return Style{false}
	}
	return Style{IsTerminal(w)}
}

// IsTerminal reports whether stream, a reader or a writer, is a file open
// on a terminal: one whose terminal attributes can be read. That is what
// makes progress and colour worth printing, and a prompt worth asking.
// /dev/null, pipes and regular files are not terminals, and neither is
// anything that is not a file, such as a test's buffer.
func IsTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	return ok && xterm.IsTerminal(int(f.Fd()))
}

// On reports whether the style colours text.
func (s Style) On() bool { return s.on }

func (s Style) wrap(code, text string) string {
	if !s.on || text == "" {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

// Bold renders text in bold.
func (s Style) Bold(text string) string { return s.wrap("1", text) }

// Green renders text in green: success.
func (s Style) Green(text string) string { return s.wrap("32", text) }

// Yellow renders text in yellow: warnings and hazards.
func (s Style) Yellow(text string) string { return s.wrap("33", text) }

// Red renders text in red: failures and data loss.
func (s Style) Red(text string) string { return s.wrap("31", text) }

// Dim renders text faint: details such as SQL and durations.
func (s Style) Dim(text string) string { return s.wrap("2", text) }
