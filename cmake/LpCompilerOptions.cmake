# Project-wide warning and sanitizer flags, applied per target with lp_set_target_options().
add_library(lp_compile_options INTERFACE)
target_compile_options(lp_compile_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
    -Woverloaded-virtual -Wold-style-cast -Wcast-align -Wnull-dereference -Wdouble-promotion)
if(LP_WERROR)
    target_compile_options(lp_compile_options INTERFACE -Werror)
endif()
# LP_FUZZ builds on the sanitizer build: the harnesses run under ASan+UBSan too, and CI builds both in
# one directory so that lp_model is compiled once for its tests and the fuzzers.
if(LP_SANITIZE OR LP_FUZZ)
    target_compile_options(lp_compile_options INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(lp_compile_options INTERFACE -fsanitize=address,undefined)
endif()
# lld links the ~100 test programs about three times faster than GNU ld (measured with clang 14 under
# ASan: 2.0 CPU seconds with ld.bfd against 0.7 with lld for one widget test), which is most of what
# linking costs CI on 2 cores. Used when the compiler accepts it; LP_LLD=OFF keeps the system linker.
if(LP_LLD)
    include(CheckLinkerFlag)
    check_linker_flag(CXX -fuse-ld=lld LP_HAVE_LLD)
    if(LP_HAVE_LLD)
        add_link_options(-fuse-ld=lld)
    endif()
endif()
if(LP_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "LP_FUZZ needs clang (libFuzzer); configure with CXX=clang++-14")
endif()
# libFuzzer's coverage instrumentation, for lp_model (what the harnesses fuzz) and the harnesses only
# (model/CMakeLists.txt, tests/fuzz/CMakeLists.txt): the ASan runtime gives every other program that
# links lp_model no-op coverage callbacks, so its tests still link and run (measured with clang 14 under
# ASan: lp_model compiles take about 10 CPU seconds more in all, and its tests run no measurably slower).
set(LP_FUZZ_COVERAGE_FLAGS -fsanitize=fuzzer-no-link)
# Qt's own headers are not ours to fix: they come in as system headers (see Qt6 config), but
# make sure moc output does not break -Werror on older Qt either.
target_compile_definitions(lp_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)

function(lp_set_target_options target)
    target_link_libraries(${target} PRIVATE lp_compile_options)
endfunction()

# Precompiled headers. lp_pch(TARGET model|ui|test-model|test-ui) gives a target the header set of its
# layer; targets of one group with identical flags share one PCH (REUSE_FROM the first of the group).
set(LP_PCH_MODEL_HEADERS
    <QtCore/QAbstractTableModel> <QtCore/QCoreApplication> <QtCore/QJsonArray> <QtCore/QJsonDocument>
    <QtCore/QJsonObject> <QtCore/QJsonValue> <QtCore/QLocale> <QtCore/QObject> <QtCore/QString>
    <QtCore/QStringList> <QtCore/QVariant> <algorithm> <cmath> <limits> <memory> <vector>)
# QCustomPlot's header is large: precompiled for the tests (all of them include it through uitestutil.h)
# but not for lp_ui, where most files do not need it and loading a bigger PCH costs them more than it
# saves the chart files (measured with gcc 12: a small dialog 4.4 s without a PCH, 8.5 s with it).
set(LP_PCH_UI_HEADERS ${LP_PCH_MODEL_HEADERS}
    <QtWidgets/QLabel> <QtWidgets/QWidget> <QtWidgets/QMainWindow> <QtWidgets/QAbstractSpinBox>
    <QtWidgets/QDoubleSpinBox> <QtWidgets/QLineEdit>)
function(lp_pch target kind)
    if(NOT LP_PCH)
        return()
    endif()
    get_property(owner GLOBAL PROPERTY LP_PCH_OWNER_${kind})
    if(owner)
        target_precompile_headers(${target} REUSE_FROM ${owner})
        return()
    endif()
    if(kind STREQUAL "model")
        target_precompile_headers(${target} PRIVATE ${LP_PCH_MODEL_HEADERS})
    elseif(kind STREQUAL "ui")
        target_precompile_headers(${target} PRIVATE ${LP_PCH_UI_HEADERS})
    elseif(kind STREQUAL "test-model")
        target_precompile_headers(${target} PRIVATE ${LP_PCH_MODEL_HEADERS} <QtTest/QTest>)
    elseif(kind STREQUAL "test-ui")
        target_precompile_headers(${target} PRIVATE ${LP_PCH_UI_HEADERS}
                                  "${PROJECT_SOURCE_DIR}/ui/charts/qcustomplot_include.h" <QtTest/QTest>)
    else()
        message(FATAL_ERROR "lp_pch: unknown kind ${kind}")
    endif()
    set_property(GLOBAL PROPERTY LP_PCH_OWNER_${kind} ${target})
endfunction()
