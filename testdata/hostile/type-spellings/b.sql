CREATE TABLE t (
    a interval minute to second(2),
    b time(6) with time zone,
    c bit varying(8),
    d bit varying(10),
    e char(1),
    f numeric(12,2)[],
    g text[],
    h timestamp(3) with time zone,
    i real,
    j int2vector,
    k numeric(10,2),
    l macaddr8,
    m interval hour to minute,
    n varchar(3),
    o float(53),
    p bigint,
    q money
);
