// SPDX-License-Identifier: GPL-3.0-or-later
#include "respondersettingsbox.h"

#include "jid.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace xcm {

ResponderSettingsBox::ResponderSettingsBox(QWidget *parent)
    : QGroupBox(tr("As the component"), parent)
{
    const auto check = [this](const QString &text, const QString &name, const QString &toolTip) {
        auto *box = new QCheckBox(text, this);
        box->setObjectName(name);
        box->setToolTip(toolTip);
        return box;
    };
    m_enabled = check(tr("&Answer requests automatically:"), u"answerEnabled"_s,
                      tr("RFC 6120 wants every get and set answered; a silent component makes clients wait "
                         "for their own timeout"));
    m_ping = check(tr("ping"), u"answerPing"_s, tr("XEP-0199: an empty result"));
    m_disco = check(tr("disco"), u"answerDisco"_s, tr("XEP-0030: the identity below and the features"));
    m_version = check(tr("version"), u"answerVersion"_s, tr("XEP-0092: xcm and its version"));
    m_time = check(tr("time"), u"answerTime"_s, tr("XEP-0202: this machine's time and offset"));
    auto *answers = new QHBoxLayout;
    answers->addWidget(m_enabled);
    for (QCheckBox *box : {m_ping, m_disco, m_version, m_time})
        answers->addWidget(box);
    answers->addStretch();

    const auto edit = [this](const QString &name, const QString &placeholder) {
        auto *line = new QLineEdit(this);
        line->setObjectName(name);
        line->setPlaceholderText(placeholder);
        return line;
    };
    m_category = edit(u"identityCategory"_s, tr("category"));
    m_type = edit(u"identityType"_s, tr("type"));
    m_identityName = edit(u"identityName"_s, tr("name (default: the profile's)"));
    auto *identity = new QHBoxLayout;
    identity->addWidget(m_category, 1);
    identity->addWidget(m_type, 1);
    identity->addWidget(m_identityName, 2);
    m_features = edit(u"extraFeatures"_s, tr("more feature namespaces, separated by spaces"));
    m_features->setToolTip(tr("Listed in disco#info besides the answers that are on, e.g. what the real "
                              "component will offer"));
    m_items = new QPlainTextEdit(this);
    m_items->setObjectName(u"discoItems"_s);
    m_items->setTabChangesFocus(true);
    m_items->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_items->setPlaceholderText(tr("rooms.example.org | Chat rooms\nbot.example.org | commands | Commands"));
    m_items->setToolTip(tr("What disco#items lists, one item per line: a JID, then optionally ‘|’ and a "
                           "name, or ‘|’ a node ‘|’ a name. None by default."));
    m_items->setFixedHeight(m_items->fontMetrics().lineSpacing() * 3 + 2 * m_items->frameWidth() + 8);
    connect(m_items, &QPlainTextEdit::textChanged, this, [this] { Q_EMIT edited(m_items); });

    m_revealOs = check(tr("Tell the &operating system in version answers"), u"revealOs"_s,
                       tr("Anyone who asks learns what this machine runs: off by default"));

    m_byHand = check(tr("Answer other requests by &hand, for up to"), u"answerByHand"_s,
                     tr("Other get/set requests wait for your answer (Reply…, Ctrl+R) instead of getting "
                        "service-unavailable at once; at the limit they get it after all"));
    m_handLimit = new QSpinBox(this);
    m_handLimit->setObjectName(u"handAnswerLimit"_s);
    m_handLimit->setRange(0, 3600);
    m_handLimit->setSuffix(tr(" s"));
    m_handLimit->setSpecialValueText(tr("no limit"));
    m_handLimit->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    auto *byHand = new QHBoxLayout;
    byHand->addWidget(m_byHand);
    byHand->addWidget(m_handLimit);
    byHand->addStretch();

    m_requestTimeout = new QSpinBox(this);
    m_requestTimeout->setObjectName(u"requestTimeout"_s);
    m_requestTimeout->setRange(0, 3600);
    m_requestTimeout->setSuffix(tr(" s"));
    m_requestTimeout->setSpecialValueText(tr("never"));
    m_requestTimeout->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_requestTimeout->setToolTip(tr("After this, a request without an answer is marked in red in the log"));

    auto *form = new QFormLayout(this);
    form->addRow(answers);
    form->addRow(tr("Disco identit&y:"), identity);
    form->addRow(tr("E&xtra features:"), m_features);
    form->addRow(tr("Disco i&tems:"), m_items);
    form->addRow(QString(), m_revealOs);
    form->addRow(byHand);
    form->addRow(tr("Flag unans&wered after:"), m_requestTimeout);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(identity)))
        label->setBuddy(m_category);

    for (QCheckBox *box : {m_enabled, m_disco, m_version, m_byHand})
        connect(box, &QCheckBox::toggled, this, &ResponderSettingsBox::updateEnabled);
}

ResponderSettingsBox::~ResponderSettingsBox() = default;

void ResponderSettingsBox::load(const ResponderSettings &settings, milliseconds requestTimeout)
{
    m_enabled->setChecked(settings.enabled);
    m_ping->setChecked(settings.ping);
    m_disco->setChecked(settings.disco);
    m_version->setChecked(settings.version);
    m_time->setChecked(settings.time);
    m_category->setText(settings.identity.category);
    m_type->setText(settings.identity.type);
    m_identityName->setText(settings.identity.name);
    m_features->setText(settings.extraFeatures.join(u' '));
    {
        const QSignalBlocker loading(m_items); // loading is no edit
        m_items->setPlainText(formatItems(settings.items));
    }
    m_revealOs->setChecked(settings.revealOs);
    m_byHand->setChecked(settings.answerByHand);
    m_handLimit->setValue(int(duration_cast<seconds>(settings.handAnswerLimit).count()));
    m_requestTimeout->setValue(int(duration_cast<seconds>(requestTimeout).count()));
    updateEnabled();
}

ResponderSettings ResponderSettingsBox::settings(const ResponderSettings &base) const
{
    ResponderSettings settings = base;
    settings.enabled = m_enabled->isChecked();
    settings.ping = m_ping->isChecked();
    settings.disco = m_disco->isChecked();
    settings.version = m_version->isChecked();
    settings.time = m_time->isChecked();
    // An emptied field means the default, not an identity without a category.
    const ResponderSettings::Identity defaults;
    settings.identity.category =
        m_category->text().trimmed().isEmpty() ? defaults.category : m_category->text().trimmed();
    settings.identity.type = m_type->text().trimmed().isEmpty() ? defaults.type : m_type->text().trimmed();
    settings.identity.name = m_identityName->text().trimmed();
    settings.extraFeatures = m_features->text().split(QRegularExpression(u"[\\s,]+"_s), Qt::SkipEmptyParts);
    settings.items = parseItems(m_items->toPlainText());
    settings.revealOs = m_revealOs->isChecked();
    settings.answerByHand = m_byHand->isChecked();
    settings.handAnswerLimit = seconds(m_handLimit->value());
    return settings;
}

milliseconds ResponderSettingsBox::requestTimeout() const
{
    return seconds(m_requestTimeout->value());
}

QString ResponderSettingsBox::problem() const
{
    QString error;
    parseItems(m_items->toPlainText(), &error);
    return error;
}

QWidget *ResponderSettingsBox::problemField() const
{
    return m_items;
}

QList<ResponderSettings::DiscoItem> ResponderSettingsBox::parseItems(const QString &text, QString *error)
{
    QList<ResponderSettings::DiscoItem> items;
    const QStringList lines = text.split(u'\n');
    for (qsizetype number = 1; number <= lines.size(); ++number) {
        const QString line = lines.at(number - 1).trimmed();
        if (line.isEmpty())
            continue;
        QStringList parts = line.split(u'|');
        for (QString &part : parts)
            part = part.trimmed();
        if (parts.size() > 3) {
            if (error && error->isEmpty())
                *error = tr("Disco item on line %1: at most a JID, a node and a name, separated by ‘|’.")
                             .arg(number);
            continue;
        }
        QString jidError;
        if (!Jid::parse(parts.at(0), &jidError).isValid()) {
            if (error && error->isEmpty())
                *error = tr("Disco item on line %1: “%2” is not a JID: %3.")
                             .arg(number)
                             .arg(parts.at(0), jidError);
            continue;
        }
        ResponderSettings::DiscoItem item;
        item.jid = parts.at(0);
        if (parts.size() == 3) {
            item.node = parts.at(1);
            item.name = parts.at(2);
        } else if (parts.size() == 2) {
            item.name = parts.at(1);
        }
        items.append(item);
    }
    return items;
}

QString ResponderSettingsBox::formatItems(const QList<ResponderSettings::DiscoItem> &items)
{
    QStringList lines;
    for (const ResponderSettings::DiscoItem &item : items) {
        if (!item.node.isEmpty())
            lines.append(u"%1 | %2 | %3"_s.arg(item.jid, item.node, item.name));
        else if (!item.name.isEmpty())
            lines.append(u"%1 | %2"_s.arg(item.jid, item.name));
        else
            lines.append(item.jid);
    }
    return lines.join(u'\n');
}

void ResponderSettingsBox::setAnsweringApplies(bool applies)
{
    m_answeringApplies = applies;
    updateEnabled();
}

void ResponderSettingsBox::updateEnabled()
{
    m_enabled->setEnabled(m_answeringApplies);
    const bool on = m_answeringApplies && m_enabled->isChecked();
    for (QWidget *widget : std::initializer_list<QWidget *>{m_ping, m_disco, m_version, m_time, m_byHand})
        widget->setEnabled(on);
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_category, m_type, m_identityName, m_features, m_items})
        widget->setEnabled(on && m_disco->isChecked());
    m_revealOs->setEnabled(on && m_version->isChecked());
    m_handLimit->setEnabled(on && m_byHand->isChecked());
}

} // namespace xcm
