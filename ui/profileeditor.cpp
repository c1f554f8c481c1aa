// SPDX-License-Identifier: GPL-3.0-or-later
// One cohesive thing: the profile dialog — its fields (where to connect, the proxy's side, the secrets,
// the behaviour, the responder box), loading them from a profile and the keychain, and checking them as
// they change. The checks read every field and say what is wrong in one line; what needs no widget is
// elsewhere (HostName, Jid, ProfileStore::clashWith, ResponderSettingsBox).
#include "profileeditor.h"

#include "hostname.h"
#include "jid.h"
#include "profilestore.h"
#include "respondersettingsbox.h"
#include "secretclipboard.h"
#include "secretstore.h"
#include "statestyle.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QTcpServer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace xcm {

ProfileEditor::ProfileEditor(const Profile &profile, bool isNew, const ProfileStore *store,
                             SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_original(profile)
    , m_isNew(isNew)
    , m_store(store)
    , m_secrets(secrets)
    , m_showAllErrors(!isNew)
{
    setObjectName("profileEditor"_L1);
    setWindowTitle(isNew ? tr("New Profile") : tr("Edit Profile — %1").arg(profile.name));
    buildUi();
    load(profile);
    // Connected after load(): only the user's changes count as edits.
    for (QSpinBox *box : {m_initialDelay, m_maxDelay})
        connect(box, &QSpinBox::valueChanged, this, [this, box] { markEdited(box); });
    connect(m_separateComponentSecret, &QCheckBox::toggled, this, [this](bool separate) {
        if (separate)
            m_componentSecret->setFocus();
    });
    if (!isNew) {
        loadSecret();
        loadComponentSecret();
    }
    updateKeychainNote();
    validate();
    if (m_secrets)
        connect(m_secrets, &SecretStore::statusChanged, this, &ProfileEditor::updateKeychainNote);
}

ProfileEditor::~ProfileEditor() = default;

QString ProfileEditor::generateSecret()
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    constexpr int alphabetSize = sizeof(alphabet) - 1;
    QString secret;
    secret.reserve(32);
    for (int i = 0; i < 32; ++i)
        secret.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(alphabetSize)]));
    return secret;
}

quint16 ProfileEditor::suggestFreePort(const QString &address)
{
    // The kernel picks a free port; it stays free in all likelihood until the profile connects.
    QTcpServer probe;
    const QHostAddress host(address);
    if (!probe.listen(host.isNull() ? QHostAddress(QHostAddress::LocalHost) : host, 0))
        return 0;
    return probe.serverPort();
}

void ProfileEditor::buildUi()
{
    const auto spin = [this](int min, int max, const QString &suffix, const QString &objectName) {
        auto *box = new QSpinBox(this);
        box->setRange(min, max);
        box->setSuffix(suffix);
        box->setObjectName(objectName);
        box->setAccelerated(true);
        box->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
        return box;
    };

    // Connection
    m_name = new QLineEdit(this);
    m_name->setObjectName("name"_L1);
    m_name->setPlaceholderText(tr("e.g. Weather bot (staging)"));
    m_host = new QLineEdit(this);
    m_host->setObjectName("host"_L1);
    m_host->setPlaceholderText(tr("host name or address"));
    m_port = spin(1, 65535, {}, "port"_L1);
    m_port->setGroupSeparatorShown(false);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(new QLabel(tr("Port:"), this));
    hostRow->addWidget(m_port);
    m_domain = new QLineEdit(this);
    m_domain->setObjectName("domain"_L1);
    m_domain->setPlaceholderText(tr("comp.example.org — the component's name on the server"));
    m_directTls = new QCheckBox(tr("Direct &TLS (the port speaks TLS from the first byte)"), this);
    m_directTls->setObjectName("directTls"_L1);
    m_acceptInvalid = new QCheckBox(tr("Accept &invalid certificates (development servers only)"), this);
    m_acceptInvalid->setObjectName("acceptInvalidCertificates"_L1);
    connect(m_directTls, &QCheckBox::toggled, m_acceptInvalid, &QWidget::setEnabled);
    m_tlsServerName = new QLineEdit(this);
    m_tlsServerName->setObjectName("tlsServerName"_L1);
    m_tlsServerName->setPlaceholderText(tr("same as server"));
    m_tlsServerName->setToolTip(
        tr("The name the server's certificate must carry, when it is not the server name above — "
           "e.g. the XMPP domain when you connect by address or by an internal name"));
    connect(m_directTls, &QCheckBox::toggled, m_tlsServerName, &QWidget::setEnabled);
    connect(m_directTls, &QCheckBox::toggled, this, &ProfileEditor::validate);

    // Proxy mode: the component connects to xcm, xcm to the server.
    m_componentMode = new QRadioButton(tr("Connect &as the component"), this);
    m_componentMode->setObjectName("componentMode"_L1);
    m_componentMode->setToolTip(tr("xcm logs in to the server as the component and shows its traffic"));
    m_proxyMode = new QRadioButton(tr("Pro&xy a running component"), this);
    m_proxyMode->setObjectName("proxyMode"_L1);
    m_proxyMode->setToolTip(tr("Your component connects to xcm instead of the server; xcm relays its "
                               "stream both ways and shows everything"));
    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(m_componentMode);
    modeRow->addWidget(m_proxyMode);
    modeRow->addStretch();
    m_listenAddress = new QLineEdit(this);
    m_listenAddress->setObjectName("listenAddress"_L1);
    m_listenAddress->setPlaceholderText(u"127.0.0.1"_s);
    m_listenAddress->setToolTip(tr("The address your component connects to instead of the server's (an IP "
                                   "address; 127.0.0.1 keeps it on this machine)"));
    m_listenPort = spin(1, 65535, {}, "listenPort"_L1);
    m_listenPort->setGroupSeparatorShown(false);
    m_listenPort->setToolTip(tr("The port to configure in your component instead of the server's"));
    auto *listenRow = new QHBoxLayout;
    m_listenRow = listenRow;
    listenRow->addWidget(m_listenAddress, 1);
    listenRow->addWidget(new QLabel(tr("Port:"), this));
    listenRow->addWidget(m_listenPort);
    m_separateComponentSecret = new QCheckBox(tr("Component's o&wn secret:"), this);
    m_separateComponentSecret->setObjectName("separateComponentSecret"_L1);
    m_separateComponentSecret->setToolTip(
        tr("Off: your component presents the server's secret to xcm, unchanged. On: it presents this "
           "one, and only xcm knows the server's."));
    m_componentSecret = new QLineEdit(this);
    m_componentSecret->setObjectName("componentSecret"_L1);
    m_componentSecret->setEchoMode(QLineEdit::Password);
    m_componentSecret->setPlaceholderText(tr("the secret configured in your component"));
    m_componentSecret->setEnabled(false);
    QAction *showComponentSecret =
        m_componentSecret->addAction(QIcon(u":/xcm/icons/eye.svg"_s), QLineEdit::TrailingPosition);
    showComponentSecret->setObjectName("showComponentSecret"_L1);
    showComponentSecret->setCheckable(true);
    showComponentSecret->setToolTip(tr("Show the secret"));
    connect(showComponentSecret, &QAction::toggled, this, [this, showComponentSecret](bool shown) {
        m_componentSecret->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        showComponentSecret->setIcon(QIcon(shown ? u":/xcm/icons/eye-off.svg"_s : u":/xcm/icons/eye.svg"_s));
        showComponentSecret->setToolTip(shown ? tr("Hide the secret") : tr("Show the secret"));
    });
    connect(m_separateComponentSecret, &QCheckBox::toggled, this, [this](bool separate) {
        m_componentSecret->setEnabled(separate && !m_componentSecretLoading);
        validate();
    });
    connect(m_componentSecret, &QLineEdit::textChanged, this, [this] {
        if (!m_componentSecretLoading)
            m_componentSecretEdited = true;
    });
    connect(m_proxyMode, &QRadioButton::toggled, this, &ProfileEditor::updateMode);

    // Secret
    m_secret = new QLineEdit(this);
    m_secret->setObjectName("secret"_L1);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("the server's component_secret"));
    m_showSecret = m_secret->addAction(QIcon(u":/xcm/icons/eye.svg"_s), QLineEdit::TrailingPosition);
    m_showSecret->setObjectName("showSecret"_L1);
    m_showSecret->setCheckable(true);
    m_showSecret->setToolTip(tr("Show the secret"));
    connect(m_showSecret, &QAction::toggled, this, [this](bool shown) {
        m_secret->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_showSecret->setIcon(QIcon(shown ? u":/xcm/icons/eye-off.svg"_s : u":/xcm/icons/eye.svg"_s));
        m_showSecret->setToolTip(shown ? tr("Hide the secret") : tr("Show the secret"));
    });
    auto *generate = new QPushButton(tr("&Generate"), this);
    generate->setObjectName("generateSecret"_L1);
    generate->setToolTip(
        tr("Replace the secret with a strong random one (32 letters and digits); copy it into "
           "the server's configuration"));
    connect(generate, &QPushButton::clicked, this, [this] {
        m_secret->setText(generateSecret());
        m_showSecret->setChecked(true); // the user has to copy it into the server's configuration
    });
    auto *copy = new QToolButton(this);
    copy->setObjectName("copySecret"_L1);
    copy->setIcon(QIcon(u":/xcm/icons/copy.svg"_s));
    copy->setToolTip(tr("Copy the secret to the clipboard for %1 s (clipboard managers are asked not to "
                        "keep it)")
                         .arg(secretClipboardLifetime.count()));
    connect(copy, &QToolButton::clicked, this, [this, copy] {
        copySecretToClipboard(m_secret->text());
        QToolTip::showText(
            copy->mapToGlobal(QPoint(0, copy->height())),
            tr("Copied. The clipboard is cleared in %1 s.").arg(secretClipboardLifetime.count()), copy);
    });
    connect(m_secret, &QLineEdit::textEdited, this, [this] { m_secretEdited = true; });
    connect(m_secret, &QLineEdit::textChanged, this, [this, copy] {
        copy->setEnabled(!m_secret->text().isEmpty());
        if (!m_secretLoading)
            m_secretEdited = true;
    });
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(copy);
    secretRow->addWidget(generate);
    m_keychainNote = new QLabel(this);
    m_keychainNote->setObjectName("keychainNote"_L1);
    m_keychainNote->setWordWrap(true);

    auto *connectionBox = new QGroupBox(tr("Connection"), this);
    auto *connectionForm = new QFormLayout(connectionBox);
    m_connectionForm = connectionForm;
    connectionForm->addRow(tr("&Name:"), m_name);
    const auto buddyLabel = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };
    connectionForm->addRow(tr("Mode:"), modeRow);
    connectionForm->addRow(buddyLabel(tr("Listen &on:"), m_listenAddress), listenRow);
    connectionForm->addRow(buddyLabel(tr("&Server:"), m_host), hostRow);
    connectionForm->addRow(tr("Component &domain:"), m_domain);
    connectionForm->addRow(QString(), m_directTls);
    connectionForm->addRow(QString(), m_acceptInvalid);
    connectionForm->addRow(buddyLabel(tr("TLS server na&me:"), m_tlsServerName), m_tlsServerName);
    connectionForm->addRow(buddyLabel(tr("S&ecret:"), m_secret), secretRow);
    connectionForm->addRow(m_separateComponentSecret, m_componentSecret);
    connectionForm->addRow(QString(), m_keychainNote);

    // Behaviour
    m_keepalive = spin(0, 3600, tr(" s"), "keepalive"_L1);
    m_keepalive->setSpecialValueText(tr("Off"));
    m_keepalive->setToolTip(tr("A single space sent this often keeps NATs and idle limits from closing the "
                               "stream. 60–120 s suits most servers."));
    m_maxStanzaKib = spin(1, 64 * 1024, tr(" KiB"), "maxStanzaKib"_L1);
    m_maxStanzaKib->setToolTip(tr("Largest stanza accepted from the server or sent from here. Prosody's "
                                  "component limit is 512 KiB."));
    m_reconnect = new QCheckBox(tr("&Reconnect automatically after a failure"), this);
    m_reconnect->setObjectName("reconnect"_L1);
    m_initialDelay = spin(1, 3600, tr(" s"), "initialDelay"_L1);
    m_maxDelay = spin(1, 24 * 3600, tr(" s"), "maxDelay"_L1);
    auto *delayRow = new QHBoxLayout;
    delayRow->addWidget(m_initialDelay);
    delayRow->addWidget(new QLabel(tr("doubling up to"), this));
    delayRow->addWidget(m_maxDelay);
    delayRow->addStretch();
    m_maxAttempts = spin(0, 10000, {}, "maxAttempts"_L1);
    m_maxAttempts->setSpecialValueText(tr("Unlimited"));
    m_retryAuth = new QCheckBox(tr("Also retry when the server rejects the secret or the name"), this);
    m_retryAuth->setObjectName("retryAuth"_L1);
    for (QWidget *dependent : {static_cast<QWidget *>(m_initialDelay), static_cast<QWidget *>(m_maxDelay),
                               static_cast<QWidget *>(m_maxAttempts), static_cast<QWidget *>(m_retryAuth)})
        connect(m_reconnect, &QCheckBox::toggled, dependent, &QWidget::setEnabled);

    auto *behaviourBox = new QGroupBox(tr("Behaviour"), this);
    auto *behaviourLayout = new QVBoxLayout(behaviourBox);
    auto *limitsForm = new QFormLayout;
    auto *limitLabel = buddyLabel(tr("Stanza size &limit:"), m_maxStanzaKib);
    limitsForm->addRow(limitLabel, m_maxStanzaKib);
    // Keepalive and reconnecting: a proxy leaves both to the component, so they go as one.
    m_componentBehaviour = new QWidget(behaviourBox);
    auto *behaviourForm = new QFormLayout(m_componentBehaviour);
    behaviourForm->setContentsMargins({});
    behaviourForm->addRow(tr("&Keepalive every:"), m_keepalive);
    behaviourForm->addRow(QString(), m_reconnect);
    behaviourForm->addRow(buddyLabel(tr("&First retry after:"), m_initialDelay), delayRow);
    behaviourForm->addRow(tr("Attempts before giving &up:"), m_maxAttempts);
    behaviourForm->addRow(QString(), m_retryAuth);
    // The three forms' fields line up, in both boxes and every language: each label column as wide as
    // the widest label of all.
    int labelWidth = 0;
    for (const QFormLayout *form : {connectionForm, limitsForm, behaviourForm}) {
        for (int row = 0; row < form->rowCount(); ++row) {
            // The proxy's own-secret check box only shows in proxy mode, where the form widens itself.
            QLayoutItem *label = form->itemAt(row, QFormLayout::LabelRole);
            if (label && label->widget() != m_separateComponentSecret)
                labelWidth = std::max(labelWidth, label->sizeHint().width());
        }
    }
    for (QWidget *label : {connectionForm->labelForField(m_name), static_cast<QWidget *>(limitLabel),
                           behaviourForm->labelForField(m_keepalive)})
        label->setMinimumWidth(labelWidth);
    behaviourLayout->addLayout(limitsForm);
    behaviourLayout->addWidget(m_componentBehaviour);

    m_responder = new ResponderSettingsBox(this);
    m_responder->setObjectName("responderBox"_L1);
    connect(m_responder, &ResponderSettingsBox::edited, this, [this](QWidget *field) {
        markEdited(field);
        validate();
    });

    m_error = new QLabel(this);
    m_error->setObjectName("error"_L1);
    m_error->setTextFormat(Qt::PlainText); // it quotes what was typed
    m_error->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setText(m_isNew ? tr("&Create") : tr("&Save"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileEditor::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileEditor::reject);

    // Two pages, so that the dialog still fits a 640 px high screen: where to connect and how, and what
    // xcm does as the component once connected.
    auto *serverPage = new QWidget(this);
    auto *serverLayout = new QVBoxLayout(serverPage);
    serverLayout->addWidget(connectionBox);
    serverLayout->addWidget(behaviourBox);
    serverLayout->addStretch();
    auto *componentPage = new QWidget(this);
    auto *componentLayout = new QVBoxLayout(componentPage);
    m_proxyResponderNote =
        new QLabel(tr("A proxy answers nothing by itself: your component answers. Only the time after "
                      "which the log flags an unanswered request applies."),
                   this);
    m_proxyResponderNote->setObjectName("proxyResponderNote"_L1);
    m_proxyResponderNote->setWordWrap(true);
    componentLayout->addWidget(m_proxyResponderNote);
    componentLayout->addWidget(m_responder);
    componentLayout->addStretch();
    auto *pages = new QTabWidget(this);
    pages->setObjectName("editorPages"_L1);
    pages->addTab(serverPage, tr("&Connection"));
    pages->addTab(componentPage, tr("As the com&ponent"));

    // The pages take any room to spare (each page's own stretch keeps its boxes at the top): in proxy
    // mode, with rows hidden, a stretch here left a band of nothing above the buttons.
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pages, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    for (QLineEdit *edit :
         {m_name, m_host, m_domain, m_tlsServerName, m_secret, m_listenAddress, m_componentSecret}) {
        connect(edit, &QLineEdit::textChanged, this, &ProfileEditor::validate);
        connect(edit, &QLineEdit::textEdited, this, [this, edit] { markEdited(edit); });
    }
    // The ports too: another profile may use the same.
    for (QSpinBox *box : {m_initialDelay, m_maxDelay, m_port, m_listenPort})
        connect(box, &QSpinBox::valueChanged, this, &ProfileEditor::validate);
    setMinimumWidth(560);
}

void ProfileEditor::load(const Profile &profile)
{
    const ConnectionSettings &s = profile.settings;
    m_name->setText(profile.name);
    m_host->setText(s.host);
    m_port->setValue(s.port);
    m_domain->setText(s.domain);
    m_directTls->setChecked(s.directTls);
    m_acceptInvalid->setChecked(s.acceptInvalidCertificates);
    m_acceptInvalid->setEnabled(s.directTls);
    m_tlsServerName->setText(s.tlsServerName);
    m_tlsServerName->setEnabled(s.directTls);
    m_keepalive->setValue(int(duration_cast<seconds>(s.keepaliveInterval).count()));
    m_maxStanzaKib->setValue(int(std::max<qint64>(1, s.maxStanzaBytes / 1024)));
    m_reconnect->setChecked(s.reconnect.enabled);
    m_initialDelay->setValue(
        int(std::max<qint64>(1, duration_cast<seconds>(s.reconnect.initialDelay).count())));
    m_maxDelay->setValue(int(std::max<qint64>(1, duration_cast<seconds>(s.reconnect.maxDelay).count())));
    m_maxAttempts->setValue(s.reconnect.maxAttempts);
    m_retryAuth->setChecked(s.reconnect.retryAfterAuthenticationFailure);
    for (QWidget *dependent : {static_cast<QWidget *>(m_initialDelay), static_cast<QWidget *>(m_maxDelay),
                               static_cast<QWidget *>(m_maxAttempts), static_cast<QWidget *>(m_retryAuth)})
        dependent->setEnabled(s.reconnect.enabled);
    m_responder->load(profile.responder, profile.requestTimeout);
    m_listenAddress->setText(profile.listenAddress);
    m_listenPort->setValue(profile.listenPort);
    m_separateComponentSecret->setChecked(profile.separateComponentSecret);
    m_componentSecret->setEnabled(profile.separateComponentSecret);
    (profile.isProxy() ? m_proxyMode : m_componentMode)->setChecked(true);
    updateMode();
}

void ProfileEditor::updateMode()
{
    const bool proxy = m_proxyMode->isChecked();
    // A proxy's port is suggested once, the first time the profile becomes one.
    if (proxy && m_original.listenPort == 0 && !std::exchange(m_portSuggested, true))
        m_listenPort->setValue(suggestFreePort(m_listenAddress->text().trimmed()));
    m_connectionForm->setRowVisible(m_listenRow, proxy);
    m_connectionForm->setRowVisible(m_componentSecret, proxy);
    // Keepalive and reconnecting are the component's business when xcm only relays its stream.
    m_componentBehaviour->setVisible(!proxy);
    m_proxyResponderNote->setVisible(proxy);
    m_responder->setAnsweringApplies(!proxy);
    validate();
}

void ProfileEditor::loadSecret()
{
    if (!m_secrets)
        return;
    m_secretLoading = true;
    m_secret->setEnabled(false);
    m_secret->setPlaceholderText(tr("Reading from the keychain…"));
    m_secrets->read(m_original.secretKey(), this, [this](const SecretStore::Result &result) {
        m_secret->setEnabled(true);
        m_secret->setPlaceholderText(tr("the server's component_secret"));
        // The user may have typed (or generated) a new secret while the keychain was answering.
        if (!m_secretEdited && result.ok)
            m_secret->setText(result.secret);
        m_secretLoading = false;
        updateKeychainNote();
        validate();
    });
}

void ProfileEditor::loadComponentSecret()
{
    if (!m_secrets || !m_original.separateComponentSecret)
        return;
    m_componentSecretLoading = true;
    m_componentSecret->setEnabled(false);
    m_componentSecret->setPlaceholderText(tr("Reading from the keychain…"));
    m_secrets->read(m_original.componentSecretKey(), this, [this](const SecretStore::Result &result) {
        m_componentSecret->setPlaceholderText(tr("the secret configured in your component"));
        if (!m_componentSecretEdited && result.ok)
            m_componentSecret->setText(result.secret);
        m_componentSecretLoading = false;
        m_componentSecret->setEnabled(m_separateComponentSecret->isChecked());
        validate();
    });
}

void ProfileEditor::updateKeychainNote()
{
    if (m_secrets && m_secrets->status() == SecretStore::Status::Unknown) {
        m_keychainNote->setText(tr("Checking the keychain…"));
    } else if (m_secrets && m_secrets->isUnavailable()) {
        m_keychainNote->setText(
            tr("<b>No keychain is available</b> (%1). The secret is kept in memory until xcm quits and has "
               "to be entered again next time; it is never written to disk.")
                .arg(m_secrets->unavailableReason().toHtmlEscaped()));
    } else {
        m_keychainNote->setText(
            tr("Stored in the system keychain, in an entry labelled “xcm: <i>profile</i> (<i>domain</i>)”, "
               "never in the settings file."));
    }
}

void ProfileEditor::markEdited(QWidget *field)
{
    if (m_edited.contains(field))
        return;
    m_edited.insert(field);
    validate();
}

void ProfileEditor::validate()
{
    QString problem;
    QWidget *field = nullptr;
    const auto fail = [&](QWidget *where, const QString &text) {
        if (problem.isEmpty()) {
            problem = text;
            field = where;
        }
    };
    QString domainError;
    const QString name = m_name->text().trimmed();
    const Profile sameName = m_store ? m_store->findByName(name) : Profile();
    if (name.isEmpty())
        fail(m_name, tr("Give the profile a name."));
    else if (!sameName.isNull() && sameName.id != m_original.id)
        fail(m_name, tr("Another profile is already called “%1”.").arg(name));
    QString hostError;
    if (m_host->text().trimmed().isEmpty())
        fail(m_host, tr("Enter the server's host name or address."));
    else if (!HostName::isValid(m_host->text().trimmed(), &hostError))
        fail(m_host, tr("The server is not a host name or address: %1.").arg(hostError));
    if (m_domain->text().trimmed().isEmpty())
        fail(m_domain,
             tr("Enter the component domain (the name configured for the component on the server)."));
    else if (!Jid::isValidDomain(m_domain->text().trimmed(), &domainError))
        fail(m_domain, tr("The component domain is not valid: %1.").arg(domainError));
    QString tlsNameError;
    if (const QString tlsName = m_tlsServerName->text().trimmed();
        m_directTls->isChecked() && !tlsName.isEmpty() && !Jid::isValidDomain(tlsName, &tlsNameError))
        fail(m_tlsServerName, tr("The TLS server name is not valid: %1.").arg(tlsNameError));
    const bool proxy = m_proxyMode->isChecked();
    if (proxy && QHostAddress(m_listenAddress->text().trimmed()).isNull())
        fail(m_listenAddress, tr("Enter the IP address to listen on for the component (e.g. 127.0.0.1)."));
    if (proxy && m_separateComponentSecret->isChecked() && !m_componentSecretLoading &&
        m_componentSecret->text().isEmpty())
        fail(m_componentSecret, tr("Enter the secret your component presents, or let it use the server's."));
    if (!proxy && m_maxDelay->value() < m_initialDelay->value())
        fail(m_maxDelay, tr("The longest retry delay is shorter than the first one."));
    if (const QString responderProblem = m_responder->problem(); !responderProblem.isEmpty())
        fail(m_responder->problemField(), responderProblem);
    m_problem = problem;
    m_problemField = field;
    m_notice = problem.isEmpty() ? clashWithAnotherProfile() : QString();
    // A new form is not wrong, only unfinished: what is missing is a hint until the user has been at
    // that field or pressed Save.
    m_problemShownAsError = !problem.isEmpty() && (m_showAllErrors || m_edited.contains(field));
    m_error->setText(problem.isEmpty() ? m_notice : problem);
    m_error->setVisible(!m_error->text().isEmpty());
    QPalette palette = this->palette();
    palette.setColor(QPalette::WindowText, m_problemShownAsError ? errorTextColor(palette)
                                                                 : palette.color(QPalette::PlaceholderText));
    m_error->setPalette(palette);
    // Save stays pressable while the problem is only a hint: pressing it says what is wrong.
    m_buttons->button(QDialogButtonBox::Save)
        ->setEnabled(!m_problemShownAsError && !m_secretLoading && !m_componentSecretLoading);
}

QString ProfileEditor::clashWithAnotherProfile() const
{
    const Profile edited = profile();
    const std::optional<ProfileStore::Clash> clash = m_store ? m_store->clashWith(edited) : std::nullopt;
    if (!clash)
        return {};
    if (clash->kind == ProfileStore::Clash::Kind::SameListenAddress)
        return tr("“%1” listens on %2 port %3 too: only one of them can listen at a time.")
            .arg(clash->other.name, edited.listenAddress)
            .arg(edited.listenPort);
    return tr("“%1” also connects to this server as %2: the server takes one of them at a time.")
        .arg(clash->other.name, edited.settings.domain);
}

Profile ProfileEditor::profile() const
{
    Profile profile = m_original;
    ConnectionSettings &s = profile.settings;
    profile.name = m_name->text().trimmed();
    s.host = m_host->text().trimmed();
    s.port = quint16(m_port->value());
    s.domain = m_domain->text().trimmed().toLower();
    s.directTls = m_directTls->isChecked();
    s.acceptInvalidCertificates = s.directTls && m_acceptInvalid->isChecked();
    s.tlsServerName = s.directTls ? m_tlsServerName->text().trimmed().toLower() : QString();
    s.keepaliveInterval = seconds(m_keepalive->value());
    s.maxStanzaBytes = qint64(m_maxStanzaKib->value()) * 1024;
    s.reconnect.enabled = m_reconnect->isChecked();
    s.reconnect.initialDelay = seconds(m_initialDelay->value());
    s.reconnect.maxDelay = seconds(m_maxDelay->value());
    s.reconnect.maxAttempts = m_maxAttempts->value();
    s.reconnect.retryAfterAuthenticationFailure = m_retryAuth->isChecked();
    profile.responder = m_responder->settings(m_original.responder);
    profile.requestTimeout = m_responder->requestTimeout();
    profile.mode = m_proxyMode->isChecked() ? Profile::Mode::Proxy : Profile::Mode::Component;
    profile.listenAddress = m_listenAddress->text().trimmed();
    profile.listenPort = quint16(m_listenPort->value());
    profile.separateComponentSecret = profile.isProxy() && m_separateComponentSecret->isChecked();
    return profile;
}

QString ProfileEditor::secret() const
{
    return m_secret->text();
}

QString ProfileEditor::componentSecret() const
{
    return profile().separateComponentSecret ? m_componentSecret->text() : QString();
}

bool ProfileEditor::componentSecretChanged() const
{
    if (!profile().separateComponentSecret)
        return m_original.separateComponentSecret; // the stored one is no longer used
    return m_componentSecretEdited || !m_original.separateComponentSecret;
}

void ProfileEditor::accept()
{
    m_showAllErrors = true;
    validate();
    if (m_secretLoading || m_componentSecretLoading)
        return;
    if (!m_problem.isEmpty()) {
        if (m_problemField) {
            // The field may be on the other page.
            if (auto *pages = findChild<QTabWidget *>("editorPages"_L1)) {
                for (int page = 0; page < pages->count(); ++page) {
                    if (pages->widget(page)->isAncestorOf(m_problemField))
                        pages->setCurrentIndex(page);
                }
            }
            m_problemField->setFocus();
        }
        return;
    }
    QDialog::accept();
}

} // namespace xcm
