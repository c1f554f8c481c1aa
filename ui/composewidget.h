// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profilesession.h"
#include "stanza.h"
#include "stanzapolicy.h"
#include "stanzatemplates.h"
#include "xmlelement.h"

#include <QColor>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace xcm {

class ElidedLabel;
class HistoryPane;
class ProfileSession;
class ReplySelector;
class StanzaEditor;
class XmlHighlighter;

// Writes and sends one stanza as the profile's component. The template and the address fields fill
// the editor; the editor is what is sent, byte for byte, and is validated as the user types with the
// same check the connection applies before sending. In a proxy session a choice of leg appears: to the
// server as the component, or to the component as the server (the address fields then swap roles: the
// component's address is 'to', the other one 'from').
class ComposeWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ComposeWidget(ProfileSession *session, QWidget *parent = nullptr);
    ~ComposeWidget() override;

    void applyTemplate(StanzaTemplate kind);
    StanzaTemplate currentTemplate() const;
    void setFromLocalPart(const QString &local);
    void setTo(const QString &to);
    void setXml(const QString &xml);
    QString xml() const;
    // Reply… from the log: the editor gets the answer to `request` (to/from swapped, same id) as an
    // empty result, and a choice of the result or an error condition appears beside the template.
    void prepareReply(const Stanza &request);
    // Where Send puts the stanza: always the server in a normal session.
    ProfileSession::Leg leg() const;
    void setLeg(ProfileSession::Leg leg);

    // Why the editor's XML cannot be sent now, or empty when Send is enabled. Sending while a
    // connection or reconnect is under way queues the stanza until the handshake.
    const QString &problem() const { return m_problem; }
    bool canSend() const { return m_problem.isEmpty(); }

public Q_SLOTS:
    // Sends the editor's XML; returns false (and shows why) if it was refused.
    bool send();
    void focusEditor();

Q_SIGNALS:
    // A stanza was handed to the connection: sent, or queued until the connection is up.
    void sent();
    // canSend() changed, at once as the user types (for the window's Send action).
    void canSendChanged(bool canSend);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void endReply();
    QString fromAddress() const;
    void onFieldsEdited();
    void onXmlEdited();
    // The editor's stanza, checked as the connection would check it before sending.
    struct EditorCheck
    {
        QByteArray bytes;
        QString problem;
        XmlElement parsed;   // when well-formed
        StanzaPolicy policy; // what it was checked against
    };
    EditorCheck checkEditor() const;
    void revalidate();
    void revalidate(const EditorCheck &check);
    // What happened to the last stanza handed over, shown instead of the check of the unchanged
    // editor until the user edits or the connection's state changes.
    void setOutcome(const QString &text, const QColor &color);
    // After a send or resend went out or was queued: the history's newest entry selected, `done` shown
    // unless the queue line says it waits.
    void showSentOutcome(const QString &done);
    void clearOutcome();
    // Connected, or connecting / waiting to reconnect (the stanza is then queued).
    bool canHandOver() const;
    void refreshFromChoices();
    void loadHistoryEntry(int row);
    void resendHistoryEntry(int row);
    void updateLegChoice();
    // Towards the component, the component's own address is 'to' and the other one 'from'.
    bool towardsComponent() const { return leg() == ProfileSession::Leg::ToComponent; }
    QStringView ownAttribute() const { return towardsComponent() ? u"to" : u"from"; }
    QStringView peerAttribute() const { return towardsComponent() ? u"from" : u"to"; }

    ProfileSession *m_session;
    bool m_syncing = false; // fields and editor are updating each other
    QString m_problem;
    QString m_outcome;
    QColor m_outcomeColor;
    int m_waiting = 0; // stanzas in the connection's queue, as last announced

    QComboBox *m_template = nullptr;
    QComboBox *m_from = nullptr;
    ElidedLabel *m_domain = nullptr;
    QLineEdit *m_to = nullptr;
    StanzaEditor *m_editor = nullptr;
    XmlHighlighter *m_highlighter = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_send = nullptr;
    HistoryPane *m_history = nullptr;
    ReplySelector *m_reply = nullptr; // in the template's place while replying
    QComboBox *m_leg = nullptr;       // proxy sessions: to the server or to the component
    QLabel *m_fromLabel = nullptr;
    QLabel *m_toLabel = nullptr;
    mutable EditorCheck m_lastCheck;
};

} // namespace xcm
