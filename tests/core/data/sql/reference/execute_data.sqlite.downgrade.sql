DELETE FROM account;
