DROP INDEX `Ix_Mixed` ON account;

DROP INDEX ix_len ON account;

DROP INDEX ix_pg ON account;

DROP INDEX ix_lower ON account;

DROP INDEX ix_account_name_email ON account;

DROP INDEX ix_account_name ON no_table;
