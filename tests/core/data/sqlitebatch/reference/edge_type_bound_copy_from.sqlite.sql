CREATE TABLE _alembic_tmp_tb (
    id INTEGER NOT NULL, 
    flag BOOLEAN, 
    kind VARCHAR(1), 
    PRIMARY KEY (id), 
    CONSTRAINT ck_tb_flag CHECK (flag IN (0, 1)), 
    CHECK (kind IN ('x', 'y')), 
    CONSTRAINT ck_tb_v CHECK (v > 0)
);

INSERT INTO _alembic_tmp_tb (id, flag, kind) SELECT tb.id, tb.flag, tb.kind 
FROM tb;

DROP TABLE tb;

ALTER TABLE _alembic_tmp_tb RENAME TO tb;

