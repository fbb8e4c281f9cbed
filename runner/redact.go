package runner

import (
	"errors"

	"github.com/autogen-dev/autogen/migrate"
)

// redact removes the password of rawURL from err's message, so that no
// password reaches a terminal or a log.
func redact(err error, rawURL string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	clean := RedactString(msg, rawURL)
	if clean == msg {
		return err
	}
	return errors.New(clean)
}

// RedactString replaces every occurrence of the password in rawURL (in the
// URL's user info or a password= parameter) within s; see migrate.Redact,
// which it calls.
func RedactString(s, rawURL string) string { return migrate.Redact(s, rawURL) }
