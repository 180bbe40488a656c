DROP TABLE t3;

DROP TABLE t2;

DROP TABLE orders;

DROP TYPE order_status;
