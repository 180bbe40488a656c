CREATE TABLE _alembic_tmp_auto (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
    v VARCHAR(10) NOT NULL
);

INSERT INTO _alembic_tmp_auto (id, v) SELECT auto.id, auto.v 
FROM auto;

DROP TABLE auto;

ALTER TABLE _alembic_tmp_auto RENAME TO auto;

