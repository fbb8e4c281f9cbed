package sqlnorm

import (
	"bytes"
	"cmp"
	"encoding/json"
	"math"
	"math/big"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// CanonLiteral returns the text of a constant of the canonical type typ as
// the type's output function prints it; see canonLiteral.
func CanonLiteral(typ, s string) string { return canonLiteral(typ, s) }

// canonLiteral rewrites the text of a constant of type typ the way the type's
// output function would print it, so that a literal as written in a file and
// the same literal as PostgreSQL stored it compare equal: 't' and true,
// '2020-01-01' and '2020-01-01 00:00:00' for a timestamp, '{"b":1,"a":2}' and
// '{"a": 2, "b": 1}' for jsonb. Text it cannot interpret is kept as is.
func canonLiteral(typ, s string) string {
	base := typ
	if i := strings.IndexByte(base, '('); i >= 0 {
		// numeric(10,2), timestamp(3) without time zone
		if j := strings.IndexByte(base[i:], ')'); j >= 0 {
			base = base[:i] + base[i+j+1:]
		}
	}
	var out string
	var ok bool
	if elem, isArray := strings.CutSuffix(typ, "[]"); isArray {
		if out, ok = canonArray(elem, s); !ok {
			return s
		}
		return out
	}
	if sub, ok := rangeSubtypes[base]; ok {
		if out, ok = canonRange(sub, s); !ok {
			return s
		}
		return out
	}
	switch base {
	case "bytea":
		out, ok = canonBytea(s)
	case "macaddr":
		out, ok = canonMacaddr(s)
	case "boolean":
		out, ok = canonBool(s)
	case "smallint", "integer", "bigint", "oid":
		var i int64
		i, ok = parseInt(s)
		out = strconv.FormatInt(i, 10)
	case "numeric":
		out, ok = canonNumeric(s)
	case "real", "double precision":
		out, ok = canonFloat(s, base == "real")
	case "timestamp without time zone":
		out, ok = canonTimestamp(s, false)
	case "timestamp with time zone":
		out, ok = canonTimestamp(s, true)
	case "date":
		out, ok = canonDate(s)
	case "time without time zone":
		out, ok = canonTime(s)
	case "time with time zone":
		if strings.EqualFold(strings.TrimSpace(s), "allballs") {
			// Midnight UTC, as timetz_out prints it.
			out, ok = "00:00:00+00", true
		}
	case "interval":
		out, ok = canonInterval(s)
	case "jsonb":
		out, ok = canonJSONB(s)
	case "uuid":
		out, ok = canonUUID(s)
	}
	if !ok {
		return s
	}
	return out
}

func canonBool(s string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "t", "tr", "tru", "true", "y", "ye", "yes", "on", "1":
		return "true", true
	case "f", "fa", "fal", "fals", "false", "n", "no", "of", "off", "0":
		return "false", true
	}
	return "", false
}

func parseInt(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "+")
	i, err := strconv.ParseInt(s, 10, 64)
	return i, err == nil
}

var numericRE = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`)

// canonNumeric prints a numeric as numeric_out does: plain digits keeping
// the scale that was written, exponents expanded.
func canonNumeric(s string) (string, bool) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "nan":
		return "NaN", true
	case "inf", "+inf", "infinity", "+infinity":
		return "Infinity", true
	case "-inf", "-infinity":
		return "-Infinity", true
	}
	if !numericRE.MatchString(s) {
		return "", false
	}
	mant, exp := s, 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil || e > numericMaxIntDigits || e < -numericMaxIntDigits-numericMaxScale {
			return "", false
		}
		mant, exp = s[:i], e
	}
	neg := strings.HasPrefix(mant, "-")
	mant = strings.TrimLeft(mant, "+-")
	intPart, frac, _ := strings.Cut(mant, ".")
	scale := len(frac) - exp
	if scale < 0 {
		scale = 0
	}
	// A value numeric cannot hold is an error of numeric_in, not a
	// literal to print; expanding its exponent regardless would build a
	// number of that many digits (1E7000000000 is gigabytes).
	if len(intPart)+exp > numericMaxIntDigits || scale > numericMaxScale {
		return "", false
	}
	r, ok := new(big.Rat).SetString(intPart + "." + frac + "0")
	if !ok {
		return "", false
	}
	switch {
	case exp > 0:
		r.Mul(r, new(big.Rat).SetInt(pow10(exp)))
	case exp < 0:
		r.Quo(r, new(big.Rat).SetInt(pow10(-exp)))
	}
	out := r.FloatString(scale)
	if neg && r.Sign() != 0 {
		out = "-" + out
	}
	return out, true
}

// numericMaxIntDigits and numericMaxScale are numeric's limits: at most
// 131072 digits before the decimal point and 16383 after it.
const (
	numericMaxIntDigits = 131072
	numericMaxScale     = 16383
)

func pow10(e int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil)
}

// canonFloat prints a float as float4out/float8out do by default: the
// shortest text that reads back to the same value.
func canonFloat(s string, single bool) (string, bool) {
	s = strings.TrimSpace(s)
	bits := 64
	if single {
		bits = 32
	}
	switch strings.ToLower(s) {
	case "nan":
		return "NaN", true
	case "infinity", "inf", "+infinity", "+inf":
		return "Infinity", true
	case "-infinity", "-inf":
		return "-Infinity", true
	}
	f, err := strconv.ParseFloat(s, bits)
	if err != nil {
		return "", false
	}
	return strconv.FormatFloat(f, 'g', -1, bits), true
}

var timestampLayouts = []string{
	"2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02",
}

var zoneRE = regexp.MustCompile(`\s*(Z|UTC|[+-]\d{2}(:?\d{2})?)$`)

// canonTimestamp prints ISO timestamps as timestamp_out does with the ISO
// date style. A timestamp with time zone is printed in UTC, the time zone
// the catalog reader sets; input without a zone is taken as UTC too.
func canonTimestamp(s string, withZone bool) (string, bool) {
	s = strings.TrimSpace(s)
	if special, ok := specialDate(s); ok {
		switch {
		case special != "epoch":
			return special, true
		case withZone:
			return "1970-01-01 00:00:00+00", true
		}
		return "1970-01-01 00:00:00", true
	}
	loc := time.UTC
	// Only a value with a time of day can carry a zone; "-01" ends a date.
	if m := zoneRE.FindStringSubmatchIndex(s); m != nil && strings.Contains(s, ":") {
		if !withZone {
			// timestamp without time zone ignores a zone.
			s = s[:m[0]]
		} else {
			zone := s[m[2]:m[3]]
			s = s[:m[0]]
			if zone != "Z" && zone != "UTC" {
				sign := 1
				if zone[0] == '-' {
					sign = -1
				}
				digits := strings.ReplaceAll(zone[1:], ":", "")
				h, _ := strconv.Atoi(digits[:2])
				mnt := 0
				if len(digits) == 4 {
					mnt, _ = strconv.Atoi(digits[2:])
				}
				loc = time.FixedZone("", sign*(h*3600+mnt*60))
			}
		}
	}
	for _, layout := range timestampLayouts {
		t, err := time.ParseInLocation(layout, s, loc)
		if err != nil {
			continue
		}
		t = t.UTC()
		out := t.Format("2006-01-02 15:04:05")
		if ns := t.Nanosecond(); ns != 0 {
			frac := strings.TrimRight(strconv.Itoa(1000000000 + ns/1000*1000)[1:7], "0")
			out += "." + frac
		}
		if withZone {
			out += "+00"
		}
		return out, true
	}
	return "", false
}

// specialDate reads the special values of the date and time types that
// stand for a fixed point ('epoch', 'infinity', '-infinity'), as PostgreSQL
// stores them in lower case; ok is false for anything else. The values
// that stand for the moment of reading ('now', 'today', ...) are not among
// them: see FrozenLiteral.
func specialDate(s string) (string, bool) {
	switch v := strings.ToLower(strings.TrimSpace(s)); v {
	case "epoch", "infinity", "-infinity":
		return v, true
	}
	return "", false
}

// FrozenLiteral reports whether s, a constant of type typ, is one of the
// special values PostgreSQL replaces by the moment it reads them ('now',
// 'today', 'tomorrow', 'yesterday'): a default or check written so is
// frozen at creation, and its stored value never matches the text again.
func FrozenLiteral(typ, s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "now", "today", "tomorrow", "yesterday":
	default:
		return false
	}
	return strings.HasPrefix(typ, "timestamp") || strings.HasPrefix(typ, "time") || typ == "date"
}

func canonDate(s string) (string, bool) {
	if special, ok := specialDate(s); ok {
		if special == "epoch" {
			return "1970-01-01", true
		}
		return special, true
	}
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

func canonTime(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "allballs") {
		return "00:00:00", true
	}
	for _, layout := range []string{"15:04:05.999999999", "15:04"} {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		out := t.Format("15:04:05")
		if ns := t.Nanosecond(); ns != 0 {
			out += "." + strings.TrimRight(strconv.Itoa(1000000000 + ns/1000*1000)[1:7], "0")
		}
		return out, true
	}
	return "", false
}

var intervalUnits = map[string]string{
	"microsecond": "us", "microseconds": "us", "us": "us", "usec": "us", "usecs": "us",
	"millisecond": "ms", "milliseconds": "ms", "ms": "ms", "msec": "ms", "msecs": "ms",
	"second": "s", "seconds": "s", "sec": "s", "secs": "s", "s": "s",
	"minute": "m", "minutes": "m", "min": "m", "mins": "m", "m": "m",
	"hour": "h", "hours": "h", "hr": "h", "hrs": "h", "h": "h",
	"day": "d", "days": "d", "d": "d",
	"week": "w", "weeks": "w", "w": "w",
	"month": "mon", "months": "mon", "mon": "mon", "mons": "mon",
	"year": "y", "years": "y", "yr": "y", "yrs": "y", "y": "y",
	"decade": "dec", "decades": "dec", "century": "c", "centuries": "c",
	"millennium": "mil", "millennia": "mil",
}

var clockRE = regexp.MustCompile(`^([+-]?)(\d+):(\d+)(?::(\d+(?:\.\d+)?))?$`)

// canonInterval prints an interval written as "N unit ..." and/or
// "HH:MM:SS" the way interval_out does with the postgres style:
// "1 year 2 mons 3 days 04:05:06".
func canonInterval(s string) (string, bool) {
	if iso, ok := isoInterval(s); ok {
		s = iso
	}
	fields := strings.Fields(strings.ToLower(strings.TrimSpace(s)))
	fields = splitTrailingUnits(fields)
	if len(fields) > 0 && fields[len(fields)-1] == "ago" {
		return "", false
	}
	var months, days int64
	var micros float64
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		if m := clockRE.FindStringSubmatch(f); m != nil {
			h, _ := strconv.ParseFloat(m[2], 64)
			mi, _ := strconv.ParseFloat(m[3], 64)
			sec := 0.0
			if m[4] != "" {
				sec, _ = strconv.ParseFloat(m[4], 64)
			}
			v := (h*3600 + mi*60 + sec) * 1e6
			if m[1] == "-" {
				v = -v
			}
			micros += v
			continue
		}
		n, err := strconv.ParseFloat(f, 64)
		if err != nil || i+1 >= len(fields) {
			return "", false
		}
		unit, ok := intervalUnits[strings.TrimPrefix(fields[i+1], "@")]
		if !ok {
			return "", false
		}
		i++
		switch unit {
		case "us":
			micros += n
		case "ms":
			micros += n * 1e3
		case "s":
			micros += n * 1e6
		case "m":
			micros += n * 60e6
		case "h":
			micros += n * 3600e6
		case "d", "w":
			if unit == "w" {
				n *= 7
			}
			whole := int64(n)
			days += whole
			micros += (n - float64(whole)) * 86400e6
		case "mon", "y", "dec", "c", "mil":
			mult := map[string]float64{"mon": 1, "y": 12, "dec": 120, "c": 1200, "mil": 12000}[unit]
			total := n * mult
			whole := int64(total)
			months += whole
			// Fractions of a month become days of 30 days, as in PostgreSQL.
			fd := (total - float64(whole)) * 30
			days += int64(fd)
			micros += (fd - float64(int64(fd))) * 86400e6
		}
	}
	if len(fields) == 0 {
		return "", false
	}
	return formatInterval(months, days, int64(micros+sign(micros)*0.5)), true
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

// splitTrailingUnits splits "1day" into "1", "day".
func splitTrailingUnits(fields []string) []string {
	var out []string
	for _, f := range fields {
		i := 0
		for i < len(f) && (f[i] >= '0' && f[i] <= '9' || f[i] == '.' || f[i] == '-' || f[i] == '+') {
			i++
		}
		if i > 0 && i < len(f) && !strings.Contains(f, ":") {
			out = append(out, f[:i], f[i:])
			continue
		}
		out = append(out, f)
	}
	return out
}

func formatInterval(months, days, micros int64) string {
	var parts []string
	plural := func(n int64, unit string) string {
		if n == 1 || n == -1 {
			return strconv.FormatInt(n, 10) + " " + unit
		}
		return strconv.FormatInt(n, 10) + " " + unit + "s"
	}
	if y := months / 12; y != 0 {
		parts = append(parts, plural(y, "year"))
	}
	if m := months % 12; m != 0 {
		parts = append(parts, plural(m, "mon"))
	}
	if days != 0 {
		parts = append(parts, plural(days, "day"))
	}
	if micros != 0 || len(parts) == 0 {
		neg := micros < 0
		if neg {
			micros = -micros
		}
		h := micros / 3600e6
		m := micros / 60e6 % 60
		sec := micros / 1e6 % 60
		frac := micros % 1e6
		clock := ""
		if neg {
			clock = "-"
		} else if len(parts) > 0 && (months < 0 || days < 0) {
			clock = "+"
		}
		clock += pad2(h) + ":" + pad2(m) + ":" + pad2(sec)
		if frac != 0 {
			clock += "." + strings.TrimRight(strconv.FormatInt(1000000+frac, 10)[1:], "0")
		}
		parts = append(parts, clock)
	}
	return strings.Join(parts, " ")
}

func pad2(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

// canonJSONB prints a JSON document as jsonb_out does: object keys sorted
// by length and then bytes, duplicates resolved to the last value, ", " and
// ": " as separators.
func canonJSONB(s string) (string, bool) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return "", false
	}
	if dec.More() {
		return "", false
	}
	var b strings.Builder
	writeJSONB(&b, v)
	return b.String(), true
}

func writeJSONB(b *strings.Builder, v any) {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if len(keys[i]) != len(keys[j]) {
				return len(keys[i]) < len(keys[j])
			}
			return keys[i] < keys[j]
		})
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			writeJSONString(b, k)
			b.WriteString(": ")
			writeJSONB(b, x[k])
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			writeJSONB(b, e)
		}
		b.WriteByte(']')
	case string:
		writeJSONString(b, x)
	case json.Number:
		if s, ok := canonNumeric(string(x)); ok {
			b.WriteString(s)
		} else {
			b.WriteString(string(x))
		}
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case nil:
		b.WriteString("null")
	}
}

// writeJSONString escapes a string as PostgreSQL's escape_json does.
func writeJSONString(b *strings.Builder, s string) {
	var buf bytes.Buffer
	buf.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			buf.WriteString(`\"`)
		case '\\':
			buf.WriteString(`\\`)
		case '\b':
			buf.WriteString(`\b`)
		case '\f':
			buf.WriteString(`\f`)
		case '\n':
			buf.WriteString(`\n`)
		case '\r':
			buf.WriteString(`\r`)
		case '\t':
			buf.WriteString(`\t`)
		default:
			if r < 0x20 {
				buf.WriteString(`\u00`)
				buf.WriteString(strconv.FormatInt(int64(r)>>4, 16))
				buf.WriteString(strconv.FormatInt(int64(r)&15, 16))
			} else {
				buf.WriteRune(r)
			}
		}
	}
	buf.WriteByte('"')
	b.Write(buf.Bytes())
}

func canonUUID(s string) (string, bool) {
	h := strings.ToLower(strings.NewReplacer("-", "", "{", "", "}", "").Replace(strings.TrimSpace(s)))
	if len(h) != 32 {
		return "", false
	}
	for _, c := range h {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return "", false
		}
	}
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:], true
}

// parseArrayLiteral splits a one-dimensional array literal ('{a,"b c"}')
// into string constants; NULL elements become NULL constants.
func parseArrayLiteral(s string) ([]*pg.Node, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' {
		return nil, false
	}
	body := s[1 : len(s)-1]
	if strings.TrimSpace(body) == "" {
		return nil, false
	}
	var out []*pg.Node
	i := 0
	for {
		for i < len(body) && body[i] == ' ' {
			i++
		}
		var elem strings.Builder
		quoted := false
		if i < len(body) && body[i] == '"' {
			quoted = true
			i++
			for i < len(body) && body[i] != '"' {
				if body[i] == '\\' && i+1 < len(body) {
					i++
				}
				elem.WriteByte(body[i])
				i++
			}
			if i >= len(body) {
				return nil, false
			}
			i++
		} else {
			for i < len(body) && body[i] != ',' {
				if body[i] == '{' || body[i] == '"' {
					return nil, false
				}
				if body[i] == '\\' && i+1 < len(body) {
					i++
				}
				elem.WriteByte(body[i])
				i++
			}
		}
		text := elem.String()
		if !quoted {
			text = strings.TrimSpace(text)
		}
		if !quoted && strings.EqualFold(text, "null") {
			out = append(out, &pg.Node{Node: &pg.Node_AConst{AConst: &pg.A_Const{Isnull: true}}})
		} else {
			out = append(out, MakeString(text))
		}
		for i < len(body) && body[i] == ' ' {
			i++
		}
		if i >= len(body) {
			return out, true
		}
		if body[i] != ',' {
			return nil, false
		}
		i++
	}
}

// isoInterval rewrites an interval in the ISO 8601 format with
// designators (P1Y2M3DT4H5M6S, P2W) as "N unit" fields, which
// canonInterval reads.
func isoInterval(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 2 || s[0] != 'P' && s[0] != 'p' {
		return "", false
	}
	date, clock, _ := strings.Cut(strings.ToUpper(s[1:]), "T")
	var fields []string
	read := func(part string, units map[byte]string) bool {
		for part != "" {
			i := strings.IndexFunc(part, func(r rune) bool { return r >= 'A' && r <= 'Z' })
			if i <= 0 {
				return false
			}
			unit, ok := units[part[i]]
			if !ok {
				return false
			}
			fields = append(fields, part[:i], unit)
			part = part[i+1:]
		}
		return true
	}
	if !read(date, map[byte]string{'Y': "years", 'M': "months", 'W': "weeks", 'D': "days"}) ||
		!read(clock, map[byte]string{'H': "hours", 'M': "minutes", 'S': "seconds"}) || len(fields) == 0 {
		return "", false
	}
	return strings.Join(fields, " "), true
}

// canonArray prints a one-dimensional array literal as array_out does,
// each element in its own type's canonical form: '{"a", b}' and '{a,b}'
// agree. An element is quoted when it is empty, NULL, or holds a brace,
// a quote, a comma, a backslash or white space.
func canonArray(elem, s string) (string, bool) {
	if strings.TrimSpace(s) == "{}" {
		return "{}", true
	}
	if elem == "box" {
		// box arrays are delimited by semicolons.
		return "", false
	}
	elems, ok := parseArrayLiteral(s)
	if !ok {
		return "", false
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, e := range elems {
		if i > 0 {
			b.WriteByte(',')
		}
		c := e.GetAConst()
		if c.Isnull {
			b.WriteString("NULL")
			continue
		}
		v := canonLiteral(elem, c.GetSval().GetSval())
		if v != "" && !strings.EqualFold(v, "null") && !strings.ContainsAny(v, "{}\",\\ \t\n\r\v\f") {
			b.WriteString(v)
			continue
		}
		b.WriteByte('"')
		for _, r := range v {
			if r == '"' || r == '\\' {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String(), true
}

// canonBytea prints a bytea literal in the hex format bytea_out uses by
// default: '\x616263' for 'abc' written in the escape format.
func canonBytea(s string) (string, bool) {
	if h, ok := strings.CutPrefix(s, "\\x"); ok {
		h = strings.ToLower(strings.Join(strings.Fields(h), ""))
		if len(h)%2 != 0 || strings.Trim(h, "0123456789abcdef") != "" {
			return "", false
		}
		return "\\x" + h, true
	}
	var b strings.Builder
	b.WriteString("\\x")
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' {
			switch {
			case i+1 < len(s) && s[i+1] == '\\':
				i++
			case i+3 < len(s) && isOctal(s[i+1]) && isOctal(s[i+2]) && isOctal(s[i+3]) && s[i+1] <= '3':
				c = (s[i+1]-'0')<<6 | (s[i+2]-'0')<<3 | (s[i+3] - '0')
				i += 3
			default:
				return "", false
			}
		}
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String(), true
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }

// canonMacaddr prints a MAC address as macaddr_out does
// (08:00:2b:01:02:03), whichever of the accepted separators it was
// written with.
func canonMacaddr(s string) (string, bool) {
	h := strings.ToLower(strings.Map(func(r rune) rune {
		if r == ':' || r == '-' || r == '.' {
			return -1
		}
		return r
	}, strings.TrimSpace(s)))
	if len(h) != 12 || strings.Trim(h, "0123456789abcdef") != "" {
		return "", false
	}
	parts := make([]string, 6)
	for i := range parts {
		parts[i] = h[2*i : 2*i+2]
	}
	return strings.Join(parts, ":"), true
}

// rangeSubtypes are the built-in range types' subtypes.
var rangeSubtypes = map[string]string{
	"int4range": "integer", "int8range": "bigint", "numrange": "numeric", "daterange": "date",
	"tsrange": "timestamp without time zone", "tstzrange": "timestamp with time zone",
}

// canonRange prints a range literal as range_out does: bounds in their
// subtype's output form, quoted where they hold a bracket, a comma, a
// quote, a backslash or white space; a discrete range (of integers or
// dates) in its canonical [lower,upper) form, "empty" when that holds no
// value.
func canonRange(sub, s string) (string, bool) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "empty") {
		return "empty", true
	}
	if len(s) < 3 || s[0] != '[' && s[0] != '(' || s[len(s)-1] != ']' && s[len(s)-1] != ')' {
		return "", false
	}
	lowerInc, upperInc := s[0] == '[', s[len(s)-1] == ']'
	bounds, ok := rangeBounds(s[1 : len(s)-1])
	if !ok {
		return "", false
	}
	for i := range bounds {
		if bounds[i] != nil {
			v := canonLiteral(sub, *bounds[i])
			bounds[i] = &v
		}
	}
	lower, upper := bounds[0], bounds[1]
	if lower == nil {
		lowerInc = false
	}
	if upper == nil {
		upperInc = false
	}
	if next := rangeNext(sub); next != nil {
		if lower != nil && !lowerInc {
			if v, ok := next(*lower); ok {
				lower, lowerInc = &v, true
			} else {
				return "", false
			}
		}
		if upper != nil && upperInc {
			if v, ok := next(*upper); ok {
				upper, upperInc = &v, false
			} else {
				return "", false
			}
		}
		if lower != nil && upper != nil {
			if c, ok := rangeCompare(sub, *lower, *upper); !ok {
				return "", false
			} else if c >= 0 {
				return "empty", true
			}
		}
	}
	var b strings.Builder
	b.WriteByte("(["[btoi(lowerInc)])
	for i, v := range []*string{lower, upper} {
		if i > 0 {
			b.WriteByte(',')
		}
		if v == nil {
			continue
		}
		if *v != "" && !strings.ContainsAny(*v, "[](),\"\\ \t\n\r\v\f") {
			b.WriteString(*v)
			continue
		}
		b.WriteByte('"')
		for _, r := range *v {
			if r == '"' || r == '\\' {
				b.WriteRune(r)
			}
			b.WriteRune(r)
		}
		b.WriteByte('"')
	}
	b.WriteByte(")]"[btoi(upperInc)])
	return b.String(), true
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// rangeBounds splits the inside of a range literal at its comma into the
// two bounds, unquoting them; an empty, unquoted bound is infinite (nil).
func rangeBounds(s string) ([2]*string, bool) {
	var out [2]*string
	i := 0
	for k := 0; k < 2; k++ {
		var v strings.Builder
		quoted, seen := false, false
		for i < len(s) && (s[i] != ',' || quoted) {
			c := s[i]
			switch {
			case c == '"' && quoted && i+1 < len(s) && s[i+1] == '"':
				v.WriteByte('"')
				i++
			case c == '"':
				quoted, seen = !quoted, true
			case c == '\\' && i+1 < len(s):
				i++
				v.WriteByte(s[i])
			default:
				v.WriteByte(c)
			}
			i++
		}
		if quoted {
			return out, false
		}
		text := v.String()
		if !seen {
			text = strings.TrimSpace(text)
		}
		if text != "" || seen {
			out[k] = &text
		}
		if k == 0 {
			if i >= len(s) {
				return out, false
			}
			i++ // the comma
		}
	}
	return out, i == len(s)
}

// rangeNext returns the function giving the value after a value of a
// discrete subtype, nil for a continuous one.
func rangeNext(sub string) func(string) (string, bool) {
	switch sub {
	case "integer", "bigint":
		return func(v string) (string, bool) {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n == math.MaxInt64 {
				return "", false
			}
			return strconv.FormatInt(n+1, 10), true
		}
	case "date":
		return func(v string) (string, bool) {
			t, err := time.Parse("2006-01-02", v)
			if err != nil {
				return "", false // infinity, BC dates
			}
			return t.AddDate(0, 0, 1).Format("2006-01-02"), true
		}
	}
	return nil
}

// rangeCompare compares two bounds of a discrete subtype in canonical form.
func rangeCompare(sub, a, b string) (int, bool) {
	switch sub {
	case "integer", "bigint":
		x, err1 := strconv.ParseInt(a, 10, 64)
		y, err2 := strconv.ParseInt(b, 10, 64)
		if err1 != nil || err2 != nil {
			return 0, false
		}
		return cmp.Compare(x, y), true
	case "date":
		x, err1 := time.Parse("2006-01-02", a)
		y, err2 := time.Parse("2006-01-02", b)
		if err1 != nil || err2 != nil {
			return 0, false
		}
		return x.Compare(y), true
	}
	return 0, false
}
