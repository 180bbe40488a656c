CREATE TABLE flags (
    id INTEGER NOT NULL, 
    b BOOLEAN, 
    b2 BOOLEAN, 
    e VARCHAR(1), 
    e2 VARCHAR(1), 
    PRIMARY KEY (id), 
    CONSTRAINT ck_id CHECK (id > 0), 
    CHECK (b IN (0, 1)), 
    CONSTRAINT ck_b2 CHECK (b2 IN (0, 1)), 
    CONSTRAINT flag_e CHECK (e IN ('a', 'b')), 
    CONSTRAINT flag_e2 CHECK (e2 IN ('a', 'b'))
);

CREATE INDEX ix_fn ON flags (lower(e), id DESC);
