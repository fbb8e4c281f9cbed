CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'ecstatic');
CREATE TABLE p (id int, m mood DEFAULT 'ok', ms mood[]);
CREATE INDEX p_m ON p (m) WHERE m = 'happy';
