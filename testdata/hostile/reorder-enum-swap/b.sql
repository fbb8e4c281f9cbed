CREATE TYPE region AS ENUM ('north', 'south');
CREATE TABLE shop (id int PRIMARY KEY, note text, r region DEFAULT 'north', rs region[]);
