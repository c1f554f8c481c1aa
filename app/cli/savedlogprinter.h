// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clioptions.h"

namespace xcm::cli {

// xcm-cli --read FILE: prints a saved log (a capture, or an export in either format) as the live
// traffic would be printed, only what --filter matches, then the lines it could not read. Returns the
// exit code: Success, or UsageError when the file cannot be opened or holds no stanza at all.
int printSavedLog(const CliOptions &options);

} // namespace xcm::cli
