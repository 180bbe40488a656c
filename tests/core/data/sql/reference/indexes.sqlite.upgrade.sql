CREATE INDEX ix_account_name ON account (name);

CREATE UNIQUE INDEX ix_account_name_email ON account (name, email);

CREATE INDEX ix_lower ON account (lower(name));

CREATE INDEX ix_pg ON account (name);

CREATE INDEX ix_len ON account (name);

CREATE INDEX "Ix_Mixed" ON account ("Order");
