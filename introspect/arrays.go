package introspect

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The catalog queries return many one-dimensional arrays: at 16x the
// MusicBrainz schema, four per object for privileges alone. pgx decodes an
// array's text through a general scan plan that builds each element in a
// bytes.Buffer, which cost a fifth of Inspect's client time and half of
// its allocations. The types below take the column as one string instead
// (through database/sql's Scanner, which pgx honours before its own plans)
// and cut the elements out of it, copying only an element that holds
// escapes. They read both of the server's formats: text, which Inspect's
// simple-protocol query gets, and binary, which a pool's pgx.Batch may get.

// textArray receives a one-dimensional array of text-like elements (text,
// name, "char").
type textArray []string

// int8Array receives a one-dimensional int8[] (the queries cast int2[],
// oid[] and the vectors to it).
type int8Array []int64

// boolArray receives a one-dimensional bool[].
type boolArray []bool

// Scan implements sql.Scanner.
func (a *textArray) Scan(src any) error {
	out, err := scanArray(src, func(s string) (string, error) { return s, nil })
	*a = out
	return err
}

// Scan implements sql.Scanner.
func (a *int8Array) Scan(src any) error {
	out, err := scanArray(src, func(s string) (int64, error) { return strconv.ParseInt(s, 10, 64) })
	*a = out
	return err
}

// Scan implements sql.Scanner.
func (a *boolArray) Scan(src any) error {
	out, err := scanArray(src, func(s string) (bool, error) {
		switch s {
		case "t", "true":
			return true, nil
		case "f", "false":
			return false, nil
		}
		return false, fmt.Errorf("invalid boolean %q", s)
	})
	*a = out
	return err
}

// errArrayNull reports a NULL element, which none of the queries returns:
// the element types have no way to hold one.
var errArrayNull = errors.New("array holds a NULL element")

// scanArray decodes src, an array column in text (string) or binary
// ([]byte) format, converting each element's text with conv; a NULL
// array gives a nil slice. Binary elements are converted to the text the
// server would print for them, so that one conv serves both formats.
func scanArray[T any](src any, conv func(string) (T, error)) ([]T, error) {
	var out []T
	add := func(s string) error {
		v, err := conv(s)
		if err != nil {
			return err
		}
		out = append(out, v)
		return nil
	}
	var err error
	switch src := src.(type) {
	case nil:
		return nil, nil
	case string:
		out = make([]T, 0, strings.Count(src, ",")+1)
		err = textElements(src, add)
	case []byte:
		out = []T{}
		err = binaryElements(src, add)
	default:
		err = fmt.Errorf("cannot scan %T", src)
	}
	if err != nil {
		return nil, fmt.Errorf("introspect: array column: %w", err)
	}
	return out, nil
}

// textElements calls fn with each element of a one-dimensional array in
// the server's text format: {a,"b c",NULL} with an optional bounds prefix
// ([0:2]=) that arrays with another lower bound than 1 carry.
func textElements(s string, fn func(string) error) error {
	if s != "" && s[0] == '[' {
		i := strings.Index(s, "]=")
		if i < 0 {
			return fmt.Errorf("malformed array %q", s)
		}
		s = s[i+2:]
	}
	if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' {
		return fmt.Errorf("malformed array %q", s)
	}
	body := s[1 : len(s)-1]
	if body == "" {
		return nil
	}
	for i := 0; ; {
		var elem string
		if body[i] == '"' {
			// A quoted element: backslash escapes the next byte. Only an
			// element that holds one is copied.
			j := i + 1
			var b *strings.Builder
			start := j
			for ; j < len(body) && body[j] != '"'; j++ {
				if body[j] == '\\' && j+1 < len(body) {
					if b == nil {
						b = &strings.Builder{}
					}
					b.WriteString(body[start:j])
					j++
					start = j
				}
			}
			if j >= len(body) {
				return fmt.Errorf("malformed array %q", s)
			}
			if b != nil {
				b.WriteString(body[start:j])
				elem = b.String()
			} else {
				elem = body[i+1 : j]
			}
			i = j + 1
		} else {
			j := strings.IndexByte(body[i:], ',')
			if j < 0 {
				j = len(body) - i
			}
			if body[i] == '{' {
				return fmt.Errorf("multidimensional array %q", s)
			}
			elem = body[i : i+j]
			if strings.EqualFold(elem, "NULL") {
				return errArrayNull
			}
			i += j
		}
		if err := fn(elem); err != nil {
			return err
		}
		if i >= len(body) {
			return nil
		}
		if body[i] != ',' {
			return fmt.Errorf("malformed array %q", s)
		}
		i++
		if i >= len(body) {
			return fmt.Errorf("malformed array %q", s)
		}
	}
}

// Element type oids of the binary format that need converting to text.
const (
	oidBool = 16
	oidInt8 = 20
	oidInt2 = 21
	oidInt4 = 23
	oidOID  = 26
)

// binaryElements calls fn with the text of each element of a
// one-dimensional array in the server's binary format: the number of
// dimensions, a has-NULL flag, the element type, each dimension's length
// and lower bound, then each element as a length and its bytes.
func binaryElements(b []byte, fn func(string) error) error {
	if len(b) < 12 {
		return errors.New("short binary array")
	}
	ndim := int32(binary.BigEndian.Uint32(b))
	elemType := binary.BigEndian.Uint32(b[8:])
	b = b[12:]
	if ndim == 0 {
		return nil
	}
	if ndim != 1 || len(b) < 8 {
		return fmt.Errorf("binary array of %d dimensions", ndim)
	}
	n := int(int32(binary.BigEndian.Uint32(b)))
	b = b[8:]
	for range n {
		if len(b) < 4 {
			return errors.New("short binary array")
		}
		size := int32(binary.BigEndian.Uint32(b))
		b = b[4:]
		if size < 0 {
			return errArrayNull
		}
		if int(size) > len(b) {
			return errors.New("short binary array")
		}
		v, rest := b[:size], b[size:]
		b = rest
		var text string
		switch {
		case elemType == oidBool && size == 1:
			text = "f"
			if v[0] != 0 {
				text = "t"
			}
		case elemType == oidInt8 && size == 8:
			text = strconv.FormatInt(int64(binary.BigEndian.Uint64(v)), 10)
		case elemType == oidInt4 && size == 4:
			text = strconv.FormatInt(int64(int32(binary.BigEndian.Uint32(v))), 10)
		case elemType == oidInt2 && size == 2:
			text = strconv.FormatInt(int64(int16(binary.BigEndian.Uint16(v))), 10)
		case elemType == oidOID && size == 4:
			text = strconv.FormatUint(uint64(binary.BigEndian.Uint32(v)), 10)
		default:
			// text, name, "char", varchar: the bytes are the text.
			text = string(v)
		}
		if err := fn(text); err != nil {
			return err
		}
	}
	return nil
}
