-- Types in the spellings PostgreSQL prints differently from how they are
-- written, changed between each other with rows in the table.
CREATE TABLE t (
    a interval second(3),
    b time(3) with time zone,
    c bit(8),
    d bit varying(5),
    e "char",
    f numeric(10,2)[],
    g character varying[],
    h timestamp(0) without time zone,
    i double precision,
    j int2vector,
    k money,
    l macaddr8,
    m interval day to minute,
    n char(3),
    o float(24),
    p money,
    q double precision
);
INSERT INTO t VALUES ('1 second', '10:00:00+02', B'10101010', B'101', 'x', '{1.5}', '{a}', '2024-01-01 10:00:00', 1.5, '1 2', 3.50, '08:00:2b:01:02:03:04:05', '1 day 2 hours', 'ab', 2.5, 7, 1.25);
