CREATE TABLE r (id int, span int4range, spans int4multirange);
