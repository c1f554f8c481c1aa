// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profile.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace xcm {

// A profile described in a small key=value file, for scripts that set xcm up (the demo, provisioning):
//
//   name=Demo
//   host=127.0.0.1
//   port=5347
//   domain=demo.localhost
//   secret-file=/path/to/secret     (its first line; or secret=… in this file itself)
//   directTls=false  keepaliveSeconds=60  maxStanzaBytes=524288  reconnect=true  stableAfterSeconds=30
//   mode=proxy  listen=127.0.0.1:5348  (a proxy profile: the component connects there)
//   component-secret-file=/path      (or component-secret=…: the component's own secret, proxy only)
//
// Files that hold a secret should be readable by their owner only; readImportFile() warns otherwise.
class ProfileImport
{
    Q_DECLARE_TR_FUNCTIONS(xcm::ProfileImport)
public:
    struct Result
    {
        Profile profile; // a fresh id: the caller keeps the existing one when the name is already used
        QString secret;
        QString componentSecret; // proxy mode with profile.separateComponentSecret
        QString error;           // non-empty: nothing usable
        QStringList warnings;    // e.g. a secret file others can read
        bool ok() const { return error.isEmpty(); }
    };

    static Result readFile(const QString &fileName);

private:
    // mode=, listen=, component-secret(-file)=; false with result->error set.
    static bool readProxyFields(const QString &fileName, const QHash<QString, QString> &values,
                                Result *result);
};

} // namespace xcm
