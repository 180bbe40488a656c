// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace Retort::Fuzz {

// The fuzz targets, each one input at a time: they run the code under test on `bytes`
// and check what must always hold of the answer. false means a check failed (fail()
// printed which); crashes and sanitizer reports end the process. Used by the libFuzzer
// mains (fuzzmain.cpp, built with RETORT_FUZZ) and by tst_fuzzregressions, which replays
// the seed corpora and every input that once failed in a normal build.
bool tokenizer(const QByteArray &bytes);
bool parser(const QByteArray &bytes);
bool headerReader(const QByteArray &bytes);
bool interpreter(const QByteArray &bytes);
bool ini(const QByteArray &bytes);
bool url(const QByteArray &bytes);
bool revisionMap(const QByteArray &bytes);

struct Target
{
    const char *name; // the corpus folder and the executable's suffix: fuzz_<name>
    bool (*run)(const QByteArray &bytes);
};
// Every target, in the order of tests/fuzz/run.sh.
const QList<Target> &targets();

// Prints "<target>: <what>" to stderr and returns false.
bool fail(const char *target, const char *what);

} // namespace Retort::Fuzz
