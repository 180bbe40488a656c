CREATE TABLE _alembic_tmp_person (
    id INTEGER NOT NULL, 
    email VARCHAR(100), 
    PRIMARY KEY (id)
);

INSERT INTO _alembic_tmp_person (id, email) SELECT person.id, person.email 
FROM person;

DROP TABLE person;

ALTER TABLE _alembic_tmp_person RENAME TO person;

CREATE INDEX ix_person_lower_email ON person (lower(email));

CREATE INDEX ix_person_old ON person (old);

