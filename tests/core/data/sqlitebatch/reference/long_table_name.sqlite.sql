CREATE TABLE _alembic_tmp_a_very_long_table_name_that_goes_beyo (
    id INTEGER NOT NULL, 
    PRIMARY KEY (id)
);

INSERT INTO _alembic_tmp_a_very_long_table_name_that_goes_beyo (id) SELECT a_very_long_table_name_that_goes_beyond_fifty_characters_x.id 
FROM a_very_long_table_name_that_goes_beyond_fifty_characters_x;

DROP TABLE a_very_long_table_name_that_goes_beyond_fifty_characters_x;

ALTER TABLE _alembic_tmp_a_very_long_table_name_that_goes_beyo RENAME TO a_very_long_table_name_that_goes_beyond_fifty_characters_x;

