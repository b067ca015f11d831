.mode list
.nullvalue NULL
.headers off
-- The SQL surface, pinned: every function the extension registers with its
-- arity, type (s scalar, a aggregate) and flags, then every table-valued
-- function with its columns. Functions the sqlite3 3.40 shell registers
-- itself are left out. RESULT_SUBTYPE (0x1000000) is unknown to 3.40 and
-- does not show in pragma_function_list.
select 'fn', name, narg, type,
       trim(case when flags & 0x800 then 'DETERMINISTIC ' else '' end ||
            case when flags & 0x200000 then 'INNOCUOUS ' else '' end ||
            case when flags & 0x80000 then 'DIRECTONLY ' else '' end ||
            case when flags & 0x100000 then 'SUBTYPE ' else '' end)
from pragma_function_list
where builtin = 0 and name not in (
  'bm25', 'decimal', 'decimal_add', 'decimal_cmp', 'decimal_mul', 'decimal_sub', 'decimal_sum',
  'edit', 'fts3_tokenizer', 'fts5', 'fts5_source_id', 'highlight', 'ieee754',
  'ieee754_exponent', 'ieee754_from_blob', 'ieee754_mantissa', 'ieee754_to_blob', 'lsmode',
  'match', 'matchinfo', 'offsets', 'optimize', 'readfile', 'regexp', 'regexpi', 'rtreecheck',
  'rtreedepth', 'rtreenode', 'sha3', 'sha3_query', 'shell_add_schema', 'shell_escape_crnl',
  'shell_idquote', 'shell_int32', 'shell_module_schema', 'shell_putsnl', 'snippet',
  'sqlar_compress', 'sqlar_uncompress', 'usleep', 'writefile', 'zipfile', 'zipfile_cds')
order by name, narg;
-- table-valued functions: every column, hidden ones marked
select 'tvf', m.name, (select group_concat(x.name || case when x.hidden then ' HIDDEN' else '' end, ', ')
                       from pragma_table_xinfo(m.name) x)
from pragma_module_list m
where m.name not like 'pragma\_%' escape '\' and m.name not in (
  'completion', 'dbstat', 'fsdir', 'fts3', 'fts3tokenize', 'fts4', 'fts4aux', 'fts5',
  'fts5vocab', 'generate_series', 'json_each', 'json_tree', 'rtree', 'rtree_i32',
  'sqlite_dbdata', 'sqlite_dbptr', 'sqlite_stmt', 'zipfile')
order by m.name;
-- the FTS5 tokenizer registers under the name conflict
create virtual table api_fts using fts5(body, tokenize = 'conflict');
select 'fts5', 'conflict', 'ok';
-- JSON results carry subtype 74: they nest as JSON, not as strings
select 'subtype', json_type(json_array(extract_places('Alep')), '$[0]'),
       json_type(json_array(extract_counts('12 morts')), '$[0]');
-- version has the form vX.Y.Z
select 'version', conflict_version() glob 'v[0-9]*.[0-9]*.[0-9]*';
