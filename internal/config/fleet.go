package config

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Fleet is a named set of databases that upgrade, downgrade, stamp, status
// and check work on together with --fleet NAME (README, "Fleets"):
//
//	[fleet.prod]
//	urls = ["postgres://app:${SHARD1_PASSWORD}@db1:5432/shop", "${SHARD2_URL} tenant_*"]
//	file = "fleet/prod.txt"
//	query = "SELECT host, port, dbname FROM tenants WHERE active ORDER BY id"
//	control_url = "${REGISTRY_URL}"
//	schemas = "tenant_*"
//	jobs = 8
//	per_server = 4
//	canary = 2
//	max_failures = 1
//	connect_timeout = "10s"
//	lock_timeout = "1m"
//
// The targets come from urls, file and query together; ${VAR} references
// are left for the runner to expand, so that no password is read into the
// configuration. The settings are defaults that flags override.
type Fleet struct {
	URLs []string `toml:"urls"`
	// File is absolute once loaded.
	File       string   `toml:"file"`
	Query      string   `toml:"query"`
	ControlURL string   `toml:"control_url"`
	Schemas    Patterns `toml:"schemas"`
	Jobs       int      `toml:"jobs"`
	PerServer  int      `toml:"per_server"`
	Canary     int      `toml:"canary"`
	// MaxFailures is nil when the file does not set it; 0 means no limit.
	MaxFailures    *int   `toml:"max_failures"`
	ConnectTimeout string `toml:"connect_timeout"`
	LockTimeout    string `toml:"lock_timeout"`
}

// fleetMap holds the [fleet.NAME] sections by name.
type fleetMap = map[string]Fleet

// Patterns is a list of schema patterns, written in autogen.toml as one
// string or a list of them.
type Patterns []string

// UnmarshalTOML accepts a string or a list of strings.
func (p *Patterns) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		*p = Patterns{v}
		return nil
	case []any:
		out := Patterns{}
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return fmt.Errorf("schemas must be strings, got %T", e)
			}
			out = append(out, s)
		}
		*p = out
		return nil
	}
	return fmt.Errorf("schemas must be a string or a list of strings, got %T", v)
}

// FleetNames returns the names of the configured fleets, sorted.
func (c *Config) FleetNames() []string {
	names := make([]string, 0, len(c.Fleets))
	for n := range c.Fleets {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Fleet returns the fleet called name, or an error listing those defined.
func (c *Config) Fleet(name string) (Fleet, error) {
	f, ok := c.Fleets[name]
	if !ok {
		defined := "none"
		if len(c.Fleets) > 0 {
			defined = strings.Join(c.FleetNames(), ", ")
		}
		return Fleet{}, fmt.Errorf("%s: no fleet %q (defined: %s); add a [fleet.%s] section", c.Path, name, defined, name)
	}
	return f, nil
}

// validateFleets checks every fleet and makes its file absolute.
func (c *Config) validateFleets() error {
	for _, name := range c.FleetNames() {
		f := c.Fleets[name]
		if err := f.validate(); err != nil {
			return fmt.Errorf("%s: [fleet.%s]: %w", c.Path, name, err)
		}
		if f.File != "" {
			f.File = c.abs(f.File)
		}
		c.Fleets[name] = f
	}
	return nil
}

func (f Fleet) validate() error {
	switch {
	case len(f.URLs) == 0 && f.File == "" && f.Query == "":
		return errors.New("no targets: set urls, file or query")
	case f.Query != "" && f.ControlURL == "":
		return errors.New("query needs control_url, the database it runs on")
	case f.Query == "" && f.ControlURL != "":
		return errors.New("control_url is only used by query")
	case f.Jobs < 0 || f.PerServer < 0 || f.Canary < 0 || (f.MaxFailures != nil && *f.MaxFailures < 0):
		return errors.New("jobs, per_server, canary and max_failures must not be negative")
	}
	for _, d := range []struct{ key, value string }{{"connect_timeout", f.ConnectTimeout}, {"lock_timeout", f.LockTimeout}} {
		if d.value == "" {
			continue
		}
		if v, err := time.ParseDuration(d.value); err != nil || v <= 0 {
			return fmt.Errorf("%s must be a positive duration such as \"30s\", not %q", d.key, d.value)
		}
	}
	return nil
}
