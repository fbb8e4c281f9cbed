CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE p (id int, m mood DEFAULT 'sad', ms mood[]);
CREATE INDEX p_m ON p (m) WHERE m = 'happy';
