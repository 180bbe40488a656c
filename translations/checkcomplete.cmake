# SPDX-License-Identifier: GPL-3.0-or-later
#
# cmake -DLUPDATE=<lupdate> -DSOURCE_DIR=<repository> -DWORK_DIR=<scratch folder>
#       -P translations/checkcomplete.cmake
#
# Runs lupdate over the sources (core/, ui/ and app/gui/, as the update_translations target does)
# into copies of translations/*.ts and fails when any entry is left unfinished (a new or
# changed string nobody has translated) or vanished (a string the sources no longer have).
# The committed files are never touched. To fix a failure: build the update_translations
# target, translate the entries it marks unfinished (Qt Linguist), and commit the .ts files.
foreach(var LUPDATE SOURCE_DIR WORK_DIR)
    if(NOT ${var})
        message(FATAL_ERROR "checkcomplete.cmake: -D${var}=... is required")
    endif()
endforeach()

file(GLOB ts_files "${SOURCE_DIR}/translations/*.ts")
if(NOT ts_files)
    message(FATAL_ERROR "checkcomplete.cmake: no .ts files in ${SOURCE_DIR}/translations")
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

set(failures 0)
foreach(ts IN LISTS ts_files)
    get_filename_component(name "${ts}" NAME)
    file(COPY "${ts}" DESTINATION "${WORK_DIR}")
    execute_process(
        COMMAND "${LUPDATE}" -silent -locations relative -I core -I ui core ui app/gui
                -ts "${WORK_DIR}/${name}"
        WORKING_DIRECTORY "${SOURCE_DIR}"
        RESULT_VARIABLE result
        OUTPUT_VARIABLE output
        ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "checkcomplete.cmake: lupdate failed on ${name} (${result}):\n${output}")
    endif()

    file(READ "${WORK_DIR}/${name}" content)
    # One list item per message: semicolons in the text would split items, so hide them.
    string(REPLACE ";" "\\x3b" content "${content}")
    string(REPLACE "</message>" ";" messages "${content}")
    set(bad "")
    foreach(message IN LISTS messages)
        string(REGEX MATCH "type=\"(unfinished|vanished|obsolete)\"" state "${message}")
        if(state)
            string(REGEX MATCH "<source>([^<]*)</source>" source "${message}")
            set(text "${CMAKE_MATCH_1}")
            string(REPLACE "\\x3b" ";" text "${text}")
            string(REPLACE "&lt;" "<" text "${text}")
            string(REPLACE "&gt;" ">" text "${text}")
            string(REPLACE "&quot;" "\"" text "${text}")
            string(REPLACE "&apos;" "'" text "${text}")
            string(REPLACE "&amp;" "&" text "${text}")
            string(APPEND bad "\n  ${text} [${state}]")
        endif()
    endforeach()
    if(bad)
        message("${name}: entries that are not translated or no longer used:${bad}")
        math(EXPR failures "${failures} + 1")
    else()
        message("${name}: complete")
    endif()
endforeach()

if(failures GREATER 0)
    message(FATAL_ERROR "${failures} translation file(s) are incomplete: build the "
                        "update_translations target, translate what it marks unfinished and "
                        "commit translations/*.ts")
endif()
