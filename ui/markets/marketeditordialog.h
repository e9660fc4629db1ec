#pragma once

#include "market.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace lp {

class EModeTable;
class MarketRegistry;
class RateCurveChart;
class ReserveTable;

// The Market editor (issue 5): lists the presets and the user's markets; creates, duplicates, edits,
// imports and exports market JSON; draws the selected reserve's rate curve. Presets are read-only
// (duplicate one to change it). User markets are saved as <id>.json in `userDirectory` (the app passes
// QStandardPaths::AppDataLocation/markets) through MarketRegistry, which writes with QSaveFile.
class MarketEditorDialog : public QDialog {
    Q_OBJECT
public:
    MarketEditorDialog(MarketRegistry *registry, QString userDirectory, QWidget *parent = nullptr);

    // Shows a market of the registry; false if there is none with this id.
    bool selectMarket(const QString &id);
    // The market as the editors hold it now (not validated); errors for cells that are not numbers.
    [[nodiscard]] Market editedMarket(ValidationErrors *errors = nullptr) const;
    [[nodiscard]] bool isReadOnly() const { return m_readOnly; }

    // The buttons' actions; the file dialogs only choose the path. Each shows its problems in
    // errorLabel() and returns false on failure.
    void newMarket();
    void duplicateMarket();
    bool saveMarket();
    bool removeMarket();
    bool importFile(const QString &path);
    bool exportFile(const QString &path);

    [[nodiscard]] QListWidget *marketList() const { return m_list; }
    [[nodiscard]] ReserveTable *reserveTable() const { return m_reserves; }
    [[nodiscard]] EModeTable *eModeTable() const { return m_eModes; }
    [[nodiscard]] RateCurveChart *rateChart() const { return m_chart; }
    [[nodiscard]] QLabel *errorLabel() const { return m_errors; }
    [[nodiscard]] QLineEdit *idEdit() const { return m_id; }

signals:
    // A user market was saved, imported or removed: pickers should reload the registry.
    void marketsChanged(const QString &id);

private:
    QWidget *buildMarketForm();
    void rebuildList(const QString &selectId);
    void showMarket(const Market &market, bool readOnly, const QString &savedId);
    void setReadOnly(bool readOnly);
    void updateChart();
    void showErrors(const ValidationErrors &errors);
    [[nodiscard]] QString uniqueId(const QString &base) const;
    void importWithDialog();
    void exportWithDialog();

    MarketRegistry *m_registry;
    QString m_userDirectory;
    QString m_savedId; // the user market the editors came from; empty for a preset or an unsaved market
    QStringList m_marketEstimates;
    LiquidationRuleParams m_ruleParams; // kept as read: the editor has no fields for them
    bool m_readOnly = true;

    QListWidget *m_list;
    QLineEdit *m_id;
    QLineEdit *m_name;
    QLineEdit *m_chain;
    QSpinBox *m_chainId;
    QDateEdit *m_asOf;
    QLineEdit *m_source;
    QPlainTextEdit *m_notes;
    QComboBox *m_rules;
    QDoubleSpinBox *m_flashPremium;
    ReserveTable *m_reserves;
    EModeTable *m_eModes;
    RateCurveChart *m_chart;
    QLabel *m_status;
    QLabel *m_errors;
    QPushButton *m_save;
    QPushButton *m_remove;
    QList<QPushButton *> m_editButtons; // add/remove rows: enabled only for user markets
};

} // namespace lp
