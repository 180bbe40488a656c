UPDATE account SET description = 'n/a' WHERE description IS NULL;

SELECT 'NULL', a::int, '100%' FROM t WHERE x = 'a:b';;

INSERT INTO account (id, name, ok, amount, day, at, f) VALUES (1, 'O''Reilly\\x', true, 1.50, '2024-01-02', '2024-01-02 03:04:05', 1.5);

INSERT INTO account (id, name, ok) VALUES (2, NULL, false);

UPDATE account SET name='y', ok=true WHERE account.name = 'x';
