// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzentry.h"

#include <cstdio>

namespace Retort::Fuzz {

const QList<Target> &targets()
{
    static const QList<Target> all{
        {"tokenizer", tokenizer},     {"parser", parser}, {"header_reader", headerReader},
        {"interpreter", interpreter}, {"ini", ini},       {"url", url},
        {"revisionmap", revisionMap},
    };
    return all;
}

bool fail(const char *target, const char *what)
{
    std::fprintf(stderr, "fuzz_%s: %s\n", target, what);
    return false;
}

} // namespace Retort::Fuzz
