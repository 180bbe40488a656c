CREATE TABLE _alembic_tmp_account (
    id INTEGER NOT NULL, 
    name VARCHAR(50) NOT NULL, 
    email VARCHAR(100), 
    score INTEGER DEFAULT 0, 
    parent_id INTEGER, 
    notes TEXT NOT NULL, 
    CONSTRAINT pk_account PRIMARY KEY (id), 
    CONSTRAINT fk_account_parent FOREIGN KEY(parent_id) REFERENCES account (id) ON DELETE SET NULL, 
    CONSTRAINT ck_account_score CHECK (score >= 0), 
    CONSTRAINT uq_account_name UNIQUE (name), 
    UNIQUE (email)
);

INSERT INTO _alembic_tmp_account (id, name, email, score, parent_id, notes) SELECT account.id, account.name, account.email, account.score, account.parent_id, account.notes 
FROM account;

DROP TABLE account;

ALTER TABLE _alembic_tmp_account RENAME TO account;

CREATE UNIQUE INDEX ix_account_name_email ON account (name, email);

CREATE INDEX ix_account_score ON account (score);

CREATE UNIQUE INDEX ix_account_score ON account (score, id);

