CREATE TABLE _alembic_tmp_ev (
    id INTEGER NOT NULL, 
    at DATETIME DEFAULT CURRENT_TIMESTAMP, 
    n INTEGER DEFAULT (1 + 1) NOT NULL, 
    s VARCHAR(10) DEFAULT 'y', 
    total INTEGER GENERATED ALWAYS AS (n * 2), 
    PRIMARY KEY (id)
);

INSERT INTO _alembic_tmp_ev (id, at, n, s, total) SELECT ev.id, ev.at, ev.n, ev.s, ev.total 
FROM ev;

DROP TABLE ev;

ALTER TABLE _alembic_tmp_ev RENAME TO ev;

