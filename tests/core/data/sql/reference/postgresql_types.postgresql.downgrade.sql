DROP TABLE pgtypes;

DROP TYPE standalone;

DROP TYPE pg_kind;
