// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;

namespace xcm {

// Help → About xcm: what xcm is, its version, the licence (GPL-3.0-or-later) with a link to the full
// text, where to find the project and report bugs, and the Qt and QtKeychain versions, which a bug
// report needs (Copy puts all of that on the clipboard as plain text).
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The facts a bug report needs, one per line, untranslated so that maintainers can read them.
    static QString versionReport();

private:
    QLabel *m_text = nullptr;
};

} // namespace xcm
