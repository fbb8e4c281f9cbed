package pgsql

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The rules PostgreSQL names objects by when a statement leaves the name
// out (an index, a constraint, the index of a partition): the SQL reader
// follows them to know the names a schema file implies, the diff to know
// the name PostgreSQL will give an index it creates for a partition.

// NameDataLen is PostgreSQL's NAMEDATALEN: identifiers hold at most 63
// bytes.
const NameDataLen = 64

// Clip truncates s to at most n bytes without splitting a character, as
// pg_mbcliplen does.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// MakeObjectName builds name1_name2_label within 63 bytes, truncating the
// longer of the two names first, exactly as PostgreSQL's makeObjectName.
func MakeObjectName(name1, name2, label string) string {
	overhead := 0
	n1, n2 := len(name1), 0
	if name2 != "" {
		n2 = len(name2)
		overhead++
	}
	if label != "" {
		overhead += len(label) + 1
	}
	avail := NameDataLen - 1 - overhead
	for n1+n2 > avail {
		if n1 > n2 {
			n1--
		} else {
			n2--
		}
	}
	name := Clip(name1, n1)
	if name2 != "" {
		name += "_" + Clip(name2, n2)
	}
	if label != "" {
		name += "_" + label
	}
	return name
}

// NameAddition joins names with underscores, stopping once the result
// reaches NAMEDATALEN bytes (ChooseIndexNameAddition).
func NameAddition(names []string) string {
	var sb strings.Builder
	for _, n := range names {
		if sb.Len() > 0 {
			sb.WriteByte('_')
		}
		sb.WriteString(Clip(n, NameDataLen-1))
		if sb.Len() >= NameDataLen {
			break
		}
	}
	return sb.String()
}

// UniqueIndexColumnNames makes the names of an index's columns unique as
// ChooseIndexColumnNames does: a name seen before gets 1, 2, ... appended,
// clipped to fit.
func UniqueIndexColumnNames(names []string) []string {
	out := make([]string, 0, len(names))
	for _, orig := range names {
		name := orig
		for i := 1; containsName(out, name); i++ {
			suffix := strconv.Itoa(i)
			name = Clip(orig, NameDataLen-1-len(suffix)) + suffix
		}
		out = append(out, name)
	}
	return out
}

func containsName(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// IndexNameAddition returns the middle part of the name PostgreSQL gives
// an index it names (ChooseIndexName): nothing for a primary key
// ("t_pkey"), else its columns' names, made unique, joined ("t_a_b_idx").
func IndexNameAddition(label string, columns []string) string {
	if label == "pkey" {
		return ""
	}
	return NameAddition(UniqueIndexColumnNames(columns))
}
