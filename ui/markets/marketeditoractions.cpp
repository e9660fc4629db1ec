// The Market editor's actions on the registry and on files: new, duplicate, save, remove, import and
// export (the rest of MarketEditorDialog is in marketeditordialog.cpp).
#include "marketeditordialog.h"

#include "emodetable.h"
#include "marketjson.h"
#include "marketregistry.h"
#include "ratecurvechart.h"
#include "reservetable.h"
#include "riskstyle.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <limits>

namespace lp {

QString MarketEditorDialog::uniqueId(const QString &base) const
{
    QString id = base.left(56);
    for (int n = 2; m_registry->find(id); ++n)
        id = QStringLiteral("%1-%2").arg(base.left(56)).arg(n);
    return id;
}

void MarketEditorDialog::newMarket()
{
    Market m;
    m.id = uniqueId(QStringLiteral("my-market"));
    m.name = tr("My market");
    m.chain = tr("Ethereum");
    m.asOf = QDate::currentDate();
    m.source = tr("my own values");
    Reserve weth;
    weth.symbol = QStringLiteral("WETH");
    weth.name = QStringLiteral("Wrapped Ether");
    weth.ltv = 0.8;
    weth.liquidationThreshold = 0.825;
    weth.liquidationBonus = 0.05;
    weth.liquidationProtocolFee = 0.1;
    weth.reserveFactor = 0.1;
    weth.usableAsCollateral = true;
    weth.borrowable = true;
    weth.defaultPriceUsd = 3000;
    m.reserves = {weth};
    m_list->clearSelection();
    showMarket(m, false, QString());
}

void MarketEditorDialog::duplicateMarket()
{
    Market m = editedMarket();
    m.id = uniqueId(m.id + QStringLiteral("-copy"));
    m.name = tr("%1 (copy)").arg(m.name);
    m_list->clearSelection();
    showMarket(m, false, QString());
}

bool MarketEditorDialog::saveMarket()
{
    if (m_readOnly)
        return false;
    ValidationErrors errors;
    const Market m = editedMarket(&errors);
    if (errors.isEmpty())
        errors = validateMarket(m);
    if (errors.isEmpty() && m.id != m_savedId && m_registry->find(m.id))
        errors.append(
            {QStringLiteral("id"), tr("a market \"%1\" exists already; choose another id").arg(m.id)});
    if (errors.isEmpty())
        errors = m_registry->saveUserMarket(m, m_userDirectory);
    if (!errors.isEmpty()) {
        showErrors(errors);
        return false;
    }
    // Renamed: the old file goes, the market lives on under its new id.
    if (!m_savedId.isEmpty() && m_savedId != m.id)
        (void)m_registry->removeUserMarket(m_savedId);
    rebuildList(m.id);
    emit marketsChanged(m.id);
    return true;
}

bool MarketEditorDialog::removeMarket()
{
    if (m_readOnly || m_savedId.isEmpty())
        return false;
    const QString id = m_savedId;
    const ValidationErrors errors = m_registry->removeUserMarket(id);
    if (!errors.isEmpty()) {
        showErrors(errors);
        return false;
    }
    rebuildList(m_registry->ids().value(0));
    emit marketsChanged(id);
    return true;
}

bool MarketEditorDialog::importFile(const QString &path)
{
    Expected<Market> read = readMarketFile(path);
    if (!read) {
        showErrors(read.errors());
        return false;
    }
    Market m = read.value();
    if (m_registry->find(m.id))
        m.id = uniqueId(m.id + QStringLiteral("-imported"));
    const ValidationErrors errors = m_registry->saveUserMarket(m, m_userDirectory);
    if (!errors.isEmpty()) {
        showErrors(errors);
        return false;
    }
    rebuildList(m.id);
    emit marketsChanged(m.id);
    return true;
}

bool MarketEditorDialog::exportFile(const QString &path)
{
    ValidationErrors errors;
    const Market m = editedMarket(&errors);
    if (errors.isEmpty())
        errors = validateMarket(m);
    if (errors.isEmpty())
        errors = writeMarketFile(m, path);
    if (!errors.isEmpty()) {
        showErrors(errors);
        return false;
    }
    m_errors->clear();
    return true;
}

void MarketEditorDialog::importWithDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import Market"), QString(), tr("Market files (*.json)"));
    if (!path.isEmpty())
        importFile(path);
}

void MarketEditorDialog::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Market"), m_id->text() + QStringLiteral(".json"), tr("Market files (*.json)"));
    if (!path.isEmpty())
        exportFile(path);
}

} // namespace lp
