CREATE TABLE _alembic_tmp_flags (
    id INTEGER NOT NULL, 
    a VARCHAR(10) NOT NULL, 
    b VARCHAR(10), 
    c INTEGER, 
    d INTEGER, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_flags_c FOREIGN KEY(c) REFERENCES other (id), 
    CHECK (c > 0), 
    UNIQUE (c), 
    FOREIGN KEY(d) REFERENCES other (id)
);

INSERT INTO _alembic_tmp_flags (id, a, b, c, d) SELECT flags.id, flags.a, flags.b, flags.c, flags.d 
FROM flags;

DROP TABLE flags;

ALTER TABLE _alembic_tmp_flags RENAME TO flags;

