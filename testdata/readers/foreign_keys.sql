-- Foreign key actions, including ON DELETE SET NULL and SET DEFAULT
-- limited to some of the key's columns (PostgreSQL 15).
CREATE TABLE account (
    tenant_id integer NOT NULL,
    id integer NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE TABLE invoice (
    tenant_id integer NOT NULL,
    id integer NOT NULL,
    account_id integer DEFAULT 0,
    other_id integer,
    CONSTRAINT invoice_account FOREIGN KEY (tenant_id, account_id) REFERENCES account ON DELETE SET NULL (account_id),
    CONSTRAINT invoice_other FOREIGN KEY (tenant_id, other_id) REFERENCES account ON UPDATE CASCADE ON DELETE SET DEFAULT (other_id) DEFERRABLE,
    CONSTRAINT invoice_full FOREIGN KEY (tenant_id, id) REFERENCES account MATCH FULL ON DELETE CASCADE
);
