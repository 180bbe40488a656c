// SPDX-License-Identifier: GPL-3.0-or-later
// The libFuzzer entry point of one target: RETORT_FUZZ_TARGET names its function in
// fuzzentry.h. A failed check aborts, which libFuzzer reports as a crash and saves.
#include "fuzzentry.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Not copied: ASan then sees a read one past the end (the copy would add a NUL).
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    if (!Retort::Fuzz::RETORT_FUZZ_TARGET(bytes))
        std::abort();
    return 0;
}
