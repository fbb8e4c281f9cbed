package sqlnorm

import (
	"fmt"
	"github.com/autogen-dev/autogen/internal/pgsql"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/model"
)

// PartitionKey converts the elements of a PARTITION BY clause to the
// model's key expression; colType returns the type of a column of the
// table. method is the index method whose default operator classes are
// implied: btree for range and list partitioning, hash for hash
// partitioning.
func PartitionKey(ns *Namespace, params []*pg.Node, method string, colType func(string) (string, bool)) (*model.Expr, error) {
	var sqlParts, canonParts []string
	var refs []model.Ref
	for _, p := range params {
		pe := p.GetPartitionElem()
		if pe == nil {
			return nil, &UnsupportedError{What: "this partition key", Location: -1}
		}
		name := pe.Name
		if cr := pe.Expr.GetColumnRef(); cr != nil && len(cr.Fields) == 1 {
			name = cr.Fields[0].GetString_().GetSval()
		}
		var sqlPart, canonPart string
		if name != "" {
			if _, ok := colType(name); !ok {
				return nil, &UnknownError{Kind: KindRelation, Name: "column " + name, Location: pe.Location}
			}
			sqlPart, canonPart = pgsql.QuoteIdent(name), pgsql.QuoteIdent(name)
			refs = append(refs, model.Ref{Kind: model.RefColumn, Column: name})
		} else {
			e, err := ns.Expr(pe.Expr, "")
			if err != nil {
				return nil, err
			}
			sqlPart, canonPart = "("+e.SQL+")", "("+e.Canon+")"
			refs = append(refs, e.Refs...)
		}
		if len(pe.Collation) > 0 {
			coll := pgsql.QualifiedName("", Strings(pe.Collation)[len(pe.Collation)-1])
			sqlPart += " COLLATE " + coll
			canonPart += " COLLATE " + coll
		}
		if len(pe.Opclass) > 0 {
			opc := Strings(pe.Opclass)
			opcName := opc[len(opc)-1]
			if found, def := Opclass("", method, opcName); !found || !def {
				sqlPart += " " + pgsql.QuoteIdent(opcName)
				canonPart += " " + pgsql.QuoteIdent(opcName)
			}
		}
		sqlParts = append(sqlParts, sqlPart)
		canonParts = append(canonParts, canonPart)
	}
	return &model.Expr{SQL: "(" + strings.Join(sqlParts, ", ") + ")", Canon: "(" + strings.Join(canonParts, ", ") + ")", Refs: model.SortRefs(refs)}, nil
}

// PartitionBound prints a partition bound as PostgreSQL stores it:
// "DEFAULT", "FOR VALUES IN ('a', 'b')", "FOR VALUES FROM ('1') TO
// (MAXVALUE)", "FOR VALUES WITH (modulus 4, remainder 0)". Values are
// rewritten in the output format of the key column's type (keyTypes, ""
// when unknown) and quoted, which PostgreSQL accepts for any key type.
func PartitionBound(spec *pg.PartitionBoundSpec, keyTypes []string) (string, error) {
	if spec.IsDefault {
		return "DEFAULT", nil
	}
	value := func(n *pg.Node, i int) (string, error) {
		typ := ""
		if i < len(keyTypes) {
			typ = keyTypes[i]
		}
		for {
			if tc := n.GetTypeCast(); tc != nil {
				n = tc.Arg
				continue
			}
			break
		}
		if cr := n.GetColumnRef(); cr != nil && len(cr.Fields) == 1 {
			// MINVALUE and MAXVALUE parse as column references.
			switch strings.ToLower(cr.Fields[0].GetString_().GetSval()) {
			case "minvalue":
				return "MINVALUE", nil
			case "maxvalue":
				return "MAXVALUE", nil
			}
		}
		if prd := n.GetPartitionRangeDatum(); prd != nil {
			switch prd.Kind {
			case pg.PartitionRangeDatumKind_PARTITION_RANGE_DATUM_MINVALUE:
				return "MINVALUE", nil
			case pg.PartitionRangeDatumKind_PARTITION_RANGE_DATUM_MAXVALUE:
				return "MAXVALUE", nil
			}
			n = prd.Value
		}
		if n.GetAConst() != nil && n.GetAConst().Isnull {
			return "NULL", nil
		}
		s, ok := ConstText(n)
		if !ok {
			return "", &UnsupportedError{What: "a partition bound that is not a constant", Location: spec.Location}
		}
		return pgsql.QuoteLiteral(CanonLiteral(typ, s)), nil
	}
	list := func(nodes []*pg.Node, perKey bool) (string, error) {
		var parts []string
		for i, n := range nodes {
			idx := 0
			if perKey {
				idx = i
			}
			v, err := value(n, idx)
			if err != nil {
				return "", err
			}
			parts = append(parts, v)
		}
		return "(" + strings.Join(parts, ", ") + ")", nil
	}
	switch spec.Strategy {
	case "l":
		l, err := list(spec.Listdatums, false)
		return "FOR VALUES IN " + l, err
	case "r":
		lo, err := list(spec.Lowerdatums, true)
		if err != nil {
			return "", err
		}
		hi, err := list(spec.Upperdatums, true)
		return "FOR VALUES FROM " + lo + " TO " + hi, err
	case "h":
		return fmt.Sprintf("FOR VALUES WITH (modulus %d, remainder %d)", spec.Modulus, spec.Remainder), nil
	}
	return "", &UnsupportedError{What: "this partition bound", Location: spec.Location}
}

// SplitKey splits a partition key list at top-level commas.
func SplitKey(s string) []string {
	var out []string
	depth, start := 0, 0
	quoted := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'' || c == '"':
			quoted = !quoted
		case quoted:
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ',' && depth == 0:
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}

// PartitionKeyTypes returns the types of a partitioned table's key
// columns, "" for expressions; partition bounds are printed in these types.
func PartitionKeyTypes(t *model.Table) []string {
	key := strings.TrimSuffix(strings.TrimPrefix(t.PartitionBy.Key.Canon, "("), ")")
	var out []string
	for _, part := range SplitKey(key) {
		name := strings.Trim(strings.Fields(part)[0], `"`)
		if c := t.Column(name); c != nil && !strings.HasPrefix(part, "(") {
			out = append(out, c.Type)
		} else {
			out = append(out, "")
		}
	}
	return out
}
