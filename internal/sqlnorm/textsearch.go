package sqlnorm

import (
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// Text search parsers and templates are sets of C functions; dictionaries
// are a template with options, which ALTER changes in place; a
// configuration is a parser with a mapping from each of its token types
// to a list of dictionaries, which ALTER changes in place too.

var tsParserOptions = []optSpec{
	{name: "START", kind: optFunc},
	{name: "GETTOKEN", kind: optFunc},
	{name: "END", kind: optFunc},
	{name: "HEADLINE", kind: optFunc},
	{name: "LEXTYPES", kind: optFunc},
}

var tsTemplateOptions = []optSpec{
	{name: "INIT", kind: optFunc},
	{name: "LEXIZE", kind: optFunc},
}

var tsDictionaryOptions = []optSpec{
	{name: "TEMPLATE", kind: optName, ref: model.RefTSTemplate, lookup: KindTSTemplate},
}

var tsConfigOptions = []optSpec{
	{name: "PARSER", kind: optName, ref: model.RefTSParser, lookup: KindTSParser},
}

// textSearch builds CREATE TEXT SEARCH PARSER, TEMPLATE, DICTIONARY or
// CONFIGURATION.
func (d *definer) textSearch(s *pg.DefineStmt) (*model.Definition, error) {
	name, err := d.createName(Strings(s.Defnames))
	if err != nil {
		return nil, err
	}
	var kind model.Kind
	var specs []optSpec
	switch s.Kind {
	case pg.ObjectType_OBJECT_TSPARSER:
		kind, specs = model.KindTSParser, tsParserOptions
	case pg.ObjectType_OBJECT_TSTEMPLATE:
		kind, specs = model.KindTSTemplate, tsTemplateOptions
	case pg.ObjectType_OBJECT_TSDICTIONARY:
		kind, specs = model.KindTSDictionary, tsDictionaryOptions
	case pg.ObjectType_OBJECT_TSCONFIGURATION:
		kind, specs = model.KindTSConfig, tsConfigOptions
	}
	def := &model.Definition{ID: model.ObjectID{Kind: kind, Name: name}}
	elems := s.Definition
	var copyFrom []string
	switch kind {
	case model.KindTSDictionary:
		// Options other than TEMPLATE are the template's: settings.
		elems = nil
		for _, n := range s.Definition {
			de := n.GetDefElem()
			if de != nil && !strings.EqualFold(de.Defname, "template") {
				v, ok := defString(de.Arg)
				if !ok {
					if names := defNames(de.Arg); len(names) == 1 {
						v, ok = names[0], true
					}
				}
				if !ok {
					return nil, defError("the value of %s", de.Defname)
				}
				setSetting(def, dictOption(de.Defname, v))
				continue
			}
			elems = append(elems, n)
		}
	case model.KindTSConfig:
		elems = nil
		for _, n := range s.Definition {
			if de := n.GetDefElem(); de != nil && strings.EqualFold(de.Defname, "copy") {
				copyFrom = defNames(de.Arg)
				continue
			}
			elems = append(elems, n)
		}
	}
	vals, err := d.options(elems, specs, nil)
	if err != nil {
		return nil, err
	}
	if copyFrom != nil {
		if len(elems) > 0 {
			return nil, defError("CREATE TEXT SEARCH CONFIGURATION with both COPY and PARSER")
		}
		if err := d.copyConfig(def, vals, copyFrom); err != nil {
			return nil, err
		}
	}
	for _, sp := range specs {
		if vals[sp.name] == "" && sp.name != "HEADLINE" && sp.name != "INIT" {
			return nil, defError("CREATE %s without %s", kind.Info().Keyword, sp.name)
		}
	}
	def.Create = d.expr("CREATE " + kind.Info().Keyword + " " + pgsql.QualifiedName(name.Schema, name.Name) +
		" (" + renderOptions(vals, specs) + ")")
	return def, nil
}

// copyConfig gives a configuration created with COPY the parser and
// mappings of the one it copies: a built-in one, or one the files define
// (found through Lookup's definitions).
func (d *definer) copyConfig(def *model.Definition, vals map[string]string, names []string) error {
	n, err := d.name(KindTSConfig, model.RefTSConfig, names)
	if err != nil {
		return err
	}
	// The copy does not depend on its source.
	delete(d.q.refs, model.Ref{Kind: model.RefTSConfig, Name: n})
	if n.Schema == "pg_catalog" {
		cfg := builtinTSConfig(n.Name)
		if cfg == nil {
			return &UnknownError{Kind: KindTSConfig, Name: n.Name, Location: -1}
		}
		vals["PARSER"] = sqlName(model.Name{Schema: "pg_catalog", Name: cfg.parser})
		for _, m := range cfg.mappings {
			var dicts []model.Name
			for _, dict := range m.dicts {
				dicts = append(dicts, model.Name{Schema: "pg_catalog", Name: dict})
			}
			setSetting(def, mappingSetting(m.token, dicts))
		}
		return nil
	}
	if d.ns.Definition == nil {
		return &UnknownError{Kind: KindTSConfig, Name: n.String(), Location: -1}
	}
	src := d.ns.Definition(model.ObjectID{Kind: model.KindTSConfig, Name: n})
	if src == nil {
		return &UnknownError{Kind: KindTSConfig, Name: n.String(), Location: -1}
	}
	res, err := Parse(src.Create.SQL)
	if err != nil {
		return err
	}
	for _, opt := range res.Stmts[0].Stmt.GetDefineStmt().GetDefinition() {
		if de := opt.GetDefElem(); de != nil && de.Defname == "parser" {
			p, err := d.name(KindTSParser, model.RefTSParser, defNames(de.Arg))
			if err != nil {
				return err
			}
			vals["PARSER"] = sqlName(p)
		}
	}
	for _, s := range src.Settings {
		def.Settings = append(def.Settings, s)
		for _, r := range s.Value.Refs {
			d.q.refs[r] = true
		}
	}
	return nil
}

// dictOption is a dictionary option as a setting: ALTER TEXT SEARCH
// DICTIONARY d (name = 'value') sets it, (name) removes it. PostgreSQL
// keeps every value as a string, under the name as written.
func dictOption(name, value string) model.Setting {
	name = strings.ToLower(name)
	v := pgsql.QuoteIdent(name) + " = " + pgsql.QuoteLiteral(value)
	return model.Setting{Name: "OPTION " + name, Value: model.Expr{SQL: "(" + v + ")", Canon: v}, Reset: "(" + pgsql.QuoteIdent(name) + ")"}
}

// mappingSetting is a configuration's mapping of one token type.
func mappingSetting(token string, dicts []model.Name) model.Setting {
	var names []string
	var refs []model.Ref
	for _, n := range dicts {
		names = append(names, sqlName(n))
		if n.Schema != "pg_catalog" {
			refs = append(refs, model.Ref{Kind: model.RefTSDictionary, Name: n})
		}
	}
	list := strings.Join(names, ", ")
	tok := pgsql.QuoteIdent(token)
	return model.Setting{Name: "MAPPING FOR " + token,
		Value: model.Expr{SQL: "ALTER MAPPING FOR " + tok + " WITH " + list, Canon: list, Refs: model.SortRefs(refs)},
		Reset: "DROP MAPPING FOR " + tok}
}

// alterTSConfig applies ALTER TEXT SEARCH CONFIGURATION ... ADD, ALTER,
// DROP or REPLACE mappings.
func (d *definer) alterTSConfig(def *model.Definition, s *pg.AlterTSConfigurationStmt) error {
	tokens := Strings(s.Tokentype)
	switch s.Kind {
	case pg.AlterTSConfigType_ALTER_TSCONFIG_DROP_MAPPING:
		for _, t := range tokens {
			if !removeSetting(def, "MAPPING FOR "+t) && !s.MissingOk {
				return defError("DROP MAPPING FOR %s: the configuration has no mapping for it", t)
			}
		}
		return nil
	case pg.AlterTSConfigType_ALTER_TSCONFIG_REPLACE_DICT, pg.AlterTSConfigType_ALTER_TSCONFIG_REPLACE_DICT_FOR_TOKEN:
		if len(s.Dicts) != 2 {
			return defError("ALTER MAPPING REPLACE with %d dictionaries", len(s.Dicts))
		}
		from, err := d.name(KindTSDictionary, model.RefTSDictionary, Strings(s.Dicts[0].GetList().GetItems()))
		if err != nil {
			return err
		}
		to, err := d.name(KindTSDictionary, model.RefTSDictionary, Strings(s.Dicts[1].GetList().GetItems()))
		if err != nil {
			return err
		}
		for _, set := range slices.Clone(def.Settings) {
			token, ok := strings.CutPrefix(set.Name, "MAPPING FOR ")
			if !ok || (len(tokens) > 0 && !slices.Contains(tokens, token)) {
				continue
			}
			dicts, changed := mappingDicts(set), false
			for i, n := range dicts {
				if n == from {
					dicts[i], changed = to, true
				}
			}
			if changed {
				setSetting(def, mappingSetting(token, dicts))
			}
		}
		return nil
	}
	var dicts []model.Name
	for _, l := range s.Dicts {
		n, err := d.name(KindTSDictionary, model.RefTSDictionary, Strings(l.GetList().GetItems()))
		if err != nil {
			return err
		}
		dicts = append(dicts, n)
	}
	for _, t := range tokens {
		name := "MAPPING FOR " + t
		if s.Kind == pg.AlterTSConfigType_ALTER_TSCONFIG_ADD_MAPPING && def.Setting(name) != nil {
			return defError("ADD MAPPING FOR %s: the configuration has a mapping for it already", t)
		}
		setSetting(def, mappingSetting(t, dicts))
	}
	return nil
}

// mappingDicts reads the dictionaries of a mapping setting back.
func mappingDicts(s model.Setting) []model.Name {
	var out []model.Name
	for _, part := range strings.Split(s.Value.Canon, ", ") {
		names := pgsql.SplitQualified(part)
		if len(names) == 1 {
			out = append(out, model.Name{Schema: "pg_catalog", Name: names[0]})
		} else {
			out = append(out, model.Name{Schema: names[0], Name: names[1]})
		}
	}
	return out
}

// alterTSDictionary applies ALTER TEXT SEARCH DICTIONARY d (option [=
// value], ...): a value sets the option, none removes it.
func (d *definer) alterTSDictionary(def *model.Definition, s *pg.AlterTSDictionaryStmt) error {
	for _, n := range s.Options {
		de := n.GetDefElem()
		if de == nil {
			continue
		}
		if de.Arg == nil {
			removeSetting(def, "OPTION "+strings.ToLower(de.Defname))
			continue
		}
		v, ok := defString(de.Arg)
		if !ok {
			return defError("the value of %s", de.Defname)
		}
		setSetting(def, dictOption(de.Defname, v))
	}
	return nil
}
