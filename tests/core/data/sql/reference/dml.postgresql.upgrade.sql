INSERT INTO account (id, name) VALUES (3, 'x');

UPDATE account SET score=2.5 WHERE account.id = 3;

UPDATE account SET active=true WHERE account.name = 'a' AND account.active IS NULL;

DELETE FROM account WHERE account.id IN (1, 2);

DELETE FROM account WHERE account.name IN ('a', 'b');

INSERT INTO account (id, score) VALUES (1, 1e-05);

INSERT INTO account (id, name, score) VALUES (2, 'line
break', 10.0);
