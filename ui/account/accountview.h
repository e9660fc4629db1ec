#pragma once

// File > Open Position...'s view of an account with any number of assets: its health, a table of the
// assets with each one's liquidation price, and a what-if slider that moves one asset (or a group) and
// shows the health factor there. Says plainly when the planning views need a single pair.
#include "account.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QTableWidget;

namespace lp {

class AccountView : public QWidget {
    Q_OBJECT
public:
    explicit AccountView(QWidget *parent = nullptr);

    // `source`: where and when it was read, shown under the title.
    void setAccount(const Account &account, const QString &title, const QString &source);
    // The what-if: the chosen asset or group's prices times `factor` (0.5 .. 1.5).
    void setWhatIf(const QString &name, double factor);

    [[nodiscard]] const Account &account() const { return m_account; }
    [[nodiscard]] QTableWidget *assetsTable() const { return m_table; }
    [[nodiscard]] QString summaryText() const;
    // A USD amount in the user's locale with its currency sign ("$50,000.00", "50.000,00 $"), and in
    // the C locale, which has no currency format, as English writes it.
    [[nodiscard]] static QString usd(double value, int decimals = 2);
    [[nodiscard]] QString whatIfText() const;
    [[nodiscard]] QString pairNote() const;

private:
    void updateWhatIf();

    Account m_account;
    QLabel *m_title;
    QLabel *m_source;
    QLabel *m_summary;
    QLabel *m_pairNote;
    QTableWidget *m_table;
    QComboBox *m_whatIfAsset;
    QSlider *m_whatIfSlider;
    QLabel *m_whatIfResult;
};

} // namespace lp
