DROP TABLE typed;
