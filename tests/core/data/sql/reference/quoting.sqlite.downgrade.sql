DROP INDEX "ix_Order_group";

DROP TABLE "order";
