SELECT to_tsvector('plain', body), to_tsvector('mine', body) FROM docs;
