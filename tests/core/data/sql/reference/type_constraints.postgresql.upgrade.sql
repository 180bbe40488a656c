CREATE TYPE flag_e AS ENUM ('a', 'b');

CREATE TABLE flags (
    id SERIAL NOT NULL, 
    b BOOLEAN, 
    b2 BOOLEAN, 
    e flag_e, 
    e2 VARCHAR(1), 
    PRIMARY KEY (id), 
    CONSTRAINT ck_id CHECK (id > 0), 
    CONSTRAINT flag_e2 CHECK (e2 IN ('a', 'b'))
);

CREATE INDEX ix_fn ON flags (lower(e), id DESC);
