package pgsql

import "strings"

// listSettings are the settings whose list elements PostgreSQL quotes as
// identifiers when it stores them (GUC_LIST_QUOTE in guc.c), so that a
// function's proconfig holds search_path="$user", public.
var listSettings = map[string]bool{"search_path": true, "temp_tablespaces": true,
	"session_preload_libraries": true, "shared_preload_libraries": true, "local_preload_libraries": true,
	"unix_socket_directories": true}

// mixedCase are the settings whose names PostgreSQL spells with capitals
// (pg_settings, PostgreSQL 15); it stores every setting under that
// spelling whatever case it was given in.
var mixedCase = map[string]string{"datestyle": "DateStyle", "intervalstyle": "IntervalStyle", "timezone": "TimeZone"}

// SettingName returns the name under which PostgreSQL stores a setting
// (a function's proconfig): lower case but for DateStyle, IntervalStyle
// and TimeZone.
func SettingName(name string) string {
	name = strings.ToLower(name)
	if m, ok := mixedCase[name]; ok {
		return m
	}
	return name
}

// ListSetting reports whether PostgreSQL stores the elements of the
// setting's value as quoted identifiers (GUC_LIST_QUOTE).
func ListSetting(name string) bool { return listSettings[strings.ToLower(name)] }

// SplitSettingList splits the stored value of a list setting into its
// elements as PostgreSQL's SplitGUCList does: at commas, with surrounding
// spaces trimmed and double-quoted elements unquoted ("" inside them is
// one quote). Unquoted elements keep their case. A quoted empty element
// stays an empty element (an empty search_path is stored as "").
func SplitSettingList(s string) []string {
	var out []string
	i := 0
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return out
		}
		var b strings.Builder
		if s[i] == '"' {
			i++
			for i < len(s) {
				if s[i] == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						b.WriteByte('"')
						i += 2
						continue
					}
					i++
					break
				}
				b.WriteByte(s[i])
				i++
			}
			for i < len(s) && s[i] != ',' {
				i++
			}
		} else {
			start := i
			for i < len(s) && s[i] != ',' {
				i++
			}
			b.WriteString(strings.TrimRight(s[start:i], " \t\n\r\f\v"))
		}
		out = append(out, b.String())
		if i >= len(s) {
			return out
		}
		i++ // the comma
	}
}

// SetClause renders one stored setting of a function ("name=value", as
// pg_proc.proconfig holds it) as the SET clause that recreates it, the way
// pg_dump writes it: every value a string literal, a list setting's
// elements each one, so that SET statement_timeout = '30s' and SET
// search_path to an empty string come back as they were written.
func SetClause(item string) string {
	name, value, _ := strings.Cut(item, "=")
	out := "SET " + QuoteIdent(name) + " TO "
	if !ListSetting(name) {
		return out + QuoteLiteral(value)
	}
	elems := SplitSettingList(value)
	if len(elems) == 0 {
		return out + "''"
	}
	for i, e := range elems {
		elems[i] = QuoteLiteral(e)
	}
	return out + strings.Join(elems, ", ")
}
