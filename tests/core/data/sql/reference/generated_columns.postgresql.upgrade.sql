CREATE TABLE gen (
    id SERIAL NOT NULL, 
    a INTEGER NOT NULL, 
    b INTEGER GENERATED ALWAYS AS (a * 2) STORED, 
    c INTEGER GENERATED ALWAYS AS (a + 1) STORED, 
    created TIMESTAMP WITHOUT TIME ZONE, 
    kind_id INTEGER NOT NULL, 
    code VARCHAR(8), 
    PRIMARY KEY (id), 
    UNIQUE (kind_id), 
    FOREIGN KEY(kind_id) REFERENCES kinds (id)
);

CREATE UNIQUE INDEX ab_first ON gen (c);

CREATE INDEX ix_gen_a_b ON gen (a, b);

CREATE UNIQUE INDEX ix_gen_code ON gen (code);
