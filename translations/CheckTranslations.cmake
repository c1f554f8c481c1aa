# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when translations/ lags behind the sources: runs lupdate on copies of the .ts files, then
# requires the template to come out unchanged and every German message to be finished.
# Run by the translations_current test; see translations/CMakeLists.txt for the variables.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(failed FALSE)
set(fix "run: cmake --build <build dir> --target update_translations, then translate what is unfinished")

foreach(ts ${TEMPLATE} ${TRANSLATIONS})
    get_filename_component(name ${ts} NAME)
    file(COPY ${ts} DESTINATION ${WORK_DIR})
    execute_process(COMMAND ${LUPDATE} ${OPTIONS} @${SOURCE_LIST} -ts ${WORK_DIR}/${name}
        RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name}:\n${output}")
    endif()
    file(READ ${ts} before)
    file(READ ${WORK_DIR}/${name} after)
    if(ts STREQUAL TEMPLATE)
        if(NOT before STREQUAL after)
            message(SEND_ERROR "${name} is out of date with the sources; ${fix}")
            set(failed TRUE)
        endif()
        continue()
    endif()
    # Unfinished messages, each with its source text, so that the log says what to translate (";" in a
    # text would split the CMake list).
    string(REPLACE ";" "," after_text "${after}")
    string(REGEX MATCHALL "<source>[^<]*</source>[^<]*(<comment>[^<]*</comment>[^<]*)?<translation type=\"unfinished\""
        unfinished "${after_text}")
    list(LENGTH unfinished count)
    if(count GREATER 0)
        set(list "")
        foreach(entry ${unfinished})
            string(REGEX REPLACE "<source>([^<]*)</source>.*" "\\1" text "${entry}")
            string(APPEND list "\n    ${text}")
        endforeach()
        message(SEND_ERROR "${name}: ${count} messages without a translation:${list}\n${fix}")
        set(failed TRUE)
    elseif(NOT before STREQUAL after)
        message(SEND_ERROR "${name} is out of date with the sources; ${fix}")
        set(failed TRUE)
    endif()
endforeach()
if(failed)
    message(FATAL_ERROR "translations are not current")
endif()
message(STATUS "translations are current")
