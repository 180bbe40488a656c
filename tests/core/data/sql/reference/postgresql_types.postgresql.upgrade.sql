CREATE TYPE pg_kind AS ENUM ('a', 'b');

CREATE TABLE pgtypes (
    id INTEGER GENERATED ALWAYS AS IDENTITY (INCREMENT BY 2 START WITH 1), 
    tags VARCHAR(20)[], 
    grid INTEGER[][], 
    ip INET, 
    net CIDR, 
    doc TSVECTOR, 
    raw BYTEA, 
    uid UUID, 
    ts TIMESTAMP(3) WITH TIME ZONE, 
    iv INTERVAL, 
    mood mood, 
    kind pg_kind, 
    kind2 pg_kind, 
    PRIMARY KEY (id)
);

CREATE TYPE standalone AS ENUM ('p', 'q');
