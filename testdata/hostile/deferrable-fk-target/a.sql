CREATE TABLE p (code text, CONSTRAINT p_code UNIQUE (code));
CREATE TABLE c (code text REFERENCES p (code));
