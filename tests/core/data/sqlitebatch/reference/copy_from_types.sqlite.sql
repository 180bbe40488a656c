CREATE TABLE _alembic_tmp_typed (
    id BIGINT NOT NULL, 
    flag BOOLEAN DEFAULT 1 NOT NULL, 
    kind VARCHAR(3), 
    at DATETIME DEFAULT CURRENT_TIMESTAMP, 
    u CHAR(32), 
    f FLOAT NOT NULL, 
    blob BLOB, 
    other_id INTEGER, 
    PRIMARY KEY (id), 
    UNIQUE (kind, at), 
    FOREIGN KEY(other_id) REFERENCES other (id) ON DELETE CASCADE
);

INSERT INTO _alembic_tmp_typed (id, flag, kind, at, u, f, blob, other_id) SELECT typed.id, typed.flag, typed.kind, typed.at, typed.u, typed.f, typed.blob, typed.other_id 
FROM typed;

DROP TABLE typed;

ALTER TABLE _alembic_tmp_typed RENAME TO typed;

