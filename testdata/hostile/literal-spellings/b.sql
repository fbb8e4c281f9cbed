CREATE TABLE l (id int,
 n1 numeric DEFAULT 'inf', n2 numeric DEFAULT 1e3, n3 numeric DEFAULT .5,
 f1 float8 DEFAULT '-inf', f2 real DEFAULT 'nan',
 t1 timestamptz DEFAULT 'infinity', t2 date DEFAULT 'epoch', t3 time DEFAULT 'allballs',
 i1 interval DEFAULT 'P1DT2H', i2 interval DEFAULT '1.5 days', i3 interval DEFAULT '-1 day +2 hours',
 by bytea DEFAULT 'abc', bi bit varying DEFAULT X'5',
 c1 cidr DEFAULT '10.1', c2 inet DEFAULT '::ffff:1.2.3.4', m macaddr DEFAULT '08002b:010203',
 a1 text[] DEFAULT '{"a", "b c"}', a2 int[] DEFAULT '{1, 2}', a3 boolean[] DEFAULT '{true,false}',
 r1 int4range DEFAULT '[1,5]', r2 daterange DEFAULT '(2024-01-01,2024-02-01]',
 p point DEFAULT '1,2', ts tsvector DEFAULT 'b a', mo money DEFAULT 12.34,
 j json DEFAULT '{"b":1, "a":2}', u uuid DEFAULT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11',
 ch char(3) DEFAULT 'ab', vb varchar(5) DEFAULT 'x'
);
