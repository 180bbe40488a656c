CREATE TABLE aux._alembic_tmp_thing (
    id INTEGER NOT NULL, 
    v INTEGER, 
    PRIMARY KEY (id)
);

INSERT INTO aux._alembic_tmp_thing (id, v) SELECT aux.thing.id, CAST(aux.thing.v AS INTEGER) AS v 
FROM aux.thing;

DROP TABLE aux.thing;

ALTER TABLE aux._alembic_tmp_thing RENAME TO thing;

CREATE INDEX aux.ix_thing_v ON thing (v);

