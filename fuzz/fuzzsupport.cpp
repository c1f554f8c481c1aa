// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzsupport.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <cstdlib>

namespace xcm::fuzz {

namespace {

void messageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtDebugMsg || type == QtInfoMsg)
        return;
    std::fprintf(stderr, "Qt message during fuzzing: %s\n", qPrintable(message));
    std::abort();
}

} // namespace

void initialise(int *argc, char ***argv)
{
    // The plain Unix event dispatcher: cheaper per processEvents() than GLib's.
    qputenv("QT_NO_GLIB", "1");
    static QCoreApplication app(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));
    qInstallMessageHandler(messageHandler);
}

QList<qsizetype> chunkLengths(QByteArrayView data, qsizetype maxChunk)
{
    std::uint64_t state = 1469598103934665603ULL; // FNV-1a
    for (char c : data)
        state = (state ^ std::uint8_t(c)) * 1099511628211ULL;
    QList<qsizetype> lengths;
    qsizetype left = data.size();
    while (left > 0) {
        state ^= state << 13; // xorshift64
        state ^= state >> 7;
        state ^= state << 17;
        // Mostly short chunks (where boundaries fall inside tokens), sometimes long ones.
        const qsizetype limit = (state & 3) == 0 ? maxChunk : 8;
        const qsizetype length =
            std::min<qsizetype>(left, 1 + qsizetype((state >> 8) % std::uint64_t(limit)));
        lengths.append(length);
        left -= length;
    }
    return lengths;
}

void fail(const char *what, QByteArrayView detail)
{
    std::fprintf(stderr, "invariant violated: %s\n", what);
    if (!detail.isEmpty())
        std::fprintf(stderr, "  %.*s\n", int(std::min<qsizetype>(detail.size(), 2000)), detail.data());
    std::abort();
}

} // namespace xcm::fuzz
