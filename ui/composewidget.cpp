// SPDX-License-Identifier: GPL-3.0-or-later
// One cohesive thing: the compose form — its fields (template, From, To, the proxy's leg), the editor and
// its live check, sending, and the hand-over to and from the history beside it (answering by hand is
// ReplySelector's). Every part reads and writes the same fields and the same stanza being written.
#include "composewidget.h"

#include "composehistory.h"
#include "elidedlabel.h"
#include "historypane.h"
#include "jid.h"
#include "logcolors.h"
#include "plaintooltip.h"
#include "profilesession.h"
#include "replyselector.h"
#include "stanzaeditor.h"
#include "stanzapolicy.h"
#include "statestyle.h"
#include "threadedproxy.h"
#include "xmlelement.h"
#include "xmlhighlighter.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBlock>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace xcm {

ComposeWidget::ComposeWidget(ProfileSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName("compose"_L1);
    buildUi();
    refreshFromChoices();
    applyTemplate(StanzaTemplate::MessageChat);
    connect(m_session, &ProfileSession::changed, this, [this] { revalidate(); });
    connect(m_session, &ProfileSession::stateChanged, this, &ComposeWidget::clearOutcome);
    connect(m_session, &ProfileSession::pendingChanged, this, [this](int count) {
        if (count == 0 && m_waiting > 0 && m_session->state() == ConnectionState::Connected)
            setOutcome(tr("✓ Sent the waiting stanzas (%1) once connected").arg(m_waiting),
                       successTextColor(palette()));
        m_waiting = count;
        revalidate();
    });
    connect(m_session, &ProfileSession::pendingDiscarded, this,
            [this](int count, ProfileSession::DiscardCause cause) {
                if (cause == ProfileSession::DiscardCause::User)
                    setOutcome(tr("Discarded the waiting stanzas (%1); they are in History.").arg(count),
                               palette().color(QPalette::PlaceholderText));
                else
                    setOutcome(tr("✗ Not sent: the connection ended, so the waiting stanzas were "
                                  "discarded (%1); they are in History.")
                                   .arg(count),
                               errorTextColor(palette()));
            });
    connect(m_session, &ProfileSession::changed, this, &ComposeWidget::updateLegChoice);
    updateLegChoice();
    connect(m_session, &ProfileSession::profileChanged, this, [this](const Profile &profile) {
        m_domain->setText(u'@' + profile.settings.domain);
        onFieldsEdited(); // the 'from' domain follows the profile
    });
}

ComposeWidget::~ComposeWidget() = default;

void ComposeWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_highlighter && m_send) {
        m_highlighter->setColors(LogColors::forPalette(palette()));
        revalidate();
    }
}

void ComposeWidget::buildUi()
{
    m_template = new QComboBox(this);
    m_template->setObjectName("template"_L1);
    for (const StanzaTemplate kind : allStanzaTemplates()) {
        if (kind == StanzaTemplate::PresenceAvailable || kind == StanzaTemplate::IqDiscoInfo ||
            kind == StanzaTemplate::Raw)
            m_template->insertSeparator(m_template->count());
        m_template->addItem(templateName(kind), int(kind));
    }
    m_template->setToolTip(tr("Template: start from one; the editor below shows exactly what will be sent"));
    m_template->setAccessibleName(tr("Template"));
    connect(m_template, &QComboBox::activated, this, [this](int index) {
        endReply();
        applyTemplate(StanzaTemplate(m_template->itemData(index).toInt()));
    });

    // While replying it takes the template's place.
    m_reply = new ReplySelector(this);
    connect(m_reply, &ReplySelector::replyChosen, this, &ComposeWidget::setXml);
    connect(m_reply, &ReplySelector::stopRequested, this, [this] {
        endReply();
        m_template->setFocus();
    });

    m_from = new QComboBox(this);
    m_from->setObjectName("fromLocal"_L1);
    m_from->setEditable(true);
    m_from->setInsertPolicy(QComboBox::NoInsert);
    m_from->setMinimumContentsLength(8);
    m_from->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_from->lineEdit()->setPlaceholderText(tr("(domain only)"));
    m_from->setToolTip(tr("The local part of the sending address, and a resource after “/” if you want one; "
                          "the domain is the component's"));
    connect(m_from, &QComboBox::editTextChanged, this, [this] {
        if (!m_syncing)
            onFieldsEdited();
    });
    // A long component domain gives way (in its middle, whole in the tooltip) rather than widening the
    // window; a usual one stays whole while the To field has room to give.
    m_domain = new ElidedLabel(this);
    m_domain->setObjectName("fromDomain"_L1);
    m_domain->setText(u'@' + m_session->profile().settings.domain);
    m_domain->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    m_domain->setElideMode(Qt::ElideMiddle);
    m_domain->setWholeUpTo(m_domain->fontMetrics().averageCharWidth() * 28);

    m_to = new QLineEdit(this);
    m_to->setObjectName("to"_L1);
    m_to->setPlaceholderText(tr("user@example.org"));
    m_to->setToolTip(tr("The recipient's address (a JID)"));
    m_to->setMinimumWidth(m_to->fontMetrics().horizontalAdvance(u"user@example"_s) + 16);
    connect(m_to, &QLineEdit::textEdited, this, [this] {
        if (!m_syncing)
            onFieldsEdited();
    });

    m_editor = new StanzaEditor(this);
    m_editor->setObjectName("xmlEditor"_L1);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(true);
    m_editor->setPlaceholderText(tr("<message from='bot@comp.example' to='user@example.org'>…</message>"));
    m_editor->setAccessibleName(tr("Stanza XML"));
    m_highlighter = new XmlHighlighter(m_editor->document());
    m_highlighter->setColors(LogColors::forPalette(palette()));
    connect(m_editor, &StanzaEditor::stanzaTextChanged, this, [this] {
        if (!m_syncing)
            onXmlEdited();
    });

    m_status = new QLabel(this);
    m_status->setObjectName("validation"_L1);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_leg = new QComboBox(this);
    m_leg->setObjectName("injectLeg"_L1);
    m_leg->addItem(tr("To the server (as the component)"), int(ProfileSession::Leg::ToServer));
    m_leg->addItem(tr("To the component (as the server)"), int(ProfileSession::Leg::ToComponent));
    m_leg->setToolTip(tr("Inject the stanza into the proxied stream: towards the server as if your "
                         "component had sent it, or towards your component as if the server had"));
    m_leg->setAccessibleName(tr("Inject"));
    connect(m_leg, &QComboBox::currentIndexChanged, this, [this] {
        const bool toComponent = towardsComponent();
        m_fromLabel->setText(toComponent ? tr("T&o:") : tr("&From:"));
        m_toLabel->setText(toComponent ? tr("&From:") : tr("T&o:"));
        m_from->setToolTip(toComponent ? tr("The local part of the component's address the stanza goes to, "
                                            "and a resource after “/” if you want one")
                                       : tr("The local part of the sending address, and a resource after "
                                            "“/” if you want one; the domain is the component's"));
        onFieldsEdited(); // the addresses change places in the editor
    });

    m_send = new QPushButton(QIcon(u":/xcm/icons/send.svg"_s), tr("&Send"), this);
    m_send->setObjectName("sendButton"_L1);
    m_send->setToolTip(tr("Send this stanza (Ctrl+Return)"));
    connect(m_send, &QPushButton::clicked, this, &ComposeWidget::send);

    // History: the stanzas sent from here, newest first.
    m_history = new HistoryPane(
        m_session->history(), [this] { return canHandOver(); }, this);
    connect(m_history, &HistoryPane::editRequested, this, &ComposeWidget::loadHistoryEntry);
    connect(m_history, &HistoryPane::resendRequested, this, &ComposeWidget::resendHistoryEntry);
    connect(m_session, &ProfileSession::changed, m_history, &HistoryPane::updateButtons);
    connect(m_session->history(), &QAbstractItemModel::rowsInserted, this, [this] { refreshFromChoices(); });

    // Layout: the form on the left, the history on the right, split so either can grow.
    auto *fields = new QHBoxLayout;
    fields->setSpacing(6);
    auto *fromLabel = new QLabel(tr("&From:"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("T&o:"), this);
    toLabel->setBuddy(m_to);
    m_fromLabel = fromLabel;
    m_toLabel = toLabel;
    fields->addWidget(m_template);
    fields->addWidget(m_reply);
    fields->addSpacing(8);
    fields->addWidget(fromLabel);
    fields->addWidget(m_from);
    fields->addWidget(m_domain);
    fields->addSpacing(8);
    fields->addWidget(toLabel);
    fields->addWidget(m_to, 1);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_leg, 0, Qt::AlignTop);
    bottom->addWidget(m_send, 0, Qt::AlignTop);

    auto *form = new QWidget(this);
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(fields);
    formLayout->addWidget(m_editor, 1);
    formLayout->addLayout(bottom);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName("composeSplitter"_L1);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(form);
    splitter->addWidget(m_history);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    // At first the history takes two sevenths, scaled to the splitter's width when shown: room for a
    // usual entry ("20:14:24  iq get · ping → user@example.org"), which its minimum cut to "20:14:24  i…
    // → user…t/qa".
    const int character = fontMetrics().averageCharWidth();
    splitter->setSizes({100 * character, 40 * character});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 8);
    layout->addWidget(splitter);
}

StanzaTemplate ComposeWidget::currentTemplate() const
{
    return StanzaTemplate(m_template->currentData().toInt());
}

QString ComposeWidget::fromAddress() const
{
    // The field holds a local part, "local/resource" or "/resource" (the domain's own); a whole address
    // typed or pasted in stands as it is, and validation says so if it is not on the domain.
    const QString typed = m_from->currentText().trimmed();
    const QString domain = m_session->profile().settings.domain;
    const qsizetype slash = typed.indexOf(u'/');
    const QString local = slash < 0 ? typed : typed.first(slash);
    if (local.contains(u'@'))
        return typed;
    const QString resource = slash < 0 ? QString() : typed.sliced(slash); // with its '/'
    return (local.isEmpty() || local.compare(domain, Qt::CaseInsensitive) == 0 ? domain
                                                                               : local + u'@' + domain) +
           resource;
}

void ComposeWidget::applyTemplate(StanzaTemplate kind)
{
    const int index = m_template->findData(int(kind));
    if (index >= 0)
        m_template->setCurrentIndex(index);
    if (kind == StanzaTemplate::Raw) {
        focusEditor(); // keep the text: raw means "edit freely"
        return;
    }
    const QString id = templateNeedsId(kind) ? newStanzaId() : QString();
    const QString own = fromAddress();
    const QString peer = m_to->text().trimmed();
    setXml(towardsComponent() ? templateXml(kind, peer, own, id) : templateXml(kind, own, peer, id));
}

void ComposeWidget::prepareReply(const Stanza &request)
{
    // In a proxy, a request the component sent is answered towards it, as the server would.
    const bool toComponent = m_session->isProxy() && request.direction() == Direction::Sent;
    setLeg(toComponent ? ProfileSession::Leg::ToComponent : ProfileSession::Leg::ToServer);
    // The address fields first (they regenerate a template's XML), then the raw answer itself.
    const QString own = toComponent ? request.from() : request.to();
    const qsizetype at = own.indexOf(u'@');
    setFromLocalPart(at < 0 ? QString() : own.first(at));
    setTo(toComponent ? request.to() : request.from());
    const int raw = m_template->findData(int(StanzaTemplate::Raw));
    if (raw >= 0)
        m_template->setCurrentIndex(raw);
    m_template->hide();
    m_reply->start(request);
    focusEditor();
}

void ComposeWidget::endReply()
{
    m_reply->stop();
    m_template->show();
}

void ComposeWidget::setFromLocalPart(const QString &local)
{
    m_from->setEditText(local);
}

void ComposeWidget::setTo(const QString &to)
{
    m_to->setText(to);
    onFieldsEdited();
}

void ComposeWidget::setXml(const QString &xml)
{
    m_editor->setStanzaText(xml);
}

QString ComposeWidget::xml() const
{
    return m_editor->stanzaText();
}

void ComposeWidget::focusEditor()
{
    m_editor->setFocus();
}

void ComposeWidget::onFieldsEdited()
{
    clearOutcome();
    // The fields write into the editor's root element, keeping the rest of the text as typed.
    QString text = m_editor->stanzaText();
    text = setRootAttribute(text, ownAttribute(), fromAddress());
    text = setRootAttribute(text, peerAttribute(), m_to->text().trimmed());
    m_from->lineEdit()->setPlaceholderText(tr("(domain only)")); // the XML has a 'from' again
    if (text != m_editor->stanzaText()) {
        m_syncing = true;
        const int position = m_editor->textCursor().position();
        setXml(text);
        if (!m_editor->isHeld()) {
            QTextCursor cursor = m_editor->textCursor();
            cursor.setPosition(std::min<int>(position, int(text.size())));
            m_editor->setTextCursor(cursor);
        }
        m_syncing = false;
    }
    revalidate();
}

void ComposeWidget::onXmlEdited()
{
    clearOutcome();
    // And the editor writes back into the fields when its addresses change. One parse serves both:
    // a 500 KB stanza of 20,000 elements takes ~50 ms to parse.
    const EditorCheck check = checkEditor();
    const XmlElement &element = check.parsed;
    if (!element.isNull()) {
        m_syncing = true;
        // An empty field reads as "from the domain": without the attribute, or with an empty one, it says
        // so instead, as Send will refuse it (found by QA: the field read "(domain only)" over such XML).
        const QString ownText = element.attribute(ownAttribute());
        const bool hasOwn = element.hasAttribute(ownAttribute());
        m_from->lineEdit()->setPlaceholderText(!hasOwn             ? tr("(none)")
                                               : ownText.isEmpty() ? tr("(empty)")
                                                                   : tr("(domain only)"));
        // An address elsewhere stands as written, as if typed here (it kept the field's last one).
        QString field = ownText;
        if (const Jid own = Jid::parse(ownText);
            own.isValid() && own.domain() == m_session->profile().settings.domain.toLower())
            field = own.resource().isEmpty() ? own.local() : own.local() + u'/' + own.resource();
        if (field != m_from->currentText().trimmed())
            m_from->setEditText(field);
        const QString peer = element.attribute(peerAttribute());
        if (peer != m_to->text().trimmed())
            m_to->setText(peer);
        // The selector says what the editor holds: a template's kind, or raw XML once it is none.
        if (!m_reply->isReplying()) {
            const int index = m_template->findData(int(templateMatching(element)));
            if (index >= 0)
                m_template->setCurrentIndex(index);
        }
        m_syncing = false;
    }
    revalidate(check);
}

ComposeWidget::EditorCheck ComposeWidget::checkEditor() const
{
    // The session's changes revalidate too; an unchanged text is not parsed again.
    const QByteArray bytes = m_editor->stanzaText().toUtf8();
    StanzaPolicy policy = StanzaPolicy::forSettings(m_session->profile().settings,
                                                    towardsComponent() ? StanzaPolicy::Toward::Component
                                                                       : StanzaPolicy::Toward::Server);
    policy.exactDomainCase = true; // what the user wrote, which a server may compare letter for letter
    if (m_lastCheck.bytes == bytes && !m_lastCheck.bytes.isNull() && m_lastCheck.policy == policy)
        return m_lastCheck;
    EditorCheck check;
    check.bytes = bytes;
    check.policy = policy;
    // Refused, yet perhaps well-formed: the fields still follow it, from the same parse (a stanza over
    // the size limit is refused before it is parsed, and they do not).
    check.problem = policy.check(check.bytes, nullptr, &check.parsed);
    m_lastCheck = check;
    return check;
}

void ComposeWidget::revalidate()
{
    revalidate(checkEditor());
}

void ComposeWidget::revalidate(const EditorCheck &check)
{
    const QByteArray &bytes = check.bytes;
    const ConnectionSettings &settings = m_session->profile().settings;
    QString problem = check.problem;
    const bool valid = problem.isEmpty();
    QString toError;
    if (!m_to->text().trimmed().isEmpty() && !Jid::parse(m_to->text().trimmed(), &toError).isValid()) {
        m_to->setStyleSheet(u"QLineEdit { border: 1px solid %1; }"_s.arg(errorTextColor(palette()).name()));
        m_to->setToolTip(PlainToolTip::of(tr("Not a valid address: %1").arg(toError)));
    } else {
        m_to->setStyleSheet({});
        m_to->setToolTip(tr("The recipient's address (a JID)"));
    }

    // A proxy relays only while the component and the server are both connected.
    const bool connected = m_session->state() == ConnectionState::Connected &&
                           (!m_session->isProxy() || m_session->proxy()->hasComponent());
    const QString size = formatBytes(quint64(bytes.trimmed().size()));
    const QColor quiet = this->palette().color(QPalette::PlaceholderText);
    QString text;
    QColor color;
    const XmlElement &parsed = check.parsed;
    if (!valid && !parsed.isNull() && parsed.attribute(peerAttribute()).isEmpty() &&
        m_to->text().trimmed().isEmpty()) {
        // Not a mistake yet, just not finished: say what is missing without the alarm colour.
        text = towardsComponent() ? tr("Enter the sender's address in From.")
                                  : tr("Enter the recipient's address in To.");
        color = quiet;
    } else if (!valid) {
        text = u"✗ "_s + problem;
        color = errorTextColor(palette());
    } else if (connected) {
        text = tr("✓ Ready to send (%1)").arg(size);
        color = successTextColor(palette());
    } else if (m_session->canQueue()) {
        text = tr("✓ Valid (%1) — Send queues it until the connection is up").arg(size);
        color = quiet;
    } else if (m_session->isActive() && m_waiting >= settings.maxPendingStanzas) {
        problem = tr("%1 stanzas are already waiting for the connection").arg(m_waiting);
        text = u"✗ "_s + problem;
        color = errorTextColor(palette());
    } else if (m_session->isProxy()) {
        problem = tr("the proxy is not relaying");
        text =
            tr("✓ Valid (%1) — can be injected while the component is connected through the proxy").arg(size);
        color = quiet;
    } else {
        problem = tr("not connected");
        text = tr("✓ Valid (%1) — connect to send").arg(size);
        color = quiet;
    }
    // What became of the last stanza handed over outranks the check of the unchanged editor; stanzas
    // waiting for the connection are said as long as they wait.
    if (!m_outcome.isEmpty()) {
        text = m_outcome;
        color = m_outcomeColor;
    } else if (valid && m_waiting > 0) {
        text = tr("Queued — %1 waiting for the connection").arg(m_waiting);
        color = this->palette().color(QPalette::WindowText);
    }
    m_status->setText(text);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, color);
    m_status->setPalette(palette);

    const bool couldSend = m_problem.isEmpty();
    m_problem = problem;
    m_send->setEnabled(problem.isEmpty());
    m_send->setToolTip(problem.isEmpty() ? tr("Send this stanza (Ctrl+Return)")
                                         : PlainToolTip::of(tr("Cannot send: %1").arg(problem)));
    if (couldSend != problem.isEmpty())
        Q_EMIT canSendChanged(problem.isEmpty());
}

void ComposeWidget::setOutcome(const QString &text, const QColor &color)
{
    m_outcome = text;
    m_outcomeColor = color;
    revalidate();
}

void ComposeWidget::clearOutcome()
{
    if (m_outcome.isEmpty())
        return;
    m_outcome.clear();
    revalidate();
}

bool ComposeWidget::canHandOver() const
{
    if (m_session->isProxy())
        return m_session->state() == ConnectionState::Connected && m_session->proxy()->hasComponent();
    return m_session->state() == ConnectionState::Connected || m_session->canQueue();
}

ProfileSession::Leg ComposeWidget::leg() const
{
    if (!m_session->isProxy())
        return ProfileSession::Leg::ToServer;
    return ProfileSession::Leg(m_leg->currentData().toInt());
}

void ComposeWidget::setLeg(ProfileSession::Leg leg)
{
    m_leg->setCurrentIndex(m_leg->findData(int(leg)));
}

void ComposeWidget::updateLegChoice()
{
    const bool proxy = m_session->isProxy();
    if (m_leg->isVisibleTo(this) == proxy)
        return;
    m_leg->setVisible(proxy);
    if (!proxy)
        setLeg(ProfileSession::Leg::ToServer); // the labels and addresses as in a normal session
}

bool ComposeWidget::send()
{
    revalidate();
    if (!m_problem.isEmpty())
        return false;
    const QString text = m_editor->stanzaText();
    const QString refused = m_session->send(text.toUtf8(), leg());
    if (!refused.isEmpty()) {
        setOutcome(u"✗ "_s + refused, errorTextColor(palette()));
        return false;
    }
    // The same request sent again would reuse its id: the editor gets a fresh one.
    if (const QString next = withFreshRequestId(text); next != text) {
        m_syncing = true;
        setXml(next);
        m_syncing = false;
    }
    showSentOutcome(tr("✓ Sent: %1").arg(ComposeHistory::summary(m_session->history()->entry(0).xml)));
    endReply();
    Q_EMIT sent();
    return true;
}

void ComposeWidget::showSentOutcome(const QString &done)
{
    m_history->selectNewest(); // this stanza: Resend and Edit apply to it at once
    if (m_session->pendingCount() > 0) {
        m_outcome.clear(); // the queue line says it waits
        revalidate();
    } else {
        setOutcome(done, successTextColor(palette()));
    }
}

void ComposeWidget::refreshFromChoices()
{
    // Offer the local parts used before (from the history), plus the bare domain.
    QStringList locals;
    const QString domain = m_session->profile().settings.domain.toLower();
    for (const ComposeHistory::Entry &entry : m_session->history()->entries()) {
        const Jid from = Jid::parse(ComposeHistory::rootAttribute(entry.xml, u"from"));
        if (from.isValid() && from.domain() == domain && !from.local().isEmpty() &&
            !locals.contains(from.local()))
            locals.append(from.local());
    }
    const QString current = m_from->currentText();
    m_syncing = true;
    m_from->clear();
    for (const QString &local : std::as_const(locals))
        m_from->addItem(local);
    m_from->setEditText(current);
    m_syncing = false;
}

void ComposeWidget::loadHistoryEntry(int row)
{
    const ComposeHistory::Entry entry = m_session->history()->entry(row);
    if (entry.xml.isEmpty())
        return;
    // The entry went out already: a request gets a fresh id, so that sending it is a new request. The
    // template selector follows the text (onXmlEdited()).
    setXml(withFreshRequestId(QString::fromUtf8(entry.xml)));
    focusEditor();
}

void ComposeWidget::resendHistoryEntry(int row)
{
    const ComposeHistory::Entry entry = m_session->history()->entry(row);
    if (entry.xml.isEmpty())
        return;
    // A request goes out with a fresh id, as a second Send does, and takes the place of the entry it
    // came from.
    const QByteArray xml = withFreshRequestId(QString::fromUtf8(entry.xml)).toUtf8();
    const QString refused = m_session->send(xml, leg());
    if (!refused.isEmpty()) {
        setOutcome(u"✗ "_s + refused, errorTextColor(palette()));
        return;
    }
    if (xml != entry.xml) {
        ComposeHistory *history = m_session->history();
        for (int old = 1; old < history->rowCount(); ++old) {
            if (history->entry(old).xml == entry.xml) {
                history->removeEntry(old);
                break;
            }
        }
    }
    showSentOutcome(tr("✓ Resent: %1").arg(ComposeHistory::summary(entry.xml)));
}

} // namespace xcm
