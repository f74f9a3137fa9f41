-- Text search parsers, templates, dictionaries and configurations of the given schemas (not
-- extension members), each as the statements that make it again, written from pg_ts_* the way
-- pg_dump writes them: a configuration is created on its parser and given its mappings one token
-- type at a time (ALTER ... ADD MAPPING FOR token WITH dictionaries, in their order); a comment is
-- a statement of its own. Functions print as regproc, dictionaries as regdictionary: qualified
-- when outside pg_catalog (the inspector's search_path is empty).
WITH scope AS (SELECT ?::text[] AS schemas),
objects AS (
    SELECT 'pg_ts_parser' AS class_name, p.oid, 'TEXT_SEARCH_PARSER' AS kind, 'TEXT SEARCH PARSER' AS word,
           p.prsnamespace AS nsp, p.prsname AS name, '' AS suffix,
           ARRAY['CREATE TEXT SEARCH PARSER %s (' || concat_ws(', ',
               'START = ' || p.prsstart::pg_catalog.regproc::text,
               'GETTOKEN = ' || p.prstoken::pg_catalog.regproc::text,
               'END = ' || p.prsend::pg_catalog.regproc::text,
               'LEXTYPES = ' || p.prslextype::pg_catalog.regproc::text,
               CASE WHEN p.prsheadline <> 0 THEN 'HEADLINE = ' || p.prsheadline::pg_catalog.regproc::text END) || ')']
               AS statements
    FROM pg_catalog.pg_ts_parser p
    UNION ALL
    SELECT 'pg_ts_template', t.oid, 'TEXT_SEARCH_TEMPLATE', 'TEXT SEARCH TEMPLATE', t.tmplnamespace, t.tmplname, '',
           ARRAY['CREATE TEXT SEARCH TEMPLATE %s (' || concat_ws(', ',
               CASE WHEN t.tmplinit <> 0 THEN 'INIT = ' || t.tmplinit::pg_catalog.regproc::text END,
               'LEXIZE = ' || t.tmpllexize::pg_catalog.regproc::text) || ')']
    FROM pg_catalog.pg_ts_template t
    UNION ALL
    SELECT 'pg_ts_dict', d.oid, 'TEXT_SEARCH_DICTIONARY', 'TEXT SEARCH DICTIONARY', d.dictnamespace, d.dictname, '',
           ARRAY['CREATE TEXT SEARCH DICTIONARY %s (' || concat_ws(', ',
               'TEMPLATE = ' || pg_catalog.quote_ident(tn.nspname) || '.' || pg_catalog.quote_ident(t.tmplname),
               d.dictinitoption) || ')']
    FROM pg_catalog.pg_ts_dict d
    JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate
    JOIN pg_catalog.pg_namespace tn ON tn.oid = t.tmplnamespace
    UNION ALL
    SELECT 'pg_ts_config', c.oid, 'TEXT_SEARCH_CONFIGURATION', 'TEXT SEARCH CONFIGURATION', c.cfgnamespace, c.cfgname, '',
           ARRAY['CREATE TEXT SEARCH CONFIGURATION %s (PARSER = ' || pg_catalog.quote_ident(pn.nspname) || '.'
                 || pg_catalog.quote_ident(p.prsname) || ')']
           || COALESCE((SELECT array_agg('ALTER TEXT SEARCH CONFIGURATION %s ADD MAPPING FOR '
                                         || pg_catalog.quote_ident(tt.alias) || ' WITH ' || m.dicts
                                         ORDER BY tt.alias)
                        FROM (SELECT cm.maptokentype,
                                     string_agg(cm.mapdict::pg_catalog.regdictionary::text, ', ' ORDER BY cm.mapseqno) AS dicts
                              FROM pg_catalog.pg_ts_config_map cm WHERE cm.mapcfg = c.oid
                              GROUP BY cm.maptokentype) m
                        JOIN pg_catalog.ts_token_type(c.cfgparser) tt ON tt.tokid = m.maptokentype),
                       ARRAY[]::text[])
    FROM pg_catalog.pg_ts_config c
    JOIN pg_catalog.pg_ts_parser p ON p.oid = c.cfgparser
    JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace
)
\ir catalog_objects_in_scope.sql
