package sqlnorm

import (
	"fmt"
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// Strings returns the values of a list of String nodes, as in a qualified
// name; other nodes give "".
func Strings(nodes []*pg.Node) []string {
	if len(nodes) == 0 {
		// nil, not empty: the model's dump tells the two apart.
		return nil
	}
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = n.GetString_().GetSval()
	}
	return out
}

// StringNodes builds a list of String nodes.
func StringNodes(ss ...string) []*pg.Node {
	out := make([]*pg.Node, len(ss))
	for i, s := range ss {
		out[i] = pg.MakeStrNode(s)
	}
	return out
}

// ConstInt returns the value of an integer constant node.
func ConstInt(n *pg.Node) (int64, bool) {
	if c := n.GetAConst(); c != nil {
		switch v := c.Val.(type) {
		case *pg.A_Const_Ival:
			return int64(v.Ival.Ival), true
		case *pg.A_Const_Fval:
			i, err := strconv.ParseInt(v.Fval.Fval, 10, 64)
			return i, err == nil
		}
	}
	if i := n.GetInteger(); i != nil {
		return int64(i.Ival), true
	}
	return 0, false
}

// ConstText returns the text of a constant node as PostgreSQL would read it
// as an unknown-typed literal: the digits of a number, the string of a
// string, "true"/"false" for booleans. ok is false for NULL and non-constants.
func ConstText(n *pg.Node) (string, bool) {
	c := n.GetAConst()
	if c == nil || c.Isnull {
		return "", false
	}
	switch v := c.Val.(type) {
	case *pg.A_Const_Ival:
		return strconv.FormatInt(int64(v.Ival.Ival), 10), true
	case *pg.A_Const_Fval:
		return v.Fval.Fval, true
	case *pg.A_Const_Sval:
		return v.Sval.Sval, true
	case *pg.A_Const_Boolval:
		return strconv.FormatBool(v.Boolval.Boolval), true
	case *pg.A_Const_Bsval:
		return bitText(v.Bsval.Bsval), true
	}
	return "", false
}

// bitText turns the parser's bit-string constant (b1010 or xF) into the
// bits PostgreSQL prints ("1010", "1111").
func bitText(s string) string {
	if s == "" {
		return s
	}
	if s[0] == 'b' || s[0] == 'B' {
		return s[1:]
	}
	var sb strings.Builder
	for _, c := range strings.ToLower(s[1:]) {
		v := strings.IndexRune("0123456789abcdef", c)
		if v < 0 {
			return s
		}
		fmt.Fprintf(&sb, "%04b", v)
	}
	return sb.String()
}

// MakeString returns a string constant node.
func MakeString(s string) *pg.Node {
	return &pg.Node{Node: &pg.Node_AConst{AConst: &pg.A_Const{Val: &pg.A_Const_Sval{Sval: &pg.String{Sval: s}}, Location: -1}}}
}

// isNullConst reports whether n is the NULL constant, possibly cast.
func isNullConst(n *pg.Node) bool {
	for {
		if tc := n.GetTypeCast(); tc != nil {
			n = tc.Arg
			continue
		}
		c := n.GetAConst()
		return c != nil && c.Isnull
	}
}

// IsNullConst reports whether n is NULL, possibly with casts around it. A
// column default of NULL is no default at all.
func IsNullConst(n *pg.Node) bool { return isNullConst(n) }
