# SPDX-License-Identifier: GPL-3.0-or-later
# retort-scale-bench: load time, planning, layout and memory against project size
# (bench/scale.sh builds it in Release mode and runs it).
qt_add_executable(retort-scale-bench scalebench.cpp)
retort_strict_target(retort-scale-bench)
target_link_libraries(retort-scale-bench PRIVATE Retort::Core)
set_target_properties(retort-scale-bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)
