/* fuzz.h: the libFuzzer entry point every target defines. Built with
 * -fsanitize=fuzzer under VB_FUZZ; otherwise linked with standalone.c to
 * replay a folder of inputs (the regression corpus run by CTest). */
#ifndef VB_FUZZ_H
#define VB_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
