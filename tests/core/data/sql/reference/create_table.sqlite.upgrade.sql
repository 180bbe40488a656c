CREATE TABLE account (
    id INTEGER NOT NULL, 
    name VARCHAR(50) NOT NULL, 
    "Order" VARCHAR(200) DEFAULT 'x''y', 
    amount NUMERIC(12, 2) DEFAULT 0 NOT NULL, 
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP, 
    flag BOOLEAN DEFAULT 0 NOT NULL, 
    ratio FLOAT, 
    blob BLOB, 
    data JSON, 
    day DATE, 
    at TIME, 
    span DATETIME, 
    big BIGINT, 
    small SMALLINT, 
    body TEXT, 
    parent_id INTEGER, 
    PRIMARY KEY (id), 
    CONSTRAINT uq_account_name_big UNIQUE (name, big), 
    CONSTRAINT ck_account_amount CHECK (amount >= 0), 
    CHECK (small > 0), 
    CONSTRAINT fk_parent FOREIGN KEY(parent_id) REFERENCES account (id) ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED, 
    UNIQUE (big), 
    FOREIGN KEY(parent_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE INDEX ix_account_day ON account (day);

CREATE UNIQUE INDEX ix_account_small ON account (small);
