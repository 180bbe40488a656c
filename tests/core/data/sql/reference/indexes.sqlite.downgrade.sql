DROP INDEX "Ix_Mixed";

DROP INDEX ix_len;

DROP INDEX ix_pg;

DROP INDEX ix_lower;

DROP INDEX ix_account_name_email;

DROP INDEX ix_account_name;
