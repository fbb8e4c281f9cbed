CREATE TABLE log (msg text);
