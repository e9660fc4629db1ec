#pragma once

#include <QWidget>

class QLabel;

namespace lp {

// One input of the plan form: the editor of one plan field (named by its path, "collateral.ltv"), laid
// out with an error line under it. When the validator reports the field, the editor gets the dynamic
// property `lpInvalid`, a red frame and a light red background (through its palette, so every style keeps
// drawing its own spin box arrows), its title turns red, and the message appears under it and in its
// tooltip.
class FormField : public QWidget {
    Q_OBJECT
public:
    static constexpr char kInvalidProperty[] = "lpInvalid";

    // `editor` is the widget that is marked; `row` (defaults to the editor) is what is laid out above the
    // error line, e.g. the editor with a unit label beside it.
    FormField(QString path, QString title, QWidget *editor, QWidget *row = nullptr,
              QWidget *parent = nullptr);

    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] const QString &title() const { return m_title; }
    [[nodiscard]] QWidget *editor() const { return m_editor; }
    [[nodiscard]] QLabel *errorLabel() const { return m_errorLabel; }
    [[nodiscard]] bool isMarked() const { return !m_messages.isEmpty(); }

    // The form's label for this field, coloured with it.
    void setTitleLabel(QLabel *label) { m_titleLabel = label; }
    // The explanation shown as tooltip when the field is valid.
    void setHelp(const QString &help);
    // Shows these validator messages (empty: clears the mark).
    void setMessages(const QStringList &messages);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refreshErrorColour();
    void refreshToolTip();
    void refreshColours();

    QString m_path;
    QString m_title;
    QString m_help;
    QStringList m_messages;
    QWidget *m_editor;
    QLabel *m_errorLabel;
    QLabel *m_titleLabel = nullptr;
};

} // namespace lp
