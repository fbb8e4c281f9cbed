CREATE TABLE t (a timestamptz DEFAULT now(), b date DEFAULT CURRENT_DATE, c text DEFAULT 'x');
