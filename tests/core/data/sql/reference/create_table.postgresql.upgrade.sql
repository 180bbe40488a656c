CREATE TABLE account (
    id SERIAL NOT NULL, 
    name VARCHAR(50) NOT NULL, 
    "Order" VARCHAR(200) DEFAULT 'x''y', 
    amount NUMERIC(12, 2) DEFAULT 0 NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    flag BOOLEAN DEFAULT false NOT NULL, 
    ratio FLOAT, 
    blob BYTEA, 
    data JSON, 
    day DATE, 
    at TIME WITHOUT TIME ZONE, 
    span INTERVAL, 
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

COMMENT ON TABLE account IS 'accounts table';

COMMENT ON COLUMN account.name IS 'the name';
