// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profile.h"

#include <QDialog>
#include <QSet>

#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLayout;
class QRadioButton;
class QLabel;
class QLineEdit;
class QSpinBox;
class QAction;

namespace xcm {

class ProfileStore;
class ResponderSettingsBox;
class SecretStore;

// Creates or edits one profile: a component xcm connects as, or a proxy in front of a running one.
// The secrets are loaded from the keychain while the dialog is open and saved only if the user changed
// them; whoever opened the dialog stores them (the window: through ProfileService, see secretChanged()
// and componentSecretChanged()).
class ProfileEditor : public QDialog
{
    Q_OBJECT
public:
    // `store` checks that names are unique; `secrets` loads the current secret of an existing profile.
    ProfileEditor(const Profile &profile, bool isNew, const ProfileStore *store, SecretStore *secrets,
                  QWidget *parent = nullptr);
    ~ProfileEditor() override;

    Profile profile() const;
    QString secret() const;
    bool secretChanged() const { return m_secretEdited; }
    // A proxy profile's second secret, the one its component presents to xcm: empty when the component
    // uses the server's; changed also when the user turned it off (the stored one is to go).
    QString componentSecret() const;
    bool componentSecretChanged() const;
    // The component's secret to store, when the user changed it; none otherwise.
    std::optional<QString> editedComponentSecret() const
    {
        return componentSecretChanged() ? std::optional(componentSecret()) : std::nullopt;
    }

    // A port nothing listens on now, for a new proxy (found by binding port 0 once); 0 if none.
    static quint16 suggestFreePort(const QString &address);

    // 32 characters from the system's random source: letters and digits, so it pastes cleanly into
    // any server configuration file (about 190 bits).
    static QString generateSecret();

    // Refuses (and shows why, on every field) while the form has a problem.
    void accept() override;
    // What keeps the form from being saved, empty when it is complete. It is shown as a quiet hint
    // until the user has edited the field concerned or pressed Save, then as an error (and Save is
    // disabled until it is fixed).
    const QString &problem() const { return m_problem; }
    bool problemShownAsError() const { return m_problemShownAsError; }
    // What would clash with another profile once both run (the same component on the same server, the
    // same listening port): shown in the problem's place when there is none; it does not stop Save.
    const QString &notice() const { return m_notice; }

private:
    void buildUi();
    void load(const Profile &profile);
    void loadSecret();
    void loadComponentSecret();
    // Shows what the chosen mode uses: the listen address and the component's secret for a proxy, the
    // keepalive and reconnect settings for a component.
    void updateMode();
    void validate();
    QString clashWithAnotherProfile() const;
    void updateKeychainNote();
    void markEdited(QWidget *field);

    Profile m_original;
    bool m_isNew;
    const ProfileStore *m_store;
    SecretStore *m_secrets;
    bool m_secretEdited = false;
    bool m_secretLoading = false;
    bool m_componentSecretEdited = false;
    bool m_componentSecretLoading = false;
    QString m_problem;
    QString m_notice;
    bool m_problemShownAsError = false;
    bool m_showAllErrors = false; // Save was pressed, or the profile existed before
    QSet<const QWidget *> m_edited;
    QWidget *m_problemField = nullptr;

    QLineEdit *m_name = nullptr;
    QRadioButton *m_componentMode = nullptr;
    QRadioButton *m_proxyMode = nullptr;
    QLineEdit *m_listenAddress = nullptr;
    QSpinBox *m_listenPort = nullptr;
    QCheckBox *m_separateComponentSecret = nullptr;
    QLineEdit *m_componentSecret = nullptr;
    QFormLayout *m_connectionForm = nullptr;
    QWidget *m_componentBehaviour = nullptr; // keepalive and reconnect rows: component mode only
    QLayout *m_listenRow = nullptr;
    bool m_portSuggested = false;
    QLabel *m_proxyResponderNote = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_domain = nullptr;
    QCheckBox *m_directTls = nullptr;
    QCheckBox *m_acceptInvalid = nullptr;
    QLineEdit *m_tlsServerName = nullptr;
    QSpinBox *m_keepalive = nullptr;
    QCheckBox *m_reconnect = nullptr;
    QSpinBox *m_initialDelay = nullptr;
    QSpinBox *m_maxDelay = nullptr;
    QSpinBox *m_maxAttempts = nullptr;
    QCheckBox *m_retryAuth = nullptr;
    QSpinBox *m_maxStanzaKib = nullptr;
    QLineEdit *m_secret = nullptr;
    QAction *m_showSecret = nullptr;
    QLabel *m_keychainNote = nullptr;
    ResponderSettingsBox *m_responder = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace xcm
