#pragma once

#include "validationerror.h"

#include <QLabel>

#include <functional>
#include <utility>

namespace lp {

// The banner above the charts while the plan is not valid: "The plan is not valid. <Field>: message. The
// figures below are of the last valid plan, not of this one." Each field's name is a link; activating it
// emits fieldActivated(path) so that the window scrolls the form to that field and focuses it. Hidden
// while the plan is valid.
class ErrorSummary : public QLabel {
    Q_OBJECT
public:
    // Names a plan path for a reader ("Liquidation threshold"); the path itself when it returns empty.
    using TitleLookup = std::function<QString(const QString &path)>;

    explicit ErrorSummary(QWidget *parent = nullptr);

    void setTitleLookup(TitleLookup lookup) { m_titles = std::move(lookup); }
    // Shows `errors` (empty: hides the banner).
    void showErrors(const ValidationErrors &errors);
    // The plan paths the banner links to, in the order shown.
    [[nodiscard]] const QStringList &linkedPaths() const { return m_paths; }
    // The href of the link to `path` (what linkActivated carries).
    [[nodiscard]] static QString linkFor(const QString &path);

signals:
    void fieldActivated(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refreshColours();

    TitleLookup m_titles;
    QStringList m_paths;
};

} // namespace lp
