package migrate

import (
	"net/url"
	"strings"
)

// Redact replaces every occurrence of the password in rawURL (in the URL's
// user info or a password= parameter, or a key=value connection string's
// password) within s, so that no password reaches a terminal, a log or a
// report. It is the one place autogen masks passwords; the runner's
// command line and the fleet reports use it.
func Redact(s, rawURL string) string {
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
