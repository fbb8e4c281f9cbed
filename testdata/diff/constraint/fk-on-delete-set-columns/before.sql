CREATE TABLE tenant (
    id integer PRIMARY KEY
);

CREATE TABLE account (
    tenant_id integer NOT NULL,
    id integer NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE invoice (
    tenant_id integer NOT NULL,
    id integer NOT NULL,
    account_id integer,
    FOREIGN KEY (tenant_id, account_id) REFERENCES account ON DELETE SET NULL
);
