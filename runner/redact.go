package runner

import (
	"errors"
	"net/url"
	"strings"
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
// URL's user info or a password= parameter) within s.
func RedactString(s, rawURL string) string {
	for _, pw := range passwords(rawURL) {
		if pw != "" {
			s = strings.ReplaceAll(s, pw, "xxxxx")
		}
	}
	return s
}

func passwords(rawURL string) []string {
	var out []string
	if u, err := url.Parse(rawURL); err == nil {
		if pw, ok := u.User.Password(); ok {
			out = append(out, pw, url.QueryEscape(pw), url.PathEscape(pw))
		}
		if pw := u.Query().Get("password"); pw != "" {
			out = append(out, pw)
		}
	}
	// key=value connection strings.
	for _, f := range strings.Fields(rawURL) {
		if v, ok := strings.CutPrefix(f, "password="); ok {
			out = append(out, strings.Trim(v, "'"))
		}
	}
	return out
}
