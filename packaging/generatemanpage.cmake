# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the manual page retort-cli(1) from the program's own help, so that it lists every
# command and option the binary has:
#   cmake -DRETORT_CLI=path/to/retort-cli -DINTRO=packaging/retort-cli.1.in -DOUTPUT=retort-cli.1
#         -DVERSION=0.1.0 -P generatemanpage.cmake
# INTRO holds the hand-written parts (NAME, SYNOPSIS, DESCRIPTION before the options, and
# the sections after the commands), with @GLOBAL_OPTIONS@ and @COMMANDS@ where the
# generated parts go. The help text is argparse-like: "usage: ..." lines, section titles
# ending in ':', and entries "  HEAD  help" whose help may continue on lines indented by 24.
cmake_minimum_required(VERSION 3.21)
foreach(var RETORT_CLI INTRO OUTPUT VERSION)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "generatemanpage.cmake: -D${var}=... is missing")
    endif()
endforeach()

# roff_escape(VAR TEXT): TEXT with roff's special characters escaped; a backslash first.
function(roff_escape var text)
    string(REPLACE "\\" "\\e" text "${text}")
    string(REPLACE "-" "\\-" text "${text}")
    if(text MATCHES "^[.']")
        set(text "\\&${text}")
    endif()
    set(${var} "${text}" PARENT_SCOPE)
endfunction()

# help_lines(VAR ARGS...): the output of `retort-cli ARGS`, one list element per line.
# List separators and brackets in the text are masked (CMake lists split on ';' and keep
# bracketed runs together) and unmasked again by unmask().
function(help_lines var)
    execute_process(COMMAND ${RETORT_CLI} ${ARGN}
                    OUTPUT_VARIABLE text ERROR_VARIABLE error RESULT_VARIABLE status)
    if(NOT status EQUAL 0 OR text STREQUAL "")
        message(FATAL_ERROR "generatemanpage.cmake: `retort-cli ${ARGN}` failed (${status}): ${error}")
    endif()
    string(REPLACE ";" "@SEMICOLON@" text "${text}")
    string(REPLACE "[" "@LBRACKET@" text "${text}")
    string(REPLACE "]" "@RBRACKET@" text "${text}")
    string(REGEX REPLACE "\n$" "" text "${text}")
    string(REPLACE "\n" ";" lines "${text}")
    set(${var} "${lines}" PARENT_SCOPE)
endfunction()

function(unmask var text)
    string(REPLACE "@SEMICOLON@" ";" text "${text}")
    string(REPLACE "@LBRACKET@" "[" text "${text}")
    string(REPLACE "@RBRACKET@" "]" text "${text}")
    set(${var} "${text}" PARENT_SCOPE)
endfunction()

# help_to_roff(VAR LINES): one help text as roff: the usage line as a synopsis, plain lines
# as paragraphs, section titles ("options:") in italics, entries as tagged paragraphs. With
# ONLY_SECTION set (e.g. "options:"), only the entries of that section, without its title.
function(help_to_roff var)
    set(roff "")
    set(section "")
    foreach(line IN LISTS ARGN)
        unmask(line "${line}")
        if(line STREQUAL "")
            set(section "")
            continue()
        endif()
        if(line MATCHES "^[^ ].*:$")
            set(section "${line}")
            if(NOT DEFINED ONLY_SECTION)
                roff_escape(title "${line}")
                string(APPEND roff ".PP\n.I ${title}\n")
            endif()
            continue()
        endif()
        if(DEFINED ONLY_SECTION AND NOT section STREQUAL ONLY_SECTION)
            continue()
        endif()
        if(line MATCHES "^usage: (.*)$")
            roff_escape(usage "${CMAKE_MATCH_1}")
            string(APPEND roff ".PP\n.B ${usage}\n")
        elseif(line MATCHES "^                        +(.*)$")
            roff_escape(help "${CMAKE_MATCH_1}")
            string(APPEND roff "${help}\n")
        elseif(line MATCHES "^  ([^ ].*[^ ]|[^ ])  +(.*)$")
            roff_escape(head "${CMAKE_MATCH_1}")
            roff_escape(help "${CMAKE_MATCH_2}")
            string(APPEND roff ".TP\n.B ${head}\n${help}\n")
        elseif(line MATCHES "^  ([^ ].*)$")
            roff_escape(head "${CMAKE_MATCH_1}")
            string(APPEND roff ".TP\n.B ${head}\n")
        else()
            roff_escape(text "${line}")
            string(APPEND roff ".PP\n${text}\n")
        endif()
    endforeach()
    set(${var} "${roff}" PARENT_SCOPE)
endfunction()

help_lines(global --help)

# The commands: the entries of the "commands:" section of the global help.
set(commands "")
set(in_commands OFF)
foreach(line IN LISTS global)
    if(line STREQUAL "commands:")
        set(in_commands ON)
    elseif(line STREQUAL "")
        set(in_commands OFF)
    elseif(in_commands AND line MATCHES "^  ([a-z][a-z0-9-]*) ")
        list(APPEND commands "${CMAKE_MATCH_1}")
    endif()
endforeach()
if(commands STREQUAL "")
    message(FATAL_ERROR "generatemanpage.cmake: no commands in `retort-cli --help`")
endif()

set(ONLY_SECTION "options:")
help_to_roff(GLOBAL_OPTIONS "${global}")
unset(ONLY_SECTION)

set(COMMANDS "")
foreach(command IN LISTS commands)
    help_lines(lines ${command} --help)
    help_to_roff(roff "${lines}")
    roff_escape(name "${command}")
    string(APPEND COMMANDS ".SS ${name}\n${roff}")
endforeach()

configure_file(${INTRO} ${OUTPUT} @ONLY)
