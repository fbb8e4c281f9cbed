CREATE TABLE p (code text, extra int, CONSTRAINT p_code UNIQUE (code, extra));
CREATE TABLE c (code text, extra int, FOREIGN KEY (code, extra) REFERENCES p (code, extra) DEFERRABLE);
