DROP INDEX `ix_Order_group` ON `Order`;

DROP TABLE `order`;
