// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

namespace Retort {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {}

} // namespace Retort
